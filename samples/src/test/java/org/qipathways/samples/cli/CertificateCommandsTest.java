package org.qipathways.samples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code qip keys generate}, {@code qip certify}, {@code qip verify} and {@code qip revoke}, run as a user would. */
class CertificateCommandsTest {

    @TempDir
    Path dir;

    Path events;
    Path keys;
    String register;
    Path out;

    static final String EVENTS = """
            learner_id,date,type,item,result
            L-1,2024-01-10,completed,BRZ-ELN,
            L-1,2024-01-12,assessed,BRZ-QUIZ,85
            L-1,2024-02-01,attended,SLV-IND,participant
            L-1,2024-04-30,evidence,SLV-PLAN,approved
            L-2,2024-03-01,completed,BRZ-ELN,
            L-2,2024-03-02,assessed,BRZ-QUIZ,90
            L-3,2024-03-01,completed,BRZ-ELN,
            """;

    static QipRun qip(String... args) {
        return QipRun.qip(args);
    }

    @BeforeEach
    void setUp() throws IOException {
        events = Files.writeString(dir.resolve("events.csv"), EVENTS, StandardCharsets.UTF_8);
        keys = dir.resolve("keys");
        register = "jdbc:sqlite:" + dir.resolve("register.db");
        out = dir.resolve("certificates");
        assertThat(qip("keys", "generate", "--out", keys.toString()).exit()).isZero();
    }

    QipRun certify(String asOf) {
        return qip("certify", "--events", events.toString(), "--register", register,
                "--key", keys.resolve("issuer-private.pem").toString(), "--as-of", asOf, "--out", out.toString(),
                "--actor", "test");
    }

    List<Path> files(String suffix) throws IOException {
        try (Stream<Path> s = Files.list(out)) {
            return s.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
        }
    }

