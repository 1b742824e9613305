package org.qipathways.moodle.ws;

/**
 * A user profile field value as users are created or updated with it: {@code type} is the field's
 * short name.
 * <pre>{@code
 * new CustomField("staffgroup", "Nursing");
 * }</pre>
 */
public record CustomField(String type, String value) {
}
