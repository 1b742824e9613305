package org.qipathways.certification;

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
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Objects;
import java.util.function.UnaryOperator;
import org.qipathways.certification.internal.Pem;
import org.qipathways.certification.internal.Signers;

/**
 * An issuer's Ed25519 signing key pair: signs exported certificates ({@link SignedCertificate}); Open
 * Badges credentials, whose verifiers do not accept EdDSA, are signed with a {@link BadgeKey}.
 * The private key is read from a PKCS#8 PEM file and the public key from an X.509 PEM file, as
 * {@code qip keys generate} or OpenSSL ({@code openssl genpkey -algorithm ed25519}) write them; the
 * private key is never written anywhere else, and {@link #toString()} shows only the key id.
 * <pre>{@code
 * IssuerKey key = IssuerKey.generate();
 * key.write(Path.of("keys"));     // keys/issuer-private.pem (owner only), keys/issuer-public.pem
 * IssuerKey same = IssuerKey.load(Path.of("keys/issuer-private.pem"), Path.of("keys/issuer-public.pem"));
 * }</pre>
 */
public final class IssuerKey {

    /** The private key's file name in a key directory. */
    public static final String PRIVATE_FILE = "issuer-private.pem";

    /** The public key's file name in a key directory. */
    public static final String PUBLIC_FILE = "issuer-public.pem";

    private final PrivateKey privateKey;
    /** Thread-safe; through BouncyCastle when it is on the class path ({@link Signers}). */
    private final UnaryOperator<byte[]> signer;
    private final IssuerPublicKey publicKey;

    private IssuerKey(PrivateKey privateKey, IssuerPublicKey publicKey) {
        this.privateKey = privateKey;
        this.signer = Signers.ed25519(privateKey);
        this.publicKey = publicKey;
    }

    /** A new random key pair. */
    public static IssuerKey generate() {
        try {
            KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            return new IssuerKey(pair.getPrivate(), new IssuerPublicKey(pair.getPublic()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this Java runtime has no Ed25519 (Java 15 or later has)", e);
        }
    }

    /**
     * Reads a key pair and checks that the two halves belong together.
     *
     * @throws UncheckedIOException     when a file cannot be read
     * @throws IllegalArgumentException when a file does not hold the key it should, or the keys do not match
     */
    public static IssuerKey load(Path privatePem, Path publicPem) {
        PrivateKey privateKey;
        try {
            byte[] der = Pem.decode("PRIVATE KEY", Files.readString(privatePem, StandardCharsets.US_ASCII), privatePem.toString());
            privateKey = KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + privatePem + ": " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            // never include the key material itself in a message
            throw new IllegalArgumentException(privatePem + ": not an Ed25519 private key in PKCS#8 PEM", e);
        }
        IssuerPublicKey publicKey = IssuerPublicKey.load(publicPem);
        IssuerKey key = new IssuerKey(privateKey, publicKey);
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
    public IssuerPublicKey publicKey() {
        return publicKey;
    }

    /** The Ed25519 signature of {@code data}. */
    public byte[] sign(byte[] data) {
        Objects.requireNonNull(data, "data");
        return signer.apply(data);
    }

    @Override
    public String toString() {
        return "Ed25519 key pair " + publicKey.keyId();
    }
}
