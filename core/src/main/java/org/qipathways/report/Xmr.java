package org.qipathways.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * An XmR (individuals and moving range) analysis of a series, as NHS England's "Making Data
 * Count" reads it: the mean, the mean moving range, natural process limits at the mean ± 2.66 ×
 * the mean moving range, and the points that show special-cause variation by its four rules.
 * <pre>{@code
 * Xmr x = Xmr.of(12, 15, 11, 14, 13, 40, 12);
 * x.mean();                       // 16.71...
 * x.upperLimit();                 // mean + 2.66 * mean moving range
 * x.points().get(5).rules();      // [OUTSIDE_LIMITS]
 * x.points().get(5).direction();  // HIGH
 * }</pre>
 *
 * <p>The rules, each marking every point that takes part:
 * <ul>
 * <li>{@link Rule#OUTSIDE_LIMITS}: a point above the upper or below the lower process limit;</li>
 * <li>{@link Rule#SHIFT}: a run of {@value #SHIFT_LENGTH} or more consecutive points on one side of
 *     the mean (a point on the mean ends a run);</li>
 * <li>{@link Rule#TREND}: {@value #TREND_LENGTH} or more consecutive points each higher than the one
 *     before, or each lower (an equal value ends a trend);</li>
 * <li>{@link Rule#NEAR_LIMIT}: two of three consecutive points in the outer third between the mean
 *     and a process limit, or beyond it, on the same side.</li>
 * </ul>
 *
 * @param mean            the mean of the values
 * @param movingRangeMean the mean of the absolute differences between consecutive values
 * @param upperLimit      the upper natural process limit: mean + 2.66 × moving range mean
 * @param lowerLimit      the lower natural process limit: mean − 2.66 × moving range mean (may be negative)
 * @param points          the values in order, each with the special-cause rules it takes part in
 */
public record Xmr(double mean, double movingRangeMean, double upperLimit, double lowerLimit, List<Point> points) {

    /** The scaling factor from mean moving range to process limits (3 / 1.128). */
    public static final double LIMIT_FACTOR = 2.66;
    /** Points on one side of the mean that make a shift. */
    public static final int SHIFT_LENGTH = 7;
    /** Consecutive increasing (or decreasing) points that make a trend. */
    public static final int TREND_LENGTH = 6;

    /** A special-cause rule. */
    public enum Rule {
        /** A point outside the process limits. */
        OUTSIDE_LIMITS,
        /** A run of points on one side of the mean. */
        SHIFT,
        /** A run of points steadily increasing or decreasing. */
        TREND,
        /** Two of three points close to (or beyond) one process limit. */
        NEAR_LIMIT
    }

    /** Which way a special cause points. */
    public enum Direction {
        /** Higher than common-cause variation explains. */
        HIGH,
        /** Lower than common-cause variation explains. */
        LOW
    }

    /**
     * One value of the series.
     *
     * @param value     the value
     * @param rules     the special-cause rules this point takes part in; empty for common-cause variation
     * @param direction which way the special cause points; {@code null} for common-cause variation
     */
    public record Point(double value, Set<Rule> rules, Direction direction) {
        public Point {
            rules = rules.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(rules));
            if (rules.isEmpty() != (direction == null)) {
                throw new IllegalArgumentException("a direction is given exactly when a rule applies");
            }
        }

        /** Whether the point shows special-cause variation. */
        public boolean specialCause() {
            return !rules.isEmpty();
        }
    }

    public Xmr {
        points = List.copyOf(points);
    }

    /**
     * The analysis of {@code values}, limits computed from all of them.
     *
     * @throws IllegalArgumentException with fewer than two values, or a value that is not finite
     */
    public static Xmr of(double... values) {
        int n = values.length;
        if (n < 2) {
            throw new IllegalArgumentException("an XmR chart needs at least 2 values, got " + n);
        }
        double sum = 0;
        for (double v : values) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("values must be finite numbers, got " + v);
            }
            sum += v;
        }
        double mean = sum / n;
        double ranges = 0;
        for (int i = 1; i < n; i++) {
            ranges += Math.abs(values[i] - values[i - 1]);
        }
        double mrBar = ranges / (n - 1);
        double upper = mean + LIMIT_FACTOR * mrBar;
        double lower = mean - LIMIT_FACTOR * mrBar;
        // The outer third between the mean and each limit.
        double nearUpper = mean + 2 * LIMIT_FACTOR / 3 * mrBar;
        double nearLower = mean - 2 * LIMIT_FACTOR / 3 * mrBar;

        List<Set<Rule>> rules = new ArrayList<>(n);
        Direction[] direction = new Direction[n];
        Direction[] trendDirection = new Direction[n];
        for (int i = 0; i < n; i++) {
            rules.add(EnumSet.noneOf(Rule.class));
        }
        for (int i = 0; i < n; i++) {
            if (values[i] > upper || values[i] < lower) {
                rules.get(i).add(Rule.OUTSIDE_LIMITS);
            }
        }
        // Shift: maximal runs of the same side of the mean.
        for (int start = 0; start < n; ) {
            int side = side(values[start], mean);
            int end = start + 1;
            while (end < n && side(values[end], mean) == side) {
                end++;
            }
            if (side != 0 && end - start >= SHIFT_LENGTH) {
                for (int i = start; i < end; i++) {
                    rules.get(i).add(Rule.SHIFT);
                }
            }
            start = end;
        }
        // Trend: maximal runs of strictly rising (or falling) steps.
        for (int start = 0; start < n - 1; ) {
            int step = Double.compare(values[start + 1], values[start]);
            int end = start + 1;
            while (end + 1 < n && Double.compare(values[end + 1], values[end]) == step) {
                end++;
            }
            if (step != 0 && end - start + 1 >= TREND_LENGTH) {
                for (int i = start; i <= end; i++) {
                    rules.get(i).add(Rule.TREND);
                    trendDirection[i] = step > 0 ? Direction.HIGH : Direction.LOW;
                }
            }
            start = end;
        }
        // Two of three consecutive points in the outer third (or beyond), on one side.
        for (int i = 0; i + 2 < n; i++) {
            for (int s : new int[] {1, -1}) {
                int near = 0;
                for (int j = i; j < i + 3; j++) {
                    if (s > 0 ? values[j] > nearUpper : values[j] < nearLower) {
                        near++;
                    }
                }
                if (near >= 2) {
                    for (int j = i; j < i + 3; j++) {
                        if (s > 0 ? values[j] > nearUpper : values[j] < nearLower) {
                            rules.get(j).add(Rule.NEAR_LIMIT);
                        }
                    }
                }
            }
        }
        List<Point> points = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Set<Rule> r = rules.get(i);
            Direction d = null;
            if (r.contains(Rule.OUTSIDE_LIMITS) || r.contains(Rule.NEAR_LIMIT) || r.contains(Rule.SHIFT)) {
                d = values[i] > mean ? Direction.HIGH : Direction.LOW;
            } else if (r.contains(Rule.TREND)) {
                // A trend points the way it runs, whichever side of the mean it is on.
                d = trendDirection[i];
            }
            points.add(new Point(values[i], r, d));
        }
        return new Xmr(mean, mrBar, upper, lower, points);
    }

    private static int side(double v, double mean) {
        return Double.compare(v, mean) > 0 ? 1 : v < mean ? -1 : 0;
    }
}
