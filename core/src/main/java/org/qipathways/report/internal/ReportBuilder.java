package org.qipathways.report.internal;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.qipathways.competency.Competency;
import org.qipathways.competency.CompetencyFramework;
import org.qipathways.competency.ProficiencyLevel;
import org.qipathways.programme.Programme;
import org.qipathways.programme.Tier;
import org.qipathways.progress.CompetencyLevel;
import org.qipathways.progress.Progress;
import org.qipathways.progress.TierProgress;
import org.qipathways.progress.TierStatus;
import org.qipathways.record.Learner;
import org.qipathways.record.LearnerEvent;
import org.qipathways.record.LearnerRecord;
import org.qipathways.report.Disclosure;
import org.qipathways.report.ProgressionReport;
import org.qipathways.report.ReportInput;
import org.qipathways.report.ReportTable;
import org.qipathways.report.ReportTable.Column;
import org.qipathways.report.ReportTable.Row;
import org.qipathways.report.Xmr;

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

    private final ReportInput in;
    private final Disclosure d;
    private final List<Tier> tiers;
    private final Map<String, Learner> learnerById = new HashMap<>();
    private final Map<String, LearnerRecord> recordById = new HashMap<>();
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
        tables.add(funnel(before, funnel));
        tables.add(byGroup("by-organisation", "By organisation", "Organisation (ODS code)", Learner::organisation, String::compareTo, NOT_RECORDED));
        tables.add(byGroup("by-icb", "By ICB or region", "ICB or region", Learner::region, String::compareToIgnoreCase, NOT_RECORDED));
        tables.add(byGroup("by-staff-group", "By staff group", "Staff group", Learner::staffGroup, String::compareToIgnoreCase, NOT_RECORDED));
        tables.add(byGroup("by-band", "By Agenda for Change band", "Band", Learner::band, ReportBuilder::compareBands, NO_BAND));
        tables.add(timeBetweenTiers());
        tables.add(stalled());
        tables.add(expiring());
        List<String> levels = new ArrayList<>();
        List<ProgressionReport.CoverageBar> coverage = new ArrayList<>();
        tables.add(coverage(levels, coverage));
        List<ProgressionReport.MonthlySeries> series = new ArrayList<>();
        tables.add(achievementsByMonth(series));
        return new ProgressionReport(in.programme().title(), in.asOf(), before, d, d.count(total), notes, tables, funnel,
                levels, coverage, series);
    }

    // ---- the funnel ----

    private static final TierStatus[] FUNNEL_ORDER = {TierStatus.ACHIEVED, TierStatus.IN_PROGRESS, TierStatus.LAPSED,
            TierStatus.REVOKED, TierStatus.NOT_STARTED};
    /** A status's column in {@link #FUNNEL_ORDER}, by ordinal. */
    private static final int[] FUNNEL_COLUMN = new int[TierStatus.values().length];

    static {
        for (int i = 0; i < FUNNEL_ORDER.length; i++) {
            FUNNEL_COLUMN[FUNNEL_ORDER[i].ordinal()] = i;
        }
    }

    private ReportTable funnel(LocalDate before, List<ProgressionReport.FunnelBar> bars) {
        List<Row> rows = new ArrayList<>();
        for (int t = 0; t < tiers.size(); t++) {
            Long[] held = new Long[2];
            for (int when = 0; when < 2; when++) {
                List<Progress> progress = when == 0 ? in.now() : in.yearAgo();
                long[] c = new long[FUNNEL_ORDER.length + 1];
                for (Progress p : progress) {
                    c[FUNNEL_COLUMN[p.tiers().get(t).status().ordinal()]]++;
                }
                c[FUNNEL_ORDER.length] = progress.size();
                String[] pub = d.publish(new long[][] {c}, Disclosure.Totals.LAST_COLUMN)[0];
                List<String> cells = new ArrayList<>();
                cells.add(tiers.get(t).title());
                cells.add((when == 0 ? in.asOf() : before).toString());
                cells.add(pub[0]);
                cells.add(rate(pub[0], c[0], c[FUNNEL_ORDER.length]));
                cells.addAll(Arrays.asList(pub).subList(1, pub.length));
                rows.add(new Row(cells, false));
                held[when] = published(pub[0]);
            }
            bars.add(new ProgressionReport.FunnelBar(tiers.get(t).title(), held[0], held[1]));
        }
        List<Column> cols = List.of(label("Tier"), label("As of"), number("Achieved (held)"), number("% achieved"),
                number("In progress"), number("Lapsed"), number("Revoked"), number("Not started"), number("Learners"));
        return new ReportTable("funnel", "The funnel: learners at each tier, now and a year ago",
                "Learners by status on each tier on the report date and a year before it. Achieved means held on that"
                        + " date; lapsed, achieved but its validity ended; in progress, some of the tier's requirements met;"
                        + " % achieved is of all learners.", cols, rows);
    }

    // ---- by organisation, ICB, staff group, band ----

    private ReportTable byGroup(String id, String title, String groupName, Function<Learner, String> key,
                                Comparator<String> order, String missing) {
        int width = 1 + 2 * tiers.size();
        Map<String, long[]> groups = new HashMap<>();
        long[] all = new long[width];
        for (Progress p : in.now()) {
            Learner l = learnerById.get(p.learnerId());
            String g = l == null ? NOT_IN_LEARNERS : key.apply(l);
            if (g == null) {
                g = missing;
            }
            long[] c = groups.computeIfAbsent(g, k -> new long[width]);
            c[0]++;
            all[0]++;
            for (int t = 0; t < tiers.size(); t++) {
                TierStatus s = p.tiers().get(t).status();
                int at = s == TierStatus.ACHIEVED ? 1 + 2 * t : s == TierStatus.IN_PROGRESS ? 2 + 2 * t : -1;
                if (at > 0) {
                    c[at]++;
                    all[at]++;
                }
            }
        }
        List<String> names = new ArrayList<>(groups.keySet());
        names.sort(Comparator.comparing(ReportBuilder::isPlaceholder).thenComparing(order));
        long[][] matrix = new long[names.size() + 1][];
        for (int i = 0; i < names.size(); i++) {
            matrix[i] = groups.get(names.get(i));
        }
        matrix[names.size()] = all;
        String[][] pub = d.publish(matrix, Disclosure.Totals.LAST_ROW);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i <= names.size(); i++) {
            List<String> cells = new ArrayList<>();
            cells.add(i < names.size() ? names.get(i) : "All learners");
            cells.add(pub[i][0]);
            for (int t = 0; t < tiers.size(); t++) {
                cells.add(pub[i][1 + 2 * t]);
                cells.add(rate(pub[i][1 + 2 * t], matrix[i][1 + 2 * t], matrix[i][0]));
                cells.add(pub[i][2 + 2 * t]);
            }
            rows.add(new Row(cells, i == names.size()));
        }
        List<Column> cols = new ArrayList<>();
        cols.add(label(groupName));
        cols.add(number("Learners"));
        for (Tier t : tiers) {
            cols.add(new Column(t.title(), "achieved", true));
            cols.add(new Column(t.title(), "% achieved", true));
            cols.add(new Column(t.title(), "in progress", true));
        }
        return new ReportTable(id, title, "Learners holding each tier (achieved) and part-way through it (in progress) on "
                + in.asOf() + ", with the share of the group's learners holding it.", cols, rows);
    }

    private static boolean isPlaceholder(String group) {
        return group.startsWith("(");
    }

    /** Agenda for Change bands in pay order: 1..7, 8a..8d, 9. */
    static int compareBands(String a, String b) {
        return Double.compare(bandRank(a), bandRank(b)) != 0 ? Double.compare(bandRank(a), bandRank(b)) : a.compareTo(b);
    }

    private static double bandRank(String band) {
        if (band.length() == 2 && band.charAt(0) == '8') {
            return 8 + (band.charAt(1) - 'a' + 1) / 10.0;
        }
        try {
            return Integer.parseInt(band);
        } catch (NumberFormatException e) {
            return Double.MAX_VALUE;
        }
    }

    // ---- time between tiers ----

    private ReportTable timeBetweenTiers() {
        List<Row> rows = new ArrayList<>();
        for (int t = 0; t < tiers.size(); t++) {
            List<Long> days = new ArrayList<>();
            for (Progress p : in.now()) {
                LocalDate to = p.tiers().get(t).achievedOn();
                LocalDate from = t == 0 ? firstEvent(recordById.get(p.learnerId())) : p.tiers().get(t - 1).achievedOn();
                if (to != null && from != null) {
                    days.add(ChronoUnit.DAYS.between(from, to));
                }
            }
            String fromName = t == 0 ? "First event" : tiers.get(t - 1).title();
            rows.add(new Row(statistics(fromName, tiers.get(t).title(), days), false));
        }
        List<Column> cols = List.of(label("From"), label("To"), number("Learners"), number("Median days"),
                number("Lower quartile days"), number("Upper quartile days"));
        return new ReportTable("time-between-tiers", "Time from one tier to the next",
                "Days from achieving one tier to first achieving the next (for the first tier: from the learner's first"
                        + " event), over learners who achieved both by " + in.asOf() + ". Quartiles interpolate between"
                        + " values (as Excel's QUARTILE.INC).", cols, rows);
    }

    private List<String> statistics(String from, String to, List<Long> days) {
        long n = days.size();
        List<String> cells = new ArrayList<>(List.of(from, to, d.count(n)));
        if (n == 0 || !d.allowsStatisticOver(n)) {
            cells.addAll(List.of(Disclosure.WITHHELD, Disclosure.WITHHELD, Disclosure.WITHHELD));
            return cells;
        }
        double[] sorted = days.stream().mapToDouble(Long::doubleValue).sorted().toArray();
        for (double q : new double[] {0.5, 0.25, 0.75}) {
            cells.add(String.format(Locale.ROOT, "%.0f", quantile(sorted, q)));
        }
        return cells;
    }

    /** The q-quantile of sorted values, interpolating linearly (Hyndman and Fan's type 7). */
    static double quantile(double[] sorted, double q) {
        double h = (sorted.length - 1) * q;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    private LocalDate firstEvent(LearnerRecord r) {
        if (r == null || r.events().isEmpty() || r.events().get(0).date().isAfter(in.asOf())) {
            return null;
        }
        return r.events().get(0).date();
    }

    private LocalDate lastEvent(LearnerRecord r) {
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

    // ---- stalls ----

    private ReportTable stalled() {
        List<Map<String, long[]>> byTier = new ArrayList<>();
        for (int t = 0; t < tiers.size(); t++) {
            byTier.add(new HashMap<>());
        }
        LocalDate cutoff = in.asOf().minusDays(STALL_DAYS);
        for (Progress p : in.now()) {
            LocalDate last = null;
            boolean looked = false;
            for (int t = 0; t < tiers.size(); t++) {
                TierProgress tp = p.tiers().get(t);
                if (tp.status() != TierStatus.IN_PROGRESS) {
                    continue;
                }
                if (!looked) {
                    last = lastEvent(recordById.get(p.learnerId()));
                    looked = true;
                }
                if (last != null && !last.isAfter(cutoff)) {
                    byTier.get(t).computeIfAbsent(StallKey.of(tp), k -> new long[1])[0]++;
                }
            }
        }
        List<Row> rows = new ArrayList<>();
        for (int t = 0; t < tiers.size(); t++) {
            Map<String, long[]> groups = byTier.get(t);
            List<String> keys = new ArrayList<>(groups.keySet());
            // Sort on what is published, so the order gives nothing away that the cells do not.
            keys.sort(Comparator.comparingLong((String k) -> -sortValue(groups.get(k)[0])).thenComparing(Comparator.naturalOrder()));
            long[][] matrix = new long[keys.size() + 1][1];
            long sum = 0;
            for (int i = 0; i < keys.size(); i++) {
                matrix[i][0] = groups.get(keys.get(i))[0];
                sum += matrix[i][0];
            }
            matrix[keys.size()][0] = sum;
            String[][] pub = d.publish(matrix, Disclosure.Totals.LAST_ROW);
            String tier = tiers.get(t).title();
            for (int i = 0; i < keys.size(); i++) {
                rows.add(new Row(List.of(tier, keys.get(i), pub[i][0]), false));
            }
            rows.add(new Row(List.of(tier, "All stalled on " + tier, pub[keys.size()][0]), true));
        }
        return new ReportTable("stalled", "Where people stall",
                "Learners in progress on a tier with no new event for " + STALL_DAYS + " days or more before " + in.asOf()
                        + ", by the first requirement they are missing (on the route they are on).",
                List.of(label("Tier"), label("Missing requirement"), number("Learners stalled")), rows);
    }

    private long sortValue(long n) {
        return d.suppresses(n) ? 0 : d.round(n);
    }

    // ---- expiring and lapsed ----

    private ReportTable expiring() {
        List<Row> rows = new ArrayList<>();
        LocalDate ahead = in.asOf().plusDays(EXPIRY_DAYS);
        LocalDate back = in.asOf().minusDays(EXPIRY_DAYS);
        List<Integer> expiringTiers = new ArrayList<>();
        for (int t = 0; t < tiers.size(); t++) {
            if (tiers.get(t).expires()) {
                expiringTiers.add(t);
            }
        }
        long[][] matrix = new long[expiringTiers.size()][2];
        for (Progress p : in.now()) {
            for (int i = 0; i < expiringTiers.size(); i++) {
                TierProgress tp = p.tiers().get(expiringTiers.get(i));
                LocalDate e = tp.expiresOn();
                if (e == null) {
                    continue;
                }
                if (tp.status() == TierStatus.ACHIEVED && !e.isBefore(in.asOf()) && !e.isAfter(ahead)) {
                    matrix[i][0]++;
                } else if (tp.status() == TierStatus.LAPSED && !e.isBefore(back) && e.isBefore(in.asOf())) {
                    matrix[i][1]++;
                }
            }
        }
        String[][] pub = d.publish(matrix, Disclosure.Totals.NONE);
        for (int i = 0; i < expiringTiers.size(); i++) {
            rows.add(new Row(List.of(tiers.get(expiringTiers.get(i)).title(), pub[i][0], pub[i][1]), false));
        }
        String which = expiringTiers.isEmpty() ? " No tier of this programme expires." : "";
        return new ReportTable("expiring", "Certificates expiring or lapsed",
                "Certificates are not issued yet, so these are achievements of tiers that expire: held and ending within the "
                        + EXPIRY_DAYS + " days from " + in.asOf() + " (to " + ahead + "), or lapsed without renewal, having"
                        + " ended within the " + EXPIRY_DAYS + " days before it (from " + back + ")." + which,
                List.of(label("Tier"), number("Expiring in the next " + EXPIRY_DAYS + " days"),
                        number("Lapsed in the last " + EXPIRY_DAYS + " days")), rows);
    }

    // ---- competency coverage ----

    private ReportTable coverage(List<String> levelNames, List<ProgressionReport.CoverageBar> bars) {
        CompetencyFramework framework = in.programme().framework();
        List<Competency> competencies = framework.competencies();
        int maxLevel = framework.scale().maxLevel();
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < competencies.size(); i++) {
            index.put(competencies.get(i).code(), i);
        }
        long[][] matrix = new long[competencies.size()][maxLevel + 2];
        for (Progress p : in.now()) {
            for (CompetencyLevel cl : p.competencies()) {
                Integer i = index.get(cl.competency());
                if (i != null) {
                    matrix[i][Math.min(Math.max(cl.level(), 0), maxLevel)]++;
                    matrix[i][maxLevel + 1]++;
                }
            }
        }
        String[][] pub = d.publish(matrix, Disclosure.Totals.LAST_COLUMN);
        levelNames.add("Not evidenced");
        for (ProficiencyLevel l : framework.scale().levels()) {
            levelNames.add(l.level() + " " + l.name());
        }
        List<Column> cols = new ArrayList<>();
        cols.add(label("Competency"));
        cols.add(label("Title"));
        cols.add(number("Learners"));
        for (String level : levelNames) {
            cols.add(new Column(level, "learners", true));
            cols.add(new Column(level, "%", true));
        }
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < competencies.size(); i++) {
            Competency c = competencies.get(i);
            List<String> cells = new ArrayList<>(List.of(c.code(), c.title(), pub[i][maxLevel + 1]));
            List<Double> percents = new ArrayList<>();
            for (int level = 0; level <= maxLevel; level++) {
                String rate = rate(pub[i][level], matrix[i][level], matrix[i][maxLevel + 1]);
                cells.add(pub[i][level]);
                cells.add(rate);
                percents.add(Disclosure.WITHHELD.equals(rate) ? null
                        : 100.0 * d.round(matrix[i][level]) / d.round(matrix[i][maxLevel + 1]));
            }
            rows.add(new Row(cells, false));
            bars.add(new ProgressionReport.CoverageBar(c.code(), c.title(), percents));
        }
        return new ReportTable("competency-coverage", "Competency coverage",
                "Learners at each level of the " + framework.scale().name() + " scale in each competency on " + in.asOf()
                        + " (the highest level evidenced by units or assessor ratings), and their share of all learners.",
                cols, rows);
    }

    // ---- achievements per month ----

    private ReportTable achievementsByMonth(List<ProgressionReport.MonthlySeries> out) {
        YearMonth last = YearMonth.from(in.asOf());
        if (!in.asOf().equals(last.atEndOfMonth())) {
            last = last.minusMonths(1);
        }
        LocalDate firstEvent = null;
        for (LearnerRecord r : in.records()) {
            LocalDate f = firstEvent(r);
            if (f != null && (firstEvent == null || f.isBefore(firstEvent))) {
                firstEvent = f;
            }
        }
        YearMonth first = last.minusMonths(MAX_MONTHS - 1);
        if (firstEvent != null && YearMonth.from(firstEvent).isAfter(first)) {
            first = YearMonth.from(firstEvent);
        }
        List<YearMonth> months = new ArrayList<>();
        for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
            months.add(m);
        }
        Map<YearMonth, Integer> monthIndex = new LinkedHashMap<>();
        for (int i = 0; i < months.size(); i++) {
            monthIndex.put(months.get(i), i);
        }
        long[][] counts = new long[tiers.size()][months.size()];
        for (Progress p : in.now()) {
            for (int t = 0; t < tiers.size(); t++) {
                LocalDate a = p.tiers().get(t).achievedOn();
                if (a != null) {
                    Integer i = monthIndex.get(YearMonth.from(a));
                    if (i != null) {
                        counts[t][i]++;
                    }
                }
            }
        }
        List<Row> rows = new ArrayList<>();
        for (int t = 0; t < tiers.size(); t++) {
            String[] pub = d.publish(new long[][] {counts[t]}, Disclosure.Totals.NONE)[0];
            String withheld = null;
            Xmr xmr = null;
            if (months.size() < MIN_MONTHS) {
                withheld = "fewer than " + MIN_MONTHS + " complete months of data";
            } else if (Arrays.stream(counts[t]).anyMatch(d::suppresses)) {
                withheld = "some months have too few achievements to publish";
            } else {
                xmr = Xmr.of(Arrays.stream(counts[t]).mapToDouble(n -> d.round(n)).toArray());
            }
            out.add(new ProgressionReport.MonthlySeries(tiers.get(t).title(), months, Arrays.asList(pub), xmr, withheld));
            for (int i = 0; i < months.size(); i++) {
                List<String> cells = new ArrayList<>(List.of(months.get(i).toString(), tiers.get(t).title(), pub[i]));
                if (xmr == null) {
                    cells.addAll(List.of(Disclosure.WITHHELD, Disclosure.WITHHELD, Disclosure.WITHHELD, ""));
                } else {
                    cells.add(oneDecimal(xmr.mean()));
                    cells.add(oneDecimal(xmr.lowerLimit()));
                    cells.add(oneDecimal(xmr.upperLimit()));
                    cells.add(describe(xmr.points().get(i)));
                }
                rows.add(new Row(cells, false));
            }
        }
        return new ReportTable("achievements-by-month", "Achievements per month",
                "First achievements of each tier per complete calendar month, " + (months.isEmpty() ? "none"
                        : months.get(0) + " to " + months.get(months.size() - 1)) + ", with the XmR mean, natural process"
                        + " limits (mean \u00b1 2.66 \u00d7 mean moving range) and special-cause variation as NHS England's"
                        + " Making Data Count reads it, computed from the published counts.",
                List.of(label("Month"), label("Tier"), number("First achievements"), number("Mean"),
                        number("Lower process limit"), number("Upper process limit"), label("Special cause")), rows);
    }

    static String describe(Xmr.Point p) {
        if (!p.specialCause()) {
            return "";
        }
        List<String> why = new ArrayList<>();
        for (Xmr.Rule r : p.rules()) {
            why.add(switch (r) {
                case OUTSIDE_LIMITS -> "outside the process limits";
                case SHIFT -> "run of " + Xmr.SHIFT_LENGTH + "+ on one side of the mean";
                case TREND -> "trend of " + Xmr.TREND_LENGTH + "+ " + (p.direction() == Xmr.Direction.HIGH ? "rising" : "falling");
                case NEAR_LIMIT -> "2 of 3 near a process limit";
            });
        }
        return (p.direction() == Xmr.Direction.HIGH ? "high: " : "low: ") + String.join("; ", why);
    }

    private static String oneDecimal(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    // ---- helpers ----

    /** A rate, withheld when its published numerator is (primary or secondary suppression). */
    private String rate(String publishedPart, long part, long whole) {
        return Disclosure.WITHHELD.equals(publishedPart) ? Disclosure.WITHHELD : d.rate(part, whole);
    }

    /** A published count with thousands separators, for text. */
    private static String thousands(String cell) {
        return cell.matches("\\d+") ? String.format(Locale.ROOT, "%,d", Long.parseLong(cell)) : cell;
    }

    private static Long published(String cell) {
        return Disclosure.WITHHELD.equals(cell) ? null : Long.valueOf(cell);
    }

    private static Column label(String name) {
        return new Column(null, name, false);
    }

    private static Column number(String name) {
        return new Column(null, name, true);
    }
}
