package org.qipathways.certification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qipathways.certification.jdbc.JdbcCertificateRegister;
import org.qipathways.programme.Programme;
import org.qipathways.progress.Evaluator;
import org.qipathways.progress.TierProgress;
import org.qipathways.record.LearnerRecord;

/**
 * What a certify run does to a register, on every database the register supports: issue, renew
 * (before expiry and after a lapse), lapse, revoke, rerun, two runs at once, a run that dies midway.
 */
abstract class CertifierContract {

    static final Programme PROGRAMME = Programme.reference();

    Database db;
    JdbcCertificateRegister register;

    abstract Database newDatabase();

    @BeforeEach
    void openRegister() {
        db = newDatabase();
        register = db.open();
    }

    @AfterEach
    void closeRegister() {
        if (register != null) {
            register.close();
        }
        if (db != null) {
            db.close();
        }
    }

    static Clock at(String instant) {
        return Clock.fixed(Instant.parse(instant), ZoneOffset.UTC);
    }

    Certifier certifier(String instant) {
        return Certifier.of(PROGRAMME, register, at(instant), "test run");
    }

    static LocalDate day(String text) {
        return LocalDate.parse(text);
    }

    private Certificate only(String learner, String tier) {
        List<Certificate> found = register.certificates(PROGRAMME.code(), List.of(learner)).stream()
                .filter(c -> c.tier().equals(tier)).toList();
        assertThat(found).as("certificates of %s for %s", learner, tier).hasSize(1);
        return found.get(0);
    }

    private List<Certificate> line(String learner, String tier) {
        return register.certificates(PROGRAMME.code(), List.of(learner)).stream().filter(c -> c.tier().equals(tier)).toList();
    }

    @Test
    void issuesOneCertificatePerTierHeldWithTheEvidenceItRestsOn() {
        LearnerRecord l1 = Events.record("L1", "2024-01-10 completed BRZ-ELN", "2024-01-11 assessed BRZ-QUIZ 72",
                "2024-01-12 assessed BRZ-QUIZ 85", "2024-02-01 attended SLV-IND participant", "2024-04-30 evidence SLV-PLAN approved",
                "2024-06-01 attended GLD-TTT-1 participant");
        LearnerRecord l2 = Events.record("L2", "2024-01-10 completed BRZ-ELN");

        CertifyReport report = certifier("2025-01-02T09:00:00Z").certify(List.of(l1, l2), day("2025-01-01"));

        assertThat(report.issued()).isEqualTo(2);
        assertThat(report.renewed() + report.lapsed() + report.expired() + report.revoked() + report.unchanged()).isZero();
        Certificate bronze = only("L1", "BRONZE");
        assertThat(bronze.id()).isEqualTo(CertificateId.derive(PROGRAMME.code(), "BRONZE", "L1", day("2024-01-12")));
        assertThat(bronze.achievedOn()).isEqualTo(day("2024-01-12"));
        assertThat(bronze.validFrom()).isEqualTo(day("2024-01-12"));
        assertThat(bronze.validUntil()).isNull();
        assertThat(bronze.programmeVersion()).isEqualTo(PROGRAMME.version());
        assertThat(bronze.issuedAt()).isEqualTo(Instant.parse("2025-01-02T09:00:00Z"));
        assertThat(bronze.status()).isEqualTo(CertificateStatus.VALID);
        assertThat(bronze.supersedes()).isNull();
        // The digest covers the learner's events up to the achievement, and nothing after it.
        assertThat(bronze.evidenceDigest()).isEqualTo(EvidenceDigest.of(PROGRAMME.code(), PROGRAMME.version(), "BRONZE", l1, day("2024-01-12")))
                .isNotEqualTo(EvidenceDigest.of(PROGRAMME.code(), PROGRAMME.version(), "BRONZE", l1, day("2024-01-11")));
        assertThat(EvidenceDigest.text(PROGRAMME.code(), PROGRAMME.version(), "BRONZE", l1, day("2024-01-12"))).isEqualTo("""
                qipathways evidence v1
                programme: QIP-BSG
                version: 2025.1
                tier: BRONZE
                learner: L1
                through: 2024-01-12
                learner_id,date,type,item,result
                L1,2024-01-10,completed,BRZ-ELN,
                L1,2024-01-11,assessed,BRZ-QUIZ,72
                L1,2024-01-12,assessed,BRZ-QUIZ,85
                """);
        assertThat(only("L1", "SILVER").validFrom()).isEqualTo(day("2024-04-30"));
        assertThat(register.certificates(PROGRAMME.code(), List.of("L2"))).isEmpty();
        assertThat(register.auditTrail(bronze.id())).singleElement().satisfies(a -> {
            assertThat(a.action()).isEqualTo(AuditAction.ISSUED);
            assertThat(a.actor()).isEqualTo("test run");
            assertThat(a.at()).isEqualTo(Instant.parse("2025-01-02T09:00:00Z"));
            assertThat(a.reason()).isEqualTo("Bronze achieved on 2024-01-12; evidence " + bronze.evidenceDigest());
        });
        assertThat(report.newCertificates()).extracting(Certificate::tier).containsExactly("BRONZE", "SILVER");
    }

