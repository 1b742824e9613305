package org.qipathways.report.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.qipathways.report.Disclosure;
import org.qipathways.report.FunnelPlot;
import org.qipathways.report.ReportTable;
import org.qipathways.report.ReportTable.Row;

/**
 * The funnel plot comparing organisations on the rate of the second tier (Silver) among holders of
 * the first (Bronze), and the table behind it. The denominators are the organisation table's
 * published first-tier counts, so the plot shows nothing that table withholds; the numerators go
 * through the disclosure control with their total, so that with exact counts the total does not
 * give a suppressed one away. Organisations with a suppressed count are listed, not plotted.
 */
final class FunnelPlotTable extends ReportTables {

    /** The organisation table's first-tier achieved column: code, name, learners, then it. */
    private static final int FIRST_TIER_COLUMN = 3;
    /** The organisation table's second-tier achieved column, after the first tier's achieved, % and in progress. */
    private static final int SECOND_TIER_COLUMN = 6;

    FunnelPlotTable(ReportBuilder b) {
        super(b);
    }

    /** The plot (to {@code out[0]}) and its table, from the region's organisation table; none with fewer than two tiers. */
    ReportTable table(ReportTable byOrganisation, FunnelPlot[] out) {
        if (tiers.size() < 2) {
            return null;
        }
        String first = tiers.get(0).title();
        String second = tiers.get(1).title();
        List<String> codes = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<String> published = new ArrayList<>();
        List<String> secondHeld = new ArrayList<>();
        String totalN = null;
        String totalSecond = null;
        for (Row r : byOrganisation.rows()) {
            if (r.total()) {
                totalN = r.cells().get(FIRST_TIER_COLUMN);
                totalSecond = r.cells().get(SECOND_TIER_COLUMN);
            } else if (!r.cells().get(0).startsWith("(")) {
                codes.add(r.cells().get(0));
                names.add(r.cells().get(1));
                published.add(r.cells().get(FIRST_TIER_COLUMN));
                secondHeld.add(r.cells().get(SECOND_TIER_COLUMN));
            }
        }
        long[][] x = new long[codes.size() + 1][1];
        long secondWithoutFirst = c.secondWithoutFirst;
        x[codes.size()][0] = c.bothTotal;
        for (int i = 0; i < codes.size(); i++) {
            long[] both = c.bothByOrganisation.get(codes.get(i));
            x[i][0] = both == null ? 0 : both[0];
        }
        String[][] xPub;
        if (secondWithoutFirst == 0) {
            // Every holder of the second tier holds the first (as its rule asks): the numerators are the
            // organisation table's own published cells, so the plot adds no count that table does not show.
            xPub = new String[codes.size() + 1][];
            for (int i = 0; i < codes.size(); i++) {
                xPub[i] = new String[] {secondHeld.get(i)};
            }
            xPub[codes.size()] = new String[] {totalSecond};
        } else if (d.roundingBase() == 1 && d.threshold() > 0) {
            // With exact counts, numerators beside the table's own counts of the second tier would give
            // away, by subtraction, how many hold it without the first.
            out[0] = null;
            return new ReportTable("funnel-plot", "Funnel plot: " + second + " holders among " + first + " holders, by"
                    + " organisation", "Withheld: with exact counts, " + second + " holders among " + first + " holders beside"
                    + " the organisation table's counts would give away small numbers by subtraction (some hold " + second
                    + " without " + first + "). Round counts (the default) to see the plot.", columns(first, second), List.of());
        } else {
            // Rounded counts: differences of rounded numbers recover no suppressed count.
            xPub = d.publish(x, Disclosure.Totals.LAST_ROW);
        }
        double p = Double.NaN;
        if (totalN != null && !isWithheld(totalN) && !isWithheld(xPub[codes.size()][0]) && Long.parseLong(totalN) > 0) {
            p = Double.parseDouble(xPub[codes.size()][0]) / Long.parseLong(totalN);
        }
        // The rate column (and the plot's labels of rates) in one precision: the one every plotted
        // organisation's number and the region's support.
        List<Long> wholes = new ArrayList<>();
        for (int i = 0; i < codes.size(); i++) {
            if (plotted(published.get(i), xPub[i][0], p)) {
                wholes.add(Long.parseLong(published.get(i)));
            }
        }
        if (!Double.isNaN(p)) {
            wholes.add(Long.parseLong(totalN));
        }
        int decimals = d.rateDecimals(wholes.stream().mapToLong(Long::longValue).toArray());
        List<FunnelPlot.Point> points = new ArrayList<>();
        List<String> excluded = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < codes.size(); i++) {
            String n = published.get(i);
            String xi = xPub[i][0];
            if (!plotted(n, xi, p)) {
                excluded.add(codes.get(i));
                rows.add(new Row(List.of(codes.get(i), names.get(i), n, xi, Disclosure.WITHHELD, Disclosure.WITHHELD,
                        Disclosure.WITHHELD, "not plotted: too few to publish"), false));
                continue;
            }
            long nn = Long.parseLong(n);
            long xx = Long.parseLong(xi);
            String position = FunnelPlot.position(p, nn, (double) xx / nn);
            points.add(new FunnelPlot.Point(codes.get(i), names.get(i), nn, xx, rateOfPublished(xx, nn, decimals), position));
            rows.add(new Row(List.of(codes.get(i), names.get(i), n, xi, rateOfPublished(xx, nn, decimals),
                    limits(p, nn, FunnelPlot.Z_95), limits(p, nn, FunnelPlot.Z_998), position), false));
        }
        String regional = Double.isNaN(p) ? Disclosure.WITHHELD
                : rateOfPublished(Long.parseLong(xPub[codes.size()][0]), Long.parseLong(totalN), decimals);
        rows.add(new Row(List.of("Region", "", totalN == null ? "0" : totalN, xPub[codes.size()][0], regional, "", "", ""),
                true));
        String measure = second + " holders among " + first + " holders";
        out[0] = new FunnelPlot(measure, first + " holders", p, regional, points, excluded);
        return new ReportTable("funnel-plot", "Funnel plot: " + measure + ", by organisation",
                "Per organisation, learners holding " + first + " on " + asOf + " (as in the organisation table) and those of"
                        + " them holding " + second + " too, with the rate and the control limits at that number around the"
                        + " region's rate: p \u00b1 z \u00d7 \u221a(p(1 \u2212 p)/n), z = 1.96 (95%) and 3.09 (99.8%), a normal"
                        + " approximation to the binomial, computed from the published counts. " + excluded.size()
                        + (excluded.size() == 1 ? " organisation is" : " organisations are") + " not plotted because a count"
                        + " is too small to publish (or none hold " + first + ")."
                        + (d.roundingBase() > 1 ? " Counts are rounded to " + d.roundingBase() + ", which can move a small"
                                + " organisation's rate by several points: read points near a limit with care." : ""),
                columns(first, second), rows);
    }

    /** Whether an organisation is plotted: both its counts published, some holding the first tier, and a regional rate. */
    private static boolean plotted(String n, String x, double p) {
        return !(isWithheld(n) || isWithheld(x) || "0".equals(n) || Double.isNaN(p));
    }

    /** A rate of two published counts, to the column's {@code decimals} ({@link Disclosure#rateDecimals}). */
    private static String rateOfPublished(long x, long n, int decimals) {
        double percent = 100.0 * x / n;
        return String.format(Locale.ROOT, "%." + decimals + "f%%", percent);
    }

    private static boolean isWithheld(String cell) {
        return Disclosure.WITHHELD.equals(cell);
    }

    private static List<org.qipathways.report.ReportTable.Column> columns(String first, String second) {
        return List.of(label("Organisation (ODS code)"), label("Name"), number(first + " holders"),
                number("Of them holding " + second), number("% holding " + second), label("95% limits"),
                label("99.8% limits"), label("Position"));
    }

    private static String limits(double p, long n, double z) {
        return percent(FunnelPlot.limit(p, n, z, false)) + " to " + percent(FunnelPlot.limit(p, n, z, true));
    }

    static String percent(double rate) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * rate);
    }
}
