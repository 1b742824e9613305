package org.qipathways.certification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import org.qipathways.certification.internal.CanonicalJson;
import org.qipathways.certification.internal.Pem;

/**
 * The public half of an issuer's Open Badges key: a P-256 (secp256r1) key that checks ES256
 * signatures on Open Badges credentials and status lists. Read from an X.509 PEM file
 * ({@code badge-public.pem} from {@code qip keys generate}, or {@code openssl pkey -pubout} of an
 * {@code openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256} key), from a JWK, or from
 * a {@code did:jwk} identifier.
 * <pre>{@code
 * BadgePublicKey key = BadgePublicKey.load(Path.of("keys/badge-public.pem"));
 * key.did();     // "did:jwk:eyJjcnYiOiJQLTI1NiIs...": the issuer's id in its credentials
 * key.kid();     // key.did() + "#0": the JOSE kid, which resolves to the key itself
 * key.keyId();   // "sha256:..." of the X.509 encoding, as the register records keys
 * }</pre>
 */
public final class BadgePublicKey {

    /** The JOSE name of the curve. */
    public static final String CURVE = "P-256";

    /** The prefix of every did:jwk identifier. */
    public static final String DID_JWK = "did:jwk:";

    private static final ECParameterSpec P256 = p256();

    private final ECPublicKey key;
    private final byte[] encoded;
    private final String keyId;
    /** {@link #did()}, worked out once: every credential names it twice. */
    private final String did;

