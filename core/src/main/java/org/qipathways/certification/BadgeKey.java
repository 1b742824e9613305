package org.qipathways.certification;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Objects;
import java.util.function.UnaryOperator;
import org.qipathways.certification.internal.CanonicalJson;
import org.qipathways.certification.internal.Pem;
import org.qipathways.certification.internal.Signers;

/**
 * An issuer's Open Badges signing key: a P-256 key pair that signs Open Badges credentials and their
 * status lists with ES256, the algorithm (with RS256) that 1EdTech's validator accepts for VC-JWT.
 * The register's own signed certificates keep their Ed25519 {@link IssuerKey}; this second key exists
 * because Open Badges verifiers do not accept EdDSA.
 *
 * <p>The private key is read from a PKCS#8 PEM file and the public key from an X.509 PEM file, as
 * {@code qip keys generate} writes them ({@value #PRIVATE_FILE}, {@value #PUBLIC_FILE}) or OpenSSL
 * ({@code openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256}); the private key is never
 * written anywhere else, and {@link #toString()} shows only the key id.
 * <pre>{@code
 * BadgeKey key = BadgeKey.generate();
 * key.write(Path.of("keys"));   // keys/badge-private.pem (owner only), keys/badge-public.pem
 * String jws = key.signJwt(payload);   // header {alg: ES256, typ: JWT, kid: did:jwk:...#0, jwk}
 * }</pre>
 */
public final class BadgeKey {

    /** The private key's file name in a key directory. */
    public static final String PRIVATE_FILE = "badge-private.pem";

    /** The public key's file name in a key directory. */
    public static final String PUBLIC_FILE = "badge-public.pem";

    /** The JOSE algorithm this key signs with. */
    public static final String ALGORITHM = "ES256";

    private final PrivateKey privateKey;
    /** Thread-safe; through BouncyCastle when it is on the class path ({@link Signers}). */
    private final UnaryOperator<byte[]> signer;
    private final BadgePublicKey publicKey;
    /** The JOSE header, the same in every credential this key signs, encoded once. */
    private final String headerSegment;

    private BadgeKey(PrivateKey privateKey, BadgePublicKey publicKey) {
        this.privateKey = privateKey;
        this.signer = Signers.es256((ECPrivateKey) privateKey);
        this.publicKey = publicKey;
        this.headerSegment = header(publicKey);
    }

    /** A new random key pair. */
    public static BadgeKey generate() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair pair = g.generateKeyPair();
            return new BadgeKey(pair.getPrivate(), new BadgePublicKey(pair.getPublic()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this Java runtime cannot make P-256 keys", e);
        }
    }

    /**
     * Reads a key pair and checks that the two halves belong together.
     *
     * @throws UncheckedIOException     when a file cannot be read
     * @throws IllegalArgumentException when a file does not hold the key it should, or the keys do not match
     */
    public static BadgeKey load(Path privatePem, Path publicPem) {
        PrivateKey privateKey;
        try {
            byte[] der = Pem.decode("PRIVATE KEY", Files.readString(privatePem, StandardCharsets.US_ASCII), privatePem.toString());
            privateKey = KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + privatePem + ": " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            // never include the key material itself in a message
            throw new IllegalArgumentException(privatePem + ": not a P-256 private key in PKCS#8 PEM", e);
        }
        if (!(privateKey instanceof ECPrivateKey ec) || !BadgePublicKey.isP256(ec.getParams())) {
            throw new IllegalArgumentException(privatePem + ": not a P-256 private key in PKCS#8 PEM");
        }
        BadgePublicKey publicKey = BadgePublicKey.load(publicPem);
        BadgeKey key = new BadgeKey(privateKey, publicKey);
        byte[] probe = "qipathways key pair check".getBytes(StandardCharsets.US_ASCII);
        if (!publicKey.verifies(probe, key.sign(probe))) {
            throw new IllegalArgumentException(privatePem + " and " + publicPem + " are not two halves of one key pair");
        }
        return key;
    }

    /**
     * Writes {@value #PRIVATE_FILE} (readable by its owner only) and {@value #PUBLIC_FILE} into {@code dir},
     * creating it.
     *
     * @throws FileAlreadyExistsException when either file exists: keys are never overwritten
     * @throws IOException                when the files cannot be written
     */
    public void write(Path dir) throws IOException {
        Files.createDirectories(dir);
        Path priv = dir.resolve(PRIVATE_FILE);
        Path pub = dir.resolve(PUBLIC_FILE);
        for (Path p : new Path[] {priv, pub}) {
            if (Files.exists(p)) {
                throw new FileAlreadyExistsException(p.toString(), null, "keys are never overwritten; move it away first");
            }
        }
        // Created with owner-only permissions, so the key is never readable by others, even for a moment.
        Files.createFile(priv, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(priv, Pem.encode("PRIVATE KEY", privateKey.getEncoded()), StandardCharsets.US_ASCII);
        Files.writeString(pub, publicKey.pem(), StandardCharsets.US_ASCII);
    }

    /** The public half. */
    public BadgePublicKey publicKey() {
        return publicKey;
    }

    /** The ES256 signature of {@code data}, as JOSE writes it: r and s, 32 bytes each. */
    public byte[] sign(byte[] data) {
        Objects.requireNonNull(data, "data");
        return signer.apply(data);
    }

    /**
     * {@code payload} as a compact JWS (RFC 7515) signed with ES256. The JOSE header has exactly the
     * members Open Badges 3.0 allows: {@code alg} ES256, {@code typ} JWT, {@code kid} (this key's did:jwk
     * with {@code #0}, which any verifier resolves without a network) and {@code jwk} (the public key).
     * Header and payload are written as compact JSON with sorted keys.
     */
    public String signJwt(ObjectNode payload) {
        String input = headerSegment + "." + BadgePublicKey.base64url(CanonicalJson.compact(payload).getBytes(StandardCharsets.UTF_8));
        return input + "." + BadgePublicKey.base64url(sign(input.getBytes(StandardCharsets.US_ASCII)));
    }

    /**
     * The first part of every compact JWS this key signs: its JOSE header (the same for every payload)
     * as base64url of compact JSON with sorted keys, without the dot after it.
     */
    public String headerSegment() {
        return headerSegment;
    }

    private static String header(BadgePublicKey publicKey) {
        ObjectNode header = JsonNodeFactory.instance.objectNode();
        header.put("alg", ALGORITHM);
        header.put("typ", "JWT");
        header.put("kid", publicKey.kid());
        header.set("jwk", publicKey.jwk());
        return BadgePublicKey.base64url(CanonicalJson.compact(header).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "P-256 key pair " + publicKey.keyId();
    }
}