    @Test
    void aRerunOnTheSameDataChangesNothing() {
        List<LearnerRecord> records = List.of(Events.record("G", Events.GOLD_2022), Events.record("B", Events.bronze("2023-05-05")));
        CertifyReport first = certifier("2025-01-02T09:00:00Z").certify(records, day("2023-06-01"));
        List<Certificate> before = register.certificates(PROGRAMME.code());
        List<AuditEntry> auditBefore = register.auditTrail();

        CertifyReport again = certifier("2025-01-09T09:00:00Z").certify(records, day("2023-06-01"));

        assertThat(first.issued()).isEqualTo(4);
        assertThat(again.changedAnything()).isFalse();
        assertThat(again.unchanged()).isEqualTo(4);
        assertThat(again.newCertificates()).isEmpty();
        assertThat(register.certificates(PROGRAMME.code())).isEqualTo(before);
        assertThat(register.auditTrail()).isEqualTo(auditBefore);
    }

    @Test
    void renewalBeforeExpiryIssuesACertificateThatContinuesTheOldOne() {
        LearnerRecord g = Events.record("G", Events.concat(Events.GOLD_2022,
                "2024-03-01 attended SLV-IND facilitator", "2024-07-01 attended SLV-TEAM-2 facilitator"));
        TierProgress gold = Evaluator.of(PROGRAMME).evaluate(g, day("2024-08-01")).tier("GOLD");
        assertThat(gold.periods()).singleElement().satisfies(p -> assertThat(p.renewals()).containsExactly(day("2024-07-01")));

        certifier("2023-01-01T00:00:00Z").certify(List.of(g), day("2023-01-01"));
        Certificate first = only("G", "GOLD");
        assertThat(first.validFrom()).isEqualTo(day("2022-09-01"));
        assertThat(first.validUntil()).isEqualTo(day("2024-09-01"));

        CertifyReport renewal = certifier("2024-08-01T00:00:00Z").certify(List.of(g), day("2024-08-01"));
        assertThat(renewal.renewed()).isEqualTo(1);
        assertThat(renewal.issued()).isZero();
        List<Certificate> line = line("G", "GOLD");
        assertThat(line).hasSize(2);
        Certificate second = line.get(1);
        assertThat(second.supersedes()).isEqualTo(first.id());
        assertThat(second.achievedOn()).isEqualTo(day("2022-09-01"));
        assertThat(second.validFrom()).isEqualTo(day("2024-07-01"));
        assertThat(second.validUntil()).isEqualTo(day("2026-09-01"));
        assertThat(line.get(0).status()).as("the old one stays valid until its end").isEqualTo(CertificateStatus.VALID);
        assertThat(register.auditTrail(second.id())).singleElement()
                .satisfies(a -> assertThat(a.action()).isEqualTo(AuditAction.RENEWED))
                .satisfies(a -> assertThat(a.reason()).startsWith("Gold renewed on 2024-07-01, valid until 2026-09-01; continues " + first.id()));

        CertifyReport afterEnd = certifier("2024-09-05T00:00:00Z").certify(List.of(g), day("2024-09-05"));
        assertThat(afterEnd.expired()).isEqualTo(1);
        assertThat(afterEnd.lapsed()).isZero();
        Certificate ended = register.find(first.id()).orElseThrow();
        assertThat(ended.status()).isEqualTo(CertificateStatus.EXPIRED);
        assertThat(ended.statusOn()).isEqualTo(day("2024-09-02"));
        assertThat(register.auditTrail(first.id())).extracting(AuditEntry::action).containsExactly(AuditAction.ISSUED, AuditAction.EXPIRED);
        assertThat(register.find(second.id()).orElseThrow().status()).isEqualTo(CertificateStatus.VALID);
    }

