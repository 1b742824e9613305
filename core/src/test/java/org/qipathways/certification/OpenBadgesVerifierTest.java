package org.qipathways.certification;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qipathways.certification.Verification.Verdict;
import org.qipathways.certification.internal.CanonicalJson;
import org.qipathways.certification.jdbc.JdbcCertificateRegister;
import org.qipathways.programme.Programme;

/** Checking an Open Badges credential as a holder or employer can (key, status list) and as the issuer can (register). */
class OpenBadgesVerifierTest {

    static final Programme PROGRAMME = Programme.reference();
    static final String LIST = "https://academy.example.org/status/qip-bsg.jwt";
    static final LocalDate TODAY = LocalDate.of(2025, 1, 1);

    @TempDir
    Path dir;

    final BadgeKey key = BadgeKey.generate();
    final LearnerSecret secret = LearnerSecret.generate();
    final OpenBadges badges = OpenBadges.of(PROGRAMME, new OpenBadges.Issuer("Academy", null), key, secret);
    JdbcCertificateRegister register;
    Certifier certifier;
    Certificate bronze;
    Certificate other;

    @BeforeEach
    void certify() {
        register = JdbcCertificateRegister.open("jdbc:sqlite:" + dir.resolve("register.db"));
        certifier = Certifier.of(PROGRAMME, register, CertifierContract.at("2024-12-01T00:00:00Z"), "test");
        certifier.certify(List.of(Events.record("B", Events.bronze("2024-05-05")), Events.record("O", Events.bronze("2024-06-06"))),
                LocalDate.of(2024, 12, 1));
        bronze = register.certificates(PROGRAMME.code(), List.of("B")).get(0);
        other = register.certificates(PROGRAMME.code(), List.of("O")).get(0);
        register.setStatusListUrl(LIST);
        register.addIssuerKey(key.publicKey().keyId(), key.publicKey().pem());
    }

    @AfterEach
    void close() {
        register.close();
    }

    String credential(Certificate c) {
        int index = register.statusIndexes(List.of(c.id())).get(c.id());
        return OpenBadgesTest.issue(badges, c, new OpenBadges.Status(LIST, index));
    }

    String statusList(LocalDate asOf) {
        return StatusList.of(register.statusEntries(), asOf).jwt(LIST, key, asOf.atStartOfDay(java.time.ZoneOffset.UTC).toInstant());
    }

    OpenBadgesVerifier byKey() {
        return OpenBadgesVerifier.of(List.of(key.publicKey()), null);
    }

    @Test
    void aGenuineCredentialIsValidWithTheIssuersKey() {
        Verification v = byKey().verify(credential(bronze), null, TODAY);
        assertThat(v.verdict()).as(v.reason()).isEqualTo(Verdict.VALID);
        assertThat(v.reason()).startsWith(PROGRAMME.title() + ": Bronze: valid from 2024-05-05, no expiry; signed by " + key.publicKey().keyId())
                .endsWith("revocation not checked (give the status list, or the register)");
        assertThat(v.certificate()).isNull();
    }

    @Test
    void aHolderSeesARevocationInThePublishedStatusList() {
        String jwt = credential(bronze);
        credential(other);
        Verification before = byKey().verify(jwt, statusList(TODAY), TODAY);
        assertThat(before.verdict()).as(before.reason()).isEqualTo(Verdict.VALID);
        assertThat(before.reason()).contains("not revoked by the status list of 2025-01-01T00:00:00Z");

        certifier.revoke(bronze.id(), LocalDate.of(2025, 2, 1), "quiz taken by someone else", "academy lead");
        assertThat(byKey().verify(jwt, statusList(LocalDate.of(2025, 1, 31)), TODAY).verdict()).as("not yet in force").isEqualTo(Verdict.VALID);
        Verification revoked = byKey().verify(jwt, statusList(LocalDate.of(2025, 2, 1)), LocalDate.of(2025, 2, 1));
        assertThat(revoked.verdict()).isEqualTo(Verdict.REVOKED);
        assertThat(revoked.reason()).startsWith("revoked: the issuer's status list of 2025-02-01T00:00:00Z has the credential's bit");
        assertThat(byKey().verify(credential(other), statusList(LocalDate.of(2025, 2, 1)), TODAY).verdict()).isEqualTo(Verdict.VALID);
    }

