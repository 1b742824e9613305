package org.qipathways.certification.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.qipathways.certification.AuditAction;
import org.qipathways.certification.AuditEntry;
import org.qipathways.certification.Certificate;
import org.qipathways.certification.CertificateId;
import org.qipathways.certification.CertificateStatus;
import org.qipathways.certification.EvidenceDigest;
import org.qipathways.certification.StatusChange;
import org.qipathways.programme.Programme;
import org.qipathways.programme.Tier;
import org.qipathways.progress.Progress;
import org.qipathways.progress.TierProgress;
import org.qipathways.progress.TierStatus;
import org.qipathways.progress.ValidityPeriod;
import org.qipathways.record.LearnerRecord;

/**
 * Decides, for one learner, what the register needs so that it matches the learner's progress: a pure
 * function of (programme, progress, record, certificates on record, as-of date, time, actor), so a
 * rerun on the same data plans nothing and two runs at once plan the same thing.
 */
public final class CertificatePlanner {

    /** What a run decides, added up over learners. */
    public static final class Plan {
        public final List<Certificate> issued = new ArrayList<>();
        public final List<StatusChange> changes = new ArrayList<>();
        public final List<AuditEntry> audit = new ArrayList<>();
        public final List<String> warnings = new ArrayList<>();
        public int newlyIssued;
        public int renewed;
        public int lapsed;
        public int expired;
        public int revoked;
        public int unchanged;

        public boolean writesNothing() {
            return issued.isEmpty() && changes.isEmpty();
        }
    }

    /** One term of validity: from an achievement, renewal or regain to its nominal end. */
    record Term(LocalDate start, LocalDate until, boolean renewal, boolean regain) {
    }

    private final Programme programme;
    private final Instant now;
    private final String actor;

    public CertificatePlanner(Programme programme, Instant now, String actor) {
        this.programme = programme;
        this.now = now;
        this.actor = actor;
    }

    /** Adds to {@code plan} what one learner needs; {@code existing} are the learner's certificates on record. */
    public void plan(Progress progress, LearnerRecord record, List<Certificate> existing, Plan plan) {
        LocalDate asOf = progress.asOf();
        for (TierProgress tp : progress.tiers()) {
            Tier tier = programme.tier(tp.tier()).orElseThrow();
            List<Certificate> line = new ArrayList<>();
            for (Certificate c : existing) {
                if (c.tier().equals(tp.tier())) {
                    line.add(c);
                }
            }
            line.sort(Comparator.comparing(Certificate::validFrom));
            planLine(tier, tp, record, line, asOf, plan);
        }
    }

