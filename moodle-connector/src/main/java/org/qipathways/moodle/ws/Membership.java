package org.qipathways.moodle.ws;

/**
 * A cohort membership by ids, for {@code core_cohort_delete_cohort_members}.
 * <pre>{@code
 * new Membership(4, 37);
 * }</pre>
 */
public record Membership(long cohortid, long userid) {
}
