package org.qipathways.certification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.Ed25519Verifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.qipathways.programme.Programme;

/**
 * The Open Badges 3.0 export, checked against what the specification (1EdTech Open Badges 3.0, with the
 * W3C VC data model 2.0 and the OB 3.0 JSON schema) requires of an OpenBadgeCredential, and its proof
 * checked with an independent JOSE library (Nimbus JOSE+JWT, with Tink for Ed25519).
 */
class OpenBadgesTest {

    static final Programme PROGRAMME = Programme.reference();
    static final IssuerKey KEY = IssuerKey.generate();
    static final OpenBadges.Issuer ISSUER = new OpenBadges.Issuer("Regional Improvement Academy", "https://academy.example.org");

    JsonNode credential(Certificate c) {
        return OpenBadges.credential(c, PROGRAMME, ISSUER, KEY.publicKey());
    }

    static Certificate bronze() {
        return Certificate.issue(CertificateId.derive(PROGRAMME.code(), "BRONZE", "L0002", LocalDate.of(2024, 1, 12)), "L0002",
                PROGRAMME.code(), PROGRAMME.version(), "BRONZE", LocalDate.of(2024, 1, 12), LocalDate.of(2024, 1, 12), null,
                Instant.parse("2024-02-01T09:00:00Z"), null, "sha256:" + "cd".repeat(32));
    }

    // --- what the specification requires ------------------------------------------------------

    /** A URI as the VC data model means it: absolute, with a scheme. */
    static void assertUri(JsonNode n, String what) {
        assertThat(n).as(what).isNotNull();
        assertThat(n.isTextual()).as(what + " is a string").isTrue();
        assertThat(URI.create(n.textValue()).isAbsolute()).as(what + " is an absolute URI: " + n.textValue()).isTrue();
    }

