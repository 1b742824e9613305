package org.qipathways.certification;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A certificate for one learner's tier of a programme, as kept in the register: what was achieved,
 * when, for how long, on which evidence, and where it stands now.
 *
 * <p>Each certificate covers one term of validity. A renewal or a regain after a lapse is a new
 * certificate that names the one it {@link #supersedes()}; the older one stays valid until its own
 * end. Everything except the status fields is fixed at issue and covered by the signature of an
 * exported certificate; the status fields change as the certificate expires or is revoked.
 * <pre>{@code
 * Certificate c = register.find(CertificateId.parse("7KQ2M9XH4CT")).orElseThrow();
 * c.tier();            // "GOLD"
 * c.validUntil();      // 2026-03-01, or null for a tier that never expires
 * c.status();          // VALID
 * c.evidenceDigest();  // "sha256:..." over the learner's record up to validFrom (see EvidenceDigest)
 * }</pre>
 *
 * @param id               the certificate's id, derived from programme, tier, learner and validFrom
 * @param learnerId        the learner
 * @param programmeCode    the programme's code
 * @param programmeVersion the version of the programme definition the tier was judged against
 * @param tier             the tier's code
 * @param achievedOn       the day the learner first achieved the tier
 * @param validFrom        the first day of this certificate's validity: the achievement, renewal or regain date
 * @param validUntil       the last day of its validity; {@code null} when the tier never expires
 * @param issuedAt         when the register recorded it
 * @param supersedes       the certificate this one continues, or {@code null} for the first
 * @param evidenceDigest   {@code sha256:} and 64 hex digits over the learner's record up to validFrom
 * @param status           where it stands now
 * @param statusOn         the day an EXPIRED or REVOKED status took effect; {@code null} while VALID
 * @param statusReason     why it is EXPIRED or REVOKED; {@code null} while VALID
 * @param statusActor      who expired or revoked it; {@code null} while VALID
 */
public record Certificate(CertificateId id, String learnerId, String programmeCode, String programmeVersion,
                          String tier, LocalDate achievedOn, LocalDate validFrom, LocalDate validUntil,
                          Instant issuedAt, CertificateId supersedes, String evidenceDigest,
                          CertificateStatus status, LocalDate statusOn, String statusReason, String statusActor) {

    /** How an evidence digest is written. */
    public static final String DIGEST_PATTERN = "sha256:[0-9a-f]{64}";

    /**
     * Checks the fields.
     *
     * @throws IllegalArgumentException or NullPointerException when a field is missing or inconsistent
     */
    public Certificate {
        Objects.requireNonNull(id, "id");
        requireText(learnerId, "learnerId");
        requireText(programmeCode, "programmeCode");
        requireText(programmeVersion, "programmeVersion");
        requireText(tier, "tier");
        Objects.requireNonNull(achievedOn, "achievedOn");
        Objects.requireNonNull(validFrom, "validFrom");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(status, "status");
        if (validFrom.isBefore(achievedOn)) {
            throw new IllegalArgumentException("certificate " + id + ": valid from " + validFrom
                    + ", before the achievement on " + achievedOn);
        }
        if (validUntil != null && validUntil.isBefore(validFrom)) {
            throw new IllegalArgumentException("certificate " + id + ": valid until " + validUntil
                    + ", before it is valid from " + validFrom);
        }
        if (evidenceDigest == null || !evidenceDigest.matches(DIGEST_PATTERN)) {
            throw new IllegalArgumentException("certificate " + id + ": evidence digest \"" + evidenceDigest
                    + "\" is not sha256: and 64 lower-case hex digits");
        }
        if (status == CertificateStatus.VALID) {
            if (statusOn != null || statusReason != null || statusActor != null) {
                throw new IllegalArgumentException("certificate " + id + ": a VALID certificate has no status date, reason or actor");
            }
        } else {
            Objects.requireNonNull(statusOn, "statusOn");
            requireText(statusReason, "statusReason");
            requireText(statusActor, "statusActor");
        }
    }

    /** A new, valid certificate. */
    public static Certificate issue(CertificateId id, String learnerId, String programmeCode, String programmeVersion,
                                    String tier, LocalDate achievedOn, LocalDate validFrom, LocalDate validUntil,
                                    Instant issuedAt, CertificateId supersedes, String evidenceDigest) {
        return new Certificate(id, learnerId, programmeCode, programmeVersion, tier, achievedOn, validFrom, validUntil,
                issuedAt, supersedes, evidenceDigest, CertificateStatus.VALID, null, null, null);
    }

    /** This certificate with a new status. */
    public Certificate withStatus(CertificateStatus newStatus, LocalDate on, String reason, String actor) {
        return new Certificate(id, learnerId, programmeCode, programmeVersion, tier, achievedOn, validFrom, validUntil,
                issuedAt, supersedes, evidenceDigest, newStatus, on, reason, actor);
    }

    /** Whether the fields fixed at issue (everything but the status) are the same as {@code other}'s. */
    public boolean sameIssue(Certificate other) {
        return id.equals(other.id) && learnerId.equals(other.learnerId) && programmeCode.equals(other.programmeCode)
                && programmeVersion.equals(other.programmeVersion) && tier.equals(other.tier)
                && achievedOn.equals(other.achievedOn) && validFrom.equals(other.validFrom)
                && Objects.equals(validUntil, other.validUntil) && issuedAt.equals(other.issuedAt)
                && Objects.equals(supersedes, other.supersedes) && evidenceDigest.equals(other.evidenceDigest);
    }

    /** Whether the certificate has expired by {@code date}: its valid-until day lies before it. */
    public boolean expiredOn(LocalDate date) {
        return validUntil != null && validUntil.isBefore(date);
    }

    static String requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
        return value;
    }
}
