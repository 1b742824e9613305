package org.qipathways.certification.internal;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.EdECPrivateKey;
import java.util.function.UnaryOperator;

/**
 * Makes the signing functions of the issuer's keys: through BouncyCastle's lightweight API when
 * {@code org.bouncycastle:bcprov-jdk18on} is on the class path (an optional dependency of core; the
 * {@code qip} command line ships it), otherwise through the Java runtime's providers.
 *
 * <p>Why: signing is most of {@code qip certify}'s work, two signatures per certificate. On Java 17
 * the runtime's Ed25519 takes about 0.9 ms per signature and its P-256 ECDSA about 0.6 ms;
 * BouncyCastle's take about 0.09 ms and 0.2-0.3 ms (docs/performance.md). Ed25519 is deterministic, so
 * both give the same bytes; BouncyCastle's ECDSA takes its nonce from the key and message (RFC 6979)
 * where the runtime draws a random one, and either verifies with any ES256 verifier.
 * <pre>{@code
 * UnaryOperator<byte[]> sign = Signers.ed25519(privateKey);
 * byte[] signature = sign.apply(data);
 * }</pre>
 */
public final class Signers {

    private static final boolean BOUNCY_CASTLE = present("org.bouncycastle.crypto.signers.Ed25519Signer");

    private Signers() {
    }

    /** Whether signing goes through BouncyCastle. */
    public static boolean fast() {
        return BOUNCY_CASTLE;
    }

    /** A thread-safe function from data to its Ed25519 signature (64 bytes). */
    public static UnaryOperator<byte[]> ed25519(PrivateKey key) {
        if (BOUNCY_CASTLE && key instanceof EdECPrivateKey ed && ed.getBytes().isPresent()) {
            return BouncyCastleSigners.ed25519(ed.getBytes().get());
        }
        return runtime("Ed25519", key);
    }

    /** A thread-safe function from data to its ES256 signature as JOSE writes it: r and s, 32 bytes each. */
    public static UnaryOperator<byte[]> es256(ECPrivateKey key) {
        if (BOUNCY_CASTLE) {
            return BouncyCastleSigners.es256(key.getS());
        }
        return runtime("SHA256withECDSAinP1363Format", key);
    }

    /** Signing through the runtime's providers, whatever is on the class path. */
    static UnaryOperator<byte[]> runtime(String algorithm, PrivateKey key) {
        return data -> {
            try {
                Signature s = Signature.getInstance(algorithm);
                s.initSign(key);
                s.update(data);
                return s.sign();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("cannot sign with " + algorithm, e);
            }
        };
    }

    private static boolean present(String className) {
        try {
            Class.forName(className, false, Signers.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
