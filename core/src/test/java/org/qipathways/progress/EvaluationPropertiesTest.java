package org.qipathways.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.qipathways.programme.Programme;
import org.qipathways.progress.internal.EvaluationPlan;

/**
 * Properties of evaluation that must hold for any learner: the order events arrive in never
 * matters, evaluation is deterministic, and an achieved tier stays achieved (with the same
 * achievement date) unless it lapses or is revoked.
 */
class EvaluationPropertiesTest {

    static final EvaluationPlan PLAN = EvaluationPlan.compile(Programme.reference());
    static final LocalDate START = LocalDate.of(2023, 1, 1);

    static final String[] EVENT_TEMPLATES = {
            "completed BRZ-ELN", "assessed BRZ-QUIZ 75", "assessed BRZ-QUIZ 85",
            "prior_learning IMP-FUNDAMENTALS approved", "prior_learning QSIR-FUNDAMENTALS rejected",
            "attended SLV-IND participant", "evidence SLV-PLAN submitted", "evidence SLV-PLAN approved",
            "evidence SLV-PLAN rejected", "attended SLV-TEAM-1 participant", "attended SLV-TEAM-2 participant",
            "attended SLV-TEAM-3 participant", "evidence SLV-TEAM-PLAN approved",
            "attended GLD-TTT-1 participant", "attended GLD-TTT-2 participant", "evidence GLD-PROJECT approved",
            "attended SLV-IND facilitator", "attended SLV-TEAM-1 facilitator", "attended SLV-TEAM-2 facilitator",
            "attended WS-VAR participant", "attended WS-SCI participant", "rated C-COACH 3", "rated C-COACH 2",
            "revoked BRONZE audit finding", "revoked GOLD audit finding"};

    @Provide
    Arbitrary<List<String>> histories() {
        // Mostly progression events, revocations rare; dates over four years.
        Arbitrary<String> event = Combinators.combine(
                        Arbitraries.integers().between(0, 4 * 365),
                        Arbitraries.frequencyOf(
                                net.jqwik.api.Tuple.of(40, Arbitraries.of(EVENT_TEMPLATES).filter(t -> !t.startsWith("revoked"))),
                                net.jqwik.api.Tuple.of(1, Arbitraries.of("revoked BRONZE audit finding", "revoked GOLD audit finding"))))
                .as((day, template) -> START.plusDays(day) + " " + template);
        return event.list().ofMinSize(0).ofMaxSize(40);
    }

    @Property(tries = 300)
    void eventOrderNeverMatters(@ForAll("histories") List<String> events, @ForAll Random random,
                                @ForAll("asOfDays") int asOfDay) {
        LocalDate asOf = START.plusDays(asOfDay);
        List<String> shuffled = new ArrayList<>(events);
        Collections.shuffle(shuffled, random);
        Progress a = PLAN.evaluate(Records.of(PLAN, "L", events.toArray(String[]::new)), asOf);
        Progress b = PLAN.evaluate(Records.of(PLAN, "L", shuffled.toArray(String[]::new)), asOf);
        assertThat(b).isEqualTo(a);
    }

    @Property(tries = 200)
    void evaluationIsDeterministic(@ForAll("histories") List<String> events, @ForAll("asOfDays") int asOfDay) {
        LocalDate asOf = START.plusDays(asOfDay);
        Progress a = PLAN.evaluate(Records.of(PLAN, "L", events.toArray(String[]::new)), asOf);
        Progress b = EvaluationPlan.compile(Programme.reference())
                .evaluate(Records.of(PLAN, "L", events.toArray(String[]::new)), asOf);
        assertThat(b).isEqualTo(a);
    }

    @Property(tries = 300)
    void anAchievedTierStaysAchievedUnlessItLapsesOrIsRevoked(@ForAll("histories") List<String> events,
                                                               @ForAll("asOfDays") int d1, @ForAll("asOfDays") int d2) {
        LocalDate early = START.plusDays(Math.min(d1, d2));
        LocalDate late = START.plusDays(Math.max(d1, d2));
        var record = Records.of(PLAN, "L", events.toArray(String[]::new));
        Progress before = PLAN.evaluate(record, early);
        Progress after = PLAN.evaluate(record, late);
        for (TierProgress t : before.tiers()) {
            if (t.status() != TierStatus.ACHIEVED) {
                continue;
            }
            TierProgress later = after.tier(t.tier());
            assertThat(later.achievedOn()).as(t.tier() + " achievement date").isEqualTo(t.achievedOn());
            if (later.status() != TierStatus.ACHIEVED) {
                boolean revokedSomewhere = after.tiers().stream().anyMatch(x -> x.status() == TierStatus.REVOKED);
                assertThat(later.status() == TierStatus.LAPSED
                        || later.status() == TierStatus.REVOKED
                        || (later.status() == TierStatus.IN_PROGRESS && revokedSomewhere))
                        .as(t.tier() + " went from ACHIEVED on " + early + " to " + later.status() + " on " + late)
                        .isTrue();
            }
        }
    }

    @Property(tries = 200)
    void eventsAfterTheAsOfDateAreIgnored(@ForAll("histories") List<String> events, @ForAll("asOfDays") int asOfDay) {
        LocalDate asOf = START.plusDays(asOfDay);
        List<String> upToAsOf = events.stream().filter(e -> !LocalDate.parse(e.substring(0, 10)).isAfter(asOf)).toList();
        Progress all = PLAN.evaluate(Records.of(PLAN, "L", events.toArray(String[]::new)), asOf);
        Progress cut = PLAN.evaluate(Records.of(PLAN, "L", upToAsOf.toArray(String[]::new)), asOf);
        assertThat(all).isEqualTo(cut);
    }

    @Provide
    Arbitrary<Integer> asOfDays() {
        return Arbitraries.integers().between(0, 5 * 365);
    }
}
