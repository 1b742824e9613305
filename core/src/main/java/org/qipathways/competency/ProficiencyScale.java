package org.qipathways.competency;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import java.util.List;
import java.util.Optional;

/**
 * The ordered levels in which competency is rated, lowest first.
 * <pre>{@code
 * ProficiencyScale scale = new ProficiencyScale("QI proficiency", List.of(
 *         new ProficiencyLevel(1, "Aware", false),
 *         new ProficiencyLevel(2, "Practitioner", true),
 *         new ProficiencyLevel(3, "Leader", true)));
 * }</pre>
 *
 * @param name   the scale's name
 * @param levels the levels, numbered 1, 2, 3... in order
 */
public record ProficiencyScale(@NotBlank(message = "is required") String name,
                               @NotEmpty(message = "must list at least one level") List<@Valid ProficiencyLevel> levels) {

    public ProficiencyScale {
        levels = levels == null ? List.of() : List.copyOf(levels);
    }

    /** The highest level number. */
    public int maxLevel() {
        return levels.size();
    }

    /** The level numbered {@code n}, if the scale has it. */
    public Optional<ProficiencyLevel> level(int n) {
        return n >= 1 && n <= levels.size() ? Optional.of(levels.get(n - 1)) : Optional.empty();
    }
}
