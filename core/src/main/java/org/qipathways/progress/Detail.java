package org.qipathways.progress;

/**
 * How much of the explanation an evaluation builds. Statuses and dates are the same at every
 * level; what is not asked for is not built, and most of an evaluation's time and garbage is the
 * explanation (the requirement tree and the words of what is missing).
 * <pre>{@code
 * evaluator.evaluateEach(records.iterator(), asOf, 2, Detail.STATUSES, p -> csv.write(p));
 * }</pre>
 */
public enum Detail {
    /** Status, dates and validity periods; {@link TierProgress#unmet()} empty, no requirement tree. */
    STATUSES,
    /** Also what is missing in words ({@link TierProgress#unmet()}); no requirement tree. */
    UNMET,
    /** Everything: the words and the requirement trees ({@link TierProgress#rule()}, {@link TierProgress#renewal()}). */
    FULL
}
