package org.qipathways.progress.internal;

import java.util.Arrays;
import org.qipathways.programme.UnitKind;
import org.qipathways.progress.CompetencyLevel;
import org.qipathways.progress.Detail;
import org.qipathways.progress.TierProgress;
import org.qipathways.progress.TierStatus;

/**
 * One evaluation of one learner as of one date: the learner's events up to that date, each
 * node's timeline and explanation worked out at most once, and what the tiers decided so far.
 *
 * <p>The plan and its nodes are shared by every learner and thread, so everything that belongs to
 * one learner lives here instead, in arrays indexed by the plan's small integers (node ids, unit,
 * competency and tier indices) rather than maps, and touches no strings until it explains. A
 * context belongs to one thread and is {@link #reset} for each learner, so the tables are
 * allocated once per thread, not once per learner.
 */
final class EvaluationContext {
    private static final int FOREVER = Timeline.FOREVER;

    final EvaluationPlan plan;
    /** How much of the explanation to build. */
    Detail detail;
    /** The learner's record. */
    CompactRecord r;
    /** How many of the record's events are dated on or before {@link #asOf}: only those are read. */
    int n;
    /** The date judged, as an epoch day. */
    int asOf;
    /**
     * Each node's timeline by node id, once computed in this evaluation: valid where its stamp is
     * {@link #stamp}, so a reset clears every table by counting instead of filling.
     */
    private final Timeline[] memo;
    private final int[] memoStamp;
    /** This evaluation's number; 0 marks nothing worked out. */
    private int stamp;
    /**
     * Which units have an event (completion, attempt, attendance, evidence) and which competencies a
     * rating, as bits by index, from one pass over the events at reset; a bit at 63 stands for
     * that index and every higher one, so a set bit means "maybe", a clear one "none".
     */
    private long unitSeen;
    private long ratedSeen;
    /** By competency: the units of all its evidence mappings as bits, when every mapping needs one (else -1). */
    private final long[] competencyUnits;
    /** Each node's explanation by node id, once worked out. */
    final String[] missing;
    /** Each unit's first day done, by unit index, where its stamp is {@link #stamp}. */
    private final int[] unitDone;
    private final int[] unitStamp;
    /**
     * The first day of each level of each competency ({@code c * (maxLevel + 1) + level}), worked out
     * for all levels of a competency at once; {@code levelsKnown[c]} says whether it has been.
     */
    private final int[] levelDay;
    private final int[] levelStamp;
    // What each tier's evaluation decided, by tier index, for the tiers that need it
    // (HoldsTierNode). The plan evaluates a tier before every tier that holds it.
    final Timeline[] tierHeld;
    final int[] tierRevoked;
    final TierStatus[] tierStatus;
    final int[] tierLapsed;
    /** For a tier no longer held because a tier it needs was revoked: that tier; -1 otherwise. */
    final int[] tierCascadeFrom;
    /** Scratch for the plan: the tiers' and competencies' results before they are copied into lists. */
    final TierProgress[] tierResults;
    final CompetencyLevel[] levels;
    /** Whether any explanation was worked out since the last reset (only then is {@link #missing} cleared). */
    boolean explained;
    /** Scratch for the nodes (matching days of a count), grown as needed; valid during one compute only. */
    private int[] days = new int[32];

    EvaluationContext(EvaluationPlan plan, CompactRecord r, int asOf, int nodes, Detail detail) {
        this(plan, nodes);
        reset(r, asOf, detail);
    }

    /**
     * An empty context, to be {@link #reset} for each learner: one per thread serves every learner
     * that thread evaluates, so an evaluation allocates none of these tables.
     */
    EvaluationContext(EvaluationPlan plan, int nodes) {
        this.plan = plan;
        this.memo = new Timeline[nodes];
        this.memoStamp = new int[nodes];
        this.missing = new String[nodes];
        this.unitDone = new int[plan.unitKind.length];
        this.unitStamp = new int[plan.unitKind.length];
        this.levelDay = new int[plan.competencyCode.length * (plan.maxLevel + 1)];
        this.levelStamp = new int[plan.competencyCode.length];
        this.competencyUnits = new long[plan.competencyCode.length];
        for (int c = 0; c < competencyUnits.length; c++) {
            for (int[] mapping : plan.evidenceUnits[c]) {
                if (mapping.length == 0) {
                    competencyUnits[c] = -1L; // a mapping needing no unit: no shortcut
                    break;
                }
                for (int u : mapping) {
                    competencyUnits[c] |= bit(u);
                }
            }
        }
        this.tierHeld = new Timeline[plan.tiers.length];
        this.tierRevoked = new int[plan.tiers.length];
        this.tierStatus = new TierStatus[plan.tiers.length];
        this.tierLapsed = new int[plan.tiers.length];
        this.tierCascadeFrom = new int[plan.tiers.length];
        this.tierResults = new TierProgress[plan.tiers.length];
        this.levels = new CompetencyLevel[plan.competencyCode.length];
    }

