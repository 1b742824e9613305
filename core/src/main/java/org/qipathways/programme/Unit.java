package org.qipathways.programme;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * A learning unit of a programme: an online module, an assessment, a workshop, a session of a
 * series, or a piece of evidence.
 * <pre>{@code
 * Unit quiz = Unit.assessment("BRZ-QUIZ", "Bronze knowledge check", 80);
 * Unit eln = Unit.of("BRZ-ELN", "Foundations of Quality Improvement", UnitKind.ONLINE_MODULE);
 * }</pre>
 *
 * @param code        stable code; the Moodle course's idnumber
 * @param title       the unit's name
 * @param kind        what sort of unit it is
 * @param passMark    for an assessment, the score out of 100 that passes; {@code null} otherwise
 * @param description may be {@code null}
 */
public record Unit(
        @NotBlank(message = "is required") @Pattern(regexp = Codes.PATTERN, message = Codes.RULE) String code,
        @NotBlank(message = "is required") String title,
        @NotNull(message = "is required: one of online_module, assessment, workshop, session, evidence") UnitKind kind,
        @Min(value = 0, message = "must be a score from 0 to 100") @Max(value = 100, message = "must be a score from 0 to 100") Integer passMark,
        String description) {

    /** A unit of any kind but assessment. */
    public static Unit of(String code, String title, UnitKind kind) {
        return new Unit(code, title, kind, null, null);
    }

    /** An assessment passed at {@code passMark} out of 100. */
    public static Unit assessment(String code, String title, int passMark) {
        return new Unit(code, title, UnitKind.ASSESSMENT, passMark, null);
    }
}
