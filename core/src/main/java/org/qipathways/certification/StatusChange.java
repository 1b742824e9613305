package org.qipathways.certification;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A change of a certificate's status that a register makes only if the certificate still has the
 * status the change expects, so that two writers never both apply a change.
 * <pre>{@code
 * new StatusChange(id, CertificateStatus.VALID, CertificateStatus.REVOKED, LocalDate.of(2025, 1, 1),
 *         "falsified project report", "academy lead (A. Jones)")
 * }</pre>
 *
 * @param id     the certificate
 * @param from   the status it must have now
 * @param to     the new status, EXPIRED or REVOKED
 * @param on     the day the new status takes effect
 * @param reason why
 * @param actor  who
 */
public record StatusChange(CertificateId id, CertificateStatus from, CertificateStatus to, LocalDate on,
                           String reason, String actor) {
    public StatusChange {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to == CertificateStatus.VALID || from == to) {
            throw new IllegalArgumentException("certificate " + id + ": cannot change " + from + " to " + to);
        }
        Objects.requireNonNull(on, "on");
        Certificate.requireText(reason, "reason");
        Certificate.requireText(actor, "actor");
    }
}
