package org.qipathways.certification;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where certificates are kept: the service-provider interface a storage implements. Certificates are
 * never deleted, every change comes with audit entries, and an update is applied whole or not at all.
 *
 * <p>The implementation the library ships is {@link org.qipathways.certification.jdbc.JdbcCertificateRegister}
 * (SQLite by default, or PostgreSQL). An implementation must reject an update that would add a
 * certificate whose id, or whose (programme, tier, learner, validFrom), is already present, or change
 * a status that is no longer the expected one, with {@link RegisterConflictException} and without
 * writing any part of it: that is what keeps two certify runs at once from issuing twice.
 * <pre>{@code
 * try (CertificateRegister register = JdbcCertificateRegister.open("jdbc:sqlite:register.db")) {
 *     Certifier certifier = Certifier.of(programme, register, Clock.systemUTC(), "qip certify");
 *     CertifyReport report = certifier.certify(records, LocalDate.of(2026, 3, 31));
 *     register.auditTrail(report.newCertificates().get(0).id());
 * }
 * }</pre>
 */
public interface CertificateRegister extends AutoCloseable {

    /** Every certificate of a programme, ordered by learner, tier and validFrom. */
    List<Certificate> certificates(String programmeCode);

    /** The certificates of these learners in a programme, ordered by learner, tier and validFrom. */
    List<Certificate> certificates(String programmeCode, Collection<String> learnerIds);

    /** The certificate with this id. */
    Optional<Certificate> find(CertificateId id);

    /**
     * Applies the update whole or not at all.
     *
     * @throws RegisterConflictException when another writer got there first; nothing was written
     * @throws RegisterException         when the write failed; nothing was written
     */
    void apply(RegisterUpdate update);

    /** The audit trail of one certificate, oldest first. */
    List<AuditEntry> auditTrail(CertificateId id);

    /** The whole audit trail, oldest first. */
    List<AuditEntry> auditTrail();

    /** Records an issuer public key (PEM) under its key id, so that verifiers can find it; a no-op when known. */
    void addIssuerKey(String keyId, String publicKeyPem);

    /** The issuer public key (PEM) recorded under {@code keyId}. */
    Optional<String> issuerKey(String keyId);

    /**
     * The URL the register's status list (W3C Bitstring Status List) is published at, once one was
     * set: every credential exported from this register names it.
     */
    Optional<String> statusListUrl();

    /**
     * Sets the URL the status list is published at; a no-op when it is that URL already.
     *
     * @throws IllegalArgumentException when it is not an absolute http(s) URL without a fragment, or
     *                                  the register already publishes its list at another URL
     *                                  (credentials handed out name that one)
     */
    void setStatusListUrl(String url);

    /**
     * The status list index of each certificate, giving one, at random among the free places, to each
     * that has none yet; given indexes never change. The list holds at least 131,072 places and
     * doubles whenever it would become more than half full.
     *
     * @throws IllegalStateException when no status list URL is set
     * @throws RegisterException     when the write failed; nothing was written
     */
    Map<CertificateId, Integer> statusIndexes(Collection<CertificateId> ids);

    /** Every certificate that has a status list index, with it, in index order. */
    List<StatusEntry> statusEntries();

    /** The certificate at a status list index, if any has it. */
    Optional<StatusEntry> statusEntry(int index);

    /** Releases the register's connection. */
    @Override
    void close();
}
