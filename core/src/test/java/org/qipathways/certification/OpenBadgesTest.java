package org.qipathways.certification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
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
 * W3C VC data model 2.0) requires of an OpenBadgeCredential, against 1EdTech's JSON Schema and
 * validator rules ({@link OpenBadgesConformance}), with its proof checked by an independent JOSE library
 * (Nimbus JOSE+JWT), and for what it must not say about the learner.
 */
class OpenBadgesTest {

    static final Programme PROGRAMME = Programme.reference();
    static final BadgeKey KEY = BadgeKey.generate();
    static final LearnerSecret SECRET = LearnerSecret.generate();
    static final OpenBadges.Issuer ISSUER = new OpenBadges.Issuer("Regional Improvement Academy", "https://academy.example.org");
    static final OpenBadges BADGES = OpenBadges.of(PROGRAMME, ISSUER, KEY, SECRET);
    static final String LIST = "https://academy.example.org/status/qip-bsg.jwt";
    static final OpenBadges.Status STATUS = new OpenBadges.Status(LIST, 94_567);

    JsonNode credential(Certificate c) {
        return BADGES.credential(c, STATUS);
    }

    /** Every credential a test issues goes through here: checked as 1EdTech's validator would. */
    static String issue(OpenBadges badges, Certificate c, OpenBadges.Status status) {
        String jwt = badges.jwt(c, status);
        OpenBadgesConformance.check(jwt);
        return jwt;
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
        assertOpenBadgeCredential(BADGES.credential(bronze(), null));

        assertThat(gold.get("@context").get(2).textValue()).isEqualTo("https://purl.imsglobal.org/spec/ob/v3p0/extensions.json");
        assertThat(gold.get("issuer").get("id").textValue()).isEqualTo(KEY.publicKey().did()).startsWith("did:jwk:");
        assertThat(gold.get("issuer").get("name").textValue()).isEqualTo("Regional Improvement Academy");
        assertThat(gold.get("issuer").get("url").textValue()).isEqualTo("https://academy.example.org");
        assertThat(gold.get("validFrom").textValue()).isEqualTo("2024-07-01T00:00:00Z");
        assertThat(gold.get("validUntil").textValue()).isEqualTo("2026-09-01T23:59:59Z");
        assertThat(gold.get("awardedDate").textValue()).isEqualTo("2022-09-01T00:00:00Z");
        JsonNode achievement = gold.get("credentialSubject").get("achievement");
        assertThat(achievement.get("achievementType").textValue()).isEqualTo("Certification");
        assertThat(achievement.get("name").textValue()).isEqualTo("Gold");
        assertThat(achievement.get("humanCode").textValue()).isEqualTo("GOLD");
        assertThat(credential(bronze()).has("validUntil")).as("Bronze never expires").isFalse();
        assertThat(credential(bronze()).get("credentialSubject").get("achievement").get("achievementType").textValue())
                .isEqualTo("Certificate");
        assertThat(gold.get("evidence").get(0).get("narrative").textValue()).isEqualTo(SignedCertificateTest.gold().evidenceDigest());
        assertThat(gold.get("credentialSchema").get(0).get("id").textValue()).isEqualTo(OpenBadges.OB_SCHEMA);
    }