    /** A DateTimeZ: an ISO 8601 date and time with a time zone. */
    static void assertDateTimeZ(JsonNode n, String what) {
        assertThat(n).as(what).isNotNull();
        assertThat(n.isTextual()).as(what + " is a string").isTrue();
        OffsetDateTime.parse(n.textValue(), DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    /** {@code type}: a string or an array of strings that includes each of {@code required}. */
    static void assertType(JsonNode n, String what, String... required) {
        assertThat(n).as(what + ".type").isNotNull();
        List<String> types = new ArrayList<>();
        if (n.isTextual()) {
            types.add(n.textValue());
        } else {
            assertThat(n.isArray()).as(what + ".type is a string or an array").isTrue();
            n.forEach(t -> {
                assertThat(t.isTextual()).as(what + ".type items are strings").isTrue();
                types.add(t.textValue());
            });
        }
        assertThat(types).as(what + ".type").contains(required);
    }

    static void assertString(JsonNode n, String what) {
        assertThat(n).as(what).isNotNull();
        assertThat(n.isTextual() && !n.textValue().isBlank()).as(what + " is a non-empty string").isTrue();
    }

    static void assertOnlyKeys(JsonNode n, String what, Set<String> allowed) {
        Iterator<String> names = n.fieldNames();
        while (names.hasNext()) {
            String k = names.next();
            assertThat(allowed).as(what + " may not have \"" + k + "\" (additionalProperties: false)").contains(k);
        }
    }

    /** Everything the OB 3.0 data model and schema require of an OpenBadgeCredential, with its types. */
    static void assertOpenBadgeCredential(JsonNode vc) {
        // @context: an ordered array, VCDM 2.0 first, then the OB 3.0 context
        assertThat(vc.get("@context").isArray()).isTrue();
        assertThat(vc.get("@context").get(0).textValue()).isEqualTo("https://www.w3.org/ns/credentials/v2");
        assertThat(vc.get("@context").get(1).textValue()).isEqualTo("https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json");
        assertUri(vc.get("id"), "id");
        assertType(vc.get("type"), "credential", "VerifiableCredential", "OpenBadgeCredential");
        assertString(vc.get("name"), "name");
        // issuer: a Profile with an id and type
        JsonNode issuer = vc.get("issuer");
        assertThat(issuer.isObject()).isTrue();
        assertUri(issuer.get("id"), "issuer.id");
        assertType(issuer.get("type"), "issuer", "Profile");
        // validFrom required (VCDM 2.0 replaces issuanceDate); validUntil optional
        assertDateTimeZ(vc.get("validFrom"), "validFrom");
        if (vc.has("validUntil")) {
            assertDateTimeZ(vc.get("validUntil"), "validUntil");
        }
        if (vc.has("awardedDate")) {
            assertDateTimeZ(vc.get("awardedDate"), "awardedDate");
        }
        // credentialSubject: an AchievementSubject, identified by id and/or identifier
        JsonNode subject = vc.get("credentialSubject");
        assertThat(subject.isObject()).isTrue();
        assertType(subject.get("type"), "credentialSubject", "AchievementSubject");
        assertThat(subject.has("id") || subject.has("identifier")).as("credentialSubject has id or identifier").isTrue();
        if (subject.has("id")) {
            assertUri(subject.get("id"), "credentialSubject.id");
        }
        assertOnlyKeys(subject, "credentialSubject", Set.of("id", "type", "activityEndDate", "activityStartDate",
                "creditsEarned", "achievement", "identifier", "image", "licenseNumber", "narrative", "result", "role", "source", "term"));
        for (JsonNode identity : subject.path("identifier")) {
            assertThat(identity.get("type").textValue()).isEqualTo("IdentityObject");
            assertThat(identity.get("hashed").isBoolean()).as("identifier.hashed is a boolean").isTrue();
            assertString(identity.get("identityHash"), "identifier.identityHash");
            assertThat(identity.get("identityType").textValue()).isIn("sourcedId", "systemId", "productId", "userName",
                    "accountId", "emailAddress", "nationalIdentityNumber", "isbn", "issn", "lisSourcedId", "oneRosterSourcedId",
                    "sisSourcedId", "ltiContextId", "ltiDeploymentId", "ltiToolId", "ltiPlatformId", "ltiUserId", "identifier");
            assertOnlyKeys(identity, "IdentityObject", Set.of("type", "hashed", "identityHash", "identityType", "salt"));
        }
        // achievement: id, type, name, description and criteria (with an id or a narrative)
        JsonNode a = subject.get("achievement");
        assertThat(a.isObject()).isTrue();
        assertUri(a.get("id"), "achievement.id");
        assertType(a.get("type"), "achievement", "Achievement");
        assertString(a.get("name"), "achievement.name");
        assertString(a.get("description"), "achievement.description");
        JsonNode criteria = a.get("criteria");
        assertThat(criteria.isObject()).isTrue();
        assertThat(criteria.has("id") || criteria.has("narrative")).as("criteria has an id or a narrative").isTrue();
        if (a.has("achievementType")) {
            assertThat(a.get("achievementType").textValue()).isIn("Achievement", "ApprenticeshipCertificate", "Assessment",
                    "Assignment", "AssociateDegree", "Award", "Badge", "BachelorDegree", "Certificate", "CertificateOfCompletion",
                    "Certification", "CommunityService", "Competency", "Course", "CoCurricular", "Degree", "Diploma",
                    "DoctoralDegree", "Fieldwork", "GeneralEducationDevelopment", "JourneymanCertificate", "LearningProgram",
                    "License", "Membership", "ProfessionalDoctorate", "QualityAssuranceCredential", "MasterCertificate",
                    "MasterDegree", "MicroCredential", "ResearchDoctorate", "SecondarySchoolDiploma");
        }
        for (JsonNode e : vc.path("evidence")) {
            assertType(e.get("type"), "evidence", "Evidence");
        }
        for (JsonNode s : vc.path("credentialSchema")) {
            assertUri(s.get("id"), "credentialSchema.id");
            assertString(s.get("type"), "credentialSchema.type");
        }
    }

    @Test
    void theCredentialHasEveryFieldTheSpecificationRequires() {
        JsonNode gold = credential(SignedCertificateTest.gold());
        assertOpenBadgeCredential(gold);
        assertOpenBadgeCredential(credential(bronze()));

        assertThat(gold.get("issuer").get("id").textValue()).isEqualTo(KEY.publicKey().didKey());
        assertThat(gold.get("issuer").get("name").textValue()).isEqualTo("Regional Improvement Academy");
        assertThat(gold.get("validFrom").textValue()).isEqualTo("2024-07-01T00:00:00Z");
        assertThat(gold.get("validUntil").textValue()).isEqualTo("2026-09-01T23:59:59Z");
        assertThat(gold.get("awardedDate").textValue()).isEqualTo("2022-09-01T00:00:00Z");
        JsonNode achievement = gold.get("credentialSubject").get("achievement");
        assertThat(achievement.get("achievementType").textValue()).isEqualTo("Certification");
        assertThat(achievement.get("name").textValue()).isEqualTo("Gold");
        assertThat(gold.get("credentialSubject").get("identifier").get(0).get("identityHash").textValue()).isEqualTo("L0001");
        assertThat(credential(bronze()).has("validUntil")).as("Bronze never expires").isFalse();
        assertThat(credential(bronze()).get("credentialSubject").get("achievement").get("achievementType").textValue())
                .isEqualTo("Certificate");
        assertThat(gold.get("evidence").get(0).get("narrative").textValue()).isEqualTo(SignedCertificateTest.gold().evidenceDigest());
    }

    @Test
    void theCriteriaAreWrittenFromTheTiersRule() {
        String gold = OpenBadges.criteria(PROGRAMME, PROGRAMME.tier("GOLD").orElseThrow());
        assertThat(gold).startsWith("Gold is achieved on the first day on which all of these:\n- hold Silver\n")
                .contains("- Teaching and coaching improvement at level 3 (Leader)\n")
                .contains("It is valid for 2 years from achievement.")
                .contains("renewed for another 2 years on the first day, in the 90 days up to its expiry, on which");
        String bronze = OpenBadges.criteria(PROGRAMME, PROGRAMME.tier("BRONZE").orElseThrow());
        assertThat(bronze).contains("any one of these:").contains("Bronze knowledge check").doesNotContain("valid for");
    }

    @Test
    void theProofIsAnEdDsaJwtThatAnIndependentJoseLibraryVerifies() throws Exception {
        Certificate c = SignedCertificateTest.gold();
        String jwt = OpenBadges.jwt(c, PROGRAMME, ISSUER, KEY);

        SignedJWT parsed = SignedJWT.parse(jwt);
        assertThat(parsed.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.EdDSA);
        assertThat(parsed.getHeader().getType().toString()).isEqualTo("JWT");
        assertThat(parsed.getHeader().getKeyID()).startsWith(KEY.publicKey().didKey() + "#");
        OctetKeyPair trusted = new OctetKeyPair.Builder(Curve.Ed25519, Base64URL.encode(KEY.publicKey().raw())).build();
        assertThat(parsed.verify(new Ed25519Verifier(trusted))).isTrue();
        // the key in the header is the issuer's own
        assertThat(parsed.getHeader().getJWK().toOctetKeyPair().getX()).isEqualTo(trusted.getX());

        JWTClaimsSet claims = parsed.getJWTClaimsSet();
        assertThat(claims.getIssuer()).isEqualTo(KEY.publicKey().didKey());
        assertThat(claims.getJWTID()).isEqualTo(credential(c).get("id").textValue());
        assertThat(claims.getSubject()).isEqualTo(credential(c).get("credentialSubject").get("id").textValue());
        assertThat(claims.getNotBeforeTime().toInstant()).isEqualTo(Instant.parse("2024-07-01T00:00:00Z"));
        assertThat(claims.getExpirationTime().toInstant()).isEqualTo(Instant.parse("2026-09-01T23:59:59Z"));
        // the payload is the credential itself, with no "vc" wrapper
        JsonNode payload = new ObjectMapper().readTree(parsed.getPayload().toString());
        assertThat(payload.has("vc")).isFalse();
        assertOpenBadgeCredential(payload);

        // another key does not verify it, and a changed payload does not verify
        OctetKeyPair other = new OctetKeyPair.Builder(Curve.Ed25519, Base64URL.encode(IssuerKey.generate().publicKey().raw())).build();
        assertThat(SignedJWT.parse(jwt).verify(new Ed25519Verifier(other))).isFalse();
        String[] parts = jwt.split("\\.");
        String changedPayload = Base64URL.encode(parsed.getPayload().toString().replace("L0001", "L0666")).toString();
        assertThat(SignedJWT.parse(parts[0] + "." + changedPayload + "." + parts[2]).verify(new Ed25519Verifier(trusted))).isFalse();
    }

    @Test
    void aCertificateOfAnotherProgrammeOrABadIssuerUrlIsRefused() {
        assertThatThrownBy(() -> new OpenBadges.Issuer("Academy", "ftp://example.org")).hasMessageContaining("http or https");
        assertThatThrownBy(() -> new OpenBadges.Issuer(" ", null)).hasMessageContaining("issuer name is required");
    }
}
