package org.qipathways.progress.internal;

import java.util.ArrayList;
import java.util.List;
import org.qipathways.rules.Requirement;

/**
 * A node made of other nodes (all of, any of, at least k of): it shows progress when any child
 * does, so a learner who has started on one part of a rule is "in progress" on the whole.
 */
abstract sealed class CompositeNode extends Node permits AllOfNode, AnyOfNode, AtLeastNode {
    CompositeNode(int id, Requirement req, Node[] children, String generated) {
        super(id, req, children, generated);
    }

    /** The children's descriptions joined, for a node without a label. */
    static String joined(Node[] children, String joiner) {
        List<String> parts = new ArrayList<>(children.length);
        for (Node ch : children) {
            parts.add(ch.description);
        }
        return String.join(joiner, parts);
    }

    @Override
    boolean progressed(EvaluationContext c) {
        for (Node ch : children) {
            if (ch.progressed(c)) {
                return true;
            }
        }
        return false;
    }
}
