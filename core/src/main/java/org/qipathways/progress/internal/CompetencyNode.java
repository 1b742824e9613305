package org.qipathways.progress.internal;

import org.qipathways.rules.Requirement;

/**
 * Decides "competency at least level L": from the first day the learner was rated at L or more,
 * or completed every unit of an evidence mapping that gives L or more, whichever came first
 * ({@link EvaluationContext#competencyDay}). What is missing names the level the learner has now.
 */
final class CompetencyNode extends Node {
    final int competency;
    final int level;
    private final String title;
    /** The scale's level names by level (shared with the plan, never written). */
    private final String[] levelName;

    CompetencyNode(int id, Requirement req, int competency, String title, int level, String[] levelName) {
        super(id, req, NONE, title + " at level " + level + " (" + levelName[level] + ")");
        this.competency = competency;
        this.level = level;
        this.title = title;
        this.levelName = levelName;
    }

    @Override
    Timeline compute(EvaluationContext c) {
        return Timeline.from(c.competencyDay(competency, level));
    }

    @Override
    String explain(EvaluationContext c) {
        int now = c.competencyLevel(competency);
        return title + " at level " + level + " (" + levelName[level] + "): currently "
                + (now == 0 ? "not evidenced" : "level " + now + " (" + levelName[now] + ")");
    }

    @Override
    boolean progressed(EvaluationContext c) {
        return c.competencyLevel(competency) > 0;
    }
}
