package org.qipathways.report;

import java.util.List;
import java.util.Objects;

/**
 * Organisations compared on one rate in a funnel plot: each organisation's rate against its
 * number of people, with control limits around the regional rate that narrow as the number grows
 * (binomial, normal approximation: p ± z·√(p(1−p)/n), z = 1.96 for 95% and 3.09 for 99.8%).
 * Counts are as published; organisations whose counts are suppressed are not plotted, and say so.
 * <pre>{@code
 * FunnelPlot f = report.funnelPlot();
 * f.regionalRate();                     // 0.31: Silver holders among Bronze holders, the whole region
 * f.points().get(0).position();         // "within the 95% limits"
 * FunnelPlot.limit(f.regionalRate(), 200, FunnelPlot.Z_998, true);   // the upper 99.8% limit at n = 200
 * }</pre>
 *
 * @param measure      what the rate is, in words: e.g. {@code Silver holders among Bronze holders}
 * @param denominator  what {@code n} counts, in words: e.g. {@code Bronze holders}
 * @param regionalRate the region's rate, from its published totals; {@code NaN} when withheld
 * @param regionalText the region's rate as the table shows it, e.g. {@code 22%}
 * @param points       the organisations plotted, in code order
 * @param excluded     the codes of the organisations not plotted because a count is suppressed (or they have none)
 */
public record FunnelPlot(String measure, String denominator, double regionalRate, String regionalText, List<Point> points,
                         List<String> excluded) {

    /** z for the 95% limits. */
    public static final double Z_95 = 1.96;
    /** z for the 99.8% limits. */
    public static final double Z_998 = 3.09;

    /**
     * One organisation.
     *
     * @param code     its ODS code
     * @param name     its name; empty when not known
     * @param n        the published denominator
     * @param x        the published numerator
     * @param rateText the rate as the table shows it (to the precision the rounded counts support)
     * @param position where it lies: above or below the 99.8% or 95% limits, or within them
     */
    public record Point(String code, String name, long n, long x, String rateText, String position) {
        /** The rate, x / n. */
        public double rate() {
            return (double) x / n;
        }
    }

    public FunnelPlot {
        Objects.requireNonNull(measure, "measure");
        Objects.requireNonNull(denominator, "denominator");
        points = List.copyOf(points);
        excluded = List.copyOf(excluded);
    }

    /** The upper (or lower) control limit at {@code n} around {@code p}, kept within 0 and 1. */
    public static double limit(double p, double n, double z, boolean upper) {
        double half = z * Math.sqrt(p * (1 - p) / n);
        return Math.max(0, Math.min(1, upper ? p + half : p - half));
    }

    /** Where a rate lies against the limits at its n, in words. */
    public static String position(double p, long n, double rate) {
        if (rate > limit(p, n, Z_998, true)) {
            return "above the 99.8% limit";
        }
        if (rate < limit(p, n, Z_998, false)) {
            return "below the 99.8% limit";
        }
        if (rate > limit(p, n, Z_95, true)) {
            return "above the 95% limit";
        }
        if (rate < limit(p, n, Z_95, false)) {
            return "below the 95% limit";
        }
        return "within the 95% limits";
    }
}
