package org.qipathways.moodle.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.qipathways.moodle.MoodleException;
import org.qipathways.moodle.simulator.MoodleSimulator;
import org.qipathways.platform.LearningPlatform;
import org.qipathways.platform.PlatformSettings;
import org.qipathways.platform.Platforms;
import org.qipathways.platform.SyncMode;
import org.qipathways.platform.SyncSummary;
import org.qipathways.programme.Programme;

class ProgrammeSyncTest {

    private static final Programme REFERENCE = Programme.reference();

    private final SimulatorFixture fx = new SimulatorFixture();

    @AfterEach
    void close() {
        fx.close();
    }

    @Test
    void aPlanOnAnEmptySiteCreatesEverythingAndWritesNothing() {
        String before = fx.snapshot();
        int requestsBefore = fx.sim.requests().size();

        SyncPlan plan = new ProgrammeSync(fx.client, fx.options()).plan(REFERENCE);

        assertThat(fx.snapshot()).isEqualTo(before);
        assertThat(plan.writes()).isZero();
        assertThat(fx.sim.requests().subList(requestsBefore, fx.sim.requests().size()))
                .allSatisfy(r -> assertThat(r.function()).matches(".*(get|list|read).*|tool_mobile_call_external_functions"));
        // 1 programme + 3 tier categories, 14 courses, 1 framework, 8 competencies, 3 templates, 3 cohorts
        assertThat(plan.changes()).filteredOn(c -> c.type().equals("category")).hasSize(4);
        assertThat(plan.changes()).filteredOn(c -> c.type().equals("course")).hasSize(14);
        assertThat(plan.changes()).filteredOn(c -> c.type().equals("competency")).hasSize(8);
        assertThat(plan.changes()).filteredOn(c -> c.type().equals("template")).hasSize(3);
        assertThat(plan.changes()).filteredOn(c -> c.type().equals("cohort")).hasSize(3);
        assertThat(plan.summary().updated()).isZero();
        assertThat(plan.summary().unchanged()).isZero();
    }

    @Test
    void applyMakesTheMappingAndASecondApplyMakesZeroWrites() {
        ProgrammeSync sync = new ProgrammeSync(fx.client, fx.options());
        SyncPlan planned = sync.plan(REFERENCE);

        SyncPlan applied = sync.apply(REFERENCE);

        assertThat(applied.summary()).isEqualTo(planned.summary());
        assertThat(applied.changes()).isEqualTo(planned.changes());
        Map<String, Object> bronze = fx.sim.site().find("course_categories", "idnumber", "qip:QIP-BSG:tier:BRONZE").orElseThrow();
        Map<String, Object> top = fx.sim.site().find("course_categories", "idnumber", "qip:QIP-BSG").orElseThrow();
        assertThat(bronze.get("parent")).isEqualTo(top.get("id"));
        Map<String, Object> quiz = fx.sim.site().find("course", "idnumber", "qip:QIP-BSG:unit:BRZ-QUIZ").orElseThrow();
        assertThat(quiz.get("category")).isEqualTo(bronze.get("id"));
        assertThat(quiz.get("shortname")).isEqualTo("QIP-BSG:BRZ-QUIZ");
        assertThat(fx.sim.site().find("competency_framework", "idnumber", "QI-CF").orElseThrow().get("scaleid"))
                .isEqualTo(fx.scaleId);
        assertThat(fx.sim.site().count("competency")).isEqualTo(8);
        // BRZ-ELN and BRZ-QUIZ give 4 competencies each, SLV-PLAN 3, SLV-TEAM-PLAN 3, WS-VAR 1, WS-BEH 1, GLD-PROJECT 2
        assertThat(fx.sim.site().rows("competency_coursecomp")).hasSize(18)
                .allSatisfy(r -> assertThat(((Number) r.get("ruleoutcome")).intValue())
                        .isEqualTo(ProgrammeSync.RULE_OUTCOME_EVIDENCE));
        assertThat(fx.sim.site().rows("competency_template")).extracting(r -> r.get("shortname"))
                .containsExactly("Bronze [QIP-BSG:BRONZE]", "Silver [QIP-BSG:SILVER]", "Gold [QIP-BSG:GOLD]");
        assertThat(fx.sim.site().find("cohort", "idnumber", "qip:QIP-BSG:certified:GOLD")).isPresent();

        int before = fx.sim.requests().size();
        SyncPlan again = sync.plan(REFERENCE);
        assertThat(again.isEmpty()).isTrue();
        SyncPlan second = sync.apply(REFERENCE);
        assertThat(second.writes()).isZero();
        assertThat(second.isEmpty()).isTrue();
        assertThat(second.summary().unchanged()).isEqualTo(applied.summary().created());
        assertThat(fx.sim.requests().subList(before, fx.sim.requests().size()))
                .noneMatch(r -> r.function().contains("create") || r.function().contains("update")
                        || r.function().contains("add_") || r.function().contains("set_"));
    }

