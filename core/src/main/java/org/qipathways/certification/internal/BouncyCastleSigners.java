package org.qipathways.certification.internal;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.function.UnaryOperator;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;

/**
 * The BouncyCastle half of {@link Signers}; loaded only when BouncyCastle is on the class path,
 * so that core runs without it.
 */
final class BouncyCastleSigners {

    /** P-256 in BouncyCastle's specialised arithmetic (SecP256R1Curve), much faster than the generic curve. */
    private static final ECDomainParameters P256;

    static {
        X9ECParameters p = CustomNamedCurves.getByName("secp256r1");
        P256 = new ECDomainParameters(p.getCurve(), p.getG(), p.getN(), p.getH());
    }

    private BouncyCastleSigners() {
    }

    static UnaryOperator<byte[]> ed25519(byte[] privateKey) {
        Ed25519PrivateKeyParameters key = new Ed25519PrivateKeyParameters(privateKey, 0);
        return data -> {
            // a signer holds the message while it signs: one per signature, so that threads share none
            Ed25519Signer signer = new Ed25519Signer();
            signer.init(true, key);
            signer.update(data, 0, data.length);
            return signer.generateSignature();
        };
    }

    static UnaryOperator<byte[]> es256(BigInteger d) {
        ECPrivateKeyParameters key = new ECPrivateKeyParameters(d, P256);
        return data -> {
            ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
            signer.init(true, key);
            BigInteger[] rs = signer.generateSignature(sha256(data));
            byte[] out = new byte[64];
            unsigned(rs[0], out, 0);
            unsigned(rs[1], out, 32);
            return out;
        };
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java runtime has no SHA-256", e);
        }
    }

    /** {@code n} as 32 big-endian bytes at {@code at}, as JOSE writes r and s. */
    private static void unsigned(BigInteger n, byte[] out, int at) {
        byte[] b = n.toByteArray();
        int from = Math.max(0, b.length - 32);
        int length = b.length - from;
        System.arraycopy(b, from, out, at + 32 - length, length);
    }
}