    /** Forgets the previous learner and starts on {@code r} as of {@code asOf}. */
    EvaluationContext reset(CompactRecord r, int asOf, Detail detail) {
        this.detail = detail;
        this.r = r;
        this.n = r.countUpTo(asOf);
        this.asOf = asOf;
        if (explained) {
            Arrays.fill(missing, null);
            explained = false;
        }
        if (++stamp == 0) { // after 2^32 evaluations: forget every stamp and count again
            Arrays.fill(memoStamp, 0);
            Arrays.fill(unitStamp, 0);
            Arrays.fill(levelStamp, 0);
            stamp = 1;
        }
        long units = 0;
        long rated = 0;
        for (int i = 0; i < n; i++) {
            if (r.type[i] <= CompactRecord.EVIDENCE) {
                units |= bit(r.item[i]);
            } else if (r.type[i] == CompactRecord.RATED) {
                rated |= bit(r.item[i]);
            }
        }
        unitSeen = units;
        ratedSeen = rated;
        for (int t = 0; t < tierHeld.length; t++) {
            tierHeld[t] = null;
            tierRevoked[t] = 0;
            tierStatus[t] = null;
            tierLapsed[t] = 0;
            tierCascadeFrom[t] = 0;
        }
        return this;
    }

    /** A scratch array of at least {@code size} ints, for use inside one node's computation. */
    int[] days(int size) {
        if (days.length < size) {
            days = new int[Math.max(size, days.length * 2)];
        }
        return days;
    }

    /** The bit standing for index i in {@link #unitSeen} and {@link #ratedSeen}. */
    private static long bit(int i) {
        return 1L << Math.min(i, 63);
    }

    Timeline timeline(Node node) {
        int id = node.id;
        if (memoStamp[id] == stamp) {
            return memo[id];
        }
        Timeline t = node.compute(this);
        memo[id] = t;
        memoStamp[id] = stamp;
        return t;
    }

    boolean holds(Node node) {
        return timeline(node).holdsOn(asOf);
    }

    /** The first day the unit was complete, as its kind is completed; FOREVER when not yet. */
    int unitDone(int u) {
        if ((unitSeen & bit(u)) == 0) {
            return FOREVER; // no event of the unit at all
        }
        if (unitStamp[u] == stamp) {
            return unitDone[u];
        }
        int d = FOREVER;
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
        unitStamp[u] = stamp;
        return d;
    }

    /** Whether any event concerns the unit (an attempt, a submission...). */
    boolean anyUnitEvent(int u) {
        if ((unitSeen & bit(u)) == 0) {
            return false;
        }
        if (u < 63) {
            return true; // the bit is the unit's own
        }
        for (int i = 0; i < n; i++) {
            if (r.item[i] == u && r.type[i] <= CompactRecord.EVIDENCE) {
                return true;
            }
        }
        return false;
    }

    /**
     * The first day the learner's level in competency c was at least {@code level}: the first rating
     * at that level or above, or the day the last unit of an evidence mapping giving that level or
     * more was done, whichever came first. Worked out for every level of c in one pass.
     */
    int competencyDay(int c, int level) {
        int stride = plan.maxLevel + 1;
        if ((ratedSeen & bit(c)) == 0 && competencyUnits[c] != -1L && (unitSeen & competencyUnits[c]) == 0) {
            // no rating, and every evidence mapping lacks a unit with any event: no level at all
            return level < 1 ? competencyDayUncached(c, level) : FOREVER;
        }
        if (levelStamp[c] != stamp) {
            levelStamp[c] = stamp;
            int base = c * stride;
            for (int l = base; l < base + stride; l++) {
                levelDay[l] = FOREVER; // a loop: Arrays.fill is a call that showed in profiles at this size
            }
            // events are in day order, so the first rating reaching a level is that level's day
            for (int i = 0; i < n; i++) {
                if (r.type[i] == CompactRecord.RATED && r.item[i] == c) {
                    int top = Math.min(r.value[i], plan.maxLevel);
                    for (int l = 1; l <= top; l++) {
                        if (levelDay[base + l] == FOREVER) {
                            levelDay[base + l] = r.day[i];
                        }
                    }
                }
            }
            int[][] mappings = plan.evidenceUnits[c];
            for (int m = 0; m < mappings.length; m++) {
                int all = Integer.MIN_VALUE;
                for (int u : mappings[m]) {
                    all = Math.max(all, unitDone(u));
                }
                int top = Math.min(plan.evidenceLevel[c][m], plan.maxLevel);
                for (int l = 1; l <= top; l++) {
                    levelDay[base + l] = Math.min(levelDay[base + l], all);
                }
            }
        }
        if (level < 1 || level > plan.maxLevel) {
            return competencyDayUncached(c, level);
        }
        return levelDay[c * stride + level];
    }

    /** {@link #competencyDay} for a level outside the scale (never asked by a valid programme). */
    private int competencyDayUncached(int c, int level) {
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
