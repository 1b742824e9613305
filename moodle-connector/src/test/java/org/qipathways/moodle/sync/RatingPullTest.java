package org.qipathways.moodle.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qipathways.moodle.ws.UserCompetencySummary.ACTION_COMPLETE;
import static org.qipathways.moodle.ws.UserCompetencySummary.ACTION_LOG;
import static org.qipathways.moodle.ws.UserCompetencySummary.ACTION_OVERRIDE;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.qipathways.moodle.ws.UserCompetencySummary.Evidence;

/** Which evidence dates a rating: the one that set the grade, as api::add_evidence applies them. */
class RatingPullTest {

    private static Evidence e(long id, int action, Integer grade, long time) {
        return new Evidence(id, action, grade, time, "x");
    }

    @Test
    void logsAfterARatingDoNotMoveIt() {
        // newest first, as Moodle lists them
        assertThat(RatingPull.ratedAt(2, List.of(e(3, ACTION_LOG, null, 900), e(2, ACTION_OVERRIDE, 2, 500),
                e(1, ACTION_LOG, null, 100)))).isEqualTo(500);
    }

    @Test
    void aCompletionDoesNotReplaceAGradeAlreadySet() {
        assertThat(RatingPull.ratedAt(1, List.of(e(1, ACTION_OVERRIDE, 1, 100), e(2, ACTION_COMPLETE, 2, 800))))
                .isEqualTo(100);
        assertThat(RatingPull.ratedAt(2, List.of(e(1, ACTION_COMPLETE, 2, 300)))).isEqualTo(300);
    }

    @Test
    void theLastOverrideWinsAndAnOverrideToNothingClearsTheGrade() {
        assertThat(RatingPull.ratedAt(3, List.of(e(1, ACTION_OVERRIDE, 1, 100), e(2, ACTION_OVERRIDE, 3, 400))))
                .isEqualTo(400);
        // cleared, then completed again: the completion set it
        assertThat(RatingPull.ratedAt(2, List.of(e(1, ACTION_OVERRIDE, 1, 100), e(2, ACTION_OVERRIDE, null, 200),
                e(3, ACTION_COMPLETE, 2, 300)))).isEqualTo(300);
    }

    @Test
    void withoutEvidenceThatSetsTheGradeThereIsNoDate() {
        assertThat(RatingPull.ratedAt(2, List.of(e(1, ACTION_LOG, null, 100)))).isZero();
    }
}
