package org.qipathways.progress.internal;

import static org.qipathways.progress.internal.EvaluationPlan.day;

import org.qipathways.progress.TierStatus;
import org.qipathways.rules.Requirement;

/**
 * Decides "holds tier T": on the days the learner held T, as {@link TierValidity} worked it out
 * for this learner before any tier that needs T (the plan orders tiers so). Holding a lower tier
 * is not progress on a higher one, and what is missing says why T is not held: never achieved,
 * lapsed, revoked, or lost because a tier T needs was revoked.
 */
final class HoldsTierNode extends Node {
    final int tier;
    private final String title;

    HoldsTierNode(int id, Requirement req, int tier, String title) {
        super(id, req, NONE, "hold " + title);
        this.tier = tier;
        this.title = title;
    }

    @Override
    Timeline compute(EvaluationContext c) {
        Timeline t = c.tierHeld[tier];
        return t == null ? Timeline.NEVER : t;
    }

    @Override
    String explain(EvaluationContext c) {
        TierStatus s = c.tierStatus[tier];
        if (s == TierStatus.REVOKED) {
            return title + " was revoked on " + day(c.tierRevoked[tier]);
        }
        if (s == TierStatus.LAPSED) {
            return title + " lapsed on " + day(c.tierLapsed[tier]) + "; renew it first";
        }
        if (s == TierStatus.IN_PROGRESS && c.tierCascadeFrom[tier] >= 0) {
            int from = c.tierCascadeFrom[tier];
            return title + " is no longer held: " + c.plan.tiers[from].tier.title() + " was revoked on "
                    + day(c.tierRevoked[from]);
        }
        return "achieve " + title + " first";
    }

    @Override
    boolean progressed(EvaluationContext c) {
        return false; // holding a lower tier alone does not start a tier
    }
}
