package org.qipathways.report.internal;

import static org.qipathways.report.internal.ReportBuilder.EXPIRY_DAYS;
import static org.qipathways.report.internal.ReportBuilder.STALL_DAYS;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.qipathways.report.Disclosure;
import org.qipathways.report.ReportTable;
import org.qipathways.report.ReportTable.Column;
import org.qipathways.report.ReportTable.Row;

/**
 * The report's tables about time: how long learners take from one tier to the next (median and
 * quartiles, withheld over too few learners), where learners in progress have stalled, and which
 * achievements of expiring tiers end soon or have lapsed. Sorting and statistics are done on
 * what is published, so that neither gives away a suppressed count.
 */
final class TimeTables extends ReportTables {

    TimeTables(ReportBuilder b) {
        super(b);
    }

    // ---- time between tiers ----

    ReportTable timeBetweenTiers() {
        List<Row> rows = new ArrayList<>();
        for (int t = 0; t < tiers.size(); t++) {
            String fromName = t == 0 ? "First event" : tiers.get(t - 1).title();
            rows.add(new Row(statistics(fromName, tiers.get(t).title(), c.sortedDays(t)), false));
        }
        List<Column> cols = List.of(label("From"), label("To"), number("Learners"), number("Median days"),
                number("Lower quartile days"), number("Upper quartile days"));
        return new ReportTable("time-between-tiers", "Time from one tier to the next",
                "Days from achieving one tier to first achieving the next (for the first tier: from the learner's first"
                        + " event), over learners who achieved both by " + asOf + ". Quartiles interpolate between"
                        + " values (as Excel's QUARTILE.INC).", cols, rows);
    }

    private List<String> statistics(String from, String to, double[] sorted) {
        long n = sorted.length;
        List<String> cells = new ArrayList<>(List.of(from, to, d.count(n)));
        if (n == 0 || !d.allowsStatisticOver(n)) {
            cells.addAll(List.of(Disclosure.WITHHELD, Disclosure.WITHHELD, Disclosure.WITHHELD));
            return cells;
        }
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

    // ---- stalls ----

    ReportTable stalled() {
        List<Map<String, long[]>> byTier = c.stalls;
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
                "Learners in progress on a tier with no new event for " + STALL_DAYS + " days or more before " + asOf
                        + ", by the first requirement they are missing (on the route they are on).",
                List.of(label("Tier"), label("Missing requirement"), number("Learners stalled")), rows);
    }

    private long sortValue(long n) {
        return d.suppresses(n) ? 0 : d.round(n);
    }

    // ---- expiring and lapsed ----

    ReportTable expiring(boolean register) {
        List<Row> rows = new ArrayList<>();
        LocalDate ahead = asOf.plusDays(EXPIRY_DAYS);
        LocalDate back = asOf.minusDays(EXPIRY_DAYS);
        List<Integer> expiringTiers = new ArrayList<>();
        for (int t = 0; t < tiers.size(); t++) {
            if (tiers.get(t).expires()) {
                expiringTiers.add(t);
            }
        }
        long[][] matrix = new long[expiringTiers.size()][];
        for (int i = 0; i < matrix.length; i++) {
            matrix[i] = c.expiring[i].clone();
        }
        String[][] pub = d.publish(matrix, Disclosure.Totals.NONE);
        for (int i = 0; i < expiringTiers.size(); i++) {
            rows.add(new Row(List.of(tiers.get(expiringTiers.get(i)).title(), pub[i][0], pub[i][1]), false));
        }
        String which = expiringTiers.isEmpty() ? " No tier of this programme expires." : "";
        return new ReportTable("expiring", "Certificates expiring or lapsed",
                (register ? "From the learners' records, not the register (for certificates see the certificates table):"
                        : "No certificate register was given (qip report --register FILE), so these are not certificates but")
                        + " achievements of tiers that expire: held and ending within the "
                        + EXPIRY_DAYS + " days from " + asOf + " (to " + ahead + "), or lapsed without renewal, having"
                        + " ended within the " + EXPIRY_DAYS + " days before it (from " + back + ")." + which,
                List.of(label("Tier"), number("Expiring in the next " + EXPIRY_DAYS + " days"),
                        number("Lapsed in the last " + EXPIRY_DAYS + " days")), rows);
    }
}
