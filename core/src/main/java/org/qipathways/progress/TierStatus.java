package org.qipathways.progress;

/**
 * Where a learner stands on one tier on a given date.
 * <pre>{@code
 * if (progress.tier("GOLD").status() == TierStatus.LAPSED) { ... }
 * }</pre>
 */
public enum TierStatus {
    /** None of the tier's own requirements is met yet (holding a lower tier alone does not count). */
    NOT_STARTED,
    /** Some of the tier's requirements are met, or the tier was achieved but a tier it needs was revoked. */
    IN_PROGRESS,
    /** Achieved and currently held. */
    ACHIEVED,
    /** Achieved, but its validity ended without renewal. */
    LAPSED,
    /** Revoked; final. */
    REVOKED
}
