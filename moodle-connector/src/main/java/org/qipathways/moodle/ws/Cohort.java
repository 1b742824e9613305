package org.qipathways.moodle.ws;

/**
 * A cohort as Moodle describes one.
 * <pre>{@code
 * client.getCohorts(List.of()).stream().filter(c -> c.idnumber().equals("QIP-BSG/BRONZE"));
 * }</pre>
 */
public record Cohort(long id, String name, String idnumber, String description, Integer descriptionformat,
        Boolean visible) {
}
