package org.qipathways.certification;

/**
 * Where a certificate stands in the register. A certificate is never deleted: it ends as EXPIRED or
 * REVOKED and stays on record.
 * <pre>{@code
 * if (certificate.status() == CertificateStatus.REVOKED) {
 *     log.info("revoked on {}: {}", certificate.statusOn(), certificate.statusReason());
 * }
 * }</pre>
 */
public enum CertificateStatus {
    /** In force (a verifier still checks its valid-until date). */
    VALID,
    /** Past its valid-until date: renewed by a newer certificate, or lapsed. */
    EXPIRED,
    /** Withdrawn, with a reason and who withdrew it; final. */
    REVOKED
}
