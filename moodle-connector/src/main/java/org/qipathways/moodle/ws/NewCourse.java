package org.qipathways.moodle.ws;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A course for {@code core_course_create_courses}. Dates are Unix seconds; {@code visible} and
 * {@code enablecompletion} are 0 or 1.
 * <pre>{@code
 * NewCourse.of("Bronze e-learning", "BRZ-E", 5).withIdnumber("QIP-BSG/BRZ-E").withEnableCompletion(1);
 * }</pre>
 */
public record NewCourse(String fullname, String shortname, long categoryid, String idnumber, String summary,
        String format, Integer visible, Long startdate, Long enddate, Integer enablecompletion,
        List<CourseCustomField> customfields) {

    public NewCourse {
        Objects.requireNonNull(fullname, "fullname");
        Objects.requireNonNull(shortname, "shortname");
        customfields = customfields == null ? null : List.copyOf(customfields);
    }

    public static NewCourse of(String fullname, String shortname, long categoryid) {
        return new NewCourse(fullname, shortname, categoryid, null, null, null, null, null, null, null, null);
    }

    public NewCourse withIdnumber(String v) {
        return new NewCourse(fullname, shortname, categoryid, v, summary, format, visible, startdate, enddate,
                enablecompletion, customfields);
    }

    public NewCourse withSummary(String v) {
        return new NewCourse(fullname, shortname, categoryid, idnumber, v, format, visible, startdate, enddate,
                enablecompletion, customfields);
    }

    public NewCourse withFormat(String v) {
        return new NewCourse(fullname, shortname, categoryid, idnumber, summary, v, visible, startdate, enddate,
                enablecompletion, customfields);
    }

    public NewCourse withVisible(int v) {
        return new NewCourse(fullname, shortname, categoryid, idnumber, summary, format, v, startdate, enddate,
                enablecompletion, customfields);
    }

    public NewCourse withDates(long start, long end) {
        return new NewCourse(fullname, shortname, categoryid, idnumber, summary, format, visible, start, end,
                enablecompletion, customfields);
    }

    public NewCourse withEnableCompletion(int v) {
        return new NewCourse(fullname, shortname, categoryid, idnumber, summary, format, visible, startdate, enddate,
                v, customfields);
    }

    public NewCourse withCustomField(String shortnameOfField, String value) {
        List<CourseCustomField> more = new ArrayList<>(customfields == null ? List.of() : customfields);
        more.add(new CourseCustomField(shortnameOfField, value));
        return new NewCourse(fullname, shortname, categoryid, idnumber, summary, format, visible, startdate, enddate,
                enablecompletion, more);
    }
}