    @Test
    void aStatusListThatCannotBeTrustedLeavesRevocationUnchecked() {
        String jwt = credential(bronze);
        String forged = StatusList.of(List.of(), TODAY).jwt(LIST, BadgeKey.generate(), TODAY.atStartOfDay(java.time.ZoneOffset.UTC).toInstant());
        Verification v = byKey().verify(jwt, forged, TODAY);
        assertThat(v.verdict()).isEqualTo(Verdict.UNKNOWN);
        assertThat(v.reason()).startsWith("revocation not checked: the status list is signed with key").contains("not a trusted issuer key");
        String elsewhere = StatusList.of(List.of(), TODAY).jwt("https://other.example.org/list", key, TODAY.atStartOfDay(java.time.ZoneOffset.UTC).toInstant());
        assertThat(byKey().verify(jwt, elsewhere, TODAY).reason()).contains("but the credential's is at " + LIST);
        String noStatus = OpenBadgesTest.issue(badges, bronze, null);
        assertThat(byKey().verify(noStatus, statusList(TODAY), TODAY).verdict()).isEqualTo(Verdict.UNKNOWN);
        assertThat(byKey().verify(noStatus, null, TODAY).reason()).endsWith("revocation not checked (the credential has no status list entry)");
    }

    @Test
    void theIssuerMatchesACredentialBackToItsLearnerAndRevocationWithTheRegister() {
        String jwt = credential(bronze);
        OpenBadgesVerifier byRegister = OpenBadgesVerifier.of(List.of(), register);
        Verification v = byRegister.verify(jwt, null, TODAY);
        assertThat(v.verdict()).as(v.reason()).isEqualTo(Verdict.VALID);
        assertThat(v.registerChecked()).isTrue();
        assertThat(v.certificate().learnerId()).as("matched back to the learner").isEqualTo("B");
        assertThat(v.certificate().id()).isEqualTo(bronze.id());
        assertThat(v.reason()).endsWith("; not revoked");

        certifier.revoke(bronze.id(), LocalDate.of(2025, 2, 1), "quiz taken by someone else", "academy lead");
        Verification revoked = byRegister.verify(jwt, null, LocalDate.of(2025, 2, 1));
        assertThat(revoked.verdict()).isEqualTo(Verdict.REVOKED);
        assertThat(revoked.reason()).isEqualTo("revoked on 2025-02-01 by academy lead: quiz taken by someone else");
    }

    @Test
    void aCredentialAtAnotherCertificatesPlaceDiffersFromTheRegister() {
        int othersPlace = register.statusIndexes(List.of(other.id())).get(other.id());
        String misplaced = OpenBadgesTest.issue(badges, bronze, new OpenBadges.Status(LIST, othersPlace));
        Verification v = OpenBadgesVerifier.of(List.of(), register).verify(misplaced, null, TODAY);
        assertThat(v.verdict()).isEqualTo(Verdict.TAMPERED);
        assertThat(v.reason()).contains("differs from the register's certificate " + other.id()).contains("identity hash");

        String free = OpenBadgesTest.issue(badges, bronze, new OpenBadges.Status(LIST, freePlace()));
        assertThat(OpenBadgesVerifier.of(List.of(), register).verify(free, null, TODAY).verdict()).isEqualTo(Verdict.UNKNOWN);
        String elsewhere = OpenBadgesTest.issue(badges, bronze, new OpenBadges.Status("https://other.example.org/l", othersPlace));
        assertThat(OpenBadgesVerifier.of(List.of(), register).verify(elsewhere, null, TODAY).reason())
                .contains("the register's is " + LIST);
    }

    int freePlace() {
        List<Integer> used = register.statusEntries().stream().map(StatusEntry::index).toList();
        int i = 0;
        while (used.contains(i)) {
            i++;
        }
        return i;
    }

    @Test
    void anyChangedByteMakesItTampered() {
        byte[] file = credential(bronze).getBytes(StandardCharsets.US_ASCII);
        OpenBadgesVerifier verifier = byKey();
        String text = new String(file, StandardCharsets.US_ASCII);
        int payloadStart = text.indexOf('.') + 1;
        int payloadEnd = text.lastIndexOf('.');
        // every byte of the header and the signature, and every third of the (long, uniform) payload
        for (int i = 0; i < file.length; i += i >= payloadStart && i < payloadEnd ? 3 : 1) {
            byte[] changed = file.clone();
            changed[i] ^= (byte) (i % 2 == 0 ? 0x01 : 0x20);
            Verification v = verifier.verify(new String(changed, StandardCharsets.ISO_8859_1), null, TODAY);
            assertThat(v.verdict()).as("byte %d: %s", i, v.reason()).isEqualTo(Verdict.TAMPERED);
        }
        assertThat(verifier.verify("", null, TODAY).verdict()).isEqualTo(Verdict.TAMPERED);
        assertThat(verifier.verify(new String(file, StandardCharsets.US_ASCII) + "\n", null, TODAY).verdict())
                .as("a line feed after it changes nothing signed").isEqualTo(Verdict.VALID);
    }