    @Test
    void aTierThatIsNotRenewedLapsesAndIsRenewedWhenRegained() {
        LearnerRecord g = Events.record("G", Events.concat(Events.GOLD_2022,
                "2025-01-10 attended SLV-IND facilitator", "2025-02-10 attended SLV-TEAM-3 facilitator"));
        certifier("2023-01-01T00:00:00Z").certify(List.of(g), day("2023-01-01"));
        Certificate first = only("G", "GOLD");

        CertifyReport lapse = certifier("2024-10-01T00:00:00Z").certify(List.of(g), day("2024-10-01"));
        assertThat(lapse.lapsed()).isEqualTo(1);
        Certificate lapsed = register.find(first.id()).orElseThrow();
        assertThat(lapsed.status()).isEqualTo(CertificateStatus.EXPIRED);
        assertThat(lapsed.statusOn()).isEqualTo(day("2024-09-02"));
        assertThat(lapsed.statusReason()).isEqualTo("Gold valid until 2024-09-01 and not renewed by then");
        assertThat(register.auditTrail(first.id()).get(1).action()).isEqualTo(AuditAction.LAPSED);

        CertifyReport regain = certifier("2025-03-01T00:00:00Z").certify(List.of(g), day("2025-03-01"));
        assertThat(regain.renewed()).isEqualTo(1);
        assertThat(regain.unchanged()).isEqualTo(3); // Bronze, Silver and the lapsed Gold
        Certificate second = line("G", "GOLD").get(1);
        assertThat(second.supersedes()).isEqualTo(first.id());
        assertThat(second.validFrom()).isEqualTo(day("2025-02-10"));
        assertThat(second.validUntil()).isEqualTo(day("2027-02-10"));
        assertThat(register.auditTrail(second.id()).get(0).reason()).startsWith("Gold regained after a lapse on 2025-02-10");
    }

    @Test
    void aRunAfterBothLapseAndRegainMarksTheOldOneLapsed() {
        LearnerRecord g = Events.record("G", Events.concat(Events.GOLD_2022,
                "2025-01-10 attended SLV-IND facilitator", "2025-02-10 attended SLV-TEAM-3 facilitator"));
        certifier("2023-01-01T00:00:00Z").certify(List.of(g), day("2023-01-01"));

        CertifyReport later = certifier("2025-03-01T00:00:00Z").certify(List.of(g), day("2025-03-01"));

        assertThat(later.renewed()).isEqualTo(1);
        assertThat(later.lapsed()).as("there was a gap between the two").isEqualTo(1);
        assertThat(line("G", "GOLD").get(0).statusReason()).isEqualTo(
                "Gold valid until 2024-09-01 and not renewed by then; regained on 2025-02-10 as " + line("G", "GOLD").get(1).id());
    }

    @Test
    void aRevokedEventRevokesTheTierAndTheTiersThatNeedIt() {
        String[] silver = {"2024-01-10 completed BRZ-ELN", "2024-01-12 assessed BRZ-QUIZ 85",
                "2024-02-01 attended SLV-IND participant", "2024-04-30 evidence SLV-PLAN approved"};
        certifier("2024-06-01T00:00:00Z").certify(List.of(Events.record("L1", silver)), day("2024-06-01"));

        LearnerRecord revoked = Events.record("L1", Events.concat(silver, "2025-01-01 revoked BRONZE quiz taken by someone else"));
        CertifyReport report = certifier("2025-02-01T00:00:00Z").certify(List.of(revoked), day("2025-02-01"));

        assertThat(report.revoked()).isEqualTo(2);
        Certificate bronze = only("L1", "BRONZE");
        assertThat(bronze.status()).isEqualTo(CertificateStatus.REVOKED);
        assertThat(bronze.statusOn()).isEqualTo(day("2025-01-01"));
        assertThat(bronze.statusReason()).isEqualTo("Bronze revoked on 2025-01-01: quiz taken by someone else");
        assertThat(bronze.statusActor()).isEqualTo("test run");
        Certificate silverCert = only("L1", "SILVER");
        assertThat(silverCert.status()).isEqualTo(CertificateStatus.REVOKED);
        assertThat(silverCert.statusOn()).isEqualTo(day("2025-01-01"));
        assertThat(silverCert.statusReason()).startsWith("Silver no longer held: ").contains("Bronze").contains("2025-01-01");

        CertifyReport again = certifier("2025-03-01T00:00:00Z").certify(List.of(revoked), day("2025-03-01"));
        assertThat(again.changedAnything()).isFalse();
    }

