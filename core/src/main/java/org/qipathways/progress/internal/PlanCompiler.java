package org.qipathways.progress.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.qipathways.competency.Competency;
import org.qipathways.competency.CompetencyEvidence;
import org.qipathways.competency.ProficiencyLevel;
import org.qipathways.programme.Programme;
import org.qipathways.programme.Tier;
import org.qipathways.programme.Unit;
import org.qipathways.programme.UnitKind;
import org.qipathways.rules.EventSelector;
import org.qipathways.rules.Requirement;
import org.qipathways.rules.Window;

/**
 * Compiles a programme into an {@link EvaluationPlan}, once per programme, so that evaluating a
 * learner touches no strings and no maps: every code (unit, competency, prior learning, tier) is
 * interned to a small integer, every requirement becomes a {@link Node} of the kind that decides
 * it, with its fixed words built now, and the tiers are put in the order they must be evaluated.
 *
 * <p>A one-shot builder: it holds the tables while the nodes are made (a node reads titles and
 * pass marks as it is built), then hands what evaluation needs to the immutable plan. The
 * programme is valid by construction, so compiling cannot fail. Adding a kind of requirement means
 * one more branch in {@link #compile(Requirement)}.
 */
final class PlanCompiler {
    private final Programme programme;
    private final Map<String, Integer> unitIndex = new HashMap<>();
    private final Map<String, Integer> competencyIndex = new HashMap<>();
    private final Map<String, Integer> priorLearningIndex = new HashMap<>();
    private final Map<String, Integer> tierIndex = new HashMap<>();

    private final UnitKind[] unitKind;
    private final int[] passMark;
    private final String[] unitTitle;
    private final String[] competencyTitle;
    private final String[] competencyCode;
    private final String[] levelName;
    private final String[] priorLearningTitle;
    /** For each competency, the evidence mappings that give it: units needed and level given. */
    private final int[][][] evidenceUnits;
    private final int[][] evidenceLevel;
    /** Node ids handed out so far, in compile order. */
    private int nodeCount;

    private PlanCompiler(Programme p) {
        this.programme = p;
        List<Unit> units = p.units();
        unitKind = new UnitKind[units.size()];
        passMark = new int[units.size()];
        unitTitle = new String[units.size()];
        for (int i = 0; i < units.size(); i++) {
            Unit u = units.get(i);
            unitIndex.put(u.code(), i);
            unitKind[i] = u.kind();
            passMark[i] = u.passMark() == null ? 0 : u.passMark();
            unitTitle[i] = u.title();
        }
        List<Competency> comps = p.framework().competencies();
        competencyTitle = new String[comps.size()];
        competencyCode = new String[comps.size()];
        for (int i = 0; i < comps.size(); i++) {
            competencyCode[i] = comps.get(i).code();
            competencyIndex.put(comps.get(i).code(), i);
            competencyTitle[i] = comps.get(i).title();
        }
        List<ProficiencyLevel> levels = p.framework().scale().levels();
        levelName = new String[levels.size() + 1];
        for (ProficiencyLevel l : levels) {
            levelName[l.level()] = l.name();
        }
        priorLearningTitle = new String[p.priorLearning().size()];
        for (int i = 0; i < p.priorLearning().size(); i++) {
            priorLearningIndex.put(p.priorLearning().get(i).code(), i);
            priorLearningTitle[i] = p.priorLearning().get(i).title();
        }
        List<List<int[]>> units4 = new ArrayList<>();
        List<List<Integer>> levels4 = new ArrayList<>();
        for (int i = 0; i < comps.size(); i++) {
            units4.add(new ArrayList<>());
            levels4.add(new ArrayList<>());
        }
        for (CompetencyEvidence e : p.competencyEvidence()) {
            int[] us = e.units().stream().mapToInt(unitIndex::get).toArray();
            e.gives().forEach((code, level) -> {
                int c = competencyIndex.get(code);
                units4.get(c).add(us);
                levels4.get(c).add(level);
            });
        }
        evidenceUnits = new int[comps.size()][][];
        evidenceLevel = new int[comps.size()][];
        for (int i = 0; i < comps.size(); i++) {
            evidenceUnits[i] = units4.get(i).toArray(new int[0][]);
            evidenceLevel[i] = levels4.get(i).stream().mapToInt(Integer::intValue).toArray();
        }
        for (int i = 0; i < p.tiers().size(); i++) {
            tierIndex.put(p.tiers().get(i).code(), i);
        }
    }

    /** Compiles a programme; the programme is valid by construction, so this cannot fail. */
    static EvaluationPlan compile(Programme programme) {
        return new PlanCompiler(programme).plan();
    }

