package org.qipathways.certification;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.qipathways.certification.Verification.Verdict;
import org.qipathways.certification.internal.CompactJws;

/**
 * Checks an Open Badges credential as {@link OpenBadges#jwt} writes it ({@code ID.ob3.jwt}): that a
 * trusted issuer key signed it (ES256), that its JWT claims agree with the credential, that it has not
 * expired, and that it is not revoked, by the issuer's published {@link StatusList} (what a holder or
 * an employer has) or by the register (what the issuer has).
 *
 * <p>Trusted keys are those given (the issuer's {@code badge-public.pem}) and those recorded in the
 * register. With the register, the credential is found by its status list index and compared with the
 * register's record: its identity hash must be the hash of the record's learner id with the
 * credential's salt, and its tier and dates the record's.
 * <pre>{@code
 * OpenBadgesVerifier verifier = OpenBadgesVerifier.of(List.of(BadgePublicKey.load(publicPem)), null);
 * Verification v = verifier.verify(Files.readString(credential), Files.readString(statusList), LocalDate.now());
 * v.verdict();   // VALID, EXPIRED, REVOKED, TAMPERED or UNKNOWN
 * }</pre>
 */
public final class OpenBadgesVerifier {

    private final List<BadgePublicKey> trusted;
    private final CertificateRegister register;

    private OpenBadgesVerifier(List<BadgePublicKey> trusted, CertificateRegister register) {
        this.trusted = trusted;
        this.register = register;
    }

    /**
     * A verifier trusting {@code keys} and the keys recorded in {@code register}.
     *
     * @param register the issuer's register, to check revocation against; {@code null} without it
     */
    public static OpenBadgesVerifier of(Collection<BadgePublicKey> keys, CertificateRegister register) {
        return new OpenBadgesVerifier(List.copyOf(keys), register);
    }

    /**
     * Whether a file's text has the shape of a compact JWS (three base64url parts, two dots), as an
     * Open Badges credential has; a signed certificate ({@link CertificateVerifier}) is JSON instead.
     */
    public static boolean looksLikeJws(String text) {
        return CompactJws.looksLikeOne(text);
    }