    @Test
    void revocationOnRequestIsRecordedWithActorAndReasonAndIsFinal() {
        LearnerRecord g = Events.record("G", Events.concat(Events.GOLD_2022,
                "2024-03-01 attended SLV-IND facilitator", "2024-07-01 attended SLV-TEAM-2 facilitator"));
        certifier("2023-01-01T00:00:00Z").certify(List.of(g), day("2023-01-01"));
        certifier("2024-08-01T00:00:00Z").certify(List.of(g), day("2024-08-01"));
        List<Certificate> gold = line("G", "GOLD");

        List<Certificate> revoked = certifier("2024-08-02T10:00:00Z").revoke(gold.get(1).id(), day("2024-08-02"),
                "project report plagiarised", "academy lead (A. Jones)");

        assertThat(revoked).extracting(Certificate::id).containsExactlyInAnyOrder(gold.get(0).id(), gold.get(1).id());
        Certificate r = register.find(gold.get(1).id()).orElseThrow();
        assertThat(r.status()).isEqualTo(CertificateStatus.REVOKED);
        assertThat(r.statusActor()).isEqualTo("academy lead (A. Jones)");
        assertThat(r.statusReason()).isEqualTo("project report plagiarised");
        assertThat(register.auditTrail(r.id())).last().satisfies(a -> {
            assertThat(a.action()).isEqualTo(AuditAction.REVOKED);
            assertThat(a.actor()).isEqualTo("academy lead (A. Jones)");
            assertThat(a.at()).isEqualTo(Instant.parse("2024-08-02T10:00:00Z"));
        });
        assertThat(certifier("2024-08-03T00:00:00Z").revoke(r.id(), day("2024-08-03"), "again", "someone")).isEmpty();

        // Later runs issue nothing more for the tier, even with fresh renewal evidence.
        LearnerRecord more = Events.record("G", Events.concat(Events.GOLD_2022, "2024-03-01 attended SLV-IND facilitator",
                "2024-07-01 attended SLV-TEAM-2 facilitator", "2026-06-01 attended SLV-IND facilitator",
                "2026-07-01 attended SLV-IND facilitator"));
        CertifyReport later = certifier("2026-08-01T00:00:00Z").certify(List.of(more), day("2026-08-01"));
        assertThat(later.changedAnything()).isFalse();
        assertThat(line("G", "GOLD")).hasSize(2);
    }

    @Test
    void anUpdateThatMeetsAnotherWritersWorkIsAConflictAndWritesNothing() {
        certifier("2024-06-01T00:00:00Z").certify(List.of(Events.record("B", Events.bronze("2024-05-05"))), day("2024-06-01"));
        Certificate existing = register.certificates(PROGRAMME.code()).get(0);
        Certificate fresh = Certificate.issue(CertificateId.derive(PROGRAMME.code(), "BRONZE", "C", day("2024-05-05")), "C",
                PROGRAMME.code(), PROGRAMME.version(), "BRONZE", day("2024-05-05"), day("2024-05-05"), null,
                Instant.parse("2024-06-01T00:00:00Z"), null, existing.evidenceDigest());
        AuditEntry entry = new AuditEntry(Instant.parse("2024-06-01T00:00:00Z"), "other run", AuditAction.ISSUED, fresh.id(), "test");
        // the same certificate again (by id, and by learner, tier and validFrom under another id), after a new one
        Certificate sameTerm = Certificate.issue(CertificateId.derive("X", "Y", "Z", day("2024-01-01")), "B", PROGRAMME.code(),
                PROGRAMME.version(), "BRONZE", existing.achievedOn(), existing.validFrom(), null, existing.issuedAt(), null,
                existing.evidenceDigest());
        for (Certificate duplicate : List.of(existing, sameTerm)) {
            assertThatThrownBy(() -> register.apply(new RegisterUpdate(List.of(fresh, duplicate), List.of(), List.of(entry))))
                    .isInstanceOf(RegisterConflictException.class);
            assertThat(register.find(fresh.id())).as("nothing of the update was written").isEmpty();
        }
        // a status change from a status the certificate no longer has
        StatusChange stale = new StatusChange(existing.id(), CertificateStatus.EXPIRED, CertificateStatus.REVOKED,
                day("2024-07-01"), "too late", "other run");
        assertThatThrownBy(() -> register.apply(new RegisterUpdate(List.of(fresh), List.of(stale), List.of(entry))))
                .isInstanceOf(RegisterConflictException.class).hasMessageContaining("no longer EXPIRED");
        assertThat(register.find(fresh.id())).isEmpty();
        assertThat(register.auditTrail()).hasSize(1);
    }

