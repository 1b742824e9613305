package org.qipathways.moodle.ws;

/**
 * A user's learning plan; {@code status} 0 draft, 1 active, 2 complete, 3 waiting for review, 4 in review.
 * <pre>{@code
 * client.listUserPlans(37).get(0).templateid();
 * }</pre>
 */
public record Plan(long id, String name, long userid, Long templateid, int status, Long duedate) {
}
