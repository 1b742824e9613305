package org.qipathways.moodle.ws;

/**
 * A manual enrolment to remove with {@code enrol_manual_unenrol_users}.
 * <pre>{@code
 * new Unenrolment(37, 12);
 * }</pre>
 */
public record Unenrolment(long userid, long courseid) {
}
