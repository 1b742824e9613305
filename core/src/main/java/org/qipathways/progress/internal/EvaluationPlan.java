package org.qipathways.progress.internal;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;
import org.qipathways.programme.Programme;
import org.qipathways.programme.UnitKind;
import org.qipathways.progress.CompetencyLevel;
import org.qipathways.progress.Progress;
import org.qipathways.progress.Detail;
import org.qipathways.progress.TierProgress;

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
        EvaluationContext c = new EvaluationContext(this, record, (int) asOf.toEpochDay(), nodeCount, detail);
        TierProgress[] out = new TierProgress[tiers.length];
        for (int t : tierOrder) {
            out[t] = TierValidity.evaluate(tiers[t], c);
        }
        CompetencyLevel[] levels = new CompetencyLevel[competencyCode.length];
        for (int comp = 0; comp < levels.length; comp++) {
            int level = c.competencyLevel(comp);
            levels[comp] = new CompetencyLevel(competencyCode[comp], level, level == 0 ? null : day(c.competencyDay(comp, level)));
        }
        return new Progress(record.learnerId, asOf, Arrays.asList(out), Arrays.asList(levels));
    }

    /** An epoch day as a date. */
    static LocalDate day(int epochDay) {
        return LocalDate.ofEpochDay(epochDay);
    }
}
