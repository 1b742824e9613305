package org.qipathways.certification;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The issuer's secret that keeps learners' ids out of Open Badges credentials: it keys (HMAC-SHA256)
 * the credential subject's id, the credential's id and the salt of the learner's identity hash, so
 * that no reader can recompute any of them from a learner id, while the issuer can.
 *
 * <p>A credential names its learner three ways, none in clear:
 * <ul>
 *   <li>{@code credentialSubject.id}: {@link #subjectId}, the same for every credential of one learner
 *       in one programme (as a holder's DID would be), but not computable without this secret;</li>
 *   <li>{@code credentialSubject.identifier}: an OB 3.0 IdentityObject with {@code hashed: true},
 *       {@code identityHash} = {@link #identityHash} ({@code sha256$} and the hex SHA-256 of the learner
 *       id followed by the salt) and the salt itself, which is {@link #salt} and so differs between
 *       credentials: anyone who already knows a learner id can confirm it, as the IdentityObject is
 *       meant to allow, but the hashes of one learner do not link their credentials, and no one table
 *       of guesses serves for all credentials;</li>
 *   <li>the credential's {@code id}: {@link #credentialId}, keyed by the certificate id.</li>
 * </ul>
 * The file holds 64 hex digits (32 random bytes) and a line feed, readable by its owner only; keep it
 * with the private keys. Losing it does not lose the way back from a credential to a learner (its
 * status list index and the identity hash are enough, see {@code docs/certification.md}), but new
 * credentials would get new subject ids.
 * <pre>{@code
 * LearnerSecret secret = LearnerSecret.load(Path.of("keys/learner-secret.key"));
 * secret.subjectId("QIP-BSG", "L0001");   // "urn:uuid:..." (a version 8 UUID)
 * String salt = secret.salt(certificate.id());
 * LearnerSecret.identityHash("L0001", salt);   // "sha256$..."
 * }</pre>
 */
public final class LearnerSecret {

    /** The secret's file name in a key directory. */
    public static final String FILE = "learner-secret.key";

    private final byte[] secret;

    private LearnerSecret(byte[] secret) {
        this.secret = secret;
    }

    /** A new random secret. */
    public static LearnerSecret generate() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return new LearnerSecret(bytes);
    }

    /**
     * Reads a secret file.
     *
     * @throws UncheckedIOException     when it cannot be read
     * @throws IllegalArgumentException when it does not hold 64 hex digits
     */
    public static LearnerSecret load(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.US_ASCII).strip().toLowerCase(Locale.ROOT);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        if (!text.matches("[0-9a-f]{64}")) {
            // never show the content: it may be the secret with a typo
            throw new IllegalArgumentException(file + ": not a learner secret (64 hex digits on one line, as qip keys"
                    + " generate writes it)");
        }
        return new LearnerSecret(HexFormat.of().parseHex(text));
    }

    /**
     * Writes {@value #FILE} into {@code dir} (readable by its owner only), creating the directory.
     *
     * @throws FileAlreadyExistsException when it exists: a secret is never overwritten
     * @throws IOException                when it cannot be written
     */
    public void write(Path dir) throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve(FILE);
        if (Files.exists(file)) {
            throw new FileAlreadyExistsException(file.toString(), null, "secrets are never overwritten; move it away first");
        }
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, HexFormat.of().formatHex(secret) + "\n", StandardCharsets.US_ASCII);
    }

    /** The learner's subject id in credentials of {@code programmeCode}: a keyed version 8 UUID URN. */
    public String subjectId(String programmeCode, String learnerId) {
        return "urn:uuid:" + keyedUuid("qipathways subject v1\n" + Objects.requireNonNull(programmeCode) + "\n"
                + Objects.requireNonNull(learnerId));
    }

    /** The id of the Open Badges credential of a certificate: a keyed version 8 UUID URN. */
    public String credentialId(CertificateId certificate) {
        return "urn:uuid:" + keyedUuid("qipathways credential v1\n" + certificate.value());
    }

    /** The salt of the identity hash in the credential of a certificate: 32 hex digits. */
    public String salt(CertificateId certificate) {
        byte[] mac = hmac("qipathways salt v1\n" + certificate.value());
        return HexFormat.of().formatHex(mac, 0, 16);
    }

    /**
     * An OB 3.0 IdentityHash: {@code sha256$} and the lower-case hex SHA-256 of the UTF-8 bytes of the
     * identifier followed by the salt (OB 3.0, IdentityHash).
     */
    public static String identityHash(String identifier, String salt) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((identifier + (salt == null ? "" : salt)).getBytes(StandardCharsets.UTF_8));
            return "sha256$" + HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every Java platform must provide SHA-256", e);
        }
    }

    private UUID keyedUuid(String name) {
        byte[] b = hmac(name);
        // RFC 9562 version 8 (custom) with the RFC variant: 122 bits of the HMAC
        b[6] = (byte) ((b[6] & 0x0f) | 0x80);
        b[8] = (byte) ((b[8] & 0x3f) | 0x80);
        ByteBuffer bytes = ByteBuffer.wrap(b, 0, 16);
        return new UUID(bytes.getLong(), bytes.getLong());
    }

    private byte[] hmac(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every Java platform must provide HmacSHA256", e);
        }
    }

    @Override
    public String toString() {
        return "learner secret (not shown)";
    }
}
