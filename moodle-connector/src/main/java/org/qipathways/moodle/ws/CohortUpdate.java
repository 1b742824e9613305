package org.qipathways.moodle.ws;

import java.util.Objects;

/**
 * A cohort's full identity for {@code core_cohort_update_cohorts}, which requires id, context,
 * name and idnumber every time.
 * <pre>{@code
 * new CohortUpdate(4, CohortContext.system(), "Bronze certified", "QIP-BSG/BRONZE", null, true);
 * }</pre>
 */
public record CohortUpdate(long id, CohortContext categorytype, String name, String idnumber, String description,
        Boolean visible) {

    public CohortUpdate {
        Objects.requireNonNull(categorytype, "categorytype");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(idnumber, "idnumber");
    }
}
