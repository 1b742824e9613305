package org.qipathways.moodle.ws;

/**
 * A search criterion for {@code core_course_get_categories}: key {@code id}, {@code ids},
 * {@code name}, {@code parent}, {@code idnumber}, {@code visible} or {@code theme}.
 * <pre>{@code
 * new Criterion("idnumber", "QIP-BSG");
 * }</pre>
 */
public record Criterion(String key, String value) {
}
