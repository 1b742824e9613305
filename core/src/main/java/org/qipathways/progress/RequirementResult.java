package org.qipathways.progress;

import java.time.LocalDate;
import java.util.List;
import org.qipathways.rules.Requirement;

/**
 * How one node of a tier's rule stands on the as-of date: whether it holds, since when, and in
 * words what is missing. Mirrors the rule's tree.
 * <pre>{@code
 * RequirementResult quiz = ...;
 * quiz.holds();      // false
 * quiz.missing();    // "Bronze knowledge check: best score 72, needs 80"
 * }</pre>
 *
 * @param requirement the node of the programme's rule
 * @param description what the node asks, in words
 * @param holds       whether it holds on the as-of date
 * @param since       the first day of the unbroken run of days up to the as-of date on which it
 *                    holds; {@code null} when it does not hold
 * @param missing     what is missing, in words a learner understands; {@code null} when it holds
 * @param children    the results of the node's children, in the rule's order
 */
public record RequirementResult(Requirement requirement, String description, boolean holds, LocalDate since,
                                String missing, List<RequirementResult> children) {
    public RequirementResult {
        children = List.copyOf(children);
    }
}
