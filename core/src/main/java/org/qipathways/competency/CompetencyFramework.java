package org.qipathways.competency;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import java.util.Optional;
import org.qipathways.programme.Codes;

/**
 * A competency framework: hierarchical competencies rated on one proficiency scale.
 * <pre>{@code
 * CompetencyFramework fw = new CompetencyFramework("QI-CF", "QI competency framework", null,
 *         scale, List.of(new Competency("C-MFI", "Model for improvement and PDSA", null, null)));
 * fw.competency("C-MFI").orElseThrow();
 * }</pre>
 * Also exchanged as 1EdTech CASE JSON ({@link CaseJson}) and exported as Moodle's
 * competency-framework CSV ({@link MoodleCompetencyCsv}).
 *
 * @param code         stable code; the Moodle framework's idnumber
 * @param title        the framework's name
 * @param description  may be {@code null}
 * @param scale        the proficiency scale
 * @param competencies every competency, parents listed before or after children
 */
public record CompetencyFramework(
        @NotBlank(message = "is required") @Pattern(regexp = Codes.PATTERN, message = Codes.RULE) String code,
        @NotBlank(message = "is required") String title,
        String description,
        @NotNull(message = "is required") @Valid ProficiencyScale scale,
        List<@Valid Competency> competencies) {

    public CompetencyFramework {
        competencies = competencies == null ? List.of() : List.copyOf(competencies);
    }

    /** The competency with this code, if the framework has it. */
    public Optional<Competency> competency(String code) {
        return competencies.stream().filter(c -> c.code().equals(code)).findFirst();
    }

    /** The competencies whose parent is {@code parent} ({@code null} for the top level), in order. */
    public List<Competency> children(String parent) {
        return competencies.stream().filter(c -> java.util.Objects.equals(c.parent(), parent)).toList();
    }
}
