package org.qipathways.moodle.ws;

/**
 * Changes to one course for {@code core_course_update_courses}; null fields keep their value.
 * <pre>{@code
 * new CourseUpdate(12, "Bronze e-learning (2026)", null, null, null, null, null, null, null, null);
 * }</pre>
 */
public record CourseUpdate(long id, String fullname, String shortname, Long categoryid, String idnumber, String summary,
        Integer visible, Long startdate, Long enddate, Integer enablecompletion) {
}
