package org.qipathways.moodle.ws;

/**
 * A named option, e.g. for {@code core_enrol_get_enrolled_users}: {@code onlyactive},
 * {@code limitfrom}, {@code limitnumber}, {@code userfields}, {@code sortby}.
 * <pre>{@code
 * new Option("limitnumber", "500");
 * }</pre>
 */
public record Option(String name, String value) {
}
