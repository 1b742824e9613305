package org.qipathways.certification;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jwt.SignedJWT;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * Checks an Open Badges credential the way 1EdTech's validator does, with code of its own and of
 * others, never ours: the JWS with Nimbus JOSE+JWT (alg ES256 or RS256, the key resolved from the
 * did:jwk in {@code kid} as the validator's DID resolver does), the payload against 1EdTech's JSON
 * Schema ({@code ob3/ob_v3p0_achievementcredential_schema.json}, validated by networknt's
 * json-schema-validator) and the validator's other rules (see {@code ob3/README.md}). Every test that
 * issues a credential passes it through {@link #check}, in this module and in samples (through the
 * test jar).
 * <pre>{@code
 * JsonNode credential = OpenBadgesConformance.check(Files.readString(Path.of("6ZQF116ET2H.ob3.jwt")));
 * }</pre>
 */
public final class OpenBadgesConformance {

    /** 1EdTech's schema, kept as a test resource. */
    public static final String SCHEMA = "/org/qipathways/certification/ob3/ob_v3p0_achievementcredential_schema.json";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchema VALIDATOR = validator();

    private OpenBadgesConformance() {
    }

    /** The schema's validator: draft 2019-09, with {@code format} (date-time) asserted, not just noted. */
    private static JsonSchema validator() {
        try (InputStream in = OpenBadgesConformance.class.getResourceAsStream(SCHEMA)) {
            JsonNode schema = JSON.readTree(in);
            SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V201909).getSchema(schema, config);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What 1EdTech's schema says is wrong with {@code credential}; empty when nothing. */
    public static List<String> schemaProblems(JsonNode credential) {
        List<String> out = new ArrayList<>();
        for (ValidationMessage m : VALIDATOR.validate(credential)) {
            out.add(m.getMessage());
        }
        return out;
    }

    /**
     * Checks a credential file's text, which must be exactly a compact JWS, and returns its payload.
     *
     * @throws AssertionError saying what a validator would refuse
     */
    public static JsonNode check(String compactJws) {
        assertThat(compactJws).as("the file is exactly a compact JWS, with no white space or line feed")
                .matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
        SignedJWT jwt;
        JsonNode payload;
        try {
            jwt = SignedJWT.parse(compactJws);
            payload = JSON.readTree(jwt.getPayload().toString());
        } catch (java.text.ParseException | IOException e) {
            throw new AssertionError("not a JWT: " + e.getMessage(), e);
        }
        verifiedKey(jwt);

        // --- 1EdTech's JSON Schema
        assertThat(schemaProblems(payload)).as("1EdTech's OB 3.0 schema finds nothing wrong").isEmpty();

        // --- OB 3.0 "JWT Payload Format": the payload is the credential, with these claims
        assertThat(payload.has("vc")).as("the whole payload is the credential (no vc claim)").isFalse();
        assertThat(payload.path("iss").asText()).as("iss is issuer.id").isEqualTo(payload.path("issuer").path("id").asText());
        assertThat(payload.path("jti").asText()).as("jti is id").isEqualTo(payload.path("id").asText());
        assertThat(payload.path("sub").asText()).as("sub is credentialSubject.id")
                .isEqualTo(payload.path("credentialSubject").path("id").asText());
        assertThat(payload.path("nbf").asLong()).as("nbf is validFrom")
                .isEqualTo(Instant.parse(payload.path("validFrom").asText()).getEpochSecond());
        if (payload.has("validUntil")) {
            assertThat(payload.path("exp").asLong()).as("exp is validUntil")
                    .isEqualTo(Instant.parse(payload.path("validUntil").asText()).getEpochSecond());
        } else {
            assertThat(payload.has("exp")).as("no exp without validUntil").isFalse();
        }
        // the issuer is the key that signed: kid is the issuer's did:jwk and its #0
        assertThat(payload.path("issuer").path("id").asText() + "#0").as("kid is issuer.id#0")
                .isEqualTo(jwt.getHeader().getKeyID());

        // --- the validator's probes
        JsonNode context = payload.path("@context");
        assertThat(context.path(0).asText()).as("@context 1").isEqualTo("https://www.w3.org/ns/credentials/v2");
        assertThat(context.path(1).asText()).as("@context 2 (any other version only warns)")
                .isEqualTo("https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json");
        assertThat(strings(context)).as("the extensions context defines 1EdTechJsonSchemaValidator2019 (validator issue #64)")
                .contains("https://purl.imsglobal.org/spec/ob/v3p0/extensions.json");
        assertThat(strings(payload.path("type"))).contains("VerifiableCredential", "OpenBadgeCredential");
        assertThat(strings(payload.path("issuer").path("type"))).as("issuer type").contains("Profile");
        JsonNode subject = payload.path("credentialSubject");
        assertThat(strings(subject.path("type"))).as("credentialSubject type").contains("AchievementSubject");
        assertThat(subject.hasNonNull("id") || subject.path("identifier").size() > 0).as("subject id or identifier").isTrue();
        for (JsonNode identity : subject.path("identifier")) {
            assertThat(strings(identity.path("type"))).contains("IdentityObject");
        }
        JsonNode criteria = subject.path("achievement").path("criteria");
        assertThat(criteria.hasNonNull("id") || criteria.hasNonNull("narrative")).as("criteria id or narrative").isTrue();
        for (JsonNode e : payload.path("evidence")) {
            assertThat(strings(e.path("type"))).contains("Evidence");
        }
        assertThat(payload.path("credentialSchema")).anySatisfy(s -> {
            assertThat(s.path("id").asText()).isEqualTo(OpenBadges.OB_SCHEMA);
            assertThat(s.path("type").asText()).isEqualTo("1EdTechJsonSchemaValidator2019");
        });
        if (payload.has("credentialStatus")) {
            JsonNode status = payload.path("credentialStatus");
            assertThat(status.path("type").asText()).isEqualTo("BitstringStatusListEntry");
            assertThat(status.path("statusPurpose").asText()).isEqualTo("revocation");
            assertThat(status.path("statusListIndex").isTextual()).as("statusListIndex is a string (Bitstring Status List v1.0)").isTrue();
            assertThat(status.path("statusListIndex").asText()).matches("0|[1-9][0-9]*");
            assertThat(URI.create(status.path("statusListCredential").asText()).isAbsolute()).isTrue();
            assertThat(status.path("id").asText())
                    .isEqualTo(status.path("statusListCredential").asText() + "#" + status.path("statusListIndex").asText());
        }

        // --- learner privacy: the learner id never in clear
        for (JsonNode identity : subject.path("identifier")) {
            assertThat(identity.path("hashed").asBoolean()).as("identifier hashed").isTrue();
            assertThat(identity.path("identityHash").asText()).matches("sha256\\$[0-9a-f]{64}");
            assertThat(identity.path("salt").asText()).as("a salt").isNotBlank();
        }
        return payload;
    }

    /**
     * Checks a published status list as the validator's BitstringStatusListCredentialInspector does,
     * and returns its bits, decoded with the JDK alone.
     */
    public static byte[] checkStatusList(String compactJws) {
        assertThat(compactJws).as("the file is exactly a compact JWS").matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
        SignedJWT jwt;
        JsonNode payload;
        try {
            jwt = SignedJWT.parse(compactJws);
            payload = JSON.readTree(jwt.getPayload().toString());
        } catch (java.text.ParseException | IOException e) {
            throw new AssertionError("not a JWT: " + e.getMessage(), e);
        }
        verifiedKey(jwt);
        assertThat(payload.path("@context").path(0).asText()).isEqualTo("https://www.w3.org/ns/credentials/v2");
        assertThat(strings(payload.path("type"))).contains("VerifiableCredential", "BitstringStatusListCredential");
        JsonNode subject = payload.path("credentialSubject");
        assertThat(strings(subject.path("type"))).contains("BitstringStatusList");
        assertThat(subject.path("statusPurpose").asText()).isEqualTo("revocation");
        assertThat(payload.path("id").asText()).isNotBlank();
        String encoded = subject.path("encodedList").asText();
        assertThat(encoded).as("multibase base64url").startsWith("u");
        byte[] bits;
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(Base64.getUrlDecoder().decode(encoded.substring(1))))) {
            bits = in.readAllBytes();
        } catch (IOException e) {
            throw new AssertionError("encodedList is not GZIP: " + e.getMessage(), e);
        }
        assertThat((long) bits.length * 8).as("at least 131,072 bits").isGreaterThanOrEqualTo(131_072);
        return bits;
    }

    /** Whether bit {@code index} of a decoded list is set, counting from the first byte's most significant bit. */
    public static boolean bit(byte[] bits, int index) {
        return (bits[index / 8] & (0x80 >>> (index % 8))) != 0;
    }

    /** The header's checks and the signature, verified with the key that the did:jwk in kid holds. */
    private static ECKey verifiedKey(SignedJWT jwt) {
        JWSHeader header = jwt.getHeader();
        assertThat(Set.of(JWSAlgorithm.ES256, JWSAlgorithm.RS256)).as("alg (1EdTech's validator takes RS256 or ES256)")
                .contains(header.getAlgorithm());
        assertThat(header.getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
        assertThat(header.getIncludedParams()).as("OB 3.0: no JOSE header but alg, kid, jwk, typ")
                .isSubsetOf(Set.of("alg", "kid", "jwk", "typ"));
        if (header.getType() != null) {
            assertThat(header.getType().toString()).isEqualTo("JWT");
        }
        ECKey key;
        try {
            // as the validator's SimpleDidResolver: the scheme-specific part of the kid URI, base64url-decoded
            String ssp = URI.create(header.getKeyID()).getSchemeSpecificPart();
            assertThat(ssp).startsWith("jwk:");
            String jwk = new String(Base64.getUrlDecoder().decode(ssp.substring("jwk:".length())), StandardCharsets.UTF_8);
            key = JWK.parse(jwk).toECKey();
        } catch (java.text.ParseException | RuntimeException e) {
            throw new AssertionError("kid " + header.getKeyID() + " does not resolve to a JWK: " + e.getMessage(), e);
        }
        assertThat(key.isPrivate()).as("the did:jwk holds no private key").isFalse();
        assertThat(key.getCurve()).isEqualTo(Curve.P_256);
        assertThat(URI.create(header.getKeyID()).getFragment()).isEqualTo("0");
        if (header.getJWK() != null) {
            assertThat(header.getJWK().isPrivate()).as("the header's jwk holds no private key").isFalse();
            assertThat(header.getJWK().toECKey().toPublicJWK()).as("jwk and kid are one key").isEqualTo(key.toPublicJWK());
        }
        try {
            assertThat(jwt.verify(new ECDSAVerifier(key))).as("Nimbus verifies the ES256 signature").isTrue();
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new AssertionError(e);
        }
        return key;
    }

    private static List<String> strings(JsonNode n) {
        List<String> out = new ArrayList<>();
        if (n.isTextual()) {
            out.add(n.textValue());
        }
        n.forEach(t -> out.add(t.asText()));
        return out;
    }
}
