package org.qipathways.competency;

import jakarta.validation.constraints.NotBlank;

/**
 * One level of a proficiency scale, e.g. {@code 2 Practitioner}.
 *
 * <p>{@code proficient} says whether a rating at this level counts as achieving the competency
 * (Moodle's scale configuration needs this explicitly).
 * <pre>{@code
 * new ProficiencyLevel(2, "Practitioner", true)
 * }</pre>
 *
 * @param level      the level's number; levels are numbered 1, 2, 3... from lowest
 * @param name       what the level is called
 * @param proficient whether this level counts as proficient
 */
public record ProficiencyLevel(int level, @NotBlank(message = "is required") String name, boolean proficient) {
}