    @Test
    void changesInTheProgrammeBecomeUpdatesAndRemovedObjectsAreReportedNotDeleted() {
        ProgrammeSync sync = new ProgrammeSync(fx.client, fx.options());
        sync.apply(REFERENCE);
        String yaml = referenceYaml()
                .replace("title: Foundations of Quality Improvement", "title: Foundations of QI")
                .replace("  - {code: WS-SCI, title: The Science of Improvement, kind: workshop}\n", "");
        Programme changed = Programme.parse(yaml.replace(", WS-SCI]", "]"), "changed.yaml");

        SyncPlan plan = sync.plan(changed);

        assertThat(plan.changes()).extracting(Change::toString)
                .containsExactly("update course qip:QIP-BSG:unit:BRZ-ELN: fullname 'Foundations of Quality Improvement'"
                        + " -> 'Foundations of QI'");
        assertThat(plan.orphans()).extracting(Change::key).containsExactly("qip:QIP-BSG:unit:WS-SCI");
        sync.apply(changed);
        assertThat(fx.sim.site().find("course", "idnumber", "qip:QIP-BSG:unit:BRZ-ELN").orElseThrow().get("fullname"))
                .isEqualTo("Foundations of QI");
        assertThat(fx.sim.site().find("course", "idnumber", "qip:QIP-BSG:unit:WS-SCI")).isPresent();
        assertThat(sync.plan(changed).isEmpty()).isTrue();
    }

    @Test
    void pruningPlansLinksAsRemovalsAndCountsThemWhenApplied() {
        new ProgrammeSync(fx.client, fx.options()).apply(DoctorFunctionsTest.variant());
        ProgrammeSync prune = new ProgrammeSync(fx.client, fx.options().withPrune(true));
        int links = fx.sim.site().count("competency_coursecomp");

        SyncPlan plan = prune.plan(REFERENCE);

        assertThat(plan.changes()).filteredOn(c -> c.action() == Change.Action.REMOVE).extracting(Change::toString)
                .containsExactlyInAnyOrder("remove course competency BRZ-ELN -> C-HUMAN: no longer in the programme",
                        "remove course competency BRZ-QUIZ -> C-HUMAN: no longer in the programme",
                        "remove template competency BRONZE -> C-HUMAN: no longer in the programme");
        assertThat(plan.orphans()).extracting(Change::toString).noneMatch(o -> o.contains("remove"));
        assertThat(plan.summary().removed()).isEqualTo(3);
        assertThat(plan.summary().toPlanString()).contains("would remove 3");
        assertThat(fx.sim.site().count("competency_coursecomp")).isEqualTo(links);

        SyncPlan applied = prune.apply(REFERENCE);

        assertThat(applied.summary().removed()).isEqualTo(3);
        assertThat(applied.summary().toString()).contains("removed 3");
        assertThat(fx.sim.site().count("competency_coursecomp")).isEqualTo(links - 2);
        assertThat(prune.plan(REFERENCE).isEmpty()).isTrue();
        // without pruning the links are orphans, reported only
        new ProgrammeSync(fx.client, fx.options()).apply(DoctorFunctionsTest.variant());
        SyncPlan reported = new ProgrammeSync(fx.client, fx.options()).plan(REFERENCE);
        assertThat(reported.summary().removed()).isZero();
        assertThat(reported.orphans()).extracting(Change::action).containsOnly(Change.Action.ORPHAN).hasSize(3);
    }

