package org.qipathways.moodle.ws;

/**
 * Changes to one category for {@code core_course_update_categories}; null fields keep their value.
 * Moodle offers no way to change a category's visibility here.
 * <pre>{@code
 * new CategoryUpdate(7, "Silver", null, null, null);
 * }</pre>
 */
public record CategoryUpdate(long id, String name, String idnumber, Long parent, String description) {
}
