package org.qipathways.certification;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.qipathways.certification.internal.CertificatePlanner;
import org.qipathways.programme.Programme;
import org.qipathways.progress.Detail;
import org.qipathways.progress.Evaluator;
import org.qipathways.progress.Progress;
import org.qipathways.record.LearnerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns learners' progress into certificates in a register: issues them for newly achieved tiers,
 * renews them, marks them lapsed, and revokes them, with every action in the register's audit trail.
 *
 * <p>A run is idempotent: run again on the same data it changes nothing. Learners are written in
 * batches, each batch in one transaction, so a run that is killed leaves whole batches behind and a
 * rerun finishes the job. When another run got to a batch first, the batch is read again and planned
 * again, so two runs at once never issue a certificate twice. Renewal issues a new certificate that
 * names the one it continues; the older one stays valid until its own end (docs/certification.md).
 * <pre>{@code
 * try (CertificateRegister register = JdbcCertificateRegister.open("jdbc:sqlite:register.db")) {
 *     Certifier certifier = Certifier.of(Programme.reference(), register, Clock.systemUTC(), "qip certify (jsmith)");
 *     CertifyReport report = certifier.certify(records, LocalDate.of(2026, 3, 31));
 *     report.issued();    // certificates for tiers achieved since the last run
 * }
 * }</pre>
 */
public final class Certifier {

    private static final Logger LOG = LoggerFactory.getLogger(Certifier.class);

    /**
     * Learners written per transaction unless {@link #withBatchSize(int)} says otherwise. Every commit
     * waits for the disk (SQLite syncs its log), so a certify run of 50,000 learners made 250 of them
     * at 200 per batch; at 1,000, 50. A run killed half way loses at most one batch's work, which the
     * rerun does again.
     */
    public static final int DEFAULT_BATCH_SIZE = 1_000;

    /** How often one batch is planned again after conflicts before the run gives up. */
    static final int MAX_ATTEMPTS = 10;

    private final Programme programme;
    private final Evaluator evaluator;
    private final CertificateRegister register;
    private final Clock clock;
    private final String actor;
    private final int batchSize;

    private Certifier(Programme programme, Evaluator evaluator, CertificateRegister register, Clock clock, String actor, int batchSize) {
        this.programme = programme;
        this.evaluator = evaluator;
        this.register = register;
        this.clock = clock;
        this.actor = actor;
        this.batchSize = batchSize;
    }

    /**
     * A certifier for {@code programme} writing to {@code register}.
     *
     * @param clock gives the time written as issued-at and in the audit trail
     * @param actor who runs it, as the audit trail names them, e.g. {@code "qip certify (jsmith)"}
     */
    public static Certifier of(Programme programme, CertificateRegister register, Clock clock, String actor) {
        Objects.requireNonNull(programme, "programme");
        return new Certifier(programme, Evaluator.of(programme), Objects.requireNonNull(register, "register"),
                Objects.requireNonNull(clock, "clock"), Certificate.requireText(actor, "actor"), DEFAULT_BATCH_SIZE);
    }

    /** This certifier writing {@code learners} learners per transaction. */
    public Certifier withBatchSize(int learners) {
        if (learners < 1) {
            throw new IllegalArgumentException("batch size " + learners + " must be 1 or more");
        }
        return new Certifier(programme, evaluator, register, clock, actor, learners);
    }

