package org.qipathways.certification;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import org.qipathways.certification.internal.Base58;
import org.qipathways.certification.internal.Pem;

/**
 * An issuer's Ed25519 public key: what a verifier trusts. Read from an X.509 PEM file
 * ({@code -----BEGIN PUBLIC KEY-----}, as {@code qip keys generate} or {@code openssl pkey -pubout}
 * write it).
 * <pre>{@code
 * IssuerPublicKey key = IssuerPublicKey.load(Path.of("keys/issuer-public.pem"));
 * key.keyId();    // "sha256:3f9a..." : the SHA-256 of the key's X.509 encoding
 * key.didKey();   // "did:key:z6Mk...": the key as a DID
 * }</pre>
 */
public final class IssuerPublicKey {

    /** The X.509 (SubjectPublicKeyInfo) prefix of every Ed25519 key: the 32 raw bytes follow it. */
    private static final byte[] X509_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

    private final PublicKey key;
    private final byte[] encoded;
    private final String keyId;

    IssuerPublicKey(PublicKey key) {
        this.key = Objects.requireNonNull(key, "key");
        this.encoded = key.getEncoded();
        if (!"EdDSA".equals(key.getAlgorithm()) && !"Ed25519".equals(key.getAlgorithm())
                || encoded.length != 44 || !Arrays.equals(encoded, 0, 12, X509_PREFIX, 0, 12)) {
            throw new IllegalArgumentException("not an Ed25519 public key (" + key.getAlgorithm() + ")");
        }
        try {
            this.keyId = "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(encoded));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every Java platform must provide SHA-256", e);
        }
    }

    /**
     * Reads a public key from PEM text.
     *
     * @param source names the text in messages, e.g. the file name
     * @throws IllegalArgumentException when it is not an Ed25519 public key in X.509 PEM
     */
    public static IssuerPublicKey fromPem(String pem, String source) {
        byte[] der = Pem.decode("PUBLIC KEY", pem, source);
        try {
            return new IssuerPublicKey(KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ": not an Ed25519 public key: " + e.getMessage(), e);
        }
    }

    /**
     * Reads a public key from a PEM file.
     *
     * @throws UncheckedIOException     when the file cannot be read
     * @throws IllegalArgumentException when it does not hold an Ed25519 public key
     */
    public static IssuerPublicKey load(Path file) {
        try {
            return fromPem(Files.readString(file, StandardCharsets.US_ASCII), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** {@code sha256:} and the hex SHA-256 of the key's X.509 encoding: how a signature names its key. */
    public String keyId() {
        return keyId;
    }

    /** The key as X.509 PEM text. */
    public String pem() {
        return Pem.encode("PUBLIC KEY", encoded);
    }

    /** The 32 bytes of the Ed25519 key itself. */
    public byte[] raw() {
        return Arrays.copyOfRange(encoded, 12, 44);
    }

    /** The key as a {@code did:key} identifier (multicodec ed25519-pub, base58btc). */
    public String didKey() {
        byte[] multicodec = new byte[34];
        multicodec[0] = (byte) 0xed;
        multicodec[1] = 0x01;
        System.arraycopy(encoded, 12, multicodec, 2, 32);
        return "did:key:z" + Base58.encode(multicodec);
    }

    /** The JDK key. */
    public PublicKey key() {
        return key;
    }

    /** Whether {@code signature} is this key's Ed25519 signature of {@code data}. */
    public boolean verifies(byte[] data, byte[] signature) {
        try {
            Signature v = Signature.getInstance("Ed25519");
            v.initVerify(key);
            v.update(data);
            return v.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IssuerPublicKey other && Arrays.equals(encoded, other.encoded);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(encoded);
    }

    @Override
    public String toString() {
        return "Ed25519 public key " + keyId;
    }
}