    @Test
    void theAuditTrailCannotBeChangedOrDeleted() throws SQLException {
        certifier("2024-06-01T00:00:00Z").certify(List.of(Events.record("B", Events.bronze("2024-05-05"))), day("2024-06-01"));
        try (Connection c = java.sql.DriverManager.getConnection(db.url()); Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.executeUpdate("UPDATE audit SET reason = 'nothing to see'"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
            assertThatThrownBy(() -> s.executeUpdate("DELETE FROM audit")).isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> s.executeUpdate("DELETE FROM certificate")).isInstanceOf(SQLException.class);
        }
        assertThat(register.auditTrail()).hasSize(1);
    }

    @Test
    void reopeningARegisterKeepsItsSchemaAndItsCertificates() {
        certifier("2024-06-01T00:00:00Z").certify(List.of(Events.record("B", Events.bronze("2024-05-05"))), day("2024-06-01"));
        assertThat(register.schemaVersion()).isEqualTo(2);
        try (JdbcCertificateRegister again = db.open()) {
            assertThat(again.schemaVersion()).isEqualTo(2);
            assertThat(again.certificates(PROGRAMME.code())).isEqualTo(register.certificates(PROGRAMME.code()));
        }
    }

    @Test
    void registerRefusesASchemaNewerThanItKnows() throws SQLException {
        try (Connection c = java.sql.DriverManager.getConnection(db.url()); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO schema_version (version, description) VALUES (99, 'from the future')");
        }
        assertThatThrownBy(db::open).isInstanceOf(RegisterException.class)
                .hasMessageContaining("schema version 99").hasMessageContaining("upgrade");
    }

    // ---- the status list ---------------------------------------------------------------------

    static final String LIST = "https://academy.example.org/status/list.jwt";

    List<CertificateId> certifyRegion() {
        certifier("2024-10-01T00:00:00Z").certify(region(), day("2024-10-01"));
        return register.certificates(PROGRAMME.code()).stream().map(Certificate::id).toList();
    }

