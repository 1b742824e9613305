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
import org.qipathways.report.ReportOptions;
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
    final ReportOptions options;
    final List<Tier> tiers;
    final Map<String, Learner> learnerById = new HashMap<>();
    final Map<String, LearnerRecord> recordById = new HashMap<>();
    private final List<String> notes = new ArrayList<>();

    private ReportBuilder(ReportInput in, Disclosure d, ReportOptions options) {
        this.in = in;
        this.d = d;
        this.options = options;
        this.tiers = in.programme().tiers();
        for (Learner l : in.learners()) {
            learnerById.putIfAbsent(l.learnerId(), l);
        }
        for (LearnerRecord r : in.records()) {
            recordById.put(r.learnerId(), r);
        }
    }

    /** See {@link ProgressionReport#of(ReportInput, Disclosure, ReportOptions)}. */
    public static ProgressionReport build(ReportInput input, Disclosure disclosure, ReportOptions options) {
        ReportBuilder region = new ReportBuilder(input, disclosure, options);
        if (options.organisation() == null) {
            return region.build(null);
        }
        if (!ReportOptions.allowsOneOrganisation(disclosure)) {
            throw new IllegalArgumentException(ReportOptions.ONE_ORGANISATION_EXACT);
        }
        ReportInput one = region.only(options.organisation());
        return new ReportBuilder(one, disclosure, options).build(region);
    }

    /** The input narrowed to the learners of one organisation (as the learners file has them). */
    private ReportInput only(String code) {
        List<org.qipathways.progress.Progress> now = new ArrayList<>();
        List<org.qipathways.progress.Progress> yearAgo = new ArrayList<>();
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (int i = 0; i < in.now().size(); i++) {
            Learner l = learnerById.get(in.now().get(i).learnerId());
            if (l != null && l.organisation().equals(code)) {
                now.add(in.now().get(i));
                yearAgo.add(in.yearAgo().get(i));
                ids.add(l.learnerId());
            }
        }
        if (now.isEmpty()) {
            throw new IllegalArgumentException("no learner of organisation " + code + " in the learners file");
        }
        List<Learner> learners = in.learners().stream().filter(l -> ids.contains(l.learnerId())).toList();
        List<LearnerRecord> records = in.records().stream().filter(r -> ids.contains(r.learnerId())).toList();
        return new ReportInput(in.programme(), in.asOf(), now, yearAgo, learners, records);
    }

    /** The organisation's name and code, or the code alone when its name is not known. */
    String organisationLabel(String code) {
        String name = options.organisationNames().get(code);
        return name == null ? code : name + " (" + code + ")";
    }

    /**
     * The report on this builder's learners; with {@code region} (the whole input) when they are one
     * organisation's: then the organisation table and a comparison come from the region.
     */
    private ProgressionReport build(ReportBuilder region) {
        LocalDate before = in.asOf().minusYears(1);
        long total = in.now().size();
        long unlisted = in.now().stream().filter(p -> !learnerById.containsKey(p.learnerId())).count();
        String focus = region == null ? null : organisationLabel(options.organisation());
        if (focus != null) {
            notes.add("This report is on the learners of " + focus + ": " + thousands(d.count(total)) + " learners. The region"
                    + " (every learner in the input files, " + thousands(d.count(region.in.now().size())) + ") is the comparison:"
                    + " in the table comparing the two, in the organisation table and in the funnel plot.");
        } else {
            notes.add("The report covers every learner in the learners file or with an event in the events file: "
                    + thousands(d.count(total)) + " learners" + (unlisted == 0 ? "" : ", of whom " + thousands(d.count(unlisted))
                    + " appear only in the events file (shown as " + NOT_IN_LEARNERS + ")") + ".");
        }
        notes.add("Progress is judged on events up to the report date, " + in.asOf() + "; \"a year ago\" judges the same"
                + " learners on their events up to " + before + ".");
        notes.add(CertificateTable.basis(options.certificates()));

        List<ReportTable> tables = new ArrayList<>();
        List<ProgressionReport.FunnelBar> funnel = new ArrayList<>();
        StatusTables status = new StatusTables(this);
        tables.add(status.funnel(before, funnel));
        if (region != null) {
            tables.add(new StatusTables(region).comparedWithRegion(this, focus));
        }
        ReportBuilder all = region == null ? this : region;
        ReportTable byOrganisation = new StatusTables(all).byOrganisation();
        tables.add(byOrganisation);
        org.qipathways.report.FunnelPlot[] plot = new org.qipathways.report.FunnelPlot[1];
        ReportTable funnelPlot = new FunnelPlotTable(all).table(byOrganisation, plot);
        if (funnelPlot != null) {
            tables.add(funnelPlot);
        }
        tables.add(status.byGroup("by-icb", "By ICB or region", "ICB or region", Learner::region, String::compareToIgnoreCase, NOT_RECORDED));
        tables.add(status.byGroup("by-staff-group", "By staff group", "Staff group", Learner::staffGroup, String::compareToIgnoreCase, NOT_RECORDED));
        tables.add(status.byGroup("by-band", "By Agenda for Change band", "Band", Learner::band, StatusTables::compareBands, NO_BAND));
        TimeTables time = new TimeTables(this);
        tables.add(time.timeBetweenTiers());
        tables.add(time.stalled());
        tables.add(time.expiring(options.certificates() != null));
        tables.add(new CertificateTable(this, options.certificates()).table());
        List<String> levels = new ArrayList<>();
        List<ProgressionReport.CoverageBar> coverage = new ArrayList<>();
        tables.add(new CoverageTable(this).coverage(levels, coverage));
        List<ProgressionReport.MonthlySeries> series = new ArrayList<>();
        tables.addAll(new MonthlyTable(this).achievements(series));
        return new ProgressionReport(in.programme().title(), in.asOf(), before, d, d.count(total), focus,
                CertificateTable.basis(options.certificates()), notes, tables, funnel, plot[0], levels, coverage, series);
    }

    /** A published count with thousands separators, for text. */
    private static String thousands(String cell) {
        return cell.matches("\\d+") ? String.format(Locale.ROOT, "%,d", Long.parseLong(cell)) : cell;
    }
}
