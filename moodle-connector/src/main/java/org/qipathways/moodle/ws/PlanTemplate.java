package org.qipathways.moodle.ws;

/**
 * A learning-plan template as Moodle describes one.
 * <pre>{@code
 * client.createTemplate(NewTemplate.of("Bronze", ContextRef.system())).id();
 * }</pre>
 */
public record PlanTemplate(long id, String shortname, String description, Long duedate, Boolean visible,
        long contextid) {
}
