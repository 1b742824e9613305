package org.qipathways.progress.internal;

import java.util.List;
import org.qipathways.programme.Tier;
import org.qipathways.progress.TierProgress;
import org.qipathways.progress.TierStatus;

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
    /**
     * By status: the result of a learner who never achieved the tier nor had it revoked, when no
     * words or trees are asked for. It is the same for every such learner, so it is shared.
     */
    final TierProgress[] undated;

    TierPlan(int index, Tier tier, Node rule, Node renewal, int[] directDeps, int[] dependsOn) {
        this.index = index;
        this.tier = tier;
        this.rule = rule;
        this.renewal = renewal;
        this.directDeps = directDeps;
        this.dependsOn = dependsOn;
        this.undated = new TierProgress[TierStatus.values().length];
        for (TierStatus s : TierStatus.values()) {
            undated[s.ordinal()] = new TierProgress(tier.code(), tier.title(), s, null, null, null, null, List.of(),
                    null, null, List.of());
        }
    }
}
