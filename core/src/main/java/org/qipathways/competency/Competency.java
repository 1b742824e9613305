package org.qipathways.competency;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import org.qipathways.programme.Codes;

/**
 * A competency of a framework, optionally the child of another (a domain and its competencies).
 * <pre>{@code
 * new Competency("C-MFI", "Model for improvement and PDSA", null, null)
 * }</pre>
 *
 * @param code        stable code, e.g. {@code C-MFI}
 * @param title       short name
 * @param description longer statement; may be {@code null}
 * @param parent      code of the parent competency; {@code null} for a top-level one
 */
public record Competency(
        @NotBlank(message = "is required") @Pattern(regexp = Codes.PATTERN, message = Codes.RULE) String code,
        @NotBlank(message = "is required") String title,
        String description,
        String parent) {
}
