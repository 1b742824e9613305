package org.qipathways.progress.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.qipathways.programme.Programme;
import org.qipathways.programme.UnitKind;
import org.qipathways.progress.CompetencyLevel;
import org.qipathways.progress.Progress;
import org.qipathways.progress.Detail;
import org.qipathways.progress.TierProgress;
import org.qipathways.progress.TierStatus;

/**
 * A programme compiled for evaluation: codes interned to small integers, every requirement node
 * turned into an object that computes its {@link Timeline} from a {@link CompactRecord}.
 * Immutable and thread-safe; one plan serves any number of learners on any number of threads.
 *
 * <p>The work is split by concern: {@link PlanCompiler} builds the plan, {@link EvaluationContext}
 * holds one learner's evaluation, {@link TierValidity} decides each tier (expiry, renewal, lapse,
 * revocation), and each kind of {@link Node} decides one kind of requirement. This class keeps
 * only what every evaluation reads and the loop over the tiers.
 * <pre>{@code
 * EvaluationPlan plan = EvaluationPlan.compile(Programme.reference());
 * CompactRecord record = new CompactRecord.Builder(plan, "L-1")
 *         .completed(LocalDate.parse("2025-01-10"), "BRZ-ELN")
 *         .build();
 * Progress p = plan.evaluate(record, LocalDate.parse("2025-06-30"));
 * }</pre>
 */
public final class EvaluationPlan {
    final Programme programme;
    private final Map<String, Integer> unitIndex;
    private final Map<String, Integer> competencyIndex;
    private final Map<String, Integer> priorLearningIndex;
    private final Map<String, Integer> tierIndex;

    /** By unit index: how the unit is done, and the pass mark of an assessment (0 otherwise). */
    final UnitKind[] unitKind;
    final int[] passMark;
    final String[] competencyCode;
    /** The highest level of the framework's scale (levels run from 1). */
    final int maxLevel;
    /** For each competency, the evidence mappings that give it: units needed and level given. */
    final int[][][] evidenceUnits;
    final int[][] evidenceLevel;
    final TierPlan[] tiers;
    /** Tier indices in evaluation order: every tier after the tiers it holds. */
    final int[] tierOrder;
    private final int nodeCount;
    /** Each competency's level 0 result, the same for every learner without a level in it. */
    private final CompetencyLevel[] noLevel;
    /** Every competency at level 0: the competencies of most learners. */
    private final List<CompetencyLevel> noLevels;
    /**
     * Lists of shared tier results ({@link TierPlan#undated}), by the tiers' statuses as a number
     * in base 5; made on first use and shared (an immutable list is safely published). Null when
     * the programme has too many tiers for a table.
     */
    private final List<TierProgress>[] undatedTiers;
    /**
     * Each thread's context, reset for each learner: its tables are allocated once per thread, not
     * per learner. One slot per thread for all plans (static), holding the last plan's, so a
     * long-lived thread keeps at most one plan alive, not every plan it ever evaluated.
     */
    private static final ThreadLocal<EvaluationContext> CONTEXTS = new ThreadLocal<>();

    /** Built by {@link PlanCompiler} only; the maps and arrays are handed over, never written again. */
    EvaluationPlan(Programme programme, Map<String, Integer> unitIndex, Map<String, Integer> competencyIndex,
            Map<String, Integer> priorLearningIndex, Map<String, Integer> tierIndex, UnitKind[] unitKind,
            int[] passMark, String[] competencyCode, int maxLevel, int[][][] evidenceUnits, int[][] evidenceLevel,
            TierPlan[] tiers, int[] tierOrder, int nodeCount) {
        this.programme = programme;
        this.unitIndex = unitIndex;
        this.competencyIndex = competencyIndex;
        this.priorLearningIndex = priorLearningIndex;
        this.tierIndex = tierIndex;
        this.unitKind = unitKind;
        this.passMark = passMark;
        this.competencyCode = competencyCode;
        this.maxLevel = maxLevel;
        this.evidenceUnits = evidenceUnits;
        this.evidenceLevel = evidenceLevel;
        this.tiers = tiers;
        this.tierOrder = tierOrder;
        this.nodeCount = nodeCount;
        this.noLevel = new CompetencyLevel[competencyCode.length];
        for (int c = 0; c < noLevel.length; c++) {
            noLevel[c] = new CompetencyLevel(competencyCode[c], 0, null);
        }
        this.noLevels = List.of(noLevel);
        @SuppressWarnings("unchecked")
        List<TierProgress>[] lists = tiers.length <= 6 ? new List[(int) Math.pow(STATUSES, tiers.length)] : null;
        this.undatedTiers = lists;
    }

