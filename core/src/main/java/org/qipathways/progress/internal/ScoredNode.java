package org.qipathways.progress.internal;

import org.qipathways.rules.Requirement;

/**
 * Decides "scored at least": an assessment attempt at or above a minimum (the unit's pass mark
 * unless the rule names another), from the day of the first such attempt. What is missing is the
 * learner's best score so far against the score needed.
 */
final class ScoredNode extends Node {
    final int unit;
    final int min;
    private final String title;

    ScoredNode(int id, Requirement req, int unit, String title, int min) {
        super(id, req, NONE, title + ": best score " + min + " or more");
        this.unit = unit;
        this.min = min;
        this.title = title;
    }

    @Override
    Timeline compute(EvaluationContext c) {
        for (int i = 0; i < c.n; i++) {
            if (c.r.type[i] == CompactRecord.ASSESSED && c.r.item[i] == unit && c.r.value[i] >= min) {
                return Timeline.from(c.r.day[i]);
            }
        }
        return Timeline.NEVER;
    }

    @Override
    String explain(EvaluationContext c) {
        return scoreMissing(c, unit, title, min);
    }

    /** "Quiz: best score 60, needs 80", or "no attempt yet"; also a completed assessment's words. */
    static String scoreMissing(EvaluationContext c, int unit, String title, int needed) {
        int best = -1;
        for (int i = 0; i < c.n; i++) {
            if (c.r.type[i] == CompactRecord.ASSESSED && c.r.item[i] == unit) {
                best = Math.max(best, c.r.value[i]);
            }
        }
        return title + ": " + (best < 0 ? "no attempt yet" : "best score " + best) + ", needs " + needed;
    }

    @Override
    boolean progressed(EvaluationContext c) {
        return c.anyUnitEvent(unit);
    }
}
