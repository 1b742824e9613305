package org.qipathways.moodle.ws;

/**
 * Where a cohort lives ({@code categorytype}): the system, or a category by id or idnumber.
 * <pre>{@code
 * CohortContext.system();
 * CohortContext.categoryIdnumber("QIP-BSG");
 * }</pre>
 */
public record CohortContext(String type, String value) {

    /** The site level. Moodle requires a value even here, and ignores it. */
    public static CohortContext system() {
        return new CohortContext("system", "");
    }

    public static CohortContext category(long id) {
        return new CohortContext("id", Long.toString(id));
    }

    public static CohortContext categoryIdnumber(String idnumber) {
        return new CohortContext("idnumber", idnumber);
    }
}
