package org.qipathways.progress.internal;

import java.util.Arrays;
import org.qipathways.programme.UnitKind;
import org.qipathways.progress.Detail;
import org.qipathways.progress.TierStatus;

/**
 * One evaluation of one learner as of one date: the learner's events up to that date, each
 * node's timeline and explanation worked out at most once, and what the tiers decided so far.
 *
 * <p>The plan and its nodes are shared by every learner and thread, so everything that belongs to
 * one learner lives here instead, in arrays indexed by the plan's small integers (node ids, unit,
 * competency and tier indices) rather than maps: an evaluation allocates these few tables and
 * touches no strings until it explains. A context is used by one thread and then dropped.
 */
final class EvaluationContext {
    private static final int FOREVER = Timeline.FOREVER;

    final EvaluationPlan plan;
    /** How much of the explanation to build. */
    final Detail detail;
    /** The learner's record. */
    final CompactRecord r;
    /** How many of the record's events are dated on or before {@link #asOf}: only those are read. */
    final int n;
    /** The date judged, as an epoch day. */
    final int asOf;
    /** Each node's timeline by node id, once computed. */
    final Timeline[] memo;
    /** Each node's explanation by node id, once worked out. */
    final String[] missing;
    /** Each unit's first day done, by unit index; {@code Integer.MIN_VALUE} until worked out. */
    final int[] unitDone;
    // What each tier's evaluation decided, by tier index, for the tiers that need it
    // (HoldsTierNode). The plan evaluates a tier before every tier that holds it.
    final Timeline[] tierHeld;
    final int[] tierRevoked;
    final TierStatus[] tierStatus;
    final int[] tierLapsed;
    /** For a tier no longer held because a tier it needs was revoked: that tier; -1 otherwise. */
    final int[] tierCascadeFrom;

    EvaluationContext(EvaluationPlan plan, CompactRecord r, int asOf, int nodes, Detail detail) {
        this.plan = plan;
        this.detail = detail;
        this.r = r;
        this.n = r.countUpTo(asOf);
        this.asOf = asOf;
        this.memo = new Timeline[nodes];
        this.missing = new String[nodes];
        this.unitDone = new int[plan.unitKind.length];
        Arrays.fill(unitDone, Integer.MIN_VALUE);
        this.tierHeld = new Timeline[plan.tiers.length];
        this.tierRevoked = new int[plan.tiers.length];
        this.tierStatus = new TierStatus[plan.tiers.length];
        this.tierLapsed = new int[plan.tiers.length];
        this.tierCascadeFrom = new int[plan.tiers.length];
    }

    Timeline timeline(Node node) {
        Timeline t = memo[node.id];
        if (t == null) {
            t = node.compute(this);
            memo[node.id] = t;
        }
        return t;
    }

    boolean holds(Node node) {
        return timeline(node).holdsOn(asOf);
    }

    /** The first day the unit was complete, as its kind is completed; FOREVER when not yet. */
    int unitDone(int u) {
        int d = unitDone[u];
        if (d == Integer.MIN_VALUE) {
            d = FOREVER;
            UnitKind kind = plan.unitKind[u];
            for (int i = 0; i < n && d == FOREVER; i++) {
                if (r.item[i] != u) {
                    continue;
                }
                byte t = r.type[i];
                boolean done = switch (kind) {
                    case ONLINE_MODULE -> t == CompactRecord.COMPLETED;
                    case ASSESSMENT -> t == CompactRecord.ASSESSED && r.value[i] >= plan.passMark[u];
                    case WORKSHOP, SESSION -> t == CompactRecord.ATTENDED || t == CompactRecord.COMPLETED;
                    case EVIDENCE -> t == CompactRecord.EVIDENCE && r.value[i] == CompactRecord.APPROVED;
                };
                if (done) {
                    d = r.day[i];
                }
            }
            unitDone[u] = d;
        }
        return d;
    }

    /** Whether any event concerns the unit (an attempt, a submission...). */
    boolean anyUnitEvent(int u) {
        for (int i = 0; i < n; i++) {
            if (r.item[i] == u && r.type[i] <= CompactRecord.EVIDENCE) {
                return true;
            }
        }
        return false;
    }

    /** The first day the learner's level in competency c was at least {@code level}. */
    int competencyDay(int c, int level) {
        int d = FOREVER;
        for (int i = 0; i < n; i++) {
            if (r.type[i] == CompactRecord.RATED && r.item[i] == c && r.value[i] >= level) {
                d = r.day[i];
                break;
            }
        }
        int[][] mappings = plan.evidenceUnits[c];
        for (int m = 0; m < mappings.length; m++) {
            if (plan.evidenceLevel[c][m] < level) {
                continue;
            }
            int all = Integer.MIN_VALUE;
            for (int u : mappings[m]) {
                all = Math.max(all, unitDone(u));
            }
            d = Math.min(d, all);
        }
        return d;
    }

    /** The learner's level in competency c on the as-of date (0 when none). */
    int competencyLevel(int c) {
        for (int level = plan.maxLevel; level >= 1; level--) {
            if (competencyDay(c, level) <= asOf) {
                return level;
            }
        }
        return 0;
    }
}
