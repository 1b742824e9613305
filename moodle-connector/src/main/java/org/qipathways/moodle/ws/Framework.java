package org.qipathways.moodle.ws;

/**
 * A competency framework as Moodle describes one.
 * <pre>{@code
 * client.readFramework(3).idnumber();   // "QIP-BSG-FW"
 * }</pre>
 */
public record Framework(long id, String shortname, String idnumber, String description, Boolean visible, long scaleid,
        String scaleconfiguration, long contextid, String taxonomies, Integer competenciescount) {
}
