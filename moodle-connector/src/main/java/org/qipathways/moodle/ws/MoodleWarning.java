package org.qipathways.moodle.ws;

/**
 * A per-item problem Moodle reported without failing the whole call (its {@code warnings} array).
 * <pre>{@code
 * new MoodleWarning("user", 42L, "useremailduplicate", "Duplicate email address");
 * }</pre>
 *
 * @param item what kind of item, e.g. {@code user} or {@code course}; may be null
 * @param itemid the item's id, when Moodle gives one
 * @param warningcode Moodle's code for the problem, e.g. {@code 3} for an existing cohort member
 * @param message Moodle's text
 */
public record MoodleWarning(String item, Long itemid, String warningcode, String message) {
}
