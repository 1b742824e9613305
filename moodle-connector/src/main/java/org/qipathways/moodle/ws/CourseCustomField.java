package org.qipathways.moodle.ws;

/**
 * A course custom field value by short name; Moodle silently ignores unknown or non-editable ones.
 * <pre>{@code
 * new CourseCustomField("qiptier", "BRONZE");
 * }</pre>
 */
public record CourseCustomField(String shortname, String value) {
}
