package org.qipathways.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** A learner's level per competency: the highest evidenced by mappings or ratings, with its first date. */
class CompetencyLevelsTest {

    @Test
    void levelsComeFromUnitEvidenceAndRatings() {
        var plan = ReferenceRulesTest.PLAN;
        Progress p = plan.evaluate(Records.of(plan, "L", ReferenceRulesTest.concat(ReferenceRulesTest.GOLD,
                "2024-10-01 rated C-SYSTEMS 2")), LocalDate.of(2024, 12, 1));
        assertThat(p.competencies()).extracting(CompetencyLevel::competency).containsExactly("C-SYSTEMS", "C-MFI",
                "C-MEASURE", "C-VARIATION", "C-HUMAN", "C-PEOPLE", "C-LEAD", "C-COACH");
        assertThat(p.competencies()).containsExactly(
                new CompetencyLevel("C-SYSTEMS", 2, LocalDate.of(2024, 10, 1)),   // rating above the Bronze mapping
                new CompetencyLevel("C-MFI", 3, LocalDate.of(2024, 8, 1)),        // GLD-PROJECT approved
                new CompetencyLevel("C-MEASURE", 2, LocalDate.of(2024, 4, 30)),   // SLV-PLAN approved
                new CompetencyLevel("C-VARIATION", 2, LocalDate.of(2024, 7, 5)),  // WS-VAR attended
                new CompetencyLevel("C-HUMAN", 0, null),
                new CompetencyLevel("C-PEOPLE", 2, LocalDate.of(2024, 4, 30)),
                new CompetencyLevel("C-LEAD", 3, LocalDate.of(2024, 8, 1)),
                new CompetencyLevel("C-COACH", 3, LocalDate.of(2024, 9, 1)));
    }

    @Test
    void aLowerRatingLaterDoesNotLowerTheLevel() {
        var plan = ReferenceRulesTest.PLAN;
        Progress p = plan.evaluate(Records.of(plan, "L", "2024-01-01 rated C-HUMAN 3", "2024-02-01 rated C-HUMAN 1"),
                LocalDate.of(2024, 12, 1));
        assertThat(p.competencies().get(4)).isEqualTo(new CompetencyLevel("C-HUMAN", 3, LocalDate.of(2024, 1, 1)));
    }
}
