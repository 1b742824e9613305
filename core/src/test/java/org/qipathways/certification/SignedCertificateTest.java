package org.qipathways.certification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qipathways.certification.Verification.Verdict;
import org.qipathways.certification.jdbc.JdbcCertificateRegister;
import org.qipathways.programme.Programme;

/** Keys, signed certificates and their verification. */
class SignedCertificateTest {

    static final Programme PROGRAMME = Programme.reference();
    static final IssuerKey KEY = IssuerKey.generate();

    @TempDir
    Path dir;

    static Certificate gold() {
        return Certificate.issue(CertificateId.derive(PROGRAMME.code(), "GOLD", "L0001", LocalDate.of(2024, 7, 1)), "L0001",
                PROGRAMME.code(), PROGRAMME.version(), "GOLD", LocalDate.of(2022, 9, 1), LocalDate.of(2024, 7, 1),
                LocalDate.of(2026, 9, 1), Instant.parse("2024-08-01T09:30:00Z"),
                CertificateId.derive(PROGRAMME.code(), "GOLD", "L0001", LocalDate.of(2022, 9, 1)), "sha256:" + "ab".repeat(32));
    }

    static CertificateVerifier trusting(IssuerPublicKey key) {
        return CertificateVerifier.of(List.of(key), null);
    }