    @Test
    void eachCertificateGetsOneRandomPlaceInTheStatusListThatNeverChanges() {
        List<CertificateId> ids = certifyRegion();
        assertThatThrownBy(() -> register.statusIndexes(ids)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no status list URL").hasMessageContaining("--status-list-url");
        assertThat(register.statusListUrl()).isEmpty();
        register.setStatusListUrl(LIST);
        register.setStatusListUrl(LIST);
        assertThat(register.statusListUrl()).contains(LIST);

        java.util.Map<CertificateId, Integer> first = register.statusIndexes(ids.subList(0, 40));
        assertThat(first).hasSize(40);
        assertThat(first.values()).doesNotHaveDuplicates().allSatisfy(i -> assertThat(i).isBetween(0, StatusList.MIN_LENGTH - 1));
        assertThat(first.keySet()).containsExactlyElementsOf(ids.subList(0, 40));
        // random places: not the order of issue (forty in a row from 0 would be a one-in-astronomical chance)
        assertThat(first.values()).isNotEqualTo(java.util.stream.IntStream.range(0, 40).boxed().toList());

        java.util.Map<CertificateId, Integer> all = register.statusIndexes(ids);
        assertThat(all).hasSize(ids.size()).containsAllEntriesOf(first);
        assertThat(all.values()).doesNotHaveDuplicates();
        try (JdbcCertificateRegister again = db.open()) {
            assertThat(again.statusIndexes(ids)).isEqualTo(all);
            assertThat(again.statusEntries()).hasSize(ids.size())
                    .isSortedAccordingTo(java.util.Comparator.comparingInt(StatusEntry::index));
            StatusEntry one = again.statusEntries().get(0);
            assertThat(again.statusEntry(one.index())).contains(one);
            assertThat(one.certificate()).isEqualTo(again.find(one.certificate().id()).orElseThrow());
        }
        int free = java.util.stream.IntStream.range(0, StatusList.MIN_LENGTH).filter(i -> !all.containsValue(i)).findFirst().orElseThrow();
        assertThat(register.statusEntry(free)).isEmpty();
    }

    @Test
    void theStatusListUrlIsSetOnceAndMustBeAUrl() {
        assertThatThrownBy(() -> register.setStatusListUrl("status.jwt")).hasMessageContaining("http or https");
        assertThatThrownBy(() -> register.setStatusListUrl(LIST + "#1")).hasMessageContaining("fragment");
        register.setStatusListUrl(LIST);
        assertThatThrownBy(() -> register.setStatusListUrl("https://elsewhere.example.org/list.jwt"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("publishes its status list at " + LIST).hasMessageContaining("handed out");
    }

    @Test
    void aPlaceForACertificateTheRegisterDoesNotHaveIsRefusedWithNothingWritten() {
        List<CertificateId> ids = certifyRegion();
        register.setStatusListUrl(LIST);
        CertificateId stranger = CertificateId.derive("X", "Y", "Z", day("2024-01-01"));
        assertThatThrownBy(() -> register.statusIndexes(List.of(ids.get(0), stranger))).isInstanceOf(RegisterException.class)
                .hasMessageContaining("nothing was written");
        assertThat(register.statusEntries()).isEmpty();
    }

    @Test
    void statusListPlacesCannotBeChangedOrDeleted() throws SQLException {
        List<CertificateId> ids = certifyRegion();
        register.setStatusListUrl(LIST);
        register.statusIndexes(ids.subList(0, 3));
        try (Connection c = java.sql.DriverManager.getConnection(db.url()); Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.executeUpdate("UPDATE status_entry SET status_index = status_index + 1"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
            assertThatThrownBy(() -> s.executeUpdate("DELETE FROM status_entry")).isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> s.executeUpdate("UPDATE status_list SET url = 'https://x.example/'")).isInstanceOf(SQLException.class);
        }
        assertThat(register.statusEntries()).hasSize(3);
    }

    @Test
    void twoRunsAtOnceGiveEveryCertificateExactlyOnePlace() throws Exception {
        List<CertificateId> ids = certifyRegion();
        register.setStatusListUrl(LIST);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<JdbcCertificateRegister> registers = List.of(db.open(), db.open());
        try {
            List<Future<java.util.Map<CertificateId, Integer>>> runs = new ArrayList<>();
            for (JdbcCertificateRegister r : registers) {
                runs.add(pool.submit(() -> {
                    start.await();
                    return r.statusIndexes(ids);
                }));
            }
            start.countDown();
            java.util.Map<CertificateId, Integer> a = runs.get(0).get(120, TimeUnit.SECONDS);
            java.util.Map<CertificateId, Integer> b = runs.get(1).get(120, TimeUnit.SECONDS);
            assertThat(a).isEqualTo(b).hasSize(ids.size());
            assertThat(register.statusEntries()).hasSize(ids.size());
            assertThat(a.values()).doesNotHaveDuplicates();
        } finally {
            pool.shutdownNow();
            registers.forEach(JdbcCertificateRegister::close);
        }
    }

    @Test
    void theListDoublesBeforeItIsHalfFull() {
        // 131,072 places hold 65,536 certificates before the list doubles: too many for a unit test, so
        // the rule is checked where it is decided, in the status list built from the register's places
        StatusEntry far = new StatusEntry(Certificate.issue(CertificateId.derive("X", "Y", "Z", day("2024-01-01")), "Z", "X", "1",
                "Y", day("2024-01-01"), day("2024-01-01"), null, Instant.parse("2024-01-02T00:00:00Z"), null, "sha256:" + "0".repeat(64)),
                StatusList.MIN_LENGTH + 5);
        assertThat(StatusList.of(List.of(far), day("2024-01-01")).length()).isEqualTo(2L * StatusList.MIN_LENGTH);
    }

    @Test
    void aRegisterOfTheFirstSchemaIsUpgradedWithItsCertificatesKept() throws SQLException {
        try (Database old = newDatabase()) {
            try (Connection c = java.sql.DriverManager.getConnection(old.url())) {
                org.qipathways.certification.jdbc.RegisterSchemas.createAtVersion(c, 1);
                try (Statement s = c.createStatement()) {
                    s.executeUpdate("INSERT INTO certificate (id, programme_code, programme_version, tier, learner_id, achieved_on,"
                            + " valid_from, issued_at, evidence_digest, status) VALUES ('" + CertificateId.derive(PROGRAMME.code(),
                            "BRONZE", "OLD", day("2024-01-12")).value() + "', 'QIP-BSG', '2025.1', 'BRONZE', 'OLD', '2024-01-12',"
                            + " '2024-01-12', '2024-02-01T00:00:00Z', 'sha256:" + "ab".repeat(32) + "', 'VALID')");
                }
            }
            try (JdbcCertificateRegister reader = JdbcCertificateRegister.openForReading(old.url())) {
                assertThat(reader.schemaVersion()).as("reading upgrades nothing").isEqualTo(1);
                assertThat(reader.certificates(PROGRAMME.code())).hasSize(1);
                assertThat(reader.statusEntries()).isEmpty();
                assertThat(reader.statusListUrl()).isEmpty();
                assertThat(reader.statusEntry(0)).isEmpty();
            }
            try (JdbcCertificateRegister upgraded = old.open()) {
                assertThat(upgraded.schemaVersion()).isEqualTo(2);
                Certificate kept = upgraded.certificates(PROGRAMME.code()).get(0);
                assertThat(kept.learnerId()).isEqualTo("OLD");
                upgraded.setStatusListUrl(LIST);
                assertThat(upgraded.statusIndexes(List.of(kept.id()))).containsOnlyKeys(kept.id());
            }
        }
    }

    @Test
    void aRegisterOpenedForReadingReadsAndWritesNothing() {
        List<CertificateId> ids = certifyRegion();
        register.setStatusListUrl(LIST);
        register.statusIndexes(ids.subList(0, 2));
        try (JdbcCertificateRegister reader = JdbcCertificateRegister.openForReading(db.url())) {
            assertThat(reader.certificates(PROGRAMME.code())).isEqualTo(register.certificates(PROGRAMME.code()));
            assertThat(reader.statusEntries()).isEqualTo(register.statusEntries());
            assertThat(reader.statusIndexes(ids.subList(0, 2))).isEqualTo(register.statusIndexes(ids.subList(0, 2)));
            assertThatThrownBy(() -> reader.statusIndexes(ids.subList(2, 3))).isInstanceOf(RegisterException.class)
                    .hasMessageContaining("opened for reading");
            assertThatThrownBy(() -> Certifier.of(PROGRAMME, reader, at("2025-06-01T00:00:00Z"), "reader")
                    .revoke(ids.get(0), day("2025-06-01"), "x", "y")).isInstanceOf(RegisterException.class)
                    .hasMessageContaining("opened for reading");
            assertThatThrownBy(() -> reader.addIssuerKey("sha256:x", "pem")).hasMessageContaining("opened for reading");
        }
        assertThat(register.find(ids.get(0)).orElseThrow().status()).isEqualTo(CertificateStatus.VALID);
    }

    /** 120 learners: Bronze only, Silver, Gold, Gold renewed, Gold lapsed, revoked Bronze. */
    static List<LearnerRecord> region() {
        List<LearnerRecord> out = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            String id = String.format("L%04d", i);
            String[] events = switch (i % 6) {
                case 0 -> Events.bronze("2023-0" + (1 + i % 9) + "-1" + (i % 10));
                case 1 -> Events.concat(Events.bronze("2023-02-01"), "2023-03-01 attended SLV-IND participant",
                        "2023-04-0" + (1 + i % 9) + " evidence SLV-PLAN approved");
                case 2 -> Events.GOLD_2022;
                case 3 -> Events.concat(Events.GOLD_2022, "2024-03-01 attended SLV-IND facilitator",
                        "2024-07-1" + (i % 10) + " attended SLV-TEAM-2 facilitator");
                case 4 -> Events.concat(Events.GOLD_2022, "2025-01-10 attended SLV-IND facilitator");
                default -> Events.concat(Events.bronze("2023-02-02"), "2024-0" + (1 + i % 9) + "-01 revoked BRONZE withdrawn");
            };
            out.add(Events.record(id, events));
        }
        return out;
    }

    @Test
    void twoRunsAtOnceIssueEveryCertificateExactlyOnce() throws Exception {
        List<LearnerRecord> records = region();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<CertifyReport>> runs = new ArrayList<>();
        List<JdbcCertificateRegister> registers = List.of(db.open(), db.open());
        try {
            for (JdbcCertificateRegister r : registers) {
                Certifier c = Certifier.of(PROGRAMME, r, at("2024-10-01T00:00:00Z"), "run " + runs.size()).withBatchSize(7);
                runs.add(pool.submit(() -> {
                    start.await();
                    return c.certify(records, day("2024-10-01"));
                }));
            }
            start.countDown();
            CertifyReport a = runs.get(0).get(120, TimeUnit.SECONDS);
            CertifyReport b = runs.get(1).get(120, TimeUnit.SECONDS);

            List<Certificate> all = register.certificates(PROGRAMME.code());
            assertThat(a.issued() + a.renewed() + b.issued() + b.renewed()).isEqualTo(all.size());
            assertThat(all).extracting(c -> c.learnerId() + "/" + c.tier() + "/" + c.validFrom()).doesNotHaveDuplicates();
            List<AuditEntry> audit = register.auditTrail();
            assertThat(audit.stream().filter(e -> e.action() == AuditAction.ISSUED || e.action() == AuditAction.RENEWED))
                    .hasSize(all.size())
                    .extracting(AuditEntry::certificateId).doesNotHaveDuplicates();

            // The same as one run alone would have left.
            try (Database alone = newDatabase(); JdbcCertificateRegister other = alone.open()) {
                Certifier.of(PROGRAMME, other, at("2024-10-01T00:00:00Z"), "run 0").certify(records, day("2024-10-01"));
                assertThat(all).usingElementComparator((x, y) -> x.sameIssue(y) && x.status() == y.status() ? 0 : 1)
                        .containsExactlyInAnyOrderElementsOf(other.certificates(PROGRAMME.code()));
            }
        } finally {
            pool.shutdownNow();
            registers.forEach(JdbcCertificateRegister::close);
        }
    }

    @Test
    void aRunThatDiesMidwayWritesNoHalfBatchAndARerunFinishesTheJob() {
        List<LearnerRecord> records = region();
        for (int failAt : new int[] {1, 4, 9}) {
            try (Database crashed = newDatabase(); Database clean = newDatabase()) {
                crashed.open().close(); // tables made; the writes counted are the run's own
                AtomicInteger writes = new AtomicInteger();
                try (JdbcCertificateRegister dying = crashed.open(c -> failingAfter(c, writes, failAt))) {
                    assertThatThrownBy(() -> Certifier.of(PROGRAMME, dying, at("2024-10-01T00:00:00Z"), "run")
                            .withBatchSize(9).certify(records, day("2024-10-01")))
                            .isInstanceOf(RegisterException.class).hasMessageContaining("nothing was written");
                }
                try (JdbcCertificateRegister after = crashed.open()) {
                    // Whole batches only: every certificate written has its audit entry, and the reverse.
                    List<Certificate> partial = after.certificates(PROGRAMME.code());
                    if (failAt > 2) {
                        assertThat(partial).as("a batch has two writes: certificates, then audit").isNotEmpty();
                    }
                    assertThat(after.auditTrail()).extracting(AuditEntry::certificateId)
                            .containsExactlyInAnyOrderElementsOf(partial.stream().map(Certificate::id).toList());

                    CertifyReport rerun = Certifier.of(PROGRAMME, after, at("2024-10-01T00:00:00Z"), "run")
                            .withBatchSize(9).certify(records, day("2024-10-01"));
                    assertThat(rerun.unchanged()).isEqualTo(partial.size());
                    try (JdbcCertificateRegister reference = clean.open()) {
                        Certifier.of(PROGRAMME, reference, at("2024-10-01T00:00:00Z"), "run")
                                .withBatchSize(9).certify(records, day("2024-10-01"));
                        assertThat(after.certificates(PROGRAMME.code())).isEqualTo(reference.certificates(PROGRAMME.code()));
                        assertThat(after.auditTrail()).isEqualTo(reference.auditTrail());
                    }
                }
            }
        }
    }

    /** A connection whose statements fail on the {@code n}th write, as a crash in the middle of a transaction would. */
    static Connection failingAfter(Connection real, AtomicInteger writes, int n) {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    Object result = invoke(real, method, args);
                    if (result instanceof PreparedStatement ps) {
                        return Proxy.newProxyInstance(PreparedStatement.class.getClassLoader(),
                                new Class<?>[] {PreparedStatement.class}, (p, m, a) -> {
                                    if ((m.getName().equals("executeBatch") || m.getName().equals("executeUpdate"))
                                            && writes.incrementAndGet() >= n) {
                                        throw new SQLException("simulated crash at write " + writes.get());
                                    }
                                    return invoke(ps, m, a);
                                });
                    }
                    return result;
                });
    }

    private static Object invoke(Object target, java.lang.reflect.Method m, Object[] args) throws Throwable {
        try {
            return m.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
