package org.qipathways.certification;

import java.time.Instant;
import java.util.Objects;

/**
 * One line of the register's append-only audit trail: who did what to which certificate, when and why.
 * <pre>{@code
 * new AuditEntry(clock.instant(), "qip certify (jsmith)", AuditAction.ISSUED, id,
 *         "Bronze achieved on 2024-01-12; evidence sha256:9f2c...")
 * }</pre>
 *
 * @param at            when the action was recorded
 * @param actor         who or what acted (a person, or a certify run on someone's behalf)
 * @param action        what was done
 * @param certificateId the certificate it was done to
 * @param reason        why, in words
 */
public record AuditEntry(Instant at, String actor, AuditAction action, CertificateId certificateId, String reason) {
    public AuditEntry {
        Objects.requireNonNull(at, "at");
        Certificate.requireText(actor, "actor");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(certificateId, "certificateId");
        Certificate.requireText(reason, "reason");
    }
}