    /**
     * Checks a credential as of {@code asOf}.
     *
     * @param jwt        the credential file's text
     * @param statusList the text of the status list the credential names, as published; {@code null}
     *                   when not given
     */
    public Verification verify(String jwt, String statusList, LocalDate asOf) {
        Objects.requireNonNull(asOf, "asOf");
        CompactJws jws;
        try {
            jws = CompactJws.parse(jwt);
        } catch (IllegalArgumentException e) {
            return tampered("the file is not an Open Badges credential: " + e.getMessage());
        }
        if (!BadgeKey.ALGORITHM.equals(jws.algorithm())) {
            return tampered("it is signed with " + jws.algorithm() + ", not ES256"
                    + ("EdDSA".equals(jws.algorithm()) ? ": it is an Open Badges credential from an earlier version of qip certify,"
                    + " which Open Badges verifiers refuse; run qip certify again to replace it" : ""));
        }
        BadgePublicKey key;
        try {
            key = jws.key();
        } catch (IllegalArgumentException e) {
            return tampered("the credential does not name its key: " + e.getMessage());
        }
        if (!trusts(key)) {
            return tampered("it is signed with key " + key.keyId() + ", which is not a known issuer key"
                    + (register == null ? " (give the issuer's badge-public.pem with --key, or the register)" : ""));
        }
        if (!jws.signedBy(key)) {
            return tampered("the signature does not match the content: the credential was changed after signing");
        }
        JsonNode vc = jws.payload();
        Optional<String> claims = claimsProblem(vc, key);
        if (claims.isPresent()) {
            return tampered("the credential is signed, but " + claims.get());
        }
        LocalDate validFrom = day(vc.path("validFrom").asText());
        LocalDate validUntil = vc.hasNonNull("validUntil") ? day(vc.path("validUntil").asText()) : null;
        String what = vc.path("name").asText();

        JsonNode status = vc.get("credentialStatus");
        Integer index = null;
        String listUrl = null;
        if (status != null) {
            if (!"BitstringStatusListEntry".equals(status.path("type").textValue())
                    || !StatusList.PURPOSE.equals(status.path("statusPurpose").textValue())
                    || !status.path("statusListIndex").asText().matches("\\d{1,9}")
                    || !status.path("statusListCredential").isTextual()) {
                return tampered("the credential is signed, but its credentialStatus is not a revocation BitstringStatusListEntry");
            }
            index = Integer.valueOf(status.path("statusListIndex").asText());
            listUrl = status.path("statusListCredential").textValue();
        }

        String listNote = null;
        if (statusList != null) {
            if (index == null) {
                return unknown("the credential has no credentialStatus, so no status list can say whether it is revoked");
            }
            StatusList.Published published;
            try {
                published = StatusList.read(statusList, this::trusts, listUrl);
            } catch (IllegalArgumentException e) {
                return unknown("revocation not checked: " + e.getMessage());
            }
            boolean revoked;
            try {
                revoked = published.list().revoked(index);
            } catch (IndexOutOfBoundsException e) {
                return unknown("revocation not checked: " + e.getMessage());
            }
            if (revoked) {
                return new Verification(Verdict.REVOKED, "revoked: the issuer's status list of " + published.madeAt()
                        + " has the credential's bit (" + index + ") set", null, false);
            }
            listNote = "not revoked by the status list of " + published.madeAt();
        }

        Certificate c = null;
        if (register != null) {
            if (index == null) {
                return unknown("the signature is good, but the credential has no credentialStatus, by which the register finds it");
            }
            Optional<String> registersList = register.statusListUrl();
            if (registersList.isEmpty() || !registersList.get().equals(listUrl)) {
                return unknown("the signature is good, but the credential's status list is " + listUrl + ", and the register's "
                        + registersList.map(u -> "is " + u).orElse("has none") + ": is it the issuer's register?");
            }
            Optional<StatusEntry> entry = register.statusEntry(index);
            if (entry.isEmpty()) {
                return unknown("the signature is good, but the register has no certificate at status list place " + index
                        + ": is it the issuer's register?");
            }
            c = entry.get().certificate();
            Optional<String> differs = differs(vc, c, validFrom, validUntil);
            if (differs.isPresent()) {
                return new Verification(Verdict.TAMPERED, "the signature is good, but the credential differs from the register's"
                        + " certificate " + c.id() + ": " + differs.get(), null, true);
            }
            if (c.status() == CertificateStatus.REVOKED && !c.statusOn().isAfter(asOf)) {
                return new Verification(Verdict.REVOKED, "revoked on " + c.statusOn() + " by " + c.statusActor() + ": "
                        + c.statusReason(), c, true);
            }
        }
        if (validUntil != null && validUntil.isBefore(asOf)) {
            return new Verification(Verdict.EXPIRED, what + ": valid until " + validUntil + ", expired by " + asOf, c, register != null);
        }
        String validity = what + ": valid from " + validFrom + (validUntil == null ? ", no expiry" : " to " + validUntil);
        String revocation = register != null ? "not revoked" + (listNote == null ? "" : "; " + listNote)
                : listNote != null ? listNote
                : index == null ? "revocation not checked (the credential has no status list entry)"
                : "revocation not checked (give the status list, or the register)";
        return new Verification(Verdict.VALID, validity + "; signed by " + key.keyId() + "; " + revocation, c, register != null);
    }

    private boolean trusts(BadgePublicKey key) {
        if (trusted.contains(key)) {
            return true;
        }
        if (register != null) {
            Optional<String> pem = register.issuerKey(key.keyId());
            if (pem.isPresent()) {
                try {
                    // a register row under the wrong id must not vouch for another key
                    return BadgePublicKey.fromPem(pem.get(), "issuer key " + key.keyId() + " in the register").equals(key);
                } catch (IllegalArgumentException e) {
                    return false;
                }
            }
        }
        return false;
    }

