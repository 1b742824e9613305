package org.qipathways.moodle.ws;

/**
 * Changes to a template for {@code core_competency_update_template}; null fields keep their value.
 * <pre>{@code
 * new TemplateUpdate(2, "Bronze (2026)", null, null, null);
 * }</pre>
 */
public record TemplateUpdate(long id, String shortname, String description, Long duedate, Boolean visible) {
}
