package org.qipathways.progress.internal;

import org.qipathways.programme.Tier;

/**
 * One tier compiled: its rule and renewal rule as nodes, and the tiers it needs. A tier needs
 * another when its rule or renewal rule holds that tier ({@code holdsTier}); the plan evaluates
 * every tier after those it needs, and a revocation of any tier it needs, directly or through
 * others, ends this one too. Where a learner stands on it is decided by {@link TierValidity}.
 */
final class TierPlan {
    final int index;
    final Tier tier;
    final Node rule;
    /** The renewal rule; null when the tier has none. */
    final Node renewal;
    /** The tiers its rules hold themselves, by index. */
    final int[] directDeps;
    /** Every tier it needs, directly or through other tiers, by index. */
    final int[] dependsOn;

    TierPlan(int index, Tier tier, Node rule, Node renewal, int[] directDeps, int[] dependsOn) {
        this.index = index;
        this.tier = tier;
        this.rule = rule;
        this.renewal = renewal;
        this.directDeps = directDeps;
        this.dependsOn = dependsOn;
    }
}
