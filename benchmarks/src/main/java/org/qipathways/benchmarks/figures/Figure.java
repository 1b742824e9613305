package org.qipathways.benchmarks.figures;

import java.util.List;
import java.util.Objects;

/**
 * One measured figure: a median over repeats, or a ratio of two medians from the same run, with
 * the target it is held to.
 * <pre>{@code
 * Figure evaluate = Figure.median("evaluate.files.seconds", List.of(2.9, 3.1, 3.0), "s", null);
 * Figure ratio = Figure.ratio("evaluate.files.ratio", evaluate, bare, Target.atMost(1.5));
 * }</pre>
 *
 * @param name      a stable dotted name, e.g. {@code evaluate.memory.learnersPerSecond}
 * @param value     the median (or the ratio of medians)
 * @param unit      e.g. {@code learners/s}, {@code s}, {@code B/event}, {@code x} for a ratio
 * @param target    what the figure should be, or null when it is only reported
 * @param dividedBy for a ratio, the name of the figure it divides by; null otherwise
 * @param samples   the repeats the median is taken over (empty for a ratio)
 * @param failure   why the scenario could not be measured (then value is 0 and nothing is met); null otherwise
 */
public record Figure(String name, double value, String unit, Target target, String dividedBy, List<Double> samples,
                     String failure) {

    public Figure {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(unit, "unit");
        samples = List.copyOf(samples);
    }

    /** A median of {@code samples}. */
    public static Figure median(String name, List<Double> samples, String unit, Target target) {
        List<Double> sorted = samples.stream().sorted().toList();
        int n = sorted.size();
        double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        return new Figure(name, median, unit, target, null, samples, null);
    }

    /** {@code top} divided by {@code bottom}, both medians of this run. */
    public static Figure ratio(String name, Figure top, Figure bottom, Target target) {
        if (top.failure() != null || bottom.failure() != null) {
            return failed(name, "x", target, (top.failure() != null ? top : bottom).name() + " failed");
        }
        return new Figure(name, top.value() / bottom.value(), "x", target, bottom.name(), List.of(), null);
    }

    /** A scenario that could not be measured, and why. */
    public static Figure failed(String name, String unit, Target target, String why) {
        return new Figure(name, 0, unit, target, null, List.of(), why);
    }

    /** Whether the target is met; null when there is no target. */
    public Boolean met() {
        if (target == null) {
            return null;
        }
        return failure == null && target.metBy(value);
    }

    /** A target: at least or at most a value. */
    public record Target(double value, String direction) {

        public Target {
            if (!direction.equals("at least") && !direction.equals("at most")) {
                throw new IllegalArgumentException("direction must be 'at least' or 'at most', not " + direction);
            }
        }

        public static Target atLeast(double value) {
            return new Target(value, "at least");
        }

        public static Target atMost(double value) {
            return new Target(value, "at most");
        }

        boolean metBy(double v) {
            return direction.equals("at least") ? v >= value : v <= value;
        }
    }
}
