package org.qipathways.progress.internal;

import org.qipathways.rules.Requirement;

/**
 * Decides "attended": the first event the {@link Selector} matches (any of its units, in the role
 * the rule asks for). It has nothing to count, so what is missing is simply what to do.
 */
final class AttendedNode extends Node {
    final Selector selector;

    AttendedNode(int id, Requirement req, Selector selector) {
        super(id, req, NONE, selector.imperative());
        this.selector = selector;
    }

    @Override
    Timeline compute(EvaluationContext c) {
        return Timeline.from(selector.first(c));
    }

    @Override
    String explain(EvaluationContext c) {
        return req.label() == null ? selector.imperative() : req.label() + ": " + selector.imperative();
    }
}
