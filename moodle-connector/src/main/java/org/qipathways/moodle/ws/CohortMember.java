package org.qipathways.moodle.ws;

/**
 * A membership to add with {@code core_cohort_add_cohort_members}: the cohort by id or idnumber,
 * the user by id or username.
 * <pre>{@code
 * CohortMember.of(4, 37);
 * CohortMember.byKeys("QIP-BSG/BRONZE", "jdoe");
 * }</pre>
 */
public record CohortMember(Key cohorttype, Key usertype) {

    /** How a cohort or user is named: {@code type} is {@code id}, {@code idnumber} or {@code username}. */
    public record Key(String type, String value) {
    }

    public static CohortMember of(long cohortId, long userId) {
        return new CohortMember(new Key("id", Long.toString(cohortId)), new Key("id", Long.toString(userId)));
    }

    public static CohortMember byKeys(String cohortIdnumber, String username) {
        return new CohortMember(new Key("idnumber", cohortIdnumber), new Key("username", username));
    }
}
