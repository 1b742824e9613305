package org.qipathways.samples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qipathways.certification.Certificate;
import org.qipathways.certification.CertificateId;
import org.qipathways.certification.RegisterUpdate;
import org.qipathways.certification.jdbc.JdbcCertificateRegister;
import org.qipathways.moodle.simulator.MoodleSimulator;
import org.qipathways.moodle.simulator.SimulatorSeeder;
import org.qipathways.programme.Programme;
import org.qipathways.record.EventsCsv;
import org.qipathways.record.LearnerEvent;
import org.qipathways.record.ReadOptions;
import org.qipathways.rules.Role;
import picocli.CommandLine;

/** {@code qip sync}, {@code qip pull} and {@code qip publish}, run as users run them, against the simulator. */
class SyncCommandTest {

    private final MoodleSimulator sim = MoodleSimulator.start();
    private final long scale = sim.site().addScale("QI proficiency", List.of("Aware", "Practitioner", "Leader"));

    @TempDir
    Path dir;

    @AfterEach
    void stop() {
        sim.close();
    }

    static QipRun qip(Map<String, String> environment, String... args) {
        Function<String, String> env = environment::get;
        CommandLine.IFactory factory = new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> cls) throws Exception {
                if (cls == SyncCommand.class) {
                    return cls.cast(new SyncCommand(env));
                }
                if (cls == PublishCommand.class) {
                    return cls.cast(new PublishCommand(env));
                }
                return cls == PullCommand.class ? cls.cast(new PullCommand(env)) : CommandLine.defaultFactory().create(cls);
            }
        };
        return QipRun.run(Qip.commandLine(factory), args);
    }

    private QipRun sync(String... more) {
        String[] args = new String[more.length + 5];
        args[0] = "sync";
        args[1] = "--moodle";
        args[2] = sim.url().toString();
        args[3] = "--scale-id";
        args[4] = Long.toString(scale);
        System.arraycopy(more, 0, args, 5, more.length);
        return qip(Map.of("MOODLE_TOKEN", sim.token()), args);
    }

    @Test
    void planListsTheChangesApplyMakesThemAndThenThereIsNothingToDo() throws IOException {
        Path learners = dir.resolve("learners.csv");
        Files.writeString(learners, "learner_id,organisation,staff_group,band,team,region\n"
                + "L000001,RHQ,,,,\nL000002,RHQ,,5,T1,\nL000003,RCB,,,,\n");

        QipRun plan = sync("--plan", "--learners", learners.toString());

        assertThat(plan.exit()).as(plan.err()).isZero();
        assertThat(plan.out()).contains("create course qip:QIP-BSG:unit:BRZ-ELN: Foundations of Quality Improvement")
                .contains("create user: 3 (L000001, L000002, L000003)")
                .endsWith("would create 77, would update 0, would remove 0, unchanged 0" + System.lineSeparator());
        assertThat(sim.site().count("course")).isEqualTo(1);   // the front page only

        QipRun apply = sync("--apply", "--learners", learners.toString());
        assertThat(apply.exit()).as(apply.err()).isZero();
        assertThat(apply.out()).contains("created 77, updated 0, removed 0, unchanged 0, failed 0");
        assertThat(sim.site().find("user", "username", "l000002")).isPresent();

        QipRun again = sync("--plan", "--learners", learners.toString());
        assertThat(again.out()).isEqualTo("would create 0, would update 0, would remove 0, unchanged 77"
                + System.lineSeparator());
    }

    @Test
    void withEventsEachLearnerIsEnrolledInTheCoursesOfTheTierTheyWorkTowards() throws IOException {
        Path learners = dir.resolve("learners.csv");
        Files.writeString(learners, "learner_id,organisation,staff_group,band,team,region\nL000001,RHQ,,,,\nL000002,RHQ,,,,\n");
        Path events = dir.resolve("events.csv");
        Files.writeString(events, "learner_id,date,type,item,result\nL000002,2025-01-10,completed,BRZ-ELN,\n"
                + "L000002,2025-01-11,assessed,BRZ-QUIZ,90\n");

        QipRun r = sync("--apply", "--learners", learners.toString(), "--events", events.toString(), "--as-of", "2026-01-01");

        assertThat(r.exit()).as(r.err()).isZero();
        // L000001 in Bronze's 2 courses, L000002 (Bronze achieved) in Silver's 6
        assertThat(r.out()).contains("create enrolment: 8 (L000001 -> BRZ-ELN, L000001 -> BRZ-QUIZ, L000002 -> SLV-PLAN, ...)");
    }

    @Test
    void theTokenComesOnlyFromTheEnvironment() {
        QipRun r = qip(Map.of(), "sync", "--moodle", sim.url().toString(), "--plan");

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("set the MOODLE_TOKEN environment variable");
    }

    @Test
    void planAndApplyTogetherOrNeitherIsBadUsage() {
        assertThat(sync("--plan", "--apply").exit()).isEqualTo(2);
        assertThat(sync().exit()).isEqualTo(2);
    }

    @Test
    void withoutAScaleTheFirstSyncSaysWhatTheAdministratorMustMake() {
        QipRun r = qip(Map.of("MOODLE_TOKEN", sim.token()), "sync", "--moodle", sim.url().toString(), "--plan");

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("Site administration > Grades > Scales").contains("--scale-id");
    }

    @Test
    void aSiteThatRefusesTheWritesFailsWithExit1AndSaysARerunResumes() {
        sim.site().denyCapability("moodle/course:create");

        QipRun r = sync("--apply");

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("a rerun picks up where this one stopped").doesNotContain(sim.token());
    }

    @Test
    void pullWritesTheRecordsSeededIntoTheSiteAsEventsCsv() throws IOException {
        Path learners = dir.resolve("learners.csv");
        Files.writeString(learners, "learner_id,organisation,staff_group,band,team,region\nL000001,RHQ,,,,\nL000002,RCB,,,,\n");
        assertThat(sync("--apply", "--learners", learners.toString()).exit()).isZero();
        List<LearnerEvent> seeded = List.of(
                new LearnerEvent.Completed("L000001", LocalDate.of(2025, 3, 1), "BRZ-ELN"),
                new LearnerEvent.Assessed("L000001", LocalDate.of(2025, 3, 2), "BRZ-QUIZ", 85),
                new LearnerEvent.Attended("L000002", LocalDate.of(2025, 4, 2), "SLV-IND", Role.PARTICIPANT),
                new LearnerEvent.Rated("L000002", LocalDate.of(2025, 7, 1), "C-MFI", 2));
        SimulatorSeeder.seed(sim.site(), Programme.reference(), seeded);
        Path events = dir.resolve("events.csv");

        QipRun r = qip(Map.of("MOODLE_TOKEN", sim.token()), "pull", "--moodle", sim.url().toString(), "--out",
                events.toString(), "--since", "2025-03-02");

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("3 events of 2 learners written to " + events);
        assertThat(EventsCsv.read(events, Programme.reference(), ReadOptions.STRICT).rows())
                .containsExactlyInAnyOrderElementsOf(seeded.subList(1, 4));
    }

    @Test
    void pullEndsWithItsSummaryOfCostEventsAndWhatItSkipped() throws IOException {
        Path learners = dir.resolve("learners.csv");
        Files.writeString(learners, "learner_id,organisation,staff_group,band,team,region\nL000001,RHQ,,,,\nL000002,RCB,,,,\n");
        assertThat(sync("--apply", "--learners", learners.toString()).exit()).isZero();
        // nobody has completed BRZ-ELN, so its course has no completion criteria
        SimulatorSeeder.seed(sim.site(), Programme.reference(), List.of(
                new LearnerEvent.Assessed("L000001", LocalDate.of(2025, 3, 2), "BRZ-QUIZ", 85),
                new LearnerEvent.Rated("L000002", LocalDate.of(2025, 7, 1), "C-MFI", 2),
                new LearnerEvent.Rated("L000001", LocalDate.of(2025, 7, 2), "C-MFI", 3)));
        Path events = dir.resolve("events.csv");

        QipRun r = qip(Map.of("MOODLE_TOKEN", sim.token()), "pull", "--moodle", sim.url().toString(), "--out",
                events.toString());

        assertThat(r.exit()).as(r.err()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines.get(0)).startsWith("3 events of 2 learners written to " + events);
        assertThat(lines).anyMatch(l -> l.matches("requests: \\d+ \\([\\d,]+ calls, [\\d,]+ bytes received\\)"))
                .contains("events: 3 (assessed 1, rated 2)",
                        "courses without completion criteria (completion not read): BRZ-ELN");
    }

    @Test
    void publishPutsTheHoldersOfValidCertificatesInTheCertifiedCohorts() throws IOException {
        Path learners = dir.resolve("learners.csv");
        Files.writeString(learners, "learner_id,organisation,staff_group,band,team,region\nL000001,RHQ,,,,\nL000002,RCB,,,,\n");
        assertThat(sync("--apply", "--learners", learners.toString()).exit()).isZero();
        String register = "jdbc:sqlite:" + dir.resolve("register.db");
        try (JdbcCertificateRegister reg = JdbcCertificateRegister.open(register)) {
            reg.apply(new RegisterUpdate(List.of(
                    certificate("L000001", "BRONZE", LocalDate.of(2025, 1, 1), null),
                    certificate("L000002", "GOLD", LocalDate.of(2022, 1, 1), LocalDate.of(2023, 12, 31))),
                    List.of(), List.of()));
        }

        QipRun r = qip(Map.of("MOODLE_TOKEN", sim.token()), "publish", "--moodle", sim.url().toString(),
                "--register", register, "--as-of", "2026-06-30");

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo("create cohort member L000001: qip:QIP-BSG:certified:BRONZE" + System.lineSeparator()
                + "created 1, updated 0, removed 0, unchanged 0, failed 0" + System.lineSeparator());
        assertThat(sim.site().cohortMembers("qip:QIP-BSG:certified:BRONZE")).containsExactly("l000001");
        assertThat(sim.site().cohortMembers("qip:QIP-BSG:certified:GOLD")).isEmpty();
    }

    @Test
    void aPrunePlanSaysWhatWouldBeRemovedAndAnAppliedPruneCountsItsRemovals() throws IOException {
        String reference;
        try (var in = Programme.class.getResourceAsStream("reference-programme.yaml")) {
            reference = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        Path earlier = dir.resolve("earlier.yaml");   // Bronze's units gave C-HUMAN too
        Files.writeString(earlier, reference.replace("gives: {C-SYSTEMS: 1, C-MFI: 1, C-MEASURE: 1, C-PEOPLE: 1}",
                "gives: {C-SYSTEMS: 1, C-MFI: 1, C-MEASURE: 1, C-PEOPLE: 1, C-HUMAN: 1}"));
        assertThat(sync("--apply", "--programme", earlier.toString()).exit()).isZero();

        QipRun plan = sync("--plan", "--prune");

        assertThat(plan.exit()).as(plan.err()).isZero();
        assertThat(plan.out()).contains("remove course competency BRZ-ELN -> C-HUMAN: no longer in the programme",
                        "remove course competency BRZ-QUIZ -> C-HUMAN: no longer in the programme",
                        "remove template competency BRONZE -> C-HUMAN: no longer in the programme")
                .doesNotContain("removed").endsWith("would create 0, would update 0, would remove 3, unchanged 63"
                        + System.lineSeparator());
        assertThat(sim.site().count("competency_coursecomp")).isEqualTo(20);   // nothing removed by the plan

        QipRun apply = sync("--apply", "--prune");
        assertThat(apply.out()).endsWith("created 0, updated 0, removed 3, unchanged 63, failed 0" + System.lineSeparator());
        assertThat(sim.site().count("competency_coursecomp")).isEqualTo(18);
        assertThat(sync("--plan", "--prune").out()).isEqualTo("would create 0, would update 0, would remove 0, unchanged 63"
                + System.lineSeparator());
    }

    @Test
    void publishCountsAMemberTakenOutAsARemoval() throws IOException {
        Path learners = dir.resolve("learners.csv");
        Files.writeString(learners, "learner_id,organisation,staff_group,band,team,region\nL000001,RHQ,,,,\nL000002,RCB,,,,\n");
        assertThat(sync("--apply", "--learners", learners.toString()).exit()).isZero();
        String both = "jdbc:sqlite:" + dir.resolve("both.db");
        String one = "jdbc:sqlite:" + dir.resolve("one.db");
        try (JdbcCertificateRegister a = JdbcCertificateRegister.open(both);
                JdbcCertificateRegister b = JdbcCertificateRegister.open(one)) {
            a.apply(new RegisterUpdate(List.of(certificate("L000001", "BRONZE", LocalDate.of(2025, 1, 1), null),
                    certificate("L000002", "BRONZE", LocalDate.of(2025, 1, 1), null)), List.of(), List.of()));
            b.apply(new RegisterUpdate(List.of(certificate("L000001", "BRONZE", LocalDate.of(2025, 1, 1), null)),
                    List.of(), List.of()));
        }
        Map<String, String> env = Map.of("MOODLE_TOKEN", sim.token());
        assertThat(qip(env, "publish", "--moodle", sim.url().toString(), "--register", both).exit()).isZero();

        QipRun plan = qip(env, "publish", "--moodle", sim.url().toString(), "--register", one, "--plan");
        QipRun r = qip(env, "publish", "--moodle", sim.url().toString(), "--register", one);

        String removal = "remove cohort member L000002: qip:QIP-BSG:certified:BRONZE" + System.lineSeparator();
        assertThat(plan.out()).isEqualTo(removal + "would create 0, would update 0, would remove 1, unchanged 1"
                + System.lineSeparator());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo(removal + "created 0, updated 0, removed 1, unchanged 1, failed 0"
                + System.lineSeparator());
        assertThat(sim.site().cohortMembers("qip:QIP-BSG:certified:BRONZE")).containsExactly("l000001");
    }

    private static Certificate certificate(String learner, String tier, LocalDate from, LocalDate until) {
        return Certificate.issue(CertificateId.derive("QIP-BSG", tier, learner, from), learner, "QIP-BSG", "2025.1",
                tier, from, from, until, Instant.parse("2026-01-01T00:00:00Z"), null, "sha256:" + "0".repeat(64));
    }
}
