package org.qipathways.progress.internal;

import static org.qipathways.progress.internal.EvaluationPlan.day;

import java.util.List;
import org.qipathways.progress.RequirementResult;
import org.qipathways.rules.Requirement;

/**
 * A compiled requirement: one node per requirement of a tier's rule or renewal rule, with the
 * programme's codes already resolved to indices and its fixed words already built. Each node
 * answers four questions about one learner, always through an {@link EvaluationContext}:
 * <ul>
 *   <li>{@link #compute}: on which days the requirement holds, as a {@link Timeline} over the
 *       learner's whole record (so lapses and sliding windows combine exactly);</li>
 *   <li>{@link #explain}: what is missing on the as-of date, in words a learner can act on;</li>
 *   <li>{@link #progressed}: whether the learner has started on it (which tells "in progress"
 *       from "not started");</li>
 *   <li>{@link #unmet}: the separate things still to do, for a tier's list of unmet requirements.</li>
 * </ul>
 *
 * <p>The kinds are a closed set, one per kind of {@link Requirement}, each in its own file and
 * named for what it decides; {@code PlanCompiler} picks the kind. A node is immutable and shared by
 * every learner and thread: what it works out for one learner is memoised in the context under the
 * node's {@link #id}, never in the node. A new kind of requirement needs a new subclass here, a
 * branch in {@code PlanCompiler}, and nothing else.
 */
abstract sealed class Node
        permits CompositeNode, CompletedNode, ScoredNode, AttendedNode, EvidenceNode, WindowNode, CompetencyNode,
        HoldsTierNode, PriorLearningNode, CountNode {
    static final Node[] NONE = new Node[0];

    /** The node's slot in the context's memo tables: 0 to the plan's node count, in compile order. */
    final int id;
    final Requirement req;
    final Node[] children;
    /** The requirement's label, or words generated from the programme when it has none. */
    final String description;

    Node(int id, Requirement req, Node[] children, String generated) {
        this.id = id;
        this.req = req;
        this.children = children;
        this.description = req.label() != null ? req.label() : generated;
    }

    abstract Timeline compute(EvaluationContext c);

    /** What is missing on the as-of date, when the node does not hold then; worked out once per evaluation. */
    final String missing(EvaluationContext c) {
        String m = c.missing[id];
        if (m == null) {
            m = explain(c);
            c.missing[id] = m;
            c.explained = true;
        }
        return m;
    }

    /** Works out {@link #missing}. */
    abstract String explain(EvaluationContext c);

    /** Whether any part of this node shows progress on the as-of date (holding a tier does not count). */
    boolean progressed(EvaluationContext c) {
        return c.holds(this);
    }

    /** Adds what is missing, one entry per unmet requirement a learner can act on. */
    void unmet(EvaluationContext c, List<String> out) {
        if (!c.holds(this)) {
            out.add(missing(c));
        }
    }

    /** The node and its children as the learner's result tree on the as-of date. */
    final RequirementResult result(EvaluationContext c) {
        Timeline t = c.timeline(this);
        boolean holds = t.holdsOn(c.asOf);
        List<RequirementResult> results = List.of();
        if (children.length > 0) {
            RequirementResult[] cs = new RequirementResult[children.length];
            for (int i = 0; i < cs.length; i++) {
                cs[i] = children[i].result(c);
            }
            results = List.of(cs);
        }
        return new RequirementResult(req, description, holds, holds ? day(t.since(c.asOf)) : null,
                holds ? null : missing(c), holds || progressed(c), results);
    }
}
