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
 * @param progressed  whether the learner shows any progress on it (it holds, or there is an attempt,
 *                    an attendance, a submission or a level towards it); holding a lower tier does
 *                    not count. Of an any-of's routes, the explanation speaks of the one in progress.
 * @param children    the results of the node's children, in the rule's order
 */
public record RequirementResult(Requirement requirement, String description, boolean holds, LocalDate since,
                                String missing, boolean progressed, List<RequirementResult> children) {
    public RequirementResult {
        children = List.copyOf(children);
    }
}