    /** What in the credential disagrees with its JWT claims or with Open Badges 3.0's rules; empty when nothing. */
    private static Optional<String> claimsProblem(JsonNode vc, BadgePublicKey key) {
        if (!StatusList.typeContains(vc.get("type"), "OpenBadgeCredential")) {
            return Optional.of("it is not an OpenBadgeCredential");
        }
        JsonNode context = vc.path("@context");
        if (!OpenBadges.VC_CONTEXT.equals(context.path(0).textValue()) || !OpenBadges.OB_CONTEXT.equals(context.path(1).textValue())) {
            return Optional.of("its @context does not start with the VC 2.0 and Open Badges 3.0 contexts");
        }
        String issuerId = vc.path("issuer").path("id").textValue();
        if (!key.did().equals(issuerId)) {
            return Optional.of("its issuer.id is not the did:jwk of the key that signed it");
        }
        if (!Objects.equals(vc.path("iss").textValue(), issuerId)) {
            return Optional.of("its iss claim is not its issuer.id");
        }
        if (!vc.path("id").isTextual() || !Objects.equals(vc.path("jti").textValue(), vc.path("id").textValue())) {
            return Optional.of("its jti claim is not its id");
        }
        if (!Objects.equals(vc.path("sub").textValue(), vc.path("credentialSubject").path("id").textValue())) {
            return Optional.of("its sub claim is not its credentialSubject.id");
        }
        Instant from;
        try {
            from = Instant.parse(vc.path("validFrom").asText());
        } catch (RuntimeException e) {
            return Optional.of("its validFrom is not a date and time");
        }
        if (!vc.path("nbf").canConvertToLong() || vc.path("nbf").asLong() != from.getEpochSecond()) {
            return Optional.of("its nbf claim is not its validFrom");
        }
        if (vc.hasNonNull("validUntil")) {
            Instant until;
            try {
                until = Instant.parse(vc.path("validUntil").asText());
            } catch (RuntimeException e) {
                return Optional.of("its validUntil is not a date and time");
            }
            if (!vc.path("exp").canConvertToLong() || vc.path("exp").asLong() != until.getEpochSecond()) {
                return Optional.of("its exp claim is not its validUntil");
            }
        } else if (vc.has("exp")) {
            return Optional.of("it has an exp claim but no validUntil");
        }
        return Optional.empty();
    }

    /** How the credential differs from the register's certificate; empty when it is the certificate's. */
    private static Optional<String> differs(JsonNode vc, Certificate c, LocalDate validFrom, LocalDate validUntil) {
        JsonNode identity = vc.path("credentialSubject").path("identifier").path(0);
        String hash = identity.path("identityHash").asText();
        String salt = identity.path("salt").asText(null);
        if (!identity.path("hashed").asBoolean(false) || !LearnerSecret.identityHash(c.learnerId(), salt).equals(hash)) {
            return Optional.of("its identity hash is not the register's learner's");
        }
        JsonNode achievement = vc.path("credentialSubject").path("achievement");
        if (!c.tier().equals(achievement.path("humanCode").asText()) || !c.programmeVersion().equals(achievement.path("version").asText())) {
            return Optional.of("it is for another tier or programme version");
        }
        if (!c.validFrom().equals(validFrom) || !Objects.equals(c.validUntil(), validUntil)) {
            return Optional.of("its dates are not the certificate's");
        }
        return Optional.empty();
    }

    private static LocalDate day(String instant) {
        return LocalDate.ofInstant(Instant.parse(instant), ZoneOffset.UTC);
    }

    private static Verification tampered(String reason) {
        return new Verification(Verdict.TAMPERED, reason, null, false);
    }

    private static Verification unknown(String reason) {
        return new Verification(Verdict.UNKNOWN, reason, null, false);
    }
}
