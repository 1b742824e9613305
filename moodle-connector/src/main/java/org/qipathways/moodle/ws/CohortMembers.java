package org.qipathways.moodle.ws;

import java.util.List;

/**
 * The members of one cohort, as {@code core_cohort_get_cohort_members} lists them.
 * <pre>{@code
 * client.getCohortMembers(List.of(4L)).get(0).userids();   // [37, 38]
 * }</pre>
 */
public record CohortMembers(long cohortid, List<Long> userids) {
    public CohortMembers {
        userids = userids == null ? List.of() : List.copyOf(userids);
    }
}
