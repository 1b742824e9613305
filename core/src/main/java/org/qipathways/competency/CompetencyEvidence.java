package org.qipathways.competency;

import jakarta.validation.constraints.NotEmpty;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * "Completing these units evidences those competencies at those levels."
 *
 * <p>When every unit listed is complete (each as its kind is completed: see
 * {@link org.qipathways.rules.Requirement.Completed}), the learner has evidenced each competency
 * in {@code gives} at the given level, dated on the day the last of the units was completed.
 * <pre>{@code
 * competencyEvidence:
 *   - units: [BRZ-ELN, BRZ-QUIZ]
 *     gives: {C-SYSTEMS: 1, C-MFI: 1}
 * }</pre>
 *
 * @param units the units that together are the evidence
 * @param gives competency code to the level evidenced, in the file's order
 */
public record CompetencyEvidence(@NotEmpty(message = "must list at least one unit") List<String> units,
                                 @NotEmpty(message = "must give at least one competency level") Map<String, Integer> gives) {

    public CompetencyEvidence {
        units = units == null ? List.of() : List.copyOf(units);
        gives = gives == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(gives));
    }
}