    private EvaluationPlan plan() {
        List<Tier> ts = programme.tiers();
        int count = ts.size();
        Node[] rules = new Node[count];
        Node[] renewals = new Node[count];
        int[][] directDeps = new int[count][];
        for (int i = 0; i < count; i++) {
            Tier t = ts.get(i);
            rules[i] = compile(t.rule());
            renewals[i] = t.renewal() == null ? null : compile(t.renewal().rule());
            Set<Integer> direct = new LinkedHashSet<>();
            heldTiers(t.rule(), direct);
            if (t.renewal() != null) {
                heldTiers(t.renewal().rule(), direct);
            }
            directDeps[i] = direct.stream().mapToInt(Integer::intValue).toArray();
        }
        TierPlan[] tiers = new TierPlan[count];
        for (int i = 0; i < count; i++) {
            Set<Integer> deps = new LinkedHashSet<>();
            collectDeps(directDeps, i, deps);
            deps.remove(i);
            tiers[i] = new TierPlan(i, ts.get(i), rules[i], renewals[i], directDeps[i],
                    deps.stream().mapToInt(Integer::intValue).toArray());
        }
        // Evaluate tiers that others hold before those others (the checks rule out cycles).
        int[] tierOrder = new int[count];
        boolean[] done = new boolean[count];
        int k = 0;
        while (k < count) {
            for (TierPlan t : tiers) {
                if (!done[t.index] && Arrays.stream(t.directDeps).allMatch(d -> done[d])) {
                    done[t.index] = true;
                    tierOrder[k++] = t.index;
                }
            }
        }
        return new EvaluationPlan(programme, unitIndex, competencyIndex, priorLearningIndex, tierIndex,
                unitKind, passMark, competencyCode, levelName.length - 1, evidenceUnits, evidenceLevel,
                tiers, tierOrder, nodeCount);
    }

    /** The tiers a rule holds itself ({@code holdsTier} anywhere in it). */
    private void heldTiers(Requirement r, Set<Integer> into) {
        if (r instanceof Requirement.HoldsTier h) {
            into.add(EvaluationPlan.index(tierIndex, h.holdsTier(), "tier"));
        }
        r.children().forEach(ch -> heldTiers(ch, into));
    }

    private static void collectDeps(int[][] directDeps, int tier, Set<Integer> into) {
        for (int d : directDeps[tier]) {
            if (into.add(d)) {
                collectDeps(directDeps, d, into);
            }
        }
    }

    // ---- nodes ----------------------------------------------------------------------------------

    /** One requirement as the node kind that decides it; ids are handed out depth first. */
    private Node compile(Requirement r) {
        int id = nodeCount++;
        if (r instanceof Requirement.AllOf a) {
            // An `anchor: last` window runs from the last of the events its siblings count.
            return new AllOfNode(id, r, WindowNode.gated(compileAll(a.allOf())));
        } else if (r instanceof Requirement.AnyOf a) {
            return new AnyOfNode(id, r, compileAll(a.anyOf()));
        } else if (r instanceof Requirement.AtLeastOf a) {
            return new AtLeastNode(id, r, a.atLeast(), compileAll(a.of()));
        } else if (r instanceof Requirement.Completed x) {
            int u = unit(x.completed());
            return new CompletedNode(id, r, u, unitKind[u], unitTitle[u], passMark[u]);
        } else if (r instanceof Requirement.Scored x) {
            int u = unit(x.scored());
            return new ScoredNode(id, r, u, unitTitle[u], x.atLeast() == null ? passMark[u] : x.atLeast());
        } else if (r instanceof Requirement.Attended x) {
            return new AttendedNode(id, r, selector(new EventSelector(EventSelector.Kind.ATTENDED, x.attended(), x.role())));
        } else if (r instanceof Requirement.EvidenceApproved x) {
            int u = unit(x.evidence());
            Window w = x.within();
            if (w == null) {
                return new EvidenceNode(id, r, u, unitTitle[u]);
            }
            return new WindowNode(id, r, u, unitTitle[u], w.days(), selector(w.after()), w.anchor() == Window.Anchor.LAST);
        } else if (r instanceof Requirement.CompetencyAtLeast x) {
            int c = EvaluationPlan.index(competencyIndex, x.competency(), "competency");
            return new CompetencyNode(id, r, c, competencyTitle[c], x.atLeast(), levelName);
        } else if (r instanceof Requirement.HoldsTier x) {
            int t = EvaluationPlan.index(tierIndex, x.holdsTier(), "tier");
            return new HoldsTierNode(id, r, t, programme.tiers().get(t).title());
        } else if (r instanceof Requirement.PriorLearningApproved x) {
            int pl = EvaluationPlan.index(priorLearningIndex, x.priorLearning(), "prior learning");
            return new PriorLearningNode(id, r, pl, priorLearningTitle[pl]);
        } else if (r instanceof Requirement.EventCount x) {
            return new CountNode(id, r, selector(x.count()), x.atLeast(), x.distinctDates(),
                    x.onOrAfter() == null ? null : selector(x.onOrAfter()), x.lookback());
        }
        throw new IllegalStateException("Unknown requirement " + r);
    }

    private Node[] compileAll(List<Requirement> rs) {
        Node[] out = new Node[rs.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = compile(rs.get(i));
        }
        return out;
    }

    private int unit(String code) {
        return EvaluationPlan.index(unitIndex, code, "unit");
    }

    private Selector selector(EventSelector s) {
        boolean[] mask = new boolean[unitKind.length];
        List<String> titles = new ArrayList<>();
        for (String u : s.units()) {
            mask[unit(u)] = true;
            titles.add(unitTitle[unit(u)]);
        }
        return new Selector(s, mask, titles);
    }
}
