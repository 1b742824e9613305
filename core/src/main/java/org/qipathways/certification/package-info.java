/**
 * Certificates: issued, renewed, lapsed and revoked by a {@link org.qipathways.certification.Certifier}
 * from learners' progress, kept in a {@link org.qipathways.certification.CertificateRegister} with an
 * append-only audit trail, exported signed ({@link org.qipathways.certification.SignedCertificate}) and
 * as Open Badges 3.0 credentials ({@link org.qipathways.certification.OpenBadges}) whose revocation is
 * published as a {@link org.qipathways.certification.StatusList}, and checked by a
 * {@link org.qipathways.certification.CertificateVerifier} or an
 * {@link org.qipathways.certification.OpenBadgesVerifier}.
 * <pre>{@code
 * try (CertificateRegister register = JdbcCertificateRegister.open("jdbc:sqlite:register.db")) {
 *     CertifyReport report = Certifier.of(programme, register, Clock.systemUTC(), "qip certify")
 *             .certify(records, LocalDate.of(2026, 3, 31));
 *     report.issued();   // certificates for tiers achieved since the last run
 * }
 * }</pre>
 * The rules, the evidence digest and the file formats are described in {@code docs/certification.md}.
 */
package org.qipathways.certification;
