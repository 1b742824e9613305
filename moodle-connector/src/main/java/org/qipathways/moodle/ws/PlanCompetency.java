package org.qipathways.moodle.ws;

/**
 * A competency of a plan with the user's rating of it: {@code usercompetency} while the plan is
 * open, {@code usercompetencyplan} once it is complete.
 * <pre>{@code
 * client.listPlanCompetencies(8).get(0).usercompetency().grade();   // 2
 * }</pre>
 */
public record PlanCompetency(FrameworkCompetency competency, Rating usercompetency, Rating usercompetencyplan) {

    /**
     * A user's rating of a competency: {@code grade} is the 1-based scale item, null when unrated.
     * {@code timemodified} is the record's last save, which every piece of evidence makes, not when
     * it was rated.
     */
    public record Rating(long id, long userid, long competencyid, Integer status, Boolean proficiency, Integer grade,
            Long timecreated, Long timemodified) {
    }
}
