package org.qipathways.progress.internal;

import org.qipathways.rules.Requirement;

/**
 * Decides "recognised prior learning approved": from the day the programme's prior-learning
 * entry was approved for the learner; a rejection does not count. Progress is only the approval.
 */
final class PriorLearningNode extends Node {
    final int code;

    PriorLearningNode(int id, Requirement req, int code, String title) {
        super(id, req, NONE, "recognised prior learning: " + title);
        this.code = code;
    }

    @Override
    Timeline compute(EvaluationContext c) {
        for (int i = 0; i < c.n; i++) {
            if (c.r.type[i] == CompactRecord.PRIOR_LEARNING && c.r.item[i] == code && c.r.value[i] == CompactRecord.APPROVED) {
                return Timeline.from(c.r.day[i]);
            }
        }
        return Timeline.NEVER;
    }

    @Override
    String explain(EvaluationContext c) {
        return description + " approved";
    }
}