    @Test
    void aCredentialSignedByAnotherKeyOrWithClaimsThatDisagreeIsNotTrusted() {
        BadgeKey stranger = BadgeKey.generate();
        String forged = OpenBadgesTest.issue(OpenBadges.of(PROGRAMME, new OpenBadges.Issuer("Academy", null), stranger, secret), bronze, null);
        Verification v = byKey().verify(forged, null, TODAY);
        assertThat(v.verdict()).isEqualTo(Verdict.TAMPERED);
        assertThat(v.reason()).contains("not a known issuer key").contains("badge-public.pem");

        // signed by the trusted key, but its claims are not the credential's
        ObjectNode payload = badges.credential(bronze, null);
        payload.put("iss", "did:example:someone-else");
        payload.put("jti", payload.get("id").textValue());
        payload.put("sub", payload.get("credentialSubject").get("id").textValue());
        payload.put("nbf", 0);
        Verification claims = byKey().verify(key.signJwt(payload), null, TODAY);
        assertThat(claims.verdict()).isEqualTo(Verdict.TAMPERED);
        assertThat(claims.reason()).contains("iss claim is not its issuer.id");
    }

    @Test
    void aSignedCertificateNamingTheOpenBadgesKeyIsNotTrusted() {
        // the register holds the P-256 key too; a JSON certificate claiming it must be refused, not crash the check
        IssuerKey ed = IssuerKey.generate();
        String file = SignedCertificate.write(bronze, PROGRAMME, ed).replace(ed.publicKey().keyId(), key.publicKey().keyId());
        Verification v = CertificateVerifier.of(List.of(), register).verify(file.getBytes(StandardCharsets.UTF_8), TODAY);
        assertThat(v.verdict()).isEqualTo(Verdict.TAMPERED);
        assertThat(v.reason()).contains("not a known issuer key");
        ObjectNode hugeIndex = badges.credential(bronze, new OpenBadges.Status(LIST, 1));
        ((ObjectNode) hugeIndex.get("credentialStatus")).put("statusListIndex", "9999999999");
        hugeIndex.put("iss", key.publicKey().did()).put("jti", hugeIndex.get("id").textValue())
                .put("sub", hugeIndex.get("credentialSubject").get("id").textValue())
                .put("nbf", java.time.Instant.parse(hugeIndex.get("validFrom").textValue()).getEpochSecond());
        assertThat(byKey().verify(key.signJwt(hugeIndex), statusList(TODAY), TODAY).verdict()).isEqualTo(Verdict.TAMPERED);
    }

    @Test
    void pastItsValidUntilItIsExpired() {
        Certificate gold = SignedCertificateTest.gold();
        String jwt = OpenBadgesTest.issue(badges, gold, null);
        assertThat(byKey().verify(jwt, null, LocalDate.of(2026, 9, 1)).verdict()).isEqualTo(Verdict.VALID);
        Verification v = byKey().verify(jwt, null, LocalDate.of(2026, 9, 2));
        assertThat(v.verdict()).isEqualTo(Verdict.EXPIRED);
        assertThat(v.reason()).isEqualTo(PROGRAMME.title() + ": Gold: valid until 2026-09-01, expired by 2026-09-02");
    }

    @Test
    void aCredentialOfTheEarlierEdDsaFormatIsExplained() {
        // the header the previous version wrote: alg EdDSA with an OKP key
        ObjectNode header = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode().put("alg", "EdDSA").put("typ", "JWT");
        String h = Base64.getUrlEncoder().withoutPadding().encodeToString(CanonicalJson.compact(header).getBytes(StandardCharsets.UTF_8));
        String p = Base64.getUrlEncoder().withoutPadding().encodeToString("{}".getBytes(StandardCharsets.UTF_8));
        Verification v = byKey().verify(h + "." + p + ".AAAA", null, TODAY);
        assertThat(v.verdict()).isEqualTo(Verdict.TAMPERED);
        assertThat(v.reason()).contains("not ES256").contains("earlier version of qip certify").contains("run qip certify again");
    }
}
