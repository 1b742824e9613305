package org.qipathways.moodle.ws;

/**
 * An exact-match filter for {@code core_competency_list_competencies}: column {@code id},
 * {@code shortname}, {@code idnumber}, {@code parentid} or {@code competencyframeworkid}.
 * <pre>{@code
 * Filter.framework(3);
 * }</pre>
 */
public record Filter(String column, String value) {

    public static Filter framework(long frameworkId) {
        return new Filter("competencyframeworkid", Long.toString(frameworkId));
    }
}
