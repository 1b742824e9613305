package org.qipathways.progress.internal;

import java.util.ArrayList;
import java.util.List;
import org.qipathways.rules.Requirement;

/**
 * Decides "at least k of": holds on the days k or more children hold at once. Its explanation
 * counts what is done and, when the programme gave no label of its own, lists what is still open.
 */
final class AtLeastNode extends CompositeNode {
    final int k;

    AtLeastNode(int id, Requirement req, int k, Node[] children) {
        super(id, req, children, "at least " + k + " of: " + joined(children, ", "));
        this.k = k;
    }

    @Override
    Timeline compute(EvaluationContext c) {
        Timeline[] parts = new Timeline[children.length];
        for (int i = 0; i < parts.length; i++) {
            parts[i] = c.timeline(children[i]);
        }
        return Timeline.atLeast(k, parts);
    }

    @Override
    String explain(EvaluationContext c) {
        int done = 0;
        List<String> open = new ArrayList<>();
        for (Node ch : children) {
            if (c.holds(ch)) {
                done++;
            } else {
                open.add(ch.missing(c));
            }
        }
        return description + ": " + done + " of " + k + " done"
                + (req.label() != null ? "" : " (still open: " + String.join("; ", open) + ")");
    }
}
