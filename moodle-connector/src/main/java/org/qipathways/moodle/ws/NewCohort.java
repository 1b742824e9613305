package org.qipathways.moodle.ws;

import java.util.Objects;

/**
 * A cohort for {@code core_cohort_create_cohorts}. The idnumber is required and must be unique and
 * not empty (Moodle compares exactly, so two empty idnumbers collide).
 * <pre>{@code
 * NewCohort.of(CohortContext.system(), "Bronze certified", "QIP-BSG/BRONZE");
 * }</pre>
 */
public record NewCohort(CohortContext categorytype, String name, String idnumber, String description, Boolean visible) {

    public NewCohort {
        Objects.requireNonNull(categorytype, "categorytype");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(idnumber, "idnumber");
    }

    public static NewCohort of(CohortContext context, String name, String idnumber) {
        return new NewCohort(context, name, idnumber, null, null);
    }
}
