package org.qipathways.report.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.qipathways.programme.Tier;
import org.qipathways.progress.TierStatus;
import org.qipathways.report.Disclosure;
import org.qipathways.report.ProgressionReport;
import org.qipathways.report.ReportTable;
import org.qipathways.report.ReportTable.Column;
import org.qipathways.report.ReportTable.Row;

/**
 * The report's tables of learners by tier status: the funnel (each status on each tier, on the
 * report date and a year before it) and the same counts by organisation, ICB or region, staff
 * group and Agenda for Change band, each group's counts passed through the disclosure control
 * together with their totals.
 */
final class StatusTables extends ReportTables {

    StatusTables(ReportBuilder b) {
        super(b);
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

    ReportTable funnel(LocalDate before, List<ProgressionReport.FunnelBar> bars) {
        List<Row> rows = new ArrayList<>();
        // One column of rates over both dates' learners: one precision for both.
        int decimals = d.rateDecimals(this.c.total, this.c.totalYearAgo);
        for (int t = 0; t < tiers.size(); t++) {
            Long[] held = new Long[2];
            for (int when = 0; when < 2; when++) {
                long[] c = new long[FUNNEL_ORDER.length + 1];
                for (TierStatus s : TierStatus.values()) {
                    c[FUNNEL_COLUMN[s.ordinal()]] += this.c.byStatus[when][t][s.ordinal()];
                }
                c[FUNNEL_ORDER.length] = when == 0 ? this.c.total : this.c.totalYearAgo;
                String[] pub = d.publish(new long[][] {c}, Disclosure.Totals.LAST_COLUMN)[0];
                List<String> cells = new ArrayList<>();
                cells.add(tiers.get(t).title());
                cells.add((when == 0 ? asOf : before).toString());
                cells.add(pub[0]);
                cells.add(rate(pub[0], c[0], c[FUNNEL_ORDER.length], decimals));
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

    ReportTable byGroup(String id, String title, String groupName, ReportCounts.Grouping grouping, Comparator<String> order) {
        return byGroup(id, title, groupName, grouping, order, null);
    }

    /** Learners by organisation, with each organisation's name beside its code where names are known. */
    ReportTable byOrganisation() {
        return byGroup("by-organisation", "By organisation", "Organisation (ODS code)", ReportCounts.Grouping.ORGANISATION,
                String::compareTo, code -> isPlaceholder(code) ? "" : nameOf(code));
    }

    private String nameOf(String code) {
        String name = options.organisationNames().get(code);
        return name == null ? "" : name;
    }

    /** Per tier, the organisation's learners holding it against the region's (this builder's). */
    ReportTable comparedWithRegion(ReportBuilder one, String focus) {
        List<Row> rows = new ArrayList<>();
        for (int t = 0; t < tiers.size(); t++) {
            long[] held = new long[4];
            held[0] = one.counts.achievedNow(t);
            held[1] = one.counts.total;
            held[2] = c.achievedNow(t);
            held[3] = c.total;
            String[] pub = d.publish(new long[][] {held}, Disclosure.Totals.NONE)[0];
            // Each column's rates share one whole (the organisation's learners, the region's): one precision.
            rows.add(new Row(List.of(tiers.get(t).title(), pub[0], rate(pub[0], held[0], held[1], d.rateDecimals(held[1])),
                    pub[1], pub[2], rate(pub[2], held[2], held[3], d.rateDecimals(held[3])), pub[3]), false));
        }
        List<Column> cols = List.of(label("Tier"), new Column(focus, "achieved", true), new Column(focus, "% achieved", true),
                new Column(focus, "learners", true), new Column("Region", "achieved", true),
                new Column("Region", "% achieved", true), new Column("Region", "learners", true));
        return new ReportTable("compared-with-region", focus + " and the region",
                "Learners holding each tier on " + asOf + ": this organisation's, and the whole region's (every learner in"
                        + " the input files, this organisation's included), with the share of each one's learners.", cols, rows);
    }

    private ReportTable byGroup(String id, String title, String groupName, ReportCounts.Grouping grouping,
                                Comparator<String> order, Function<String, String> nameOfGroup) {
        int width = 1 + 2 * tiers.size();
        Map<String, long[]> groups = c.groups.get(grouping.ordinal());
        long[] all = new long[width];
        for (long[] g : groups.values()) {
            for (int i = 0; i < width; i++) {
                all[i] += g[i];
            }
        }
        List<String> names = new ArrayList<>(groups.keySet());
        names.sort(Comparator.comparing(StatusTables::isPlaceholder).thenComparing(order));
        long[][] matrix = new long[names.size() + 1][];
        for (int i = 0; i < names.size(); i++) {
            matrix[i] = groups.get(names.get(i));
        }
        matrix[names.size()] = all;
        String[][] pub = d.publish(matrix, Disclosure.Totals.LAST_ROW);
        // Every "% achieved" column is over the groups' learners and the total's: one precision for all its rows.
        long[] wholes = new long[matrix.length];
        for (int i = 0; i < matrix.length; i++) {
            wholes[i] = matrix[i][0];
        }
        int decimals = d.rateDecimals(wholes);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i <= names.size(); i++) {
            List<String> cells = new ArrayList<>();
            cells.add(i < names.size() ? names.get(i) : "All learners");
            if (nameOfGroup != null) {
                cells.add(i < names.size() ? nameOfGroup.apply(names.get(i)) : "");
            }
            cells.add(pub[i][0]);
            for (int t = 0; t < tiers.size(); t++) {
                cells.add(pub[i][1 + 2 * t]);
                cells.add(rate(pub[i][1 + 2 * t], matrix[i][1 + 2 * t], matrix[i][0], decimals));
                cells.add(pub[i][2 + 2 * t]);
            }
            rows.add(new Row(cells, i == names.size()));
        }
        List<Column> cols = new ArrayList<>();
        cols.add(label(groupName));
        if (nameOfGroup != null) {
            cols.add(label("Name"));
        }
        cols.add(number("Learners"));
        for (Tier t : tiers) {
            cols.add(new Column(t.title(), "achieved", true));
            cols.add(new Column(t.title(), "% achieved", true));
            cols.add(new Column(t.title(), "in progress", true));
        }
        return new ReportTable(id, title, "Learners holding each tier (achieved) and part-way through it (in progress) on "
                + asOf + ", with the share of the group's learners holding it.", cols, rows);
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
}
