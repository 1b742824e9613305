package org.qipathways.progress.internal;

import java.util.ArrayList;
import java.util.List;
import org.qipathways.rules.Requirement;

/**
 * Decides "all of": holds on the days every child holds. What is missing is each unmet child's
 * own entry, not one sentence for the whole, so a tier's unmet list names every open step.
 */
final class AllOfNode extends CompositeNode {
    AllOfNode(int id, Requirement req, Node[] children) {
        super(id, req, children, joined(children, " and "));
    }

    @Override
    Timeline compute(EvaluationContext c) {
        Timeline t = c.timeline(children[0]);
        for (int i = 1; i < children.length && !t.isNever(); i++) {
            t = Timeline.and(t, c.timeline(children[i]));
        }
        return t;
    }

    @Override
    String explain(EvaluationContext c) {
        List<String> out = new ArrayList<>();
        unmet(c, out);
        return String.join("; ", out);
    }

    @Override
    void unmet(EvaluationContext c, List<String> out) {
        for (Node ch : children) {
            ch.unmet(c, out);
        }
    }
}
