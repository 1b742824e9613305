package org.qipathways.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.qipathways.programme.Programme;
import org.qipathways.progress.internal.EvaluationPlan;

/**
 * Every rule of the reference programme with its edges, as a table: a learner's events, an as-of
 * date, and what the evaluator must say about one tier.
 */
class ReferenceRulesTest {

    static final EvaluationPlan PLAN = EvaluationPlan.compile(Programme.reference());

    // Building blocks: a learner who reaches each tier, on known dates.
    static final String[] BRONZE = {"2024-01-10 completed BRZ-ELN", "2024-01-12 assessed BRZ-QUIZ 85"};
    static final String[] SILVER = concat(BRONZE, "2024-02-01 attended SLV-IND participant", "2024-04-30 evidence SLV-PLAN approved");
    /** Gold achieved 2024-09-01 (the C-COACH rating is its last requirement), valid until 2026-09-01. */
    static final String[] GOLD = concat(SILVER,
            "2024-05-01 attended GLD-TTT-1 participant", "2024-05-02 attended GLD-TTT-2 participant",
            "2024-06-01 attended SLV-IND facilitator", "2024-07-01 attended SLV-TEAM-1 facilitator",
            "2024-07-05 attended WS-VAR participant", "2024-08-01 evidence GLD-PROJECT approved",
            "2024-09-01 rated C-COACH 3");
    // Gold's renewal window is [2026-06-03, 2026-09-01]: expiry minus 90 days, expiry included.