    @Test
    void keysAreWrittenAsPemWithThePrivateKeyOwnerOnlyAndReadBack() throws IOException {
        IssuerKey key = IssuerKey.generate();
        key.write(dir);
        Path priv = dir.resolve("issuer-private.pem");
        Path pub = dir.resolve("issuer-public.pem");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(priv))).isEqualTo("rw-------");
        // (the PEM labels are split so that no scan for committed keys mistakes this test for one)
        assertThat(Files.readString(priv)).startsWith("-----BEGIN " + "PRIVATE KEY-----\n").endsWith("-----END " + "PRIVATE KEY-----\n");
        assertThat(Files.readString(pub)).startsWith("-----BEGIN PUBLIC KEY-----\n");
        IssuerKey back = IssuerKey.load(priv, pub);
        assertThat(back.publicKey()).isEqualTo(key.publicKey());
        assertThat(back.publicKey().keyId()).isEqualTo(key.publicKey().keyId()).matches("sha256:[0-9a-f]{64}");
        assertThat(back.toString()).doesNotContain(Files.readString(priv).lines().skip(1).findFirst().orElseThrow());
        assertThat(key.publicKey().didKey()).startsWith("did:key:z6Mk");

        assertThatThrownBy(() -> IssuerKey.generate().write(dir)).isInstanceOf(FileAlreadyExistsException.class);
    }

    @Test
    void halvesOfDifferentPairsAreRefused() throws IOException {
        IssuerKey.generate().write(dir.resolve("a"));
        IssuerKey.generate().write(dir.resolve("b"));
        assertThatThrownBy(() -> IssuerKey.load(dir.resolve("a/issuer-private.pem"), dir.resolve("b/issuer-public.pem")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not two halves of one key pair");
        assertThatThrownBy(() -> IssuerKey.load(dir.resolve("a/issuer-public.pem"), dir.resolve("a/issuer-public.pem")))
                .hasMessageContaining("expected a PEM block \"-----BEGIN " + "PRIVATE KEY-----\"");
    }

    @Test
    void aSignedCertificateIsReadableJsonThatVerifies() {
        String file = SignedCertificate.write(gold(), PROGRAMME, KEY);
        assertThat(file).contains("\"tier_title\" : \"Gold\"").contains("\"valid_until\" : \"2026-09-01\"")
                .contains("\"key_id\" : \"" + KEY.publicKey().keyId() + "\"").endsWith("}\n");
        assertThat(SignedCertificate.write(gold(), PROGRAMME, KEY)).as("Ed25519 is deterministic").isEqualTo(file);

        Verification v = trusting(KEY.publicKey()).verify(file.getBytes(StandardCharsets.UTF_8), LocalDate.of(2025, 1, 1));
        assertThat(v.verdict()).isEqualTo(Verdict.VALID);
        assertThat(v.certificate().sameIssue(gold())).isTrue();
        assertThat(v.reason()).contains("revocation not checked");
    }

    @Test
    void changingAnyByteMakesItTampered() {
        byte[] file = SignedCertificate.write(gold(), PROGRAMME, KEY).getBytes(StandardCharsets.UTF_8);
        CertificateVerifier verifier = trusting(KEY.publicKey());
        for (int i = 0; i < file.length; i++) {
            for (int flip : new int[] {0x01, 0x20, 0x80}) {
                byte[] changed = file.clone();
                changed[i] ^= (byte) flip;
                Verification v = verifier.verify(changed, LocalDate.of(2025, 1, 1));
                assertThat(v.verdict()).as("byte %d ^ %x: %s", i, flip, v.reason()).isEqualTo(Verdict.TAMPERED);
            }
        }
        byte[] longer = (new String(file, StandardCharsets.UTF_8) + "\n").getBytes(StandardCharsets.UTF_8);
        assertThat(verifier.verify(longer, LocalDate.of(2025, 1, 1)).verdict()).isEqualTo(Verdict.TAMPERED);
        assertThat(verifier.verify(new byte[0], LocalDate.of(2025, 1, 1)).verdict()).isEqualTo(Verdict.TAMPERED);
    }

    @Test
    void aCertificateReSignedWithAnotherKeyIsNotTrusted() {
        String forged = SignedCertificate.write(gold(), PROGRAMME, IssuerKey.generate());
        Verification v = trusting(KEY.publicKey()).verify(forged.getBytes(StandardCharsets.UTF_8), LocalDate.of(2025, 1, 1));
        assertThat(v.verdict()).isEqualTo(Verdict.TAMPERED);
        assertThat(v.reason()).contains("not a known issuer key");
    }

    @Test
    void pastItsValidUntilDayItIsExpired() {
        byte[] file = SignedCertificate.write(gold(), PROGRAMME, KEY).getBytes(StandardCharsets.UTF_8);
        assertThat(trusting(KEY.publicKey()).verify(file, LocalDate.of(2026, 9, 1)).verdict()).isEqualTo(Verdict.VALID);
        Verification v = trusting(KEY.publicKey()).verify(file, LocalDate.of(2026, 9, 2));
        assertThat(v.verdict()).isEqualTo(Verdict.EXPIRED);
        assertThat(v.reason()).isEqualTo("valid until 2026-09-01, expired by 2026-09-02");
    }

    @Test
    void withTheRegisterRevocationIsCheckedAndTheIssuerKeyFound() {
        try (JdbcCertificateRegister register = JdbcCertificateRegister.open("jdbc:sqlite:" + dir.resolve("r.db"))) {
            Certifier certifier = Certifier.of(PROGRAMME, register, CertifierContract.at("2025-01-02T00:00:00Z"), "test");
            certifier.certify(List.of(Events.record("B", Events.bronze("2024-05-05"))), LocalDate.of(2025, 1, 1));
            Certificate bronze = register.certificates(PROGRAMME.code()).get(0);
            byte[] file = SignedCertificate.write(bronze, PROGRAMME, KEY).getBytes(StandardCharsets.UTF_8);
            CertificateVerifier byRegister = CertificateVerifier.of(List.of(), register);

            assertThat(byRegister.verify(file, LocalDate.of(2025, 1, 1)).verdict()).as("key not recorded yet").isEqualTo(Verdict.TAMPERED);
            register.addIssuerKey(KEY.publicKey().keyId(), KEY.publicKey().pem());
            register.addIssuerKey(KEY.publicKey().keyId(), KEY.publicKey().pem());
            Verification valid = byRegister.verify(file, LocalDate.of(2025, 1, 1));
            assertThat(valid.verdict()).isEqualTo(Verdict.VALID);
            assertThat(valid.registerChecked()).isTrue();

            certifier.revoke(bronze.id(), LocalDate.of(2025, 2, 1), "quiz taken by someone else", "academy lead");
            assertThat(byRegister.verify(file, LocalDate.of(2025, 1, 31)).verdict()).as("before it took effect").isEqualTo(Verdict.VALID);
            Verification revoked = byRegister.verify(file, LocalDate.of(2025, 2, 1));
            assertThat(revoked.verdict()).isEqualTo(Verdict.REVOKED);
            assertThat(revoked.reason()).isEqualTo("revoked on 2025-02-01 by academy lead: quiz taken by someone else");

            byte[] unknown = SignedCertificate.write(gold(), PROGRAMME, KEY).getBytes(StandardCharsets.UTF_8);
            assertThat(byRegister.verify(unknown, LocalDate.of(2025, 1, 1)).verdict()).isEqualTo(Verdict.UNKNOWN);
        }
    }
}
