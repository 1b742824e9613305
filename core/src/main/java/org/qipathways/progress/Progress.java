package org.qipathways.progress;

import java.time.LocalDate;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * A learner's standing on every tier of a programme as of a date, tiers in programme order.
 * <pre>{@code
 * Progress p = evaluator.evaluate(record, LocalDate.of(2026, 3, 31));
 * for (TierProgress t : p.tiers()) {
 *     log.info("{} {} {}", t.tier(), t.status(), t.unmet());
 * }
 * }</pre>
 *
 * @param learnerId the learner
 * @param asOf      the date judged; events after it were ignored
 * @param tiers        one entry per tier, in programme order
 * @param competencies the learner's level in every competency of the framework, in framework order
 */
public record Progress(String learnerId, LocalDate asOf, List<TierProgress> tiers, List<CompetencyLevel> competencies) {
    public Progress {
        tiers = List.copyOf(tiers);
        competencies = List.copyOf(competencies);
    }

    /** The standing on the tier with this code. */
    public TierProgress tier(String code) {
        for (TierProgress t : tiers) {
            if (t.tier().equals(code)) {
                return t;
            }
        }
        throw new NoSuchElementException("No tier " + code + " in this programme");
    }
}
