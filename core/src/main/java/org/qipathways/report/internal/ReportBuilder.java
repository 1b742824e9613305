package org.qipathways.report.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.qipathways.programme.Tier;
import org.qipathways.record.Learner;
import org.qipathways.record.LearnerRecord;
import org.qipathways.report.Disclosure;
import org.qipathways.report.ProgressionReport;
import org.qipathways.report.ReportInput;
import org.qipathways.report.ReportTable;

/**
 * Computes a {@link ProgressionReport}: counts from unrounded values, then every count through
 * the disclosure control as tables are laid out. Learner ids are only ever used as keys here.
 */
public final class ReportBuilder {

    /** Days without a new event after which a learner in progress counts as stalled. */
    public static final int STALL_DAYS = 180;
    /** Days ahead (expiring) and back (lapsed) that the expiry table looks. */
    public static final int EXPIRY_DAYS = 90;
    /**
     * The months the achievements chart covers, at most: two years is enough points for stable
     * limits (Making Data Count asks for 15 to 20) without reaching back to a programme's start-up.
     */
    public static final int MAX_MONTHS = 24;
    /** Fewer complete months than this give no SPC chart. */
    public static final int MIN_MONTHS = 12;

    static final String NOT_RECORDED = "(not recorded)";
    static final String NO_BAND = "(no band, or not recorded)";
    static final String NOT_IN_LEARNERS = "(not in the learners file)";

    final ReportInput in;
    final Disclosure d;
    final List<Tier> tiers;
    final Map<String, Learner> learnerById = new HashMap<>();
    final Map<String, LearnerRecord> recordById = new HashMap<>();
    private final List<String> notes = new ArrayList<>();

    private ReportBuilder(ReportInput in, Disclosure d) {
        this.in = in;
        this.d = d;
        this.tiers = in.programme().tiers();
        for (Learner l : in.learners()) {
            learnerById.putIfAbsent(l.learnerId(), l);
        }
        for (LearnerRecord r : in.records()) {
            recordById.put(r.learnerId(), r);
        }
    }

    /** See {@link ProgressionReport#of}. */
    public static ProgressionReport build(ReportInput input, Disclosure disclosure) {
        return new ReportBuilder(input, disclosure).build();
    }

    private ProgressionReport build() {
        LocalDate before = in.asOf().minusYears(1);
        long total = in.now().size();
        long unlisted = in.now().stream().filter(p -> !learnerById.containsKey(p.learnerId())).count();
        notes.add("The report covers every learner in the learners file or with an event in the events file: "
                + thousands(d.count(total)) + " learners" + (unlisted == 0 ? "" : ", of whom " + thousands(d.count(unlisted))
                + " appear only in the events file (shown as " + NOT_IN_LEARNERS + ")") + ".");
        notes.add("Progress is judged on events up to the report date, " + in.asOf() + "; \"a year ago\" judges the same"
                + " learners on their events up to " + before + ".");

        List<ReportTable> tables = new ArrayList<>();
        List<ProgressionReport.FunnelBar> funnel = new ArrayList<>();
        StatusTables status = new StatusTables(this);
        tables.add(status.funnel(before, funnel));
        tables.add(status.byGroup("by-organisation", "By organisation", "Organisation (ODS code)", Learner::organisation, String::compareTo, NOT_RECORDED));
        tables.add(status.byGroup("by-icb", "By ICB or region", "ICB or region", Learner::region, String::compareToIgnoreCase, NOT_RECORDED));
        tables.add(status.byGroup("by-staff-group", "By staff group", "Staff group", Learner::staffGroup, String::compareToIgnoreCase, NOT_RECORDED));
        tables.add(status.byGroup("by-band", "By Agenda for Change band", "Band", Learner::band, StatusTables::compareBands, NO_BAND));
        TimeTables time = new TimeTables(this);
        tables.add(time.timeBetweenTiers());
        tables.add(time.stalled());
        tables.add(time.expiring());
        List<String> levels = new ArrayList<>();
        List<ProgressionReport.CoverageBar> coverage = new ArrayList<>();
        tables.add(new CoverageTable(this).coverage(levels, coverage));
        List<ProgressionReport.MonthlySeries> series = new ArrayList<>();
        tables.addAll(new MonthlyTable(this).achievements(series));
        return new ProgressionReport(in.programme().title(), in.asOf(), before, d, d.count(total), notes, tables, funnel,
                levels, coverage, series);
    }

    /** A published count with thousands separators, for text. */
    private static String thousands(String cell) {
        return cell.matches("\\d+") ? String.format(Locale.ROOT, "%,d", Long.parseLong(cell)) : cell;
    }
}