    static String referenceYaml() {
        try (var in = Programme.class.getResourceAsStream("reference-programme.yaml")) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void thePlatformPluginPushesTheProgrammeWithTheScaleGivenAsAnOption() {
        try (LearningPlatform moodle = Platforms.discover().open("moodle", PlatformSettings.of(fx.sim.url(), fx.sim.token())
                .withOption("scale-id", Long.toString(fx.scaleId)))) {
            SyncSummary planned = moodle.pushProgramme(REFERENCE, SyncMode.PLAN);
            SyncSummary applied = moodle.pushProgramme(REFERENCE, SyncMode.APPLY);

            assertThat(applied).isEqualTo(planned);
            assertThat(moodle.pushProgramme(REFERENCE, SyncMode.PLAN))
                    .isEqualTo(new SyncSummary(0, 0, applied.created(), 0));
        }
    }

    @Test
    void withoutTheAdminMadeScaleTheSyncSaysWhatToSetUp() {
        ProgrammeSync sync = new ProgrammeSync(fx.client, SyncOptions.defaults());

        assertThatThrownBy(() -> sync.plan(REFERENCE)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("needs a Moodle scale for 'QI proficiency' with the items [Aware, Practitioner, Leader]")
                .hasMessageContaining("Site administration > Grades > Scales");
    }

    /** The whole sync: the programme, then learners with their cohorts and enrolments. */
    private static void syncAll(SimulatorFixture f, SyncOptions options) {
        new ProgrammeSync(f.client, options).apply(REFERENCE);
        new LearnerSync(f.client, options).apply(REFERENCE, LEARNERS, Map.of("L000002", "SILVER"));
    }

    /** A course an administrator prepared: an online module whose completion completes the course. */
    static long templateCourse(SimulatorFixture f) {
        long course = f.sim.site().addCourse("QI unit template", "QI-UNIT-TEMPLATE", 1);
        long cm = f.sim.site().addActivity(course, "scorm", "Online module", 2);
        f.sim.site().addCompletionCriterion(course, cm);
        return course;
    }

    private static SyncOptions options(SimulatorFixture f, boolean template) {
        return template ? f.options().withTemplateCourseId(templateCourse(f)) : f.options();
    }

    @Test
    void unitCoursesAreCopiedFromTheAdminsTemplateCourseWithItsActivitiesAndCompletionCriteria() {
        SyncOptions options = options(fx, true);
        ProgrammeSync sync = new ProgrammeSync(fx.client, options);

        SyncPlan applied = sync.apply(REFERENCE);

        assertThat(applied.changes()).filteredOn(c -> c.type().equals("course")).hasSize(14);
        Map<String, Object> quiz = fx.sim.site().find("course", "idnumber", "qip:QIP-BSG:unit:BRZ-QUIZ").orElseThrow();
        assertThat(quiz).containsEntry("shortname", "QIP-BSG:BRZ-QUIZ").containsEntry("fullname", "Bronze knowledge check")
                .containsEntry("summary", "Scored 0-100; the best attempt counts.");
        assertThat(fx.sim.site().rows("course_completion_criteria")).extracting(r -> r.get("course"))
                .contains(quiz.get("id"));
        assertThat(fx.sim.site().rows("course_modules")).filteredOn(r -> r.get("course").equals(quiz.get("id")))
                .extracting(r -> r.get("name")).containsExactly("Online module");
        assertThat(sync.plan(REFERENCE).isEmpty()).isTrue();
    }

    private static final List<org.qipathways.record.Learner> LEARNERS = LearnerSyncTest.learners(25, 3);

    @ParameterizedTest(name = "bundling {0}, template course {1}")
    @CsvSource({"true, false", "false, false", "true, true"})
    void aRunKilledAtAnyRequestAndRunAgainEndsExactlyAsAnUninterruptedRun(boolean bundling, boolean template) {
        // every request of a full run in turn: the (n+1)th runs but its reply is lost, the rest never arrive
        String expected;
        int requests;
        try (SimulatorFixture clean = new SimulatorFixture(MoodleSimulator.builder(), bundling)) {
            SyncOptions options = options(clean, template);
            int start = clean.sim.requests().size();
            syncAll(clean, options);
            requests = clean.sim.requests().size() - start;
            expected = clean.snapshot();
        }
        assertThat(requests).isGreaterThan(10);
        List<Integer> tried = new ArrayList<>();
        for (int n = 0; n < requests; n++) {
            try (SimulatorFixture f = new SimulatorFixture(MoodleSimulator.builder(), bundling)) {
                SyncOptions options = options(f, template);
                f.sim.faults().cutOffAfter(n);
                assertThatThrownBy(() -> syncAll(f, options)).as("cut off after %d requests", n)
                        .isInstanceOf(MoodleException.class);
                f.sim.faults().clear();
                syncAll(f, options);
                assertThat(f.snapshot()).as("state after a cut-off after %d requests and a rerun", n).isEqualTo(expected);
                for (String table : List.of("course_categories", "course", "competency_framework", "cohort", "user")) {
                    assertThat(f.duplicateIdnumbers(table)).as(table).isEmpty();
                }
                assertThat(new ProgrammeSync(f.client, options).plan(REFERENCE).isEmpty()).isTrue();
                assertThat(new LearnerSync(f.client, options).plan(REFERENCE, LEARNERS, Map.of("L000002", "SILVER"))
                        .isEmpty()).isTrue();
                tried.add(n);
            }
        }
        assertThat(tried).hasSize(requests);
        org.slf4j.LoggerFactory.getLogger(ProgrammeSyncTest.class).info(
                "bundling {}, template course {}: cut off after each of the {} requests of a full sync, rerun, same state",
                bundling, template, requests);
    }
}
