package org.qipathways.moodle.ws;

/**
 * A course as {@code core_course_get_courses_by_field} describes it; {@code idnumber} is only sent
 * to users who may update the course.
 * <pre>{@code
 * client.getCoursesByField(CourseField.SHORTNAME, "BRZ-E").courses().get(0).categoryid();
 * }</pre>
 */
public record Course(long id, String fullname, String shortname, long categoryid, String idnumber, String summary,
        String format, Integer visible, Long startdate, Long enddate, Integer enablecompletion) {
}
