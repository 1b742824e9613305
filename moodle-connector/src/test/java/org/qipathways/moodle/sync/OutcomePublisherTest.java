package org.qipathways.moodle.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.qipathways.certification.Certificate;
import org.qipathways.certification.CertificateId;
import org.qipathways.certification.CertificateStatus;
import org.qipathways.platform.LearningPlatform;
import org.qipathways.platform.PlatformSettings;
import org.qipathways.platform.Platforms;
import org.qipathways.platform.SyncMode;
import org.qipathways.platform.SyncSummary;
import org.qipathways.programme.Programme;
import org.qipathways.progress.Evaluator;
import org.qipathways.progress.Progress;
import org.qipathways.record.LearnerEvent;
import org.qipathways.record.LearnerRecord;

class OutcomePublisherTest {

    private static final Programme REFERENCE = Programme.reference();
    private static final LocalDate TODAY = LocalDate.of(2026, 6, 30);

    private final SimulatorFixture fx = new SimulatorFixture();

    @AfterEach
    void close() {
        fx.close();
    }

    static Certificate certificate(String learner, String tier, LocalDate from, LocalDate until) {
        return Certificate.issue(CertificateId.derive("QIP-BSG", tier, learner, from), learner, "QIP-BSG", "2025.1",
                tier, from, from, until, Instant.parse("2026-01-01T00:00:00Z"), null, "sha256:" + "0".repeat(64));
    }

    @Test
    void onlyValidUnexpiredCertificatesMakeHolders() {
        List<Certificate> register = List.of(
                certificate("L000001", "BRONZE", LocalDate.of(2025, 1, 1), null),
                certificate("L000002", "GOLD", LocalDate.of(2023, 1, 1), LocalDate.of(2024, 12, 31)),
                certificate("L000003", "BRONZE", LocalDate.of(2025, 1, 1), null)
                        .withStatus(CertificateStatus.REVOKED, LocalDate.of(2025, 6, 1), "misconduct", "admin"),
                certificate("L000004", "GOLD", LocalDate.of(2025, 1, 1), LocalDate.of(2026, 12, 31)));

        assertThat(OutcomePublisher.holders(register, TODAY))
                .isEqualTo(Map.of("BRONZE", Set.of("L000001"), "GOLD", Set.of("L000004")));
    }

    @Test
    void certifiedCohortsFollowTheHoldersAddingAndRemovingAndThenNothingIsLeftToDo() {
        new ProgrammeSync(fx.client, fx.options()).apply(REFERENCE);
        new LearnerSync(fx.client, fx.options()).apply(REFERENCE, LearnerSyncTest.learners(5, 1), Map.of());
        OutcomePublisher publisher = new OutcomePublisher(fx.client);
        publisher.apply(REFERENCE, Map.of("BRONZE", Set.of("L000001", "L000002", "L000003"), "GOLD", Set.of("L000002")));
        assertThat(fx.sim.site().cohortMembers("qip:QIP-BSG:certified:BRONZE"))
                .containsExactlyInAnyOrder("l000001", "l000002", "l000003");

        // L000002's Bronze certificate was revoked, L000002's Gold lapsed, L000004 certified; a stranger unlisted
        Map<String, Set<String>> now = Map.of("BRONZE", Set.of("L000001", "L000003", "L000004"), "SILVER", Set.of("L999999"));
        SyncPlan plan = publisher.plan(REFERENCE, now);
        assertThat(plan.changes()).extracting(Change::toString).containsExactlyInAnyOrder(
                "create cohort member L000004: qip:QIP-BSG:certified:BRONZE",
                "remove cohort member L000002: qip:QIP-BSG:certified:BRONZE",
                "remove cohort member L000002: qip:QIP-BSG:certified:GOLD");
        SyncPlan applied = publisher.apply(REFERENCE, now);

        // the two memberships taken out are removals, not updates
        assertThat(applied.summary()).isEqualTo(new SyncSummary(1, 0, 2, 2, 0));
        assertThat(applied.summary()).hasToString("created 1, updated 0, removed 2, unchanged 2, failed 0");
        assertThat(plan.summary().toPlanString()).isEqualTo("would create 1, would update 0, would remove 2, unchanged 2");
        assertThat(fx.sim.site().cohortMembers("qip:QIP-BSG:certified:BRONZE"))
                .containsExactlyInAnyOrder("l000001", "l000003", "l000004");
        assertThat(fx.sim.site().cohortMembers("qip:QIP-BSG:certified:GOLD")).isEmpty();
        assertThat(fx.sim.site().count("user")).isEqualTo(2 + 1 + 5);   // guest, admin, integration user, learners
        SyncPlan again = publisher.apply(REFERENCE, now);
        assertThat(again.isEmpty()).isTrue();
        assertThat(again.writes()).isZero();
    }

    @Test
    void thePlatformPublishesTheAchievedTiersOfProgress() {
        new ProgrammeSync(fx.client, fx.options()).apply(REFERENCE);
        new LearnerSync(fx.client, fx.options()).apply(REFERENCE, LearnerSyncTest.learners(2, 1), Map.of());
        List<LearnerEvent> events = List.of(new LearnerEvent.Completed("L000001", LocalDate.of(2025, 1, 1), "BRZ-ELN"),
                new LearnerEvent.Assessed("L000001", LocalDate.of(2025, 1, 2), "BRZ-QUIZ", 90),
                new LearnerEvent.Completed("L000002", LocalDate.of(2025, 1, 1), "BRZ-ELN"));
        List<Progress> progress = Evaluator.of(REFERENCE).evaluateAll(
                List.copyOf(LearnerRecord.group(List.of(), events).values()), TODAY, 1);

        try (LearningPlatform moodle = Platforms.discover().open("moodle", PlatformSettings.of(fx.sim.url(), fx.sim.token()))) {
            assertThat(moodle.publishOutcomes(REFERENCE, progress, SyncMode.APPLY)).isEqualTo(new SyncSummary(1, 0, 0, 0));
        }
        assertThat(fx.sim.site().cohortMembers("qip:QIP-BSG:certified:BRONZE")).containsExactly("l000001");
    }
}
