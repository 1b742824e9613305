package org.qipathways.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.qipathways.programme.Programme;
import org.qipathways.progress.internal.EvaluationPlan;

/**
 * Nothing of the reference programme is hard-coded: a trust's own pyramid, with other codes,
 * other windows, a count that is not by distinct dates, a yearly validity and a six-month
 * look-back, evaluates by the same rules.
 */
class AnotherProgrammeTest {

    static final String PYRAMID = """
            code: TRUST-QI
            title: A trust's QI pyramid
            version: "3"
            framework:
              code: TRUST-CF
              title: Trust QI competencies
              scale:
                name: Trust scale
                levels:
                  - {level: 1, name: Basic}
                  - {level: 2, name: Skilled, proficient: true}
              competencies:
                - {code: C-QI, title: Improvement skills}
            units:
              - {code: INTRO, title: Introduction to QI, kind: online_module}
              - {code: TEST, title: QI test, kind: assessment, passMark: 70}
              - {code: COACHING, title: Coaching session, kind: session}
              - {code: PROJECT, title: Improvement project, kind: evidence}
            competencyEvidence:
              - units: [PROJECT]
                gives: {C-QI: 2}
            tiers:
              - code: FOUNDATION
                title: Foundation
                rule:
                  anyOf:
                    - allOf:
                        - completed: INTRO
                        - scored: TEST
                    - competency: C-QI
                      atLeast: 1
              - code: PRACTITIONER
                title: Practitioner
                rule:
                  allOf:
                    - holdsTier: FOUNDATION
                    - label: coaching sessions attended
                      count: {attended: [COACHING], role: participant}
                      atLeast: 4
                    - evidence: PROJECT
                      within: {days: 180, after: {completed: [INTRO]}}
              - code: EXPERT
                title: Expert
                validity: P1Y
                rule:
                  allOf:
                    - holdsTier: PRACTITIONER
                    - competency: C-QI
                      atLeast: 2
                    - attended: [COACHING]
                      role: facilitator
                renewal:
                  window: P30D
                  rule:
                    label: coaching sessions facilitated in the last six months
                    count: {attended: [COACHING], role: facilitator}
                    atLeast: 1
                    lookback: P6M
            """;

    static final EvaluationPlan PLAN = EvaluationPlan.compile(Programme.parse(PYRAMID, "pyramid.yaml"));

    static final String[] PRACTITIONER = {
            "2025-01-06 completed INTRO", "2025-01-07 assessed TEST 70",
            "2025-02-01 attended COACHING participant", "2025-02-01 attended COACHING participant",
            "2025-03-01 attended COACHING participant", "2025-03-01 attended COACHING participant",
            "2025-07-05 evidence PROJECT approved"};

    Progress at(String asOf, String... events) {
        return PLAN.evaluate(Records.of(PLAN, "X-1", events), LocalDate.parse(asOf));
    }

    @Test
    void aCountThatIsNotByDistinctDatesCountsEveryEvent() {
        TierProgress p = at("2025-08-01", PRACTITIONER).tier("PRACTITIONER");
        assertThat(p.status()).isEqualTo(TierStatus.ACHIEVED);
        assertThat(p.achievedOn()).isEqualTo(LocalDate.of(2025, 7, 5));
    }

    @Test
    void theWindowIsMeasuredFromThisProgrammesOwnAnchor() {
        // 180 days after 2025-01-06 is 2025-07-05; a day later is too late.
        String[] late = ReferenceRulesTest.replace(PRACTITIONER, "2025-07-05 evidence PROJECT approved", "2025-07-06 evidence PROJECT approved");
        TierProgress p = at("2025-08-01", late).tier("PRACTITIONER");
        assertThat(p.status()).isEqualTo(TierStatus.IN_PROGRESS);
        assertThat(p.unmet()).singleElement().asString().contains("ended on 2025-07-05");
    }

    @Test
    void aCompetencyRatingIsAnotherRouteToFoundation() {
        TierProgress p = at("2025-08-01", "2025-05-05 rated C-QI 1").tier("FOUNDATION");
        assertThat(p.status()).isEqualTo(TierStatus.ACHIEVED);
        assertThat(p.achievedOn()).isEqualTo(LocalDate.of(2025, 5, 5));
    }

    @Test
    void aYearlyTierRenewsOnSixMonthsOfFacilitation() {
        String[] expert = ReferenceRulesTest.concat(PRACTITIONER, "2025-07-10 attended COACHING facilitator");
        TierProgress achieved = at("2025-08-01", expert).tier("EXPERT");
        assertThat(achieved.status()).isEqualTo(TierStatus.ACHIEVED);
        assertThat(achieved.achievedOn()).isEqualTo(LocalDate.of(2025, 7, 10));
        assertThat(achieved.expiresOn()).isEqualTo(LocalDate.of(2026, 7, 10));

        // The window opens 2026-06-10; a facilitation on 2026-01-15 is inside the six-month look-back then.
        String[] renewed = ReferenceRulesTest.concat(expert, "2026-01-15 attended COACHING facilitator");
        TierProgress r = at("2026-07-11", renewed).tier("EXPERT");
        assertThat(r.status()).isEqualTo(TierStatus.ACHIEVED);
        assertThat(r.expiresOn()).isEqualTo(LocalDate.of(2027, 7, 10));
        assertThat(r.periods()).singleElement().satisfies(period ->
                assertThat(period.renewals()).containsExactly(LocalDate.of(2026, 6, 10)));

        // One from 2025-12-01 has fallen out of the look-back by the time the window opens.
        String[] stale = ReferenceRulesTest.concat(expert, "2025-12-01 attended COACHING facilitator");
        TierProgress lapsed = at("2026-07-11", stale).tier("EXPERT");
        assertThat(lapsed.status()).isEqualTo(TierStatus.LAPSED);
        assertThat(lapsed.unmet()).containsExactly("to regain Expert: coaching sessions facilitated in the last six months: 0 of 1");
    }
}
