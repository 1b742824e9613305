package org.qipathways.progress;

import java.time.LocalDate;

/**
 * A learner's level in one competency on the as-of date: the highest level evidenced by unit
 * evidence mappings or assessor ratings, and the date it was first reached.
 * <pre>{@code
 * progress.competencies().get(0);   // CompetencyLevel[competency=C-SYSTEMS, level=1, since=2024-01-12]
 * }</pre>
 *
 * @param competency the competency's code
 * @param level      the level reached, 0 when none is evidenced
 * @param since      the first date that level was reached; {@code null} for level 0
 */
public record CompetencyLevel(String competency, int level, LocalDate since) {
}
