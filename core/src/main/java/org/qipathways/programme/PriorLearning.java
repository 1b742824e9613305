package org.qipathways.programme;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/**
 * A kind of recognised prior learning (RPL) that a programme accepts, such as the national
 * Improvement FUNdamentals course; a learner's approved RPL event names its code.
 * <pre>{@code
 * new PriorLearning("IMP-FUNDAMENTALS", "Improvement FUNdamentals (NHS England)")
 * }</pre>
 *
 * @param code  stable code
 * @param title what is recognised
 */
public record PriorLearning(
        @NotBlank(message = "is required") @Pattern(regexp = Codes.PATTERN, message = Codes.RULE) String code,
        @NotBlank(message = "is required") String title) {
}