    @Test
    void everyCredentialValidatesAgainst1EdTechsSchemaAndTheSchemaRefusesBrokenOnes() {
        for (Certificate c : List.of(SignedCertificateTest.gold(), bronze())) {
            for (OpenBadges.Status status : java.util.Arrays.asList(STATUS, null)) {
                assertThat(OpenBadgesConformance.schemaProblems(BADGES.credential(c, status))).isEmpty();
                issue(BADGES, c, status);
            }
        }
        issue(OpenBadges.of(PROGRAMME, new OpenBadges.Issuer("Academy", null), BadgeKey.generate(), LearnerSecret.generate()),
                bronze(), new OpenBadges.Status("http://localhost:8080/list", 0));

        // the schema is no rubber stamp: what 1EdTech's schema forbids, it finds
        ObjectNode noIssuer = BADGES.credential(bronze(), STATUS);
        noIssuer.remove("issuer");
        assertThat(OpenBadgesConformance.schemaProblems(noIssuer)).anyMatch(m -> m.contains("issuer"));
        ObjectNode oldContext = BADGES.credential(bronze(), STATUS);
        oldContext.putArray("@context").add("https://www.w3.org/2018/credentials/v1").add(OpenBadges.OB_CONTEXT);
        assertThat(OpenBadgesConformance.schemaProblems(oldContext)).isNotEmpty();
        ObjectNode clearId = BADGES.credential(bronze(), STATUS);
        ((ObjectNode) clearId.get("credentialSubject").get("identifier").get(0)).put("learner", "L0002");
        assertThat(OpenBadgesConformance.schemaProblems(clearId)).as("IdentityObject has no other properties").isNotEmpty();
        ObjectNode badDate = BADGES.credential(bronze(), STATUS);
        badDate.put("validFrom", "2024-01-12");
        assertThat(OpenBadgesConformance.schemaProblems(badDate)).as("validFrom is a date-time").isNotEmpty();
        ObjectNode noCriteria = BADGES.credential(bronze(), STATUS);
        ((ObjectNode) noCriteria.get("credentialSubject").get("achievement")).remove("criteria");
        assertThat(OpenBadgesConformance.schemaProblems(noCriteria)).isNotEmpty();
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
    void theCriteriaWorkedOutOnceAreThoseOfTheTiersRule() {
        for (String tier : List.of("BRONZE", "SILVER", "GOLD")) {
            Certificate c = Certificate.issue(CertificateId.derive(PROGRAMME.code(), tier, "L0002", LocalDate.of(2024, 1, 12)),
                    "L0002", PROGRAMME.code(), PROGRAMME.version(), tier, LocalDate.of(2024, 1, 12), LocalDate.of(2024, 1, 12),
                    null, Instant.parse("2024-02-01T09:00:00Z"), null, "sha256:" + "cd".repeat(32));
            assertThat(credential(c).get("credentialSubject").get("achievement").get("criteria").get("narrative").textValue())
                    .isEqualTo(OpenBadges.criteria(PROGRAMME, PROGRAMME.tier(tier).orElseThrow()));
        }
    }

    @Test
    void theQuickFormatCheckAgreesWithTheFullOne() {
        String ours = BADGES.jwt(bronze(), STATUS);
        String otherKey = OpenBadges.of(PROGRAMME, ISSUER, BadgeKey.generate(), SECRET).jwt(bronze(), STATUS);
        String[] parts = ours.split("\\.");
        String edDsaHeader = Base64.getUrlEncoder().withoutPadding().encodeToString(
                "{\"alg\":\"EdDSA\",\"kid\":\"did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK#z6Mk\",\"typ\":\"JWT\"}"
                        .getBytes(StandardCharsets.UTF_8));
        String earlier = edDsaHeader + "." + parts[1] + "." + parts[2];
        for (String jws : List.of(ours, otherKey, earlier, parts[0] + "." + parts[1], parts[0] + ".." + parts[2],
                parts[0] + "." + parts[1] + ".", ours + "." + parts[2], ours + "\n", ours.replace(parts[1], parts[1] + " "),
                ours.replace(parts[1], parts[1].substring(0, 10) + "=" + parts[1].substring(10)), "", "not a jws")) {
            assertThat(BADGES.isCurrent(jws)).as(jws).isEqualTo(OpenBadges.isCurrentFormat(jws));
        }
        assertThat(BADGES.isCurrent(ours)).isTrue();
        assertThat(BADGES.isCurrent(otherKey)).isTrue();
        assertThat(BADGES.isCurrent(earlier)).isFalse();
    }

    @Test
    void theProofIsAnEs256JwtWithAResolvableKidThatAnIndependentJoseLibraryVerifies() throws Exception {
        Certificate c = SignedCertificateTest.gold();
        String jwt = issue(BADGES, c, STATUS);

        SignedJWT parsed = SignedJWT.parse(jwt);
        assertThat(parsed.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
        assertThat(parsed.getHeader().getType().toString()).isEqualTo("JWT");
        // kid is a did:jwk: the key itself, base64url-encoded, resolvable by anyone without a network
        String kid = parsed.getHeader().getKeyID();
        assertThat(kid).isEqualTo(KEY.publicKey().did() + "#0");
        String encodedJwk = kid.substring("did:jwk:".length(), kid.length() - "#0".length());
        ECKey resolved = JWK.parse(new String(Base64.getUrlDecoder().decode(encodedJwk), StandardCharsets.UTF_8)).toECKey();
        assertThat(resolved.getCurve()).isEqualTo(Curve.P_256);
        assertThat(resolved.isPrivate()).isFalse();
        assertThat(resolved.toECPublicKey().getW()).isEqualTo(KEY.publicKey().key().getW());
        assertThat(parsed.verify(new ECDSAVerifier(resolved))).isTrue();
        assertThat(parsed.getHeader().getJWK().toECKey().toPublicJWK()).isEqualTo(resolved.toPublicJWK());

        JWTClaimsSet claims = parsed.getJWTClaimsSet();
        assertThat(claims.getIssuer()).isEqualTo(KEY.publicKey().did());
        assertThat(claims.getJWTID()).isEqualTo(credential(c).get("id").textValue());
        assertThat(claims.getSubject()).isEqualTo(credential(c).get("credentialSubject").get("id").textValue());
        assertThat(claims.getNotBeforeTime().toInstant()).isEqualTo(Instant.parse("2024-07-01T00:00:00Z"));
        assertThat(claims.getExpirationTime().toInstant()).isEqualTo(Instant.parse("2026-09-01T23:59:59Z"));
        // the payload is the credential itself, with no "vc" wrapper
        JsonNode payload = new ObjectMapper().readTree(parsed.getPayload().toString());
        assertThat(payload.has("vc")).isFalse();
        assertOpenBadgeCredential(payload);

        // another key does not verify it, and a changed payload does not verify
        ECKey other = new ECKey.Builder(Curve.P_256, BadgeKey.generate().publicKey().key()).build();
        assertThat(SignedJWT.parse(jwt).verify(new ECDSAVerifier(other))).isFalse();
        String[] parts = jwt.split("\\.");
        String changedPayload = Base64URL.encode(parsed.getPayload().toString().replace("Gold", "Platinum")).toString();
        assertThat(SignedJWT.parse(parts[0] + "." + changedPayload + "." + parts[2]).verify(new ECDSAVerifier(resolved))).isFalse();
    }

    @Test
    void theCredentialCarriesItsPlaceInTheStatusList() {
        JsonNode status = credential(bronze()).get("credentialStatus");
        assertThat(status.get("type").textValue()).isEqualTo("BitstringStatusListEntry");
        assertThat(status.get("statusPurpose").textValue()).isEqualTo("revocation");
        assertThat(status.get("statusListIndex").textValue()).isEqualTo("94567");
        assertThat(status.get("statusListCredential").textValue()).isEqualTo(LIST);
        assertThat(status.get("id").textValue()).isEqualTo(LIST + "#94567");
        assertThat(BADGES.credential(bronze(), null).has("credentialStatus")).isFalse();
        assertThatThrownBy(() -> new OpenBadges.Status("ftp://example.org/list", 1)).hasMessageContaining("http or https");
        assertThatThrownBy(() -> new OpenBadges.Status(LIST + "#x", 1)).hasMessageContaining("fragment");
        assertThatThrownBy(() -> new OpenBadges.Status(LIST, -1)).hasMessageContaining("negative");
    }

    @Test
    void theLearnerIdIsNowhereInTheCredentialAndTheIssuerCanMatchItBack() throws Exception {
        Certificate gold = SignedCertificateTest.gold();
        String jwt = issue(BADGES, gold, STATUS);
        String payload = new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8);
        assertThat(payload).as("neither the learner id nor the certificate id, from which a learner id can be confirmed")
                .doesNotContain("L0001").doesNotContain(gold.id().value());

        JsonNode identity = credential(gold).get("credentialSubject").get("identifier").get(0);
        assertThat(identity.get("hashed").booleanValue()).isTrue();
        assertThat(identity.get("identityType").textValue()).isEqualTo("systemId");
        String salt = identity.get("salt").textValue();
        // the issuer, who has the learner id, recomputes the hash: SHA-256 of id + salt, as OB 3.0 defines it
        String expected = "sha256$" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(("L0001" + salt).getBytes(StandardCharsets.UTF_8)));
        assertThat(identity.get("identityHash").textValue()).isEqualTo(expected);

        // salts differ between credentials, so hashes do not link them; the subject id is the learner's in the programme
        JsonNode goldSubject = credential(gold).get("credentialSubject");
        Certificate silver = Certificate.issue(CertificateId.derive(PROGRAMME.code(), "SILVER", "L0001", LocalDate.of(2024, 4, 30)),
                "L0001", PROGRAMME.code(), PROGRAMME.version(), "SILVER", LocalDate.of(2024, 4, 30), LocalDate.of(2024, 4, 30),
                null, Instant.parse("2024-08-01T09:30:00Z"), null, "sha256:" + "ef".repeat(32));
        JsonNode silverSubject = credential(silver).get("credentialSubject");
        assertThat(silverSubject.get("identifier").get(0).get("salt").textValue()).isNotEqualTo(salt);
        assertThat(silverSubject.get("id").textValue()).isEqualTo(goldSubject.get("id").textValue())
                .isEqualTo(SECRET.subjectId(PROGRAMME.code(), "L0001")).matches("urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        assertThat(credential(bronze()).get("credentialSubject").get("id").textValue()).isNotEqualTo(goldSubject.get("id").textValue());
        // without the issuer's secret nobody gets the same ids, or the same salt
        OpenBadges otherIssuer = OpenBadges.of(PROGRAMME, ISSUER, KEY, LearnerSecret.generate());
        JsonNode other = otherIssuer.credential(gold, STATUS);
        assertThat(other.get("credentialSubject").get("id").textValue()).isNotEqualTo(goldSubject.get("id").textValue());
        assertThat(other.get("id").textValue()).isNotEqualTo(credential(gold).get("id").textValue());
        assertThat(other.get("credentialSubject").get("identifier").get(0).get("salt").textValue()).isNotEqualTo(salt);
        // and one issuer always gives one certificate the same credential
        assertThat(BADGES.credential(gold, STATUS)).isEqualTo(credential(gold));
    }

    @Test
    void aCertificateOfAnotherProgrammeOrABadIssuerUrlIsRefused() {
        assertThatThrownBy(() -> new OpenBadges.Issuer("Academy", "ftp://example.org")).hasMessageContaining("http or https");
        assertThatThrownBy(() -> new OpenBadges.Issuer(" ", null)).hasMessageContaining("issuer name is required");
        Certificate foreign = Certificate.issue(CertificateId.derive("OTHER", "BRONZE", "L1", LocalDate.of(2024, 1, 1)), "L1",
                "OTHER", "1", "BRONZE", LocalDate.of(2024, 1, 1), LocalDate.of(2024, 1, 1), null, Instant.parse("2024-02-01T00:00:00Z"),
                null, "sha256:" + "00".repeat(32));
        assertThatThrownBy(() -> BADGES.credential(foreign, STATUS)).hasMessageContaining("is for programme OTHER");
    }
}
