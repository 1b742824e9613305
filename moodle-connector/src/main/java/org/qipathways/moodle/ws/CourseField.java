package org.qipathways.moodle.ws;

/**
 * Which field {@code core_course_get_courses_by_field} searches; {@link #ALL} lists every course.
 * <pre>{@code
 * client.getCoursesByField(CourseField.IDNUMBER, "QIP-BSG/BRZ-E");
 * }</pre>
 */
public enum CourseField {
    ALL(""), ID("id"), IDS("ids"), SHORTNAME("shortname"), IDNUMBER("idnumber"), CATEGORY("category");

    private final String wsName;

    CourseField(String wsName) {
        this.wsName = wsName;
    }

    /** The name Moodle expects. */
    public String wsName() {
        return wsName;
    }
}
