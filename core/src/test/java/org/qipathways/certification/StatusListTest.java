package org.qipathways.certification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The register's revocation list as a W3C Bitstring Status List, and the signed file it is published as. */
class StatusListTest {

    static final BadgeKey KEY = BadgeKey.generate();
    static final String URL = "https://academy.example.org/status/list.jwt";
    static final Instant MADE = Instant.parse("2026-03-31T06:00:00Z");

    static Certificate certificate(String learner, CertificateStatus status, LocalDate on) {
        Certificate c = Certificate.issue(CertificateId.derive("QIP-BSG", "BRONZE", learner, LocalDate.of(2024, 1, 1)), learner,
                "QIP-BSG", "2025.1", "BRONZE", LocalDate.of(2024, 1, 1), LocalDate.of(2024, 1, 1), null,
                Instant.parse("2024-02-01T00:00:00Z"), null, "sha256:" + "ab".repeat(32));
        return status == CertificateStatus.VALID ? c : c.withStatus(status, on, "reason", "actor");
    }

    static List<StatusEntry> entries() {
        List<StatusEntry> out = new ArrayList<>();
        out.add(new StatusEntry(certificate("A", CertificateStatus.VALID, null), 0));
        out.add(new StatusEntry(certificate("B", CertificateStatus.REVOKED, LocalDate.of(2025, 1, 1)), 7));
        out.add(new StatusEntry(certificate("C", CertificateStatus.REVOKED, LocalDate.of(2026, 6, 1)), 8));
        out.add(new StatusEntry(certificate("D", CertificateStatus.EXPIRED, LocalDate.of(2025, 1, 1)), 9));
        out.add(new StatusEntry(certificate("E", CertificateStatus.REVOKED, LocalDate.of(2024, 1, 1)), 131_071));
        return out;
    }

    @Test
    void aBitIsSetForEachCertificateRevokedByTheDay() {
        StatusList list = StatusList.of(entries(), LocalDate.of(2026, 3, 31));
        assertThat(list.length()).isEqualTo(131_072);
        assertThat(list.revoked(0)).isFalse();
        assertThat(list.revoked(7)).isTrue();
        assertThat(list.revoked(8)).as("revoked from a later day").isFalse();
        assertThat(list.revoked(9)).as("expiry is not revocation").isFalse();
        assertThat(list.revoked(131_071)).isTrue();
        assertThat(list.revokedCount()).isEqualTo(2);
        assertThat(StatusList.of(entries(), LocalDate.of(2026, 6, 1)).revoked(8)).isTrue();
        assertThatThrownBy(() -> list.revoked(131_072)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void theEncodedListIsMultibaseBase64UrlOfGzipWithTheFirstBitMostSignificant() {
        StatusList list = StatusList.of(entries(), LocalDate.of(2026, 3, 31));
        String encoded = list.encodedList();
        assertThat(encoded).startsWith("u").doesNotContain("=").doesNotContain("+").doesNotContain("/");
        byte[] bits = OpenBadgesConformance.checkStatusList(list.jwt(URL, KEY, MADE));
        assertThat(bits).hasSize(16_384);
        assertThat(bits[0]).as("bit 7 is the last of the first byte").isEqualTo((byte) 0x01);
        assertThat(bits[16_383]).isEqualTo((byte) 0x01);
        assertThat(OpenBadgesConformance.bit(bits, 7)).isTrue();
        assertThat(StatusList.decode(encoded).revoked(7)).isTrue();
        assertThat(StatusList.decode(encoded).revokedCount()).isEqualTo(2);
    }

    @Test
    void theSpecificationsExampleListDecodes() {
        // Bitstring Status List v1.0, example of a BitstringStatusListCredential: 16 KiB of zeros
        StatusList example = StatusList.decode("uH4sIAAAAAAAAA-3BMQEAAADCoPVPbQwfoAAAAAAAAAAAAAAAAAAAAIC3AYbSVKsAQAAA");
        assertThat(example.length()).isEqualTo(131_072);
        assertThat(example.revokedCount()).isZero();
    }

    @Test
    void aListTooShortOrNotGzipIsRefused() {
        StatusList small = StatusList.of(List.of(), LocalDate.of(2026, 1, 1));
        String tooShort = "u" + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(gzip(new byte[1024]));
        assertThatThrownBy(() -> StatusList.decode(tooShort)).hasMessageContaining("fewer than the 131072");
        assertThatThrownBy(() -> StatusList.decode("uAAAA")).hasMessageContaining("not GZIP");
        assertThatThrownBy(() -> StatusList.decode(small.encodedList().substring(1))).hasMessageContaining("multibase prefix u");
        String bomb = "u" + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(gzip(new byte[StatusList.MAX_BYTES + 1]));
        assertThatThrownBy(() -> StatusList.decode(bomb)).hasMessageContaining("more than");
    }

    @Test
    void thePublishedListIsASignedBitstringStatusListCredential() {
        String jwt = StatusList.of(entries(), LocalDate.of(2026, 3, 31)).jwt(URL, KEY, MADE);
        ObjectNode vc = StatusList.of(entries(), LocalDate.of(2026, 3, 31)).credential(URL, KEY.publicKey(), MADE);
        assertThat(vc.get("@context").get(0).textValue()).isEqualTo("https://www.w3.org/ns/credentials/v2");
        assertThat(vc.get("id").textValue()).isEqualTo(URL);
        assertThat(vc.get("issuer").textValue()).isEqualTo(KEY.publicKey().did());
        assertThat(vc.get("validFrom").textValue()).isEqualTo("2026-03-31T06:00:00Z");
        JsonNode subject = vc.get("credentialSubject");
        assertThat(subject.get("id").textValue()).isEqualTo(URL + "#list");
        assertThat(subject.get("type").textValue()).isEqualTo("BitstringStatusList");
        assertThat(subject.get("statusPurpose").textValue()).isEqualTo("revocation");

        StatusList.Published read = StatusList.read(jwt, KEY.publicKey()::equals, URL);
        assertThat(read.madeAt()).isEqualTo(MADE);
        assertThat(read.signer()).isEqualTo(KEY.publicKey());
        assertThat(read.list().revoked(7)).isTrue();
    }

    @Test
    void aListThatCannotBeTrustedIsRefusedWithTheReason() {
        String jwt = StatusList.of(entries(), LocalDate.of(2026, 3, 31)).jwt(URL, KEY, MADE);
        assertThatThrownBy(() -> StatusList.read(jwt, k -> false, URL)).hasMessageContaining("not a trusted issuer key");
        assertThatThrownBy(() -> StatusList.read(jwt, KEY.publicKey()::equals, "https://other.example.org/list"))
                .hasMessageContaining("but the credential's is at https://other.example.org/list");
        String[] parts = jwt.split("\\.");
        String other = StatusList.of(List.of(), LocalDate.of(2026, 3, 31)).jwt(URL, KEY, MADE).split("\\.")[1];
        assertThatThrownBy(() -> StatusList.read(parts[0] + "." + other + "." + parts[2], KEY.publicKey()::equals, URL))
                .hasMessageContaining("changed after signing");
        assertThatThrownBy(() -> StatusList.read("not a list", KEY.publicKey()::equals, URL)).hasMessageContaining("not a signed status list");
    }

    private static byte[] gzip(byte[] data) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream g = new java.util.zip.GZIPOutputStream(out)) {
            g.write(data);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
