package org.qipathways.moodle.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.qipathways.moodle.Doctor;
import org.qipathways.moodle.MoodleFunction;
import org.qipathways.moodle.simulator.SimulatorSeeder;
import org.qipathways.programme.Programme;
import org.qipathways.record.Learner;
import org.qipathways.record.LearnerEvent;
import org.qipathways.rules.Role;

/**
 * What {@code qip doctor} requires is exactly what sync, pull and publish call: every path of each
 * (creates, updates, reparenting, outcome repairs, pruning, learner updates, the pull's reads,
 * publishing members in and out) runs against the simulator, which counts the functions asked
 * for, bundled ones included. A function the connector starts to call fails this test until it is
 * added to {@link Doctor}'s list; one it stops calling fails it until it is taken out.
 */
class DoctorFunctionsTest {

    private static final Programme REFERENCE = Programme.reference();

    private final SimulatorFixture fx = new SimulatorFixture();
    private final Set<String> called = new TreeSet<>();

    @AfterEach
    void close() {
        fx.close();
    }

    /** Runs {@code part}, adding the functions it asked the site for to {@link #called}. */
    private void recording(Runnable part) {
        Map<String, Long> before = fx.sim.functionCalls();
        part.run();
        fx.sim.functionCalls().forEach((f, n) -> {
            if (n > before.getOrDefault(f, 0L)) {
                called.add(f);
            }
        });
    }

    /** The reference programme with other titles, a parentless competency given a parent, and Bronze giving C-HUMAN. */
    static Programme variant() {
        String yaml = ProgrammeSyncTest.referenceYaml()
                .replace("title: Bronze, Silver and Gold Quality Improvement Pathway", "title: QI Pathway (draft)")
                .replace("title: QI Pathways competency framework", "title: QI competency framework (draft)")
                .replace("{code: C-LEAD, title: Leading and spreading change}",
                        "{code: C-LEAD, title: Leading change, parent: C-MFI}")
                .replace("title: Foundations of Quality Improvement", "title: Foundations of QI")
                .replace("gives: {C-SYSTEMS: 1, C-MFI: 1, C-MEASURE: 1, C-PEOPLE: 1}",
                        "gives: {C-SYSTEMS: 1, C-MFI: 1, C-MEASURE: 1, C-PEOPLE: 1, C-HUMAN: 1}")
                .replace("    title: Bronze\n", "    title: Bronze tier\n");
        return Programme.parse(yaml, "variant.yaml");
    }

    private static List<Learner> withTeam(List<Learner> learners, String team) {
        return learners.stream().map(l -> new Learner(l.learnerId(), l.organisation(), l.staffGroup(), l.band(), team,
                l.region())).toList();
    }

    @Test
    void doctorRequiresExactlyTheFunctionsThatSyncPullAndPublishCall() {
        List<Learner> learners = LearnerSyncTest.learners(6, 2);
        SyncOptions prune = fx.options().withPrune(true);
        recording(() -> new ProgrammeSync(fx.client, fx.options()).apply(variant()));
        // a teacher sets a link's outcome to "none": the next sync repairs it
        long course = new ProgrammeSync(fx.client, fx.options()).courseIds(REFERENCE).get("BRZ-QUIZ");
        long link = fx.client.listCourseCompetencies(course).get(0).coursecompetency().id();
        fx.client.setCourseCompetencyRuleOutcome(link, 0);
        recording(() -> {
            SyncPlan back = new ProgrammeSync(fx.client, prune).apply(REFERENCE);
            assertThat(back.changes()).extracting(Change::type).contains("category", "course", "framework",
                    "competency", "course competency", "template", "cohort");
            // BRZ-ELN -> C-HUMAN, BRZ-QUIZ -> C-HUMAN, BRONZE -> C-HUMAN
            assertThat(back.summary().removed()).isEqualTo(3);
        });
        recording(() -> new LearnerSync(fx.client, fx.options()).apply(REFERENCE, learners, Map.of()));
        recording(() -> new LearnerSync(fx.client, fx.options()).apply(REFERENCE, withTeam(learners, "T-NEW"), Map.of()));
        LocalDate d = LocalDate.of(2025, 3, 1);
        // BRZ-ELN, completed after the rating, adds evidence to C-SYSTEMS: the pull reads the evidence to date the rating
        SimulatorSeeder.seed(fx.sim.site(), REFERENCE, List.of(new LearnerEvent.Rated("L000001", d, "C-SYSTEMS", 2),
                new LearnerEvent.Completed("L000001", d.plusDays(10), "BRZ-ELN"),
                new LearnerEvent.Assessed("L000001", d.plusDays(10), "BRZ-QUIZ", 90),
                new LearnerEvent.Attended("L000001", d.plusDays(30), "SLV-IND", Role.PARTICIPANT)));
        recording(() -> assertThat(new EventPull(fx.client, fx.options(), ZoneOffset.UTC).pull(REFERENCE, null))
                .hasSize(4));
        OutcomePublisher publisher = new OutcomePublisher(fx.client);
        recording(() -> publisher.apply(REFERENCE, Map.of("BRONZE", Set.of("L000001", "L000002"))));
        recording(() -> assertThat(publisher.apply(REFERENCE, Map.of("BRONZE", Set.of("L000001"))).summary().removed())
                .isEqualTo(1));

        Set<String> required = new TreeSet<>(called);
        required.removeAll(Doctor.optional().keySet());
        assertThat(Doctor.required()).containsExactlyElementsOf(required);
        assertThat(called).contains(MoodleFunction.TOOL_MOBILE_CALL_EXTERNAL_FUNCTIONS.wsName());
        Map<String, Long> counts = new HashMap<>(fx.sim.functionCalls());
        assertThat(counts).doesNotContainKeys("core_competency_read_competency_framework",
                "core_competency_read_competency", "core_competency_read_template", "enrol_manual_unenrol_users");
    }
}
