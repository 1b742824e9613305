package org.qipathways.report.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.qipathways.programme.Programme;
import org.qipathways.programme.Tier;
import org.qipathways.progress.Progress;
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

    final Programme programme;
    final LocalDate asOf;
    /** The counts of this report's learners: the region's, or one organisation's. */
    final ReportCounts counts;
    final Disclosure d;
    final ReportOptions options;
    final List<Tier> tiers;
    private final List<String> notes = new ArrayList<>();

    private ReportBuilder(Programme programme, LocalDate asOf, ReportCounts counts, Disclosure d, ReportOptions options) {
        this.programme = programme;
        this.asOf = asOf;
        this.counts = counts;
        this.d = d;
        this.options = options;
        this.tiers = programme.tiers();
    }

    /** See {@link ProgressionReport#of(ReportInput, Disclosure, ReportOptions)}. */
    public static ProgressionReport build(ReportInput input, Disclosure disclosure, ReportOptions options) {
        String code = checkedOrganisation(disclosure, options);
        Map<String, Learner> learnerById = learnerById(input.learners());
        Map<String, LearnerRecord> recordById = new HashMap<>();
        for (LearnerRecord r : input.records()) {
            recordById.put(r.learnerId(), r);
        }
        boolean keepIds = options.certificates() != null;
        ReportCounts region = new ReportCounts(input.programme(), input.asOf(), keepIds);
        ReportCounts one = code == null ? null : new ReportCounts(input.programme(), input.asOf(), keepIds);
        Set<String> ofOne = new HashSet<>();
        for (int i = 0; i < input.now().size(); i++) {
            Progress p = input.now().get(i);
            Learner l = learnerById.get(p.learnerId());
            LearnerRecord r = recordById.get(p.learnerId());
            boolean unexplained = region.addNow(p, r, l);
            region.addYearAgo(input.yearAgo().get(i));
            if (one != null && l != null && l.organisation().equals(code)) {
                one.addNow(p, r, l);
                one.addYearAgo(input.yearAgo().get(i));
                ofOne.add(p.learnerId());
            }
            if (unexplained) {
                throw new IllegalArgumentException("progress of " + p.learnerId() + " has no explanation to say where"
                        + " they stall: evaluate with Detail.FULL");
            }
        }
        for (LearnerRecord r : input.records()) {
            region.addRecord(r);
            if (one != null && ofOne.contains(r.learnerId())) {
                one.addRecord(r);
            }
        }
        return build(input.programme(), input.asOf(), region, one, disclosure, options);
    }

    /** The report from the counts of the region and, for one organisation's report, of its learners. */
    static ProgressionReport build(Programme programme, LocalDate asOf, ReportCounts region, ReportCounts one,
                                   Disclosure disclosure, ReportOptions options) {
        ReportBuilder all = new ReportBuilder(programme, asOf, region, disclosure, options);
        if (one == null) {
            return all.build(null);
        }
        if (one.total == 0) {
            throw new IllegalArgumentException("no learner of organisation " + options.organisation() + " in the learners file");
        }
        return new ReportBuilder(programme, asOf, one, disclosure, options).build(all);
    }

    /** The organisation the report is on ({@code null}: the region), once checked that the disclosure control allows one. */
    static String checkedOrganisation(Disclosure disclosure, ReportOptions options) {
        if (options.organisation() != null && !ReportOptions.allowsOneOrganisation(disclosure)) {
            throw new IllegalArgumentException(ReportOptions.ONE_ORGANISATION_EXACT);
        }
        return options.organisation();
    }

    /** The learners by id, the first row of each id counting. */
    static Map<String, Learner> learnerById(List<Learner> learners) {
        Map<String, Learner> byId = new HashMap<>(learners.size() * 2);
        for (Learner l : learners) {
            byId.putIfAbsent(l.learnerId(), l);
        }
        return byId;
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
        LocalDate before = asOf.minusYears(1);
        long total = counts.total;
        long unlisted = counts.unlisted;
        String focus = region == null ? null : organisationLabel(options.organisation());
        if (focus != null) {
            notes.add("This report is on the learners of " + focus + ": " + thousands(d.count(total)) + " learners. The region"
                    + " (every learner in the input files, " + thousands(d.count(region.counts.total)) + ") is the comparison:"
                    + " in the table comparing the two, in the organisation table and in the funnel plot.");
        } else {
            notes.add("The report covers every learner in the learners file or with an event in the events file: "
                    + thousands(d.count(total)) + " learners" + (unlisted == 0 ? "" : ", of whom " + thousands(d.count(unlisted))
                    + " appear only in the events file (shown as " + NOT_IN_LEARNERS + ")") + ".");
        }
        notes.add("Progress is judged on events up to the report date, " + asOf + "; \"a year ago\" judges the same"
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
        tables.add(status.byGroup("by-icb", "By ICB or region", "ICB or region", ReportCounts.Grouping.REGION,
                String::compareToIgnoreCase));
        tables.add(status.byGroup("by-staff-group", "By staff group", "Staff group", ReportCounts.Grouping.STAFF_GROUP,
                String::compareToIgnoreCase));
        tables.add(status.byGroup("by-band", "By Agenda for Change band", "Band", ReportCounts.Grouping.BAND,
                StatusTables::compareBands));
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
        return new ProgressionReport(programme.title(), asOf, before, d, d.count(total), focus,
                CertificateTable.basis(options.certificates()), notes, tables, funnel, plot[0], levels, coverage, series);
    }

    /** A published count with thousands separators, for text. */
    private static String thousands(String cell) {
        return cell.matches("\\d+") ? String.format(Locale.ROOT, "%,d", Long.parseLong(cell)) : cell;
    }
}
