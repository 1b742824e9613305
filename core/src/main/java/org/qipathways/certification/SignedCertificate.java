package org.qipathways.certification;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import org.qipathways.certification.internal.CanonicalJson;
import org.qipathways.programme.Programme;

/**
 * A certificate exported as signed JSON, for the learner to show and anyone to check with
 * {@link CertificateVerifier} ({@code qip verify}). The file is the certificate's facts (everything but
 * its status, which lives in the register), the format, and an Ed25519 signature with the id of the key
 * that made it:
 * <pre>
 * {
 *   "certificate" : { "achieved_on" : "2022-09-01", "id" : "7KQ2M9XH4CT", "tier" : "GOLD", ... },
 *   "format" : "qipathways-certificate/1",
 *   "signature" : { "algorithm" : "Ed25519", "key_id" : "sha256:...", "value" : "(128 hex digits)" }
 * }
 * </pre>
 * The signature covers the canonical compact JSON (keys sorted, no white space) of the whole
 * document without {@code signature.value}. The file itself is that document in its canonical
 * indented form, so it has exactly one correct spelling: change any byte and it no longer verifies.
 * <pre>{@code
 * String file = SignedCertificate.write(certificate, programme, issuerKey);
 * Files.writeString(Path.of(certificate.id() + ".json"), file);
 * }</pre>
 */
public final class SignedCertificate {

    /** The {@code format} field of files this class writes. */
    public static final String FORMAT = "qipathways-certificate/1";

    /** The signature algorithm named in the file. */
    public static final String ALGORITHM = "Ed25519";

    private SignedCertificate() {
    }

    /** The signed file's text (UTF-8, ending in a line feed). */
    public static String write(Certificate certificate, Programme programme, IssuerKey key) {
        ObjectNode doc = JsonNodeFactory.instance.objectNode();
        doc.set("certificate", facts(certificate, programme));
        doc.put("format", FORMAT);
        ObjectNode signature = doc.putObject("signature");
        signature.put("algorithm", ALGORITHM);
        signature.put("key_id", key.publicKey().keyId());
        byte[] sig = key.sign(signingInput(doc));
        signature.put("value", HexFormat.of().formatHex(sig));
        return CanonicalJson.pretty(doc);
    }

    /** The bytes the signature covers: the document without {@code signature.value}, compact and canonical. */
    static byte[] signingInput(JsonNode doc) {
        ObjectNode copy = doc.deepCopy();
        ((ObjectNode) copy.get("signature")).remove("value");
        return CanonicalJson.compact(copy).getBytes(StandardCharsets.UTF_8);
    }

    private static ObjectNode facts(Certificate c, Programme programme) {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("id", c.id().value());
        n.put("learner_id", c.learnerId());
        n.put("programme", c.programmeCode());
        n.put("programme_version", c.programmeVersion());
        if (programme != null && programme.code().equals(c.programmeCode())) {
            n.put("programme_title", programme.title());
            programme.tier(c.tier()).ifPresent(t -> n.put("tier_title", t.title()));
        }
        n.put("tier", c.tier());
        n.put("achieved_on", c.achievedOn().toString());
        n.put("valid_from", c.validFrom().toString());
        if (c.validUntil() != null) {
            n.put("valid_until", c.validUntil().toString());
        }
        n.put("issued_at", c.issuedAt().toString());
        if (c.supersedes() != null) {
            n.put("supersedes", c.supersedes().value());
        }
        n.put("evidence_digest", c.evidenceDigest());
        return n;
    }

    /**
     * The certificate a signed file's {@code certificate} object describes, as VALID (its status is
     * the register's to say).
     *
     * @throws IllegalArgumentException when a field is missing or malformed
     */
    static Certificate read(JsonNode n) {
        return Certificate.issue(CertificateId.parse(text(n, "id")), text(n, "learner_id"), text(n, "programme"),
                text(n, "programme_version"), text(n, "tier"), LocalDate.parse(text(n, "achieved_on")),
                LocalDate.parse(text(n, "valid_from")), n.has("valid_until") ? LocalDate.parse(text(n, "valid_until")) : null,
                Instant.parse(text(n, "issued_at")), n.has("supersedes") ? CertificateId.parse(text(n, "supersedes")) : null,
                text(n, "evidence_digest"));
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual()) {
            throw new IllegalArgumentException("certificate." + field + " is missing or not a string");
        }
        return v.textValue();
    }
}
