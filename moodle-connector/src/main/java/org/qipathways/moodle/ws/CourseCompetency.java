package org.qipathways.moodle.ws;

/**
 * A competency linked to a course: the competency and the link, whose id the rule-outcome call
 * needs. Course rule outcomes are 0 none, 1 evidence, 2 recommend, 3 complete.
 * <pre>{@code
 * client.listCourseCompetencies(12).get(0).coursecompetency().ruleoutcome();   // 1
 * }</pre>
 */
public record CourseCompetency(FrameworkCompetency competency, Link coursecompetency) {

    /** The course-competency link. */
    public record Link(long id, long courseid, long competencyid, Integer sortorder, int ruleoutcome) {
    }
}
