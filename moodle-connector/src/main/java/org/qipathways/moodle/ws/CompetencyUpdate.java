package org.qipathways.moodle.ws;

/**
 * Changes to a competency for {@code core_competency_update_competency}; its parent and framework
 * cannot change here (use {@code setParentCompetency}).
 * <pre>{@code
 * new CompetencyUpdate(14, "Measurement", null, null);
 * }</pre>
 */
public record CompetencyUpdate(long id, String shortname, String idnumber, String description) {
}
