package org.qipathways.moodle.ws;

import java.util.Objects;

/**
 * A competency for {@code core_competency_create_competency}; {@code parentid} 0 puts it at the
 * top of the framework. Its idnumber must be unique within the framework.
 * <pre>{@code
 * NewCompetency.of("Measurement for improvement", "QIP-C-MEAS", 3).withParent(11);
 * }</pre>
 */
public record NewCompetency(String shortname, String idnumber, long competencyframeworkid, Long parentid,
        String description) {

    public NewCompetency {
        Objects.requireNonNull(shortname, "shortname");
        Objects.requireNonNull(idnumber, "idnumber");
    }

    public static NewCompetency of(String shortname, String idnumber, long frameworkId) {
        return new NewCompetency(shortname, idnumber, frameworkId, null, null);
    }

    public NewCompetency withParent(long v) {
        return new NewCompetency(shortname, idnumber, competencyframeworkid, v, description);
    }

    public NewCompetency withDescription(String v) {
        return new NewCompetency(shortname, idnumber, competencyframeworkid, parentid, v);
    }
}
