package org.qipathways.moodle.ws;

/**
 * A manual enrolment for {@code enrol_manual_enrol_users}. Re-sending one re-activates it and sets
 * its dates to what is sent (0 when absent), so send the full wanted state.
 * <pre>{@code
 * Enrolment.of(5, 37, 12);   // role 5 (student), user 37, course 12
 * }</pre>
 */
public record Enrolment(long roleid, long userid, long courseid, Long timestart, Long timeend, Integer suspend) {

    public static Enrolment of(long roleid, long userid, long courseid) {
        return new Enrolment(roleid, userid, courseid, null, null, null);
    }
}