    static Stream<Arguments> cases() {
        return Stream.of(
                // ---- Bronze ----
                row("no events at all", "2025-01-01", "BRONZE", "NOT_STARTED", null, null, "either Bronze online course"),
                row("pass mark 79 is a fail", "2025-01-01", "BRONZE", "IN_PROGRESS", null, null,
                        "Bronze knowledge check: best score 79, needs 80",
                        "2024-01-10 completed BRZ-ELN", "2024-01-11 assessed BRZ-QUIZ 79"),
                row("pass mark 80 passes on the quiz date", "2025-01-01", "BRONZE", "ACHIEVED", "2024-01-11", null, null,
                        "2024-01-10 completed BRZ-ELN", "2024-01-11 assessed BRZ-QUIZ 80"),
                row("best attempt counts, not the last", "2025-01-01", "BRONZE", "ACHIEVED", "2024-01-11", null, null,
                        "2024-01-10 completed BRZ-ELN", "2024-01-11 assessed BRZ-QUIZ 90", "2024-01-12 assessed BRZ-QUIZ 40"),
                row("quiz passed before the module: achieved when both are done", "2025-01-01", "BRONZE", "ACHIEVED", "2024-03-01", null, null,
                        "2024-01-11 assessed BRZ-QUIZ 95", "2024-03-01 completed BRZ-ELN"),
                row("quiz passed but module not completed", "2025-01-01", "BRONZE", "IN_PROGRESS", null, null,
                        "complete Foundations of Quality Improvement", "2024-01-11 assessed BRZ-QUIZ 95"),
                row("recognised prior learning gives Bronze", "2025-01-01", "BRONZE", "ACHIEVED", "2024-06-01", null, null,
                        "2024-06-01 prior_learning QSIR-FUNDAMENTALS approved"),
                row("rejected prior learning does not", "2025-01-01", "BRONZE", "NOT_STARTED", null, null, "QSIR Fundamentals approved",
                        "2024-06-01 prior_learning QSIR-FUNDAMENTALS rejected"),
                row("future-dated events are ignored", "2024-01-11", "BRONZE", "IN_PROGRESS", null, null, "no attempt yet, needs 80",
                        BRONZE),
                row("as of the achievement date itself", "2024-01-12", "BRONZE", "ACHIEVED", "2024-01-12", null, null, BRONZE),

                // ---- Silver for Individuals ----
                row("Silver needs Bronze first", "2025-01-01", "SILVER", "IN_PROGRESS", null, null, "achieve Bronze first",
                        "2024-02-01 attended SLV-IND participant", "2024-04-30 evidence SLV-PLAN approved"),
                row("Silver achieved the day Bronze comes later", "2025-01-01", "SILVER", "ACHIEVED", "2024-07-01", null, null,
                        "2024-02-01 attended SLV-IND participant", "2024-04-30 evidence SLV-PLAN approved",
                        "2024-06-01 completed BRZ-ELN", "2024-07-01 assessed BRZ-QUIZ 81"),
                row("holding Bronze alone does not start Silver", "2025-01-01", "SILVER", "NOT_STARTED", null, null, null, BRONZE),
                row("plan approved on day 90 after the workshop", "2025-01-01", "SILVER", "ACHIEVED", "2024-05-01", null, null,
                        concat(BRONZE, "2024-02-01 attended SLV-IND participant", "2024-05-01 evidence SLV-PLAN approved")),
                row("plan approved on day 91 is too late", "2025-01-01", "SILVER", "IN_PROGRESS", null, null,
                        "the 90 days after 2024-02-01 ended on 2024-05-01",
                        concat(BRONZE, "2024-02-01 attended SLV-IND participant", "2024-05-02 evidence SLV-PLAN approved")),
                row("plan approved before the workshop does not count", "2025-01-01", "SILVER", "IN_PROGRESS", null, null,
                        "Individual QI project plan",
                        concat(BRONZE, "2024-02-01 evidence SLV-PLAN approved", "2024-02-02 attended SLV-IND participant")),
                row("plan approved the same day as the workshop (day 0)", "2025-01-01", "SILVER", "ACHIEVED", "2024-02-01", null, null,
                        concat(BRONZE, "2024-02-01 evidence SLV-PLAN approved", "2024-02-01 attended SLV-IND participant")),
                row("workshop attended as facilitator is not the participant route", "2025-01-01", "SILVER", "IN_PROGRESS", null, null,
                        "first attend Silver for Individuals as a participant",
                        concat(BRONZE, "2024-02-01 attended SLV-IND facilitator", "2024-03-01 evidence SLV-PLAN approved")),
                row("plan submitted, awaiting approval, deadline ahead", "2024-03-01", "SILVER", "IN_PROGRESS", null, null,
                        "Individual QI project plan: submitted on 2024-02-20, awaiting approval; needs approval by 2024-05-01",
                        concat(BRONZE, "2024-02-01 attended SLV-IND participant", "2024-02-20 evidence SLV-PLAN submitted")),
                row("a rejected plan can be resubmitted and approved", "2025-01-01", "SILVER", "ACHIEVED", "2024-03-20", null, null,
                        concat(BRONZE, "2024-02-01 attended SLV-IND participant", "2024-02-20 evidence SLV-PLAN rejected",
                                "2024-03-20 evidence SLV-PLAN approved")),

                // ---- Silver for Teams ----
                row("2 of 3 team sessions and a team plan", "2025-01-01", "SILVER", "ACHIEVED", "2024-04-01", null, null,
                        concat(BRONZE, "2024-02-01 attended SLV-TEAM-1 participant", "2024-03-01 attended SLV-TEAM-3 participant",
                                "2024-04-01 evidence SLV-TEAM-PLAN approved")),
                row("1 of 3 team sessions is not enough", "2025-01-01", "SILVER", "IN_PROGRESS", null, null, "1 of 2 done",
                        concat(BRONZE, "2024-02-01 attended SLV-TEAM-1 participant", "2024-04-01 evidence SLV-TEAM-PLAN approved")),
                row("the same session twice counts once", "2025-01-01", "SILVER", "IN_PROGRESS", null, null, "1 of 2 done",
                        concat(BRONZE, "2024-02-01 attended SLV-TEAM-1 participant", "2024-02-08 attended SLV-TEAM-1 participant",
                                "2024-04-01 evidence SLV-TEAM-PLAN approved")),
                row("team plan day 90 after the last session", "2025-01-01", "SILVER", "ACHIEVED", "2024-05-30", null, null,
                        concat(BRONZE, "2024-01-20 attended SLV-TEAM-1 participant", "2024-03-01 attended SLV-TEAM-2 participant",
                                "2024-05-30 evidence SLV-TEAM-PLAN approved")),
                row("team plan day 91 after the last session", "2025-01-01", "SILVER", "IN_PROGRESS", null, null, "ended on 2024-05-30",
                        concat(BRONZE, "2024-01-20 attended SLV-TEAM-1 participant", "2024-03-01 attended SLV-TEAM-2 participant",
                                "2024-05-31 evidence SLV-TEAM-PLAN approved")),
                row("team plan before the 2nd session does not count", "2025-01-01", "SILVER", "IN_PROGRESS", null, null,
                        "Team QI project plan approved on 2024-02-10, before at least 2 of the 3 Silver for Teams sessions were done",
                        concat(BRONZE, "2024-02-01 attended SLV-TEAM-1 participant", "2024-02-10 evidence SLV-TEAM-PLAN approved",
                                "2024-03-01 attended SLV-TEAM-2 participant")),
                row("team plan the same day as the 2nd session (day 0)", "2025-01-01", "SILVER", "ACHIEVED", "2024-03-01", null, null,
                        concat(BRONZE, "2024-02-01 attended SLV-TEAM-1 participant", "2024-03-01 evidence SLV-TEAM-PLAN approved",
                                "2024-03-01 attended SLV-TEAM-2 participant")),
                // "The last of those sessions" is the last attended on or before the approval (issue 12).
                row("a session after the approval neither helps nor hurts", "2025-01-01", "SILVER", "ACHIEVED", "2024-03-02", null, null,
                        concat(BRONZE, "2024-02-01 attended SLV-TEAM-2 participant", "2024-03-01 attended SLV-TEAM-1 participant",
                                "2024-03-02 evidence SLV-TEAM-PLAN approved", "2024-04-01 attended SLV-TEAM-3 participant")),
                row("day 90 after the last prior session, a 3rd session after it", "2025-01-01", "SILVER", "ACHIEVED", "2024-05-30", null, null,
                        concat(BRONZE, "2024-01-20 attended SLV-TEAM-1 participant", "2024-03-01 attended SLV-TEAM-2 participant",
                                "2024-05-30 evidence SLV-TEAM-PLAN approved", "2024-06-15 attended SLV-TEAM-3 participant")),
                row("day 91 after the last prior session, a 3rd session after it does not rescue it", "2025-01-01", "SILVER",
                        "IN_PROGRESS", null, null, "more than 90 days after the last session attended before it (2024-03-01)",
                        concat(BRONZE, "2024-01-20 attended SLV-TEAM-1 participant", "2024-03-01 attended SLV-TEAM-2 participant",
                                "2024-05-31 evidence SLV-TEAM-PLAN approved", "2024-06-15 attended SLV-TEAM-3 participant")),
                row("a 3rd session before the approval restarts the 90 days", "2025-01-01", "SILVER", "ACHIEVED", "2024-05-31", null, null,
                        concat(BRONZE, "2024-01-20 attended SLV-TEAM-1 participant", "2024-03-01 attended SLV-TEAM-2 participant",
                                "2024-04-01 attended SLV-TEAM-3 participant", "2024-05-31 evidence SLV-TEAM-PLAN approved")),
                row("a session as facilitator is not one of those sessions", "2025-01-01", "SILVER", "IN_PROGRESS", null, null,
                        "ended on 2024-05-30",
                        concat(BRONZE, "2024-01-20 attended SLV-TEAM-1 participant", "2024-03-01 attended SLV-TEAM-2 participant",
                                "2024-04-01 attended SLV-TEAM-3 facilitator", "2024-05-31 evidence SLV-TEAM-PLAN approved")),

                // ---- Gold ----
                row("Gold achieved on the last requirement, valid two years", "2024-12-01", "GOLD", "ACHIEVED", "2024-09-01", "2026-09-01", null, GOLD),
                row("facilitation before Gold training does not count", "2024-12-01", "GOLD", "IN_PROGRESS", null, null,
                        "Silver sessions facilitated since Gold training began: 1 of 2",
                        replace(GOLD, "2024-06-01 attended SLV-IND facilitator", "2024-04-01 attended SLV-IND facilitator")),
                row("facilitating twice on one date counts once", "2024-12-01", "GOLD", "IN_PROGRESS", null, null,
                        "Silver sessions facilitated since Gold training began: 1 of 2",
                        replace(GOLD, "2024-07-01 attended SLV-TEAM-1 facilitator", "2024-06-01 attended SLV-TEAM-1 facilitator")),
                row("facilitating on the Gold training day itself counts", "2024-12-01", "GOLD", "ACHIEVED", "2024-09-01", "2026-09-01", null,
                        replace(GOLD, "2024-06-01 attended SLV-IND facilitator", "2024-05-01 attended SLV-IND facilitator")),
                row("competency level too low", "2024-12-01", "GOLD", "IN_PROGRESS", null, null,
                        "Teaching and coaching improvement at level 3 (Leader): currently level 2 (Practitioner)",
                        replace(GOLD, "2024-09-01 rated C-COACH 3", "2024-09-01 rated C-COACH 2")),
                row("missing specialist workshop", "2024-12-01", "GOLD", "IN_PROGRESS", null, null,
                        "a specialist workshop: attend Understanding and Reducing Variation in Healthcare or Achieving Behaviour Change",
                        remove(GOLD, "2024-07-05 attended WS-VAR participant")),
                row("any one specialist workshop will do", "2024-12-01", "GOLD", "ACHIEVED", "2024-09-01", "2026-09-01", null,
                        replace(GOLD, "2024-07-05 attended WS-VAR participant", "2024-07-05 attended WS-SCI participant")),
                row("missing second Gold training day", "2024-12-01", "GOLD", "IN_PROGRESS", null, null,
                        "attend Gold Train the Trainer day 2", remove(GOLD, "2024-05-02 attended GLD-TTT-2 participant")),

                // ---- Gold expiry, renewal, lapse ----
                row("valid on its expiry date", "2026-09-01", "GOLD", "ACHIEVED", "2024-09-01", "2026-09-01", null, GOLD),
                row("lapsed the day after expiry", "2026-09-02", "GOLD", "LAPSED", "2024-09-01", "2026-09-01",
                        "to regain Gold: Silver sessions facilitated in the past year: 0 of 2", GOLD),
                row("renewal on the first day of the window", "2026-09-02", "GOLD", "ACHIEVED", "2024-09-01", "2028-09-01", null,
                        concat(GOLD, "2026-03-01 attended SLV-IND facilitator", "2026-04-01 attended SLV-TEAM-2 facilitator")),
                row("renewal evidence before the window waits for the window", "2026-06-02", "GOLD", "ACHIEVED", "2024-09-01", "2026-09-01", null,
                        concat(GOLD, "2026-03-01 attended SLV-IND facilitator", "2026-04-01 attended SLV-TEAM-2 facilitator")),
                row("renewal on the last day of the window", "2026-09-02", "GOLD", "ACHIEVED", "2024-09-01", "2028-09-01", null,
                        concat(GOLD, "2026-08-01 attended SLV-IND facilitator", "2026-09-01 attended SLV-TEAM-2 facilitator")),
                row("the renewal year includes its first day", "2026-09-02", "GOLD", "ACHIEVED", "2024-09-01", "2028-09-01", null,
                        concat(GOLD, "2025-06-03 attended SLV-IND facilitator", "2026-01-01 attended SLV-TEAM-2 facilitator")),
                row("facilitation older than a year does not renew", "2026-09-02", "GOLD", "LAPSED", "2024-09-01", "2026-09-01",
                        "0 of 2", concat(GOLD, "2025-06-01 attended SLV-IND facilitator", "2025-06-02 attended SLV-TEAM-2 facilitator")),
                row("lapsed, then regained on fresh evidence", "2026-11-02", "GOLD", "ACHIEVED", "2024-09-01", "2028-11-01", null,
                        concat(GOLD, "2026-10-01 attended SLV-IND facilitator", "2026-11-01 attended SLV-TEAM-2 facilitator")),
                row("still lapsed between expiry and regain", "2026-10-15", "GOLD", "LAPSED", "2024-09-01", "2026-09-01", "1 of 2",
                        concat(GOLD, "2026-10-01 attended SLV-IND facilitator", "2026-11-01 attended SLV-TEAM-2 facilitator")),
                row("renewed twice in a row", "2028-09-02", "GOLD", "ACHIEVED", "2024-09-01", "2030-09-01", null,
                        concat(GOLD, "2026-07-01 attended SLV-IND facilitator", "2026-07-02 attended SLV-TEAM-2 facilitator",
                                "2028-07-01 attended SLV-IND facilitator", "2028-07-02 attended SLV-TEAM-2 facilitator")),
                row("leap-day achievement expires on 28 February", "2026-02-28", "GOLD", "ACHIEVED", "2024-02-29", "2026-02-28", null,
                        leapGold()),
                row("leap-day achievement lapses on 1 March", "2026-03-01", "GOLD", "LAPSED", "2024-02-29", "2026-02-28", null,
                        leapGold()),

                // ---- revocation ----
                row("revoked tier", "2025-02-01", "GOLD", "REVOKED", "2024-09-01", "2026-09-01", "Gold was revoked on 2025-01-01: falsified project report",
                        concat(GOLD, "2025-01-01 revoked GOLD falsified project report")),
                row("revocation of a lower tier: Silver no longer held", "2025-02-01", "SILVER", "IN_PROGRESS", "2024-04-30", null,
                        "Bronze was revoked on 2025-01-01", concat(GOLD, "2025-01-01 revoked BRONZE data error")),
                row("revocation of a lower tier reaches Gold through Silver", "2025-02-01", "GOLD", "IN_PROGRESS", "2024-09-01", "2026-09-01",
                        "Silver is no longer held: Bronze was revoked on 2025-01-01", concat(GOLD, "2025-01-01 revoked BRONZE data error")),
                row("the revoked tier itself says REVOKED", "2025-02-01", "BRONZE", "REVOKED", "2024-01-12", null, "Bronze was revoked on 2025-01-01",
                        concat(GOLD, "2025-01-01 revoked BRONZE data error")),
                row("revocation is final: not re-achieved later", "2025-06-01", "BRONZE", "REVOKED", "2024-01-12", null, null,
                        concat(BRONZE, "2025-01-01 revoked BRONZE data error", "2025-03-01 assessed BRZ-QUIZ 100")),
                row("a revocation dated after the as-of date is ignored", "2024-12-01", "GOLD", "ACHIEVED", "2024-09-01", "2026-09-01", null,
                        concat(GOLD, "2025-01-01 revoked GOLD falsified project report")),
                row("before the revocation, the higher tier is still held", "2024-12-31", "SILVER", "ACHIEVED", "2024-04-30", null, null,
                        concat(GOLD, "2025-01-01 revoked BRONZE data error"))
        );
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void evaluatesTheReferenceRules(String name, String asOf, String tier, String status, String achievedOn, String expiresOn,
                                    String unmet, String[] events) {
        TierProgress t = PLAN.evaluate(Records.of(PLAN, "L-1", events), LocalDate.parse(asOf)).tier(tier);
        assertThat(t.status()).as("status").isEqualTo(TierStatus.valueOf(status));
        assertThat(t.achievedOn()).as("achieved_on").isEqualTo(achievedOn == null ? null : LocalDate.parse(achievedOn));
        assertThat(t.expiresOn()).as("expires_on").isEqualTo(expiresOn == null ? null : LocalDate.parse(expiresOn));
        if (t.status() == TierStatus.ACHIEVED) {
            assertThat(t.unmet()).as("unmet").isEmpty();
        } else {
            assertThat(t.unmet()).as("unmet").isNotEmpty();
        }
        if (unmet != null) {
            assertThat(String.join("; ", t.unmet())).as("unmet").contains(unmet);
        }
    }

    // ---- helpers ------------------------------------------------------------------------------

    static Arguments row(String name, String asOf, String tier, String status, String achievedOn, String expiresOn,
                         String unmet, String... events) {
        return Arguments.of(name, asOf, tier, status, achievedOn, expiresOn, unmet, events);
    }

    static String[] concat(String[] base, String... more) {
        List<String> out = new ArrayList<>(Arrays.asList(base));
        out.addAll(Arrays.asList(more));
        return out.toArray(String[]::new);
    }

    static String[] replace(String[] base, String old, String now) {
        assertThat(base).contains(old);
        return Arrays.stream(base).map(e -> e.equals(old) ? now : e).toArray(String[]::new);
    }

    static String[] remove(String[] base, String old) {
        assertThat(base).contains(old);
        return Arrays.stream(base).filter(e -> !e.equals(old)).toArray(String[]::new);
    }

    /** Gold achieved on 29 February 2024. */
    static String[] leapGold() {
        return new String[] {"2023-10-01 completed BRZ-ELN", "2023-10-02 assessed BRZ-QUIZ 90",
                "2023-10-10 attended SLV-IND participant", "2023-11-01 evidence SLV-PLAN approved",
                "2023-12-01 attended GLD-TTT-1 participant", "2023-12-02 attended GLD-TTT-2 participant",
                "2024-01-10 attended SLV-IND facilitator", "2024-01-20 attended SLV-TEAM-1 facilitator",
                "2024-01-25 attended WS-BEH participant", "2024-02-01 evidence GLD-PROJECT approved",
                "2024-02-29 rated C-COACH 3"};
    }
}
