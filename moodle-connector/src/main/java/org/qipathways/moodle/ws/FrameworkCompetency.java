package org.qipathways.moodle.ws;

/**
 * A competency in a framework, as Moodle describes one.
 * <pre>{@code
 * client.listCompetencies(List.of(Filter.framework(3))).get(0).idnumber();
 * }</pre>
 */
public record FrameworkCompetency(long id, String shortname, String idnumber, String description, long parentid,
        String path, Integer sortorder, long competencyframeworkid, Integer ruleoutcome, Long scaleid) {
}