    /** Brings the register in line with the learners' progress as of {@code asOf}. */
    public CertifyReport certify(Collection<LearnerRecord> records, LocalDate asOf) {
        Objects.requireNonNull(asOf, "asOf");
        List<LearnerRecord> list = List.copyOf(records);
        // The planner reads statuses, dates, periods and what is missing, never the requirement trees.
        List<Progress> progress = new ArrayList<>(list.size());
        evaluator.evaluateEach(list.iterator(), asOf, Runtime.getRuntime().availableProcessors(), Detail.UNMET, progress::add);
        // Whole seconds: the time is printed on certificates, where nanoseconds are noise.
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        CertificatePlanner planner = new CertificatePlanner(programme, now, actor);

        Map<String, List<Certificate>> onRecord = byLearner(register.certificates(programme.code()));
        CertificatePlanner.Plan total = new CertificatePlanner.Plan();
        int retries = 0;
        for (int from = 0; from < list.size(); from += batchSize) {
            int to = Math.min(list.size(), from + batchSize);
            for (int attempt = 1; ; attempt++) {
                CertificatePlanner.Plan plan = new CertificatePlanner.Plan();
                for (int i = from; i < to; i++) {
                    LearnerRecord r = list.get(i);
                    planner.plan(progress.get(i), r, onRecord.getOrDefault(r.learnerId(), List.of()), plan);
                }
                try {
                    if (!plan.writesNothing()) {
                        register.apply(new RegisterUpdate(plan.issued, plan.changes, plan.audit));
                    }
                    add(total, plan);
                    break;
                } catch (RegisterConflictException e) {
                    if (attempt == MAX_ATTEMPTS) {
                        throw e;
                    }
                    retries++;
                    LOG.debug("learners {}-{}: another writer changed the register ({}); reading it again", from, to - 1, e.getMessage());
                    List<String> ids = new ArrayList<>(to - from);
                    for (int i = from; i < to; i++) {
                        ids.add(list.get(i).learnerId());
                        onRecord.remove(list.get(i).learnerId());
                    }
                    onRecord.putAll(byLearner(register.certificates(programme.code(), ids)));
                }
            }
        }
        CertifyReport report = new CertifyReport(asOf, list.size(), total.newlyIssued, total.renewed, total.lapsed,
                total.expired, total.revoked, total.unchanged, retries, total.issued, total.warnings);
        LOG.info("certified {} learners as of {}: issued {}, renewed {}, lapsed {}, expired {}, revoked {}, unchanged {}",
                report.learners(), asOf, report.issued(), report.renewed(), report.lapsed(), report.expired(),
                report.revoked(), report.unchanged());
        return report;
    }

    /**
     * Revokes a certificate on request, and with it every other certificate of the same learner's tier
     * that is not revoked yet: revocation is final, and later certify runs issue nothing more for that
     * tier. To revoke the tiers that need it too, record a {@code revoked} event instead.
     *
     * @param on     the day the revocation takes effect
     * @param reason why, in words (required)
     * @param actor  who asks (required)
     * @return the certificates revoked now; empty when the certificate was already revoked
     * @throws java.util.NoSuchElementException when the register has no such certificate
     */
    public List<Certificate> revoke(CertificateId id, LocalDate on, String reason, String actor) {
        Objects.requireNonNull(on, "on");
        Certificate.requireText(reason, "reason");
        Certificate.requireText(actor, "actor");
        for (int attempt = 1; ; attempt++) {
            Certificate target = register.find(id).orElseThrow(
                    () -> new java.util.NoSuchElementException("no certificate " + id + " in the register"));
            if (target.status() == CertificateStatus.REVOKED) {
                return List.of();
            }
            Instant now = clock.instant();
            List<StatusChange> changes = new ArrayList<>();
            List<AuditEntry> audit = new ArrayList<>();
            List<Certificate> revoked = new ArrayList<>();
            for (Certificate c : register.certificates(target.programmeCode(), List.of(target.learnerId()))) {
                if (c.tier().equals(target.tier()) && c.status() != CertificateStatus.REVOKED) {
                    String why = c.id().equals(id) ? reason : reason + " (revoked with " + id + ")";
                    changes.add(new StatusChange(c.id(), c.status(), CertificateStatus.REVOKED, on, why, actor));
                    audit.add(new AuditEntry(now, actor, AuditAction.REVOKED, c.id(), why));
                    revoked.add(c.withStatus(CertificateStatus.REVOKED, on, why, actor));
                }
            }
            try {
                register.apply(new RegisterUpdate(List.of(), changes, audit));
                return revoked;
            } catch (RegisterConflictException e) {
                if (attempt == MAX_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private static void add(CertificatePlanner.Plan total, CertificatePlanner.Plan plan) {
        total.issued.addAll(plan.issued);
        total.warnings.addAll(plan.warnings);
        total.newlyIssued += plan.newlyIssued;
        total.renewed += plan.renewed;
        total.lapsed += plan.lapsed;
        total.expired += plan.expired;
        total.revoked += plan.revoked;
        total.unchanged += plan.unchanged;
    }

    private static Map<String, List<Certificate>> byLearner(List<Certificate> certificates) {
        Map<String, List<Certificate>> map = new HashMap<>();
        for (Certificate c : certificates) {
            map.computeIfAbsent(c.learnerId(), k -> new ArrayList<>()).add(c);
        }
        return map;
    }
}
