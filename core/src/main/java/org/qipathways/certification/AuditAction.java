package org.qipathways.certification;

/**
 * What happened to a certificate, as written in the register's audit trail.
 * <pre>{@code
 * register.auditTrail(id).get(0).action();   // ISSUED
 * }</pre>
 */
public enum AuditAction {
    /** The first certificate for a learner's tier. */
    ISSUED,
    /** A certificate that continues a learner's tier: a renewal before expiry or a regain after a lapse. */
    RENEWED,
    /** Ended on its valid-until date without a seamless successor: the tier lapsed. */
    LAPSED,
    /** Ended on its valid-until date, already renewed by a newer certificate. */
    EXPIRED,
    /** Withdrawn: by a {@code revoked} event, because a tier it needs was revoked, or on request. */
    REVOKED
}