    BadgePublicKey(PublicKey key) {
        Objects.requireNonNull(key, "key");
        if (!(key instanceof ECPublicKey ec) || !isP256(ec.getParams())) {
            throw new IllegalArgumentException("not a P-256 public key (" + key.getAlgorithm() + ")");
        }
        this.key = ec;
        this.encoded = key.getEncoded();
        this.keyId = "sha256:" + HexFormat.of().formatHex(sha256(encoded));
        this.did = DID_JWK + base64url(CanonicalJson.compact(jwk()).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Reads a public key from PEM text.
     *
     * @param source names the text in messages, e.g. the file name
     * @throws IllegalArgumentException when it is not a P-256 public key in X.509 PEM
     */
    public static BadgePublicKey fromPem(String pem, String source) {
        byte[] der = Pem.decode("PUBLIC KEY", pem, source);
        try {
            return new BadgePublicKey(KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(der)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ": not a P-256 public key: " + e.getMessage(), e);
        }
    }

    /**
     * Reads a public key from a PEM file.
     *
     * @throws UncheckedIOException     when the file cannot be read
     * @throws IllegalArgumentException when it does not hold a P-256 public key
     */
    public static BadgePublicKey load(Path file) {
        try {
            return fromPem(Files.readString(file, StandardCharsets.US_ASCII), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * The key a public JWK ({@code kty} EC, {@code crv} P-256, {@code x}, {@code y}) describes.
     *
     * @throws IllegalArgumentException when it is not such a JWK, or holds a private key ({@code d})
     */
    public static BadgePublicKey fromJwk(JsonNode jwk) {
        if (jwk == null || !jwk.isObject()) {
            throw new IllegalArgumentException("the JWK is not a JSON object");
        }
        if (!"EC".equals(jwk.path("kty").textValue()) || !CURVE.equals(jwk.path("crv").textValue())) {
            throw new IllegalArgumentException("the JWK is not a P-256 key (kty \"" + jwk.path("kty").asText()
                    + "\", crv \"" + jwk.path("crv").asText() + "\"; expected EC and P-256)");
        }
        if (jwk.has("d")) {
            throw new IllegalArgumentException("the JWK holds a private key (\"d\"): a public key must never carry it");
        }
        byte[] x = coordinate(jwk, "x");
        byte[] y = coordinate(jwk, "y");
        try {
            ECPoint point = new ECPoint(new BigInteger(1, x), new BigInteger(1, y));
            if (!onCurve(point)) {
                throw new IllegalArgumentException("the JWK's point is not on the P-256 curve");
            }
            return new BadgePublicKey(KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(point, P256)));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("the JWK is not a usable P-256 key: " + e.getMessage(), e);
        }
    }

    /**
     * The key a {@code did:jwk} identifier holds, with or without a fragment ({@code #0}).
     *
     * @throws IllegalArgumentException when it is not a did:jwk of a P-256 public key
     */
    public static BadgePublicKey fromDidJwk(String did) {
        if (did == null || !did.startsWith(DID_JWK)) {
            throw new IllegalArgumentException("\"" + did + "\" is not a did:jwk identifier");
        }
        String rest = did.substring(DID_JWK.length());
        int hash = rest.indexOf('#');
        String encodedJwk = hash < 0 ? rest : rest.substring(0, hash);
        JsonNode jwk;
        try {
            jwk = CanonicalJson.parse(new String(Base64.getUrlDecoder().decode(encodedJwk), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException | JsonProcessingException e) {
            throw new IllegalArgumentException("\"" + did + "\" does not hold a base64url JSON JWK: " + e.getMessage(), e);
        }
        return fromJwk(jwk);
    }

    /** The SHA-256 of the key's X.509 encoding, as the register records issuer keys. */
    public String keyId() {
        return keyId;
    }

    /** The key as X.509 PEM text. */
    public String pem() {
        return Pem.encode("PUBLIC KEY", encoded);
    }

    /** The public JWK: {@code crv}, {@code kty}, {@code x}, {@code y} (RFC 7517, 7518). */
    public ObjectNode jwk() {
        ObjectNode jwk = JsonNodeFactory.instance.objectNode();
        jwk.put("crv", CURVE);
        jwk.put("kty", "EC");
        jwk.put("x", base64url(fixed(key.getW().getAffineX())));
        jwk.put("y", base64url(fixed(key.getW().getAffineY())));
        return jwk;
    }

    /**
     * The key as a {@code did:jwk}: the base64url of its JWK as compact JSON with sorted keys, so that
     * one key has one DID. Any verifier resolves it without a network (did:jwk method specification).
     */
    public String did() {
        return did;
    }

    /** The JOSE {@code kid}: the DID's one verification method, {@code #0}. */
    public String kid() {
        return did() + "#0";
    }

    /** The JDK key. */
    public ECPublicKey key() {
        return key;
    }

    /**
     * Whether {@code signature} is this key's ES256 signature of {@code data}: ECDSA with SHA-256, as
     * JOSE writes it (the 32-byte r and s, RFC 7518 section 3.4), not DER.
     */
    public boolean verifies(byte[] data, byte[] signature) {
        if (signature == null || signature.length != 64) {
            return false;
        }
        try {
            Signature v = Signature.getInstance("SHA256withECDSAinP1363Format");
            v.initVerify(key);
            v.update(data);
            return v.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BadgePublicKey other && Arrays.equals(encoded, other.encoded);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(encoded);
    }

    @Override
    public String toString() {
        return "P-256 public key " + keyId;
    }

    static String base64url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static byte[] coordinate(JsonNode jwk, String name) {
        String text = jwk.path(name).textValue();
        byte[] bytes;
        try {
            bytes = text == null ? null : Base64.getUrlDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            bytes = null;
        }
        if (bytes == null || bytes.length != 32) {
            throw new IllegalArgumentException("the JWK's \"" + name + "\" is not 32 bytes in base64url");
        }
        return bytes;
    }

    /** A coordinate as the 32 big-endian bytes JWK and did:jwk use. */
    private static byte[] fixed(BigInteger n) {
        byte[] b = n.toByteArray();
        if (b.length == 32) {
            return b;
        }
        byte[] out = new byte[32];
        if (b.length > 32) {
            System.arraycopy(b, b.length - 32, out, 0, 32);
        } else {
            System.arraycopy(b, 0, out, 32 - b.length, b.length);
        }
        return out;
    }

    /** y² = x³ + ax + b over the curve's prime field: a JWK must not smuggle in a point off the curve. */
    private static boolean onCurve(ECPoint p) {
        BigInteger prime = ((java.security.spec.ECFieldFp) P256.getCurve().getField()).getP();
        BigInteger x = p.getAffineX();
        BigInteger y = p.getAffineY();
        if (x.signum() < 0 || y.signum() < 0 || x.compareTo(prime) >= 0 || y.compareTo(prime) >= 0) {
            return false;
        }
        BigInteger left = y.multiply(y).mod(prime);
        BigInteger right = x.pow(3).add(P256.getCurve().getA().multiply(x)).add(P256.getCurve().getB()).mod(prime);
        return left.equals(right);
    }

    static boolean isP256(ECParameterSpec spec) {
        return spec != null && spec.getCurve().equals(P256.getCurve()) && spec.getGenerator().equals(P256.getGenerator())
                && spec.getOrder().equals(P256.getOrder()) && spec.getCofactor() == P256.getCofactor();
    }

    static ECParameterSpec p256Spec() {
        return P256;
    }

    private static ECParameterSpec p256() {
        try {
            AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
            parameters.init(new ECGenParameterSpec("secp256r1"));
            return parameters.getParameterSpec(ECParameterSpec.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this Java runtime has no P-256 (secp256r1) curve", e);
        }
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every Java platform must provide SHA-256", e);
        }
    }
}