    @Test
    void keysGenerateWritesAnOwnerOnlyPrivateKeyAndNeverOverwrites() throws IOException {
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keys.resolve("issuer-private.pem")))).isEqualTo("rw-------");
        assertThat(keys.resolve("issuer-public.pem")).exists();
        QipRun again = qip("keys", "generate", "--out", keys.toString());
        assertThat(again.exit()).isEqualTo(2);
        assertThat(again.err()).contains("issuer-private.pem exists: keys are never overwritten");
    }

    @Test
    void certifyPrintsItsCountsWritesSignedFilesAndARerunChangesNothing() throws IOException {
        QipRun first = certify("2025-01-01");
        assertThat(first.exit()).as(first.err()).isZero();
        assertThat(first.out()).isEqualTo("issued 3, renewed 0, lapsed 0, expired 0, revoked 0, unchanged 0\n");
        assertThat(first.err()).contains("certified 3 learners as of 2025-01-01; wrote 6 files to " + out);
        assertThat(files(".json")).hasSize(3);
        assertThat(files(".ob3.jwt")).hasSize(3);
        String jwt = Files.readString(files(".ob3.jwt").get(0)).strip();
        assertThat(jwt.split("\\.")).hasSize(3);

        QipRun again = certify("2025-01-01");
        assertThat(again.out()).isEqualTo("issued 0, renewed 0, lapsed 0, expired 0, revoked 0, unchanged 3\n");
        assertThat(again.err()).contains("wrote 0 files");
    }

    @Test
    void verifySaysValidForAGenuineCertificateWithTheKeyOrTheRegister() throws IOException {
        certify("2025-01-01");
        Path cert = files(".json").get(0);
        QipRun withKey = qip("verify", cert.toString(), "--key", keys.resolve("issuer-public.pem").toString(), "--as-of", "2025-01-01");
        assertThat(withKey.exit()).isZero();
        assertThat(withKey.out()).startsWith("VALID: valid from ").contains("revocation not checked").contains("  certificate ");
        QipRun withRegister = qip("verify", cert.toString(), "--register", register, "--as-of", "2025-01-01");
        assertThat(withRegister.exit()).isZero();
        assertThat(withRegister.out()).startsWith("VALID: ").contains("not revoked");

        QipRun neither = qip("verify", cert.toString());
        assertThat(neither.exit()).isEqualTo(2);
        assertThat(neither.err()).contains("give the issuer's public key");
    }

    @Test
    void changingAnyByteOfASignedCertificateMakesVerifySayTampered() throws IOException {
        certify("2025-01-01");
        Path cert = files(".json").get(0);
        byte[] original = Files.readAllBytes(cert);
        Path copy = dir.resolve("copy.json");
        String key = keys.resolve("issuer-public.pem").toString();
        for (int i = 0; i < original.length; i++) {
            byte[] changed = original.clone();
            changed[i] ^= (byte) (i % 2 == 0 ? 0x01 : 0x20);
            Files.write(copy, changed);
            QipRun run = qip("verify", copy.toString(), "--key", key, "--as-of", "2025-01-01");
            assertThat(run.out()).as("byte %d", i).startsWith("TAMPERED: ");
            assertThat(run.exit()).as("byte %d", i).isEqualTo(2);
        }
    }

    @Test
    void verifySaysRevokedAfterARevocationAndExpiredPastTheValidUntilDay() throws IOException {
        certify("2025-01-01");
        Path cert = files(".json").get(0);
        String id = cert.getFileName().toString().replace(".json", "");

        QipRun revoke = qip("revoke", id.toLowerCase(), "--register", register, "--reason", "quiz taken by someone else",
                "--actor", "academy lead", "--on", "2025-02-01");
        assertThat(revoke.exit()).as(revoke.err()).isZero();
        assertThat(revoke.out()).startsWith("revoked " + id);

        QipRun revoked = qip("verify", cert.toString(), "--register", register, "--as-of", "2025-02-01");
        assertThat(revoked.exit()).isEqualTo(1);
        assertThat(revoked.out()).startsWith("REVOKED: revoked on 2025-02-01 by academy lead: quiz taken by someone else");
        assertThat(qip("revoke", id, "--register", register, "--reason", "x", "--actor", "y").out()).contains("already revoked");
        assertThat(qip("revoke", "0000000000Z", "--register", register, "--reason", "x", "--actor", "y").exit()).isEqualTo(2);
    }

    @Test
    void anExpiringTierIsExpiredAfterItsLastDay() throws IOException {
        Files.writeString(events, """
                learner_id,date,type,item,result
                G,2022-01-10,completed,BRZ-ELN,
                G,2022-01-11,assessed,BRZ-QUIZ,90
                G,2022-02-01,attended,SLV-IND,participant
                G,2022-03-01,evidence,SLV-PLAN,approved
                G,2022-04-01,attended,GLD-TTT-1,participant
                G,2022-04-02,attended,GLD-TTT-2,participant
                G,2022-05-01,attended,SLV-IND,facilitator
                G,2022-06-01,attended,SLV-TEAM-1,facilitator
                G,2022-07-01,attended,WS-VAR,participant
                G,2022-08-01,rated,C-COACH,3
                G,2022-09-01,evidence,GLD-PROJECT,approved
                """);
        certify("2023-01-01");
        Path gold = files(".json").stream().filter(p -> {
            try {
                return Files.readString(p).contains("\"tier\" : \"GOLD\"");
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }).findFirst().orElseThrow();
        String key = keys.resolve("issuer-public.pem").toString();
        assertThat(qip("verify", gold.toString(), "--key", key, "--as-of", "2024-09-01").exit()).isZero();
        QipRun expired = qip("verify", gold.toString(), "--key", key, "--as-of", "2024-09-02");
        assertThat(expired.exit()).isEqualTo(1);
        assertThat(expired.out()).startsWith("EXPIRED: valid until 2024-09-01");

        QipRun lapse = certify("2024-10-01");
        assertThat(lapse.out()).isEqualTo("issued 0, renewed 0, lapsed 1, expired 0, revoked 0, unchanged 2\n");
    }

    @Test
    void badInputIsReportedWithExitCodeTwo() {
        QipRun noKey = qip("certify", "--events", events.toString(), "--register", register,
                "--key", dir.resolve("missing-private.pem").toString(), "--out", out.toString());
        assertThat(noKey.exit()).isEqualTo(2);
        assertThat(noKey.err()).contains("cannot read the key file").contains("missing-private.pem");
        QipRun badUrl = qip("certify", "--events", events.toString(), "--register", "jdbc:nosuchdb://x",
                "--key", keys.resolve("issuer-private.pem").toString(), "--out", out.toString());
        assertThat(badUrl.exit()).isEqualTo(2);
        assertThat(badUrl.err()).contains("no JDBC driver");
        QipRun noFile = qip("verify", dir.resolve("nothing.json").toString(), "--register", register);
        assertThat(noFile.exit()).isEqualTo(2);
        Path anyFile = out.resolveSibling("events.csv");
        QipRun unreachable = qip("verify", anyFile.toString(), "--register", "jdbc:postgresql://127.0.0.1:1/none?user=u&password=secret");
        assertThat(unreachable.exit()).as("not EXPIRED or REVOKED: not checked").isEqualTo(2);
        assertThat(unreachable.err()).contains("password=***").doesNotContain("secret");
    }
}
