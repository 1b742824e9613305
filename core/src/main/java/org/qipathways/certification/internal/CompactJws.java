package org.qipathways.certification.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Iterator;
import java.util.Set;
import java.util.regex.Pattern;
import org.qipathways.certification.BadgePublicKey;

/**
 * A compact JWS (RFC 7515) taken apart: its JOSE header and payload as JSON, the bytes it signs and
 * its signature. Only what Open Badges 3.0 allows is accepted: a header of {@code alg} ES256 with at
 * most {@code typ} (JWT), {@code kid} (a did:jwk) and {@code jwk} besides, and a JSON object payload.
 *
 * @param header       the JOSE header
 * @param payload      the payload
 * @param signingInput the ASCII text the signature covers: header and payload as they were encoded
 * @param signature    the signature's bytes
 */
public record CompactJws(ObjectNode header, ObjectNode payload, String signingInput, byte[] signature) {

    private static final Pattern COMPACT = Pattern.compile("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");

    /** The JOSE header members Open Badges 3.0 allows ("Additional JOSE Headers are NOT allowed"). */
    private static final Set<String> HEADERS = Set.of("alg", "kid", "jwk", "typ");

    /**
     * Whether {@code text} has the shape of a compact JWS: three base64url parts and two dots, with
     * nothing else than white space around them.
     */
    public static boolean looksLikeOne(String text) {
        return COMPACT.matcher(text.strip()).matches();
    }

    /**
     * Takes a compact JWS apart (surrounding white space is ignored: it is not signed).
     *
     * @throws IllegalArgumentException saying why when it is not one, or not of the form accepted
     */
    public static CompactJws parse(String text) {
        String jws = text.strip();
        if (!COMPACT.matcher(jws).matches()) {
            throw new IllegalArgumentException("it is not a compact JWS (three base64url parts separated by dots)");
        }
        String[] parts = jws.split("\\.");
        JsonNode header = json(parts[0], "JOSE header");
        JsonNode payload = json(parts[1], "payload");
        if (!header.isObject() || !payload.isObject()) {
            throw new IllegalArgumentException("its JOSE header and payload must be JSON objects");
        }
        for (Iterator<String> names = header.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!HEADERS.contains(name)) {
                throw new IllegalArgumentException("its JOSE header has \"" + name + "\", which Open Badges 3.0 does not allow");
            }
        }
        if (header.has("typ") && !"JWT".equals(header.get("typ").textValue())) {
            throw new IllegalArgumentException("its JOSE header's typ is " + header.get("typ") + ", not \"JWT\"");
        }
        byte[] signature;
        try {
            signature = Base64.getUrlDecoder().decode(parts[2]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("its signature is not base64url", e);
        }
        return new CompactJws((ObjectNode) header, (ObjectNode) payload, parts[0] + "." + parts[1], signature);
    }

    /** The header's {@code alg}, or null. */
    public String algorithm() {
        return header.path("alg").textValue();
    }

    /**
     * The public key the header names: its {@code kid} (a did:jwk, which holds the key) and, when both
     * are given, a {@code jwk} that must be the same key.
     *
     * @throws IllegalArgumentException when the header names no P-256 key, or two different ones
     */
    public BadgePublicKey key() {
        String kid = header.path("kid").textValue();
        JsonNode jwk = header.get("jwk");
        if (kid == null && jwk == null) {
            throw new IllegalArgumentException("its JOSE header has neither kid nor jwk: nothing says which key signed it");
        }
        BadgePublicKey fromKid = kid == null ? null : BadgePublicKey.fromDidJwk(kid);
        BadgePublicKey fromJwk = jwk == null ? null : BadgePublicKey.fromJwk(jwk);
        if (fromKid != null && fromJwk != null && !fromKid.equals(fromJwk)) {
            throw new IllegalArgumentException("its JOSE header's kid and jwk are two different keys");
        }
        return fromKid != null ? fromKid : fromJwk;
    }

    /** Whether {@code key} made the signature (ES256). */
    public boolean signedBy(BadgePublicKey key) {
        return key.verifies(signingInput.getBytes(StandardCharsets.US_ASCII), signature);
    }

    private static JsonNode json(String part, String what) {
        try {
            return CanonicalJson.parse(new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException | JsonProcessingException e) {
            throw new IllegalArgumentException("its " + what + " is not base64url JSON", e);
        }
    }
}
