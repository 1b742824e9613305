package org.qipathways.certification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.qipathways.certification.Verification.Verdict;
import org.qipathways.certification.internal.CanonicalJson;

/**
 * Checks a signed certificate file ({@link SignedCertificate}): that it is unchanged, that a trusted
 * issuer key signed it, and, given the register, that it is neither revoked nor expired.
 *
 * <p>Trusted keys are those given, and those recorded in the register (certify runs record the key
 * they sign with). The file must be byte for byte as it was written; any change, even to white space,
 * makes it TAMPERED.
 * <pre>{@code
 * CertificateVerifier verifier = CertificateVerifier.of(List.of(IssuerPublicKey.load(publicPem)), register);
 * Verification v = verifier.verify(Files.readAllBytes(Path.of("7KQ2M9XH4CT.json")), LocalDate.of(2026, 3, 31));
 * v.verdict();   // VALID, EXPIRED, REVOKED, TAMPERED or UNKNOWN
 * }</pre>
 */
public final class CertificateVerifier {

    private final List<IssuerPublicKey> trusted;
    private final CertificateRegister register;

    private CertificateVerifier(List<IssuerPublicKey> trusted, CertificateRegister register) {
        this.trusted = trusted;
        this.register = register;
    }

    /**
     * A verifier trusting {@code keys} and the keys recorded in {@code register}.
     *
     * @param register the register to check revocation against; {@code null} to check the signature and
     *                 dates only
     */
    public static CertificateVerifier of(Collection<IssuerPublicKey> keys, CertificateRegister register) {
        return new CertificateVerifier(List.copyOf(keys), register);
    }

    /** Checks the bytes of a signed certificate file as of {@code asOf}. */
    public Verification verify(byte[] file, LocalDate asOf) {
        Objects.requireNonNull(asOf, "asOf");
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(file)).toString();
        } catch (CharacterCodingException e) {
            return tampered("the file is not UTF-8 text");
        }
        JsonNode doc;
        try {
            doc = CanonicalJson.parse(text);
        } catch (JsonProcessingException e) {
            return tampered("the file is not a certificate: " + e.getOriginalMessage());
        }
        if (doc == null || !doc.isObject() || !doc.path("certificate").isObject() || !doc.path("signature").isObject()) {
            return tampered("the file is not a certificate: it needs \"certificate\" and \"signature\" objects");
        }
        if (!SignedCertificate.FORMAT.equals(doc.path("format").textValue())) {
            return tampered("the file is not a certificate: format is not " + SignedCertificate.FORMAT);
        }
        JsonNode sig = doc.get("signature");
        String keyId = sig.path("key_id").textValue();
        String value = sig.path("value").textValue();
        if (!SignedCertificate.ALGORITHM.equals(sig.path("algorithm").textValue()) || keyId == null
                || value == null || !value.matches("[0-9a-f]{128}")) {
            return tampered("the signature block is malformed");
        }
        if (!CanonicalJson.pretty(doc).equals(text)) {
            return tampered("the file was changed after it was signed (it is not in the exact form it was issued in)");
        }
        Optional<IssuerPublicKey> key = key(keyId);
        if (key.isEmpty()) {
            return tampered("it is signed with key " + keyId + ", which is not a known issuer key"
                    + (register == null ? " (give the issuer's public key, or the register)" : ""));
        }
        if (!key.get().verifies(SignedCertificate.signingInput(doc), HexFormat.of().parseHex(value))) {
            return tampered("the signature does not match the content: the certificate was changed after signing");
        }
        Certificate signed;
        try {
            signed = SignedCertificate.read(doc.get("certificate"));
        } catch (RuntimeException e) {
            return tampered("the certificate's fields are malformed: " + e.getMessage());
        }

        Certificate c = signed;
        if (register != null) {
            Optional<Certificate> onRecord = register.find(signed.id());
            if (onRecord.isEmpty()) {
                return new Verification(Verdict.UNKNOWN, "the signature is good, but the register has no certificate "
                        + signed.id() + ": is it the issuer's register?", signed, true);
            }
            if (!onRecord.get().sameIssue(signed)) {
                return new Verification(Verdict.TAMPERED, "the signature is good, but the certificate differs from the"
                        + " register's record of " + signed.id(), null, true);
            }
            c = onRecord.get();
            if (c.status() == CertificateStatus.REVOKED && !c.statusOn().isAfter(asOf)) {
                return new Verification(Verdict.REVOKED, "revoked on " + c.statusOn() + " by " + c.statusActor() + ": "
                        + c.statusReason(), c, true);
            }
        }
        if (c.expiredOn(asOf)) {
            return new Verification(Verdict.EXPIRED, "valid until " + c.validUntil() + ", expired by " + asOf, c, register != null);
        }
        String validity = "valid from " + c.validFrom() + (c.validUntil() == null ? ", no expiry" : " to " + c.validUntil());
        return new Verification(Verdict.VALID, validity + "; signed by " + keyId
                + (register == null ? "; revocation not checked (no register given)" : "; not revoked"), c, register != null);
    }

    private Optional<IssuerPublicKey> key(String keyId) {
        for (IssuerPublicKey k : trusted) {
            if (k.keyId().equals(keyId)) {
                return Optional.of(k);
            }
        }
        if (register != null) {
            Optional<String> pem = register.issuerKey(keyId);
            if (pem.isPresent()) {
                IssuerPublicKey k;
                try {
                    k = IssuerPublicKey.fromPem(pem.get(), "issuer key " + keyId + " in the register");
                } catch (IllegalArgumentException e) {
                    // the register also holds Open Badges keys (P-256): those never sign certificate files
                    return Optional.empty();
                }
                // a register row under the wrong id must not vouch for another key
                return k.keyId().equals(keyId) ? Optional.of(k) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static Verification tampered(String reason) {
        return new Verification(Verdict.TAMPERED, reason, null, false);
    }

}