    /** Compiles a programme; the programme is valid by construction, so this cannot fail. */
    public static EvaluationPlan compile(Programme programme) {
        return PlanCompiler.compile(programme);
    }

    public Programme programme() {
        return programme;
    }

    int unitIndex(String code) {
        return index(unitIndex, code, "unit");
    }

    int competencyIndex(String code) {
        return index(competencyIndex, code, "competency");
    }

    int priorLearningIndex(String code) {
        return index(priorLearningIndex, code, "prior learning");
    }

    int tierIndex(String code) {
        return index(tierIndex, code, "tier");
    }

    static int index(Map<String, Integer> map, String code, String what) {
        Integer i = map.get(code);
        if (i == null) {
            throw new IllegalArgumentException("The programme has no " + what + " '" + code + "'");
        }
        return i;
    }

    /** Where the learner stands on every tier as of {@code asOf}; a pure function of its inputs. */
    public Progress evaluate(CompactRecord record, LocalDate asOf) {
        return evaluate(record, asOf, Detail.FULL);
    }

    /** {@link #evaluate(CompactRecord, LocalDate)} building only the explanation {@code detail} asks for. */
    public Progress evaluate(CompactRecord record, LocalDate asOf, Detail detail) {
        EvaluationContext c = CONTEXTS.get();
        if (c == null || c.plan != this) {
            c = new EvaluationContext(this, nodeCount);
            CONTEXTS.set(c);
        } else if (c.r != null) {
            c = new EvaluationContext(this, nodeCount); // not expected: an evaluation inside an evaluation
        }
        c.reset(record, (int) asOf.toEpochDay(), detail);
        try {
            TierProgress[] out = c.tierResults;
            boolean undated = undatedTiers != null;
            for (int t : tierOrder) {
                out[t] = TierValidity.evaluate(tiers[t], c);
                undated &= out[t] == tiers[t].undated[out[t].status().ordinal()];
            }
            CompetencyLevel[] levels = c.levels;
            boolean none = true;
            for (int comp = 0; comp < levels.length; comp++) {
                int level = c.competencyLevel(comp);
                none &= level == 0;
                levels[comp] = level == 0 ? noLevel[comp]
                        : new CompetencyLevel(competencyCode[comp], level, day(c.competencyDay(comp, level)));
            }
            // List.of copies the context's arrays; Progress's List.copyOf then keeps those lists as they are
            return new Progress(record.learnerId, asOf, undated ? undatedTiers(out) : List.of(out),
                    none ? noLevels : List.of(levels));
        } finally {
            c.r = null; // the context is free again, and holds no learner's record
        }
    }

    private static final int STATUSES = TierStatus.values().length;

    /** The shared list of these shared tier results. */
    private List<TierProgress> undatedTiers(TierProgress[] out) {
        int key = 0;
        for (TierProgress t : out) {
            key = key * STATUSES + t.status().ordinal();
        }
        List<TierProgress> l = undatedTiers[key];
        if (l == null) {
            l = List.of(out);
            undatedTiers[key] = l;
        }
        return l;
    }

    /** Dates from 1900 to 2199, made once each and shared (a {@link LocalDate} is immutable). */
    private static final int FIRST_CACHED_DAY = (int) LocalDate.of(1900, 1, 1).toEpochDay();
    private static final LocalDate[] DATES = new LocalDate[(int) (LocalDate.of(2200, 1, 1).toEpochDay() - FIRST_CACHED_DAY)];

    /**
     * An epoch day as a date. Dates between 1900 and 2199 are made once and shared by every
     * evaluation on every thread; two threads making the same one at once is harmless, since
     * both are equal and a {@code LocalDate}'s fields are final, hence safely published.
     */
    static LocalDate day(int epochDay) {
        int i = epochDay - FIRST_CACHED_DAY;
        if (i < 0 || i >= DATES.length) {
            return LocalDate.ofEpochDay(epochDay);
        }
        LocalDate d = DATES[i];
        if (d == null) {
            d = LocalDate.ofEpochDay(epochDay);
            DATES[i] = d;
        }
        return d;
    }
}