    private void planLine(Tier tier, TierProgress tp, LearnerRecord record, List<Certificate> line, LocalDate asOf, Plan plan) {
        if (tp.revokedOn() != null) {
            // Revocation in the record is final: every certificate of the tier goes.
            String reason = tier.title() + " revoked on " + tp.revokedOn() + ": " + tp.revocationReason();
            for (Certificate c : line) {
                if (c.status() == CertificateStatus.REVOKED) {
                    plan.unchanged++;
                } else {
                    change(c, CertificateStatus.REVOKED, AuditAction.REVOKED, tp.revokedOn(), reason, plan);
                    plan.revoked++;
                }
            }
            return;
        }
        if (line.stream().anyMatch(c -> c.status() == CertificateStatus.REVOKED)) {
            // Revoked on request: the tier stays closed for this learner, as a revoked event would keep it.
            plan.unchanged += line.size();
            return;
        }

        Term current = currentTerm(tier, tp, asOf);
        Certificate fresh = null;
        if (current != null && line.stream().noneMatch(c -> !c.validFrom().isBefore(current.start()))) {
            Certificate previous = line.isEmpty() ? null : line.get(line.size() - 1);
            CertificateId id = CertificateId.derive(programme.code(), tier.code(), record.learnerId(), current.start());
            String digest = EvidenceDigest.of(programme.code(), programme.version(), tier.code(), record, current.start());
            fresh = Certificate.issue(id, record.learnerId(), programme.code(), programme.version(), tier.code(),
                    tp.achievedOn(), current.start(), current.until(), now, previous == null ? null : previous.id(), digest);
            plan.issued.add(fresh);
            String until = current.until() == null ? "" : ", valid until " + current.until();
            if (previous == null) {
                plan.audit.add(new AuditEntry(now, actor, AuditAction.ISSUED, id,
                        tier.title() + " achieved on " + current.start() + until + "; evidence " + digest));
                plan.newlyIssued++;
            } else {
                String how = current.renewal() ? " renewed on " : current.regain() ? " regained after a lapse on " : " held from ";
                plan.audit.add(new AuditEntry(now, actor, AuditAction.RENEWED, id,
                        tier.title() + how + current.start() + until + "; continues " + previous.id() + "; evidence " + digest));
                plan.renewed++;
            }
        }

        for (int i = 0; i < line.size(); i++) {
            Certificate c = line.get(i);
            if (c.status() != CertificateStatus.VALID) {
                plan.unchanged++;
                continue;
            }
            if (c.expiredOn(asOf)) {
                Certificate successor = i + 1 < line.size() ? line.get(i + 1) : fresh;
                LocalDate end = c.validUntil().plusDays(1);
                if (successor != null && !successor.validFrom().isAfter(end)) {
                    change(c, CertificateStatus.EXPIRED, AuditAction.EXPIRED, end,
                            "valid until " + c.validUntil() + "; continued by " + successor.id(), plan);
                    plan.expired++;
                } else {
                    change(c, CertificateStatus.EXPIRED, AuditAction.LAPSED, end,
                            tier.title() + " valid until " + c.validUntil() + " and not renewed by then"
                                    + (successor == null ? "" : "; regained on " + successor.validFrom() + " as " + successor.id()), plan);
                    plan.lapsed++;
                }
            } else if (!c.validFrom().isAfter(asOf) && tp.status() == TierStatus.IN_PROGRESS && tp.achievedOn() != null) {
                // Achieved, yet not held: a tier it needs was revoked (docs/evaluation.md, Revocation).
                List<ValidityPeriod> periods = tp.periods();
                LocalDate on = periods.isEmpty() || periods.get(periods.size() - 1).until() == null
                        ? asOf : periods.get(periods.size() - 1).until().plusDays(1);
                change(c, CertificateStatus.REVOKED, AuditAction.REVOKED, on,
                        tier.title() + " no longer held: " + String.join("; ", tp.unmet()), plan);
                plan.revoked++;
            } else {
                if (!c.validFrom().isAfter(asOf) && tp.status() != TierStatus.ACHIEVED) {
                    // The record no longer supports a certificate it once did (events removed or
                    // corrected). Revoking on a possibly partial events file would be worse than asking.
                    plan.warnings.add("certificate " + c.id() + " (" + c.learnerId() + ", " + tier.code()
                            + ") is not supported by the record as of " + asOf + " (" + tp.status()
                            + "); left as it is: check the events file, and revoke it if it is wrong");
                }
                plan.unchanged++;
            }
        }
    }

    private void change(Certificate c, CertificateStatus to, AuditAction action, LocalDate on, String reason, Plan plan) {
        plan.changes.add(new StatusChange(c.id(), c.status(), to, on, reason, actor));
        plan.audit.add(new AuditEntry(now, actor, action, c.id(), reason));
    }

    /** The term the learner holds the tier in on {@code asOf}: the latest that started by then; null when not held. */
    static Term currentTerm(Tier tier, TierProgress tp, LocalDate asOf) {
        if (tp.status() != TierStatus.ACHIEVED) {
            return null;
        }
        List<ValidityPeriod> periods = tp.periods();
        for (int p = 0; p < periods.size(); p++) {
            ValidityPeriod period = periods.get(p);
            if (period.from().isAfter(asOf) || period.until() != null && period.until().isBefore(asOf)) {
                continue;
            }
            Period validity = tier.validity();
            LocalDate until = validity == null ? null : period.from().plus(validity);
            Term term = new Term(period.from(), until, false, p > 0);
            for (LocalDate renewal : period.renewals()) {
                if (renewal.isAfter(asOf)) {
                    break;
                }
                until = until.plus(validity);
                term = new Term(renewal, until, true, false);
            }
            return term;
        }
        return null;
    }
}
