package org.qipathways.moodle.ws;

/**
 * A course {@code core_course_create_courses} created.
 * <pre>{@code
 * client.createCourses(List.of(c)).get(0).id();   // 2
 * }</pre>
 */
public record CreatedCourse(long id, String shortname) {
}
