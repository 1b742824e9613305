package org.qipathways.report.internal;

import java.time.LocalDate;
import java.util.List;
import org.qipathways.programme.Programme;
import org.qipathways.programme.Tier;
import org.qipathways.report.Disclosure;
import org.qipathways.report.ReportTable.Column;

/**
 * What every table of the report is made from: the counts of the report's learners
 * ({@link ReportCounts}), the disclosure control, the programme's tiers, and the small helpers the
 * tables share (rates withheld with their numerators, column headings). Each table kind extends it: {@link StatusTables}, {@link TimeTables},
 * {@link CoverageTable}, {@link MonthlyTable} and {@link CertificateTable}.
 */
abstract class ReportTables {

    final Programme programme;
    final LocalDate asOf;
    /** The counts of this report's learners. */
    final ReportCounts c;
    final Disclosure d;
    final org.qipathways.report.ReportOptions options;
    final List<Tier> tiers;

    ReportTables(ReportBuilder b) {
        this.programme = b.programme;
        this.asOf = b.asOf;
        this.c = b.counts;
        this.d = b.d;
        this.options = b.options;
        this.tiers = b.tiers;
    }

    /**
     * A rate, withheld when its published numerator is (primary or secondary suppression), to
     * {@code decimals} places: {@link Disclosure#rateDecimals} of every whole in its column, so that
     * a column never mixes "50%" with "12.5%".
     */
    String rate(String publishedPart, long part, long whole, int decimals) {
        return Disclosure.WITHHELD.equals(publishedPart) ? Disclosure.WITHHELD : d.rate(part, whole, decimals);
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
