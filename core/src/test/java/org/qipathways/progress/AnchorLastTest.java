package org.qipathways.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qipathways.progress.ReferenceRulesTest.BRONZE;
import static org.qipathways.progress.ReferenceRulesTest.concat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.qipathways.programme.Programme;
import org.qipathways.progress.internal.EvaluationPlan;

/**
 * Silver for Teams' "team plan approved within 90 days after the last of those sessions
 * attended" ({@code anchor: last}): the approval counts when at least 2 sessions were attended on
 * or before it and it falls within 90 days after the latest of those; a session attended after the
 * approval neither helps nor hurts. And what {@code qip explain} says at each stage.
 */
class AnchorLastTest {
    static final EvaluationPlan PLAN = EvaluationPlan.compile(Programme.reference());

    /** Issue 12's learner: sessions 2 and 1, the team plan approved the next day, then session 3. */
    static final String[] ISSUE_12 = concat(BRONZE,
            "2024-02-01 attended SLV-TEAM-2 participant", "2024-03-01 attended SLV-TEAM-1 participant",
            "2024-03-02 evidence SLV-TEAM-PLAN approved", "2024-04-01 attended SLV-TEAM-3 participant");

    static TierProgress silver(String asOf, String... events) {
        return PLAN.evaluate(Records.of(PLAN, "L-1", events), LocalDate.parse(asOf)).tier("SILVER");
    }

    @Test
    void aSessionAttendedAfterTheApprovalDoesNotUndoIt() {
        // Judged long after the third session's 90 days (2024-06-30) have gone by.
        TierProgress t = silver("2024-12-01", ISSUE_12);
        assertThat(t.status()).isEqualTo(TierStatus.ACHIEVED);
        assertThat(t.achievedOn()).isEqualTo(LocalDate.of(2024, 3, 2));
        assertThat(t.unmet()).isEmpty();
        // What explain shows: the route is done, the whole tree holds, and nothing says the 90 days ran out.
        RequirementResult teams = route(t.rule(), "Silver for Teams");
        assertThat(teams.holds()).isTrue();
        assertThat(teams.since()).isEqualTo(LocalDate.of(2024, 3, 2));
        for (RequirementResult r : flatten(teams)) {
            assertThat(r.holds()).as(r.description()).isTrue();
            assertThat(r.missing()).as(r.description()).isNull();
        }
    }

    @Test
    void aLowerTierGainedAfterTheLastSessionStillMeetsTheApprovalInItsWindow() {
        // The plan counted on 2024-03-02; Bronze comes only after session 3, and Silver with it.
        String[] late = concat(new String[] {"2024-02-01 attended SLV-TEAM-2 participant",
                        "2024-03-01 attended SLV-TEAM-1 participant", "2024-03-02 evidence SLV-TEAM-PLAN approved",
                        "2024-04-01 attended SLV-TEAM-3 participant"},
                "2024-08-01 completed BRZ-ELN", "2024-08-02 assessed BRZ-QUIZ 90");
        TierProgress t = silver("2024-12-01", late);
        assertThat(t.status()).isEqualTo(TierStatus.ACHIEVED);
        assertThat(t.achievedOn()).isEqualTo(LocalDate.of(2024, 8, 2));
    }

    // ---- the words, at each stage --------------------------------------------------------------

    @Test
    void noSessionYet() {
        TierProgress t = silver("2024-03-01", concat(BRONZE, "2024-02-20 evidence SLV-TEAM-PLAN submitted"));
        assertThat(unmet(t)).contains("Team QI project plan approved within 90 days after last attending Silver for Teams "
                + "session 1 or Silver for Teams session 2 or Silver for Teams session 3 as a participant: first attend");
    }

    @Test
    void oneSessionSoFarGivesNoDeadlineYet() {
        TierProgress t = silver("2024-02-10", concat(BRONZE, "2024-02-01 attended SLV-TEAM-1 participant"));
        assertThat(unmet(t))
                .contains("1 of 2 done")
                .contains("Team QI project plan: not submitted yet; needs approval within 90 days after the last of "
                        + "at least 2 of the 3 Silver for Teams sessions")
                .doesNotContain("needs approval by");
    }

    @Test
    void twoSessionsAndNoApprovalGivesTheDeadline() {
        TierProgress t = silver("2024-04-01", concat(BRONZE, "2024-02-01 attended SLV-TEAM-1 participant",
                "2024-03-01 attended SLV-TEAM-3 participant", "2024-03-20 evidence SLV-TEAM-PLAN submitted"));
        assertThat(unmet(t)).contains("Team QI project plan: submitted on 2024-03-20, awaiting approval; "
                + "needs approval by 2024-05-30 (90 days after the last session attended, 2024-03-01)");
    }

    @Test
    void anApprovalBeforeTheSecondSessionDoesNotCountAndTheWordsSayWhy() {
        TierProgress t = silver("2024-04-01", concat(BRONZE, "2024-02-01 attended SLV-TEAM-1 participant",
                "2024-02-10 evidence SLV-TEAM-PLAN approved", "2024-03-01 attended SLV-TEAM-2 participant"));
        assertThat(t.status()).isEqualTo(TierStatus.IN_PROGRESS);
        assertThat(unmet(t)).contains("Team QI project plan approved on 2024-02-10, before at least 2 of the 3 Silver "
                + "for Teams sessions were done, so it does not count; needs approval by 2024-05-30 "
                + "(90 days after the last session attended, 2024-03-01)");
    }

    @Test
    void anApprovalTooLateSaysSoAndWhichSessionItWasMeasuredFrom() {
        TierProgress t = silver("2024-12-01", concat(BRONZE, "2024-01-20 attended SLV-TEAM-1 participant",
                "2024-03-01 attended SLV-TEAM-2 participant", "2024-05-31 evidence SLV-TEAM-PLAN approved"));
        assertThat(t.status()).isEqualTo(TierStatus.IN_PROGRESS);
        assertThat(unmet(t)).contains("the 90 days after 2024-03-01 ended on 2024-05-30; Team QI project plan approved on "
                + "2024-05-31, more than 90 days after the last session attended before it (2024-03-01), so it does not count");
    }

    @Test
    void aSessionAfterALateApprovalOpensANewWindowButDoesNotRescueTheOldApproval() {
        String[] events = concat(BRONZE, "2024-01-20 attended SLV-TEAM-1 participant",
                "2024-03-01 attended SLV-TEAM-2 participant", "2024-05-31 evidence SLV-TEAM-PLAN approved",
                "2024-06-10 attended SLV-TEAM-3 participant");
        TierProgress t = silver("2024-07-01", events);
        assertThat(t.status()).isEqualTo(TierStatus.IN_PROGRESS);
        assertThat(unmet(t)).contains("needs approval by 2024-09-08 (90 days after the last session attended, 2024-06-10)");
        TierProgress again = silver("2024-12-01", concat(events, "2024-07-15 evidence SLV-TEAM-PLAN approved"));
        assertThat(again.status()).isEqualTo(TierStatus.ACHIEVED);
        assertThat(again.achievedOn()).isEqualTo(LocalDate.of(2024, 7, 15));
    }

    private static String unmet(TierProgress t) {
        return String.join("; ", t.unmet());
    }

    private static RequirementResult route(RequirementResult r, String label) {
        return flatten(r).stream().filter(x -> label.equals(x.requirement().label())).findFirst().orElseThrow();
    }

    private static List<RequirementResult> flatten(RequirementResult r) {
        List<RequirementResult> out = new ArrayList<>();
        out.add(r);
        r.children().forEach(c -> out.addAll(flatten(c)));
        return out;
    }
}
