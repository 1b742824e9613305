package org.qipathways.moodle.ws;

/**
 * Changes to a framework for {@code core_competency_update_competency_framework}; null fields keep
 * their value.
 * <pre>{@code
 * new FrameworkUpdate(3, null, null, "Revised 2026", null, null, null);
 * }</pre>
 */
public record FrameworkUpdate(long id, String shortname, String idnumber, String description, Boolean visible,
        String scaleconfiguration, String taxonomies) {
}
