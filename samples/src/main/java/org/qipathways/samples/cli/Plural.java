package org.qipathways.samples.cli;

/**
 * The noun that goes with a count the commands print: "evaluated 1 learner", "evaluated 2 learners".
 * <pre>{@code
 * err.println("evaluated " + n + " " + Plural.of(n, "learner"));
 * }</pre>
 */
final class Plural {

    private Plural() {
    }

    /** {@code singular} for a count of one, otherwise its regular plural (every noun we count takes an s). */
    static String of(long count, String singular) {
        return count == 1 ? singular : singular + "s";
    }
}
