package org.qipathways.moodle.ws;

import java.util.List;

/**
 * The reply of {@code core_course_get_courses_by_field}: courses and warnings.
 * <pre>{@code
 * Courses found = client.getCoursesByField(CourseField.IDNUMBER, "QIP-BSG/BRZ-E");
 * }</pre>
 */
public record Courses(List<Course> courses, List<MoodleWarning> warnings) {
    public Courses {
        courses = courses == null ? List.of() : List.copyOf(courses);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }
}
