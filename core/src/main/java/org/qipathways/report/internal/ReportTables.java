package org.qipathways.report.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.qipathways.programme.Tier;
import org.qipathways.record.Learner;
import org.qipathways.record.LearnerEvent;
import org.qipathways.record.LearnerRecord;
import org.qipathways.report.Disclosure;
import org.qipathways.report.ReportInput;
import org.qipathways.report.ReportTable.Column;

/**
 * What every table of the report is made from: the report's input and disclosure control, the
 * programme's tiers, learners and records by learner id, and the small helpers the tables share
 * (rates withheld with their numerators, the first and last event up to the report date, column
 * headings). Each table kind extends it: {@link StatusTables}, {@link TimeTables},
 * {@link CoverageTable}, {@link MonthlyTable} and {@link CertificateTable}.
 */
abstract class ReportTables {

    final ReportInput in;
    final Disclosure d;
    final org.qipathways.report.ReportOptions options;
    final List<Tier> tiers;
    final Map<String, Learner> learnerById;
    final Map<String, LearnerRecord> recordById;

    ReportTables(ReportBuilder b) {
        this.in = b.in;
        this.d = b.d;
        this.options = b.options;
        this.tiers = b.tiers;
        this.learnerById = b.learnerById;
        this.recordById = b.recordById;
    }

    LocalDate firstEvent(LearnerRecord r) {
        if (r == null || r.events().isEmpty() || r.events().get(0).date().isAfter(in.asOf())) {
            return null;
        }
        return r.events().get(0).date();
    }

    LocalDate lastEvent(LearnerRecord r) {
        if (r == null) {
            return null;
        }
        List<LearnerEvent> events = r.events();
        for (int i = events.size() - 1; i >= 0; i--) {
            if (!events.get(i).date().isAfter(in.asOf())) {
                return events.get(i).date();
            }
        }
        return null;
    }

    /** A rate, withheld when its published numerator is (primary or secondary suppression). */
    String rate(String publishedPart, long part, long whole) {
        return Disclosure.WITHHELD.equals(publishedPart) ? Disclosure.WITHHELD : d.rate(part, whole);
    }

    static Long published(String cell) {
        return Disclosure.WITHHELD.equals(cell) ? null : Long.valueOf(cell);
    }

    static Column label(String name) {
        return new Column(null, name, false);
    }

    static Column number(String name) {
        return new Column(null, name, true);
    }
}
