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
import org.qipathways.certification.OpenBadgesConformance;

/**
 * {@code qip keys generate}, {@code qip certify}, {@code qip verify}, {@code qip revoke} and
 * {@code qip status-list}, run as a user would. Every Open Badges credential and status list they write
 * is checked by {@link OpenBadgesConformance} (1EdTech's schema and validator rules, Nimbus for the proof).
 */
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

    static final String LIST_URL = "https://academy.example.org/status/qip-bsg.jwt";

    QipRun certify(String asOf) throws IOException {
        QipRun run = qip("certify", "--events", events.toString(), "--register", register,
                "--key", keys.resolve("issuer-private.pem").toString(), "--as-of", asOf, "--out", out.toString(),
                "--actor", "test", "--status-list-url", LIST_URL);
        if (run.exit() == 0) {
            conforms();
        }
        return run;
    }

    /** Every credential qip certify has written, checked as 1EdTech's validator would. */
    void conforms() throws IOException {
        for (Path jwt : files(".ob3.jwt")) {
            OpenBadgesConformance.check(Files.readString(jwt));
        }
    }

    List<Path> files(String suffix) throws IOException {
        try (Stream<Path> s = Files.list(out)) {
            return s.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
        }
    }

    @Test
    void keysGenerateWritesEveryKeyCertifyNeedsOwnerOnlyAndNeverOverwrites() throws IOException {
        for (String secret : List.of("issuer-private.pem", "badge-private.pem", "learner-secret.key")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keys.resolve(secret)))).as(secret).isEqualTo("rw-------");
        }
        assertThat(keys.resolve("issuer-public.pem")).exists();
        assertThat(keys.resolve("badge-public.pem")).exists();
        QipRun again = qip("keys", "generate", "--out", keys.toString());
        assertThat(again.exit()).isEqualTo(2);
        assertThat(again.err()).contains("issuer-private.pem exists: keys are never overwritten");

        Path half = dir.resolve("half");
        assertThat(qip("keys", "generate", "--out", half.toString()).exit()).isZero();
        Files.delete(half.resolve("badge-public.pem"));
        byte[] secretBefore = Files.readAllBytes(half.resolve("learner-secret.key"));
        QipRun broken = qip("keys", "generate", "--out", half.toString());
        assertThat(broken.exit()).isEqualTo(2);
        assertThat(broken.err()).contains("badge-private.pem exists but " + half.resolve("badge-public.pem") + " does not")
                .contains("openssl pkey");
        assertThat(Files.readAllBytes(half.resolve("learner-secret.key"))).isEqualTo(secretBefore);
    }

    @Test
    void aKeyDirectoryOfAnEarlierVersionIsToldWhatToRunAndThenGetsWhatItLacks() throws IOException {
        Path old = dir.resolve("old-keys");
        assertThat(qip("keys", "generate", "--out", old.toString()).exit()).isZero();
        Files.delete(old.resolve("badge-private.pem"));
        Files.delete(old.resolve("badge-public.pem"));
        Files.delete(old.resolve("learner-secret.key"));
        byte[] ed25519 = Files.readAllBytes(old.resolve("issuer-private.pem"));
        String[] certify = {"certify", "--events", events.toString(), "--register", register,
                "--key", old.resolve("issuer-private.pem").toString(), "--as-of", "2025-01-01", "--out", out.toString(),
                "--status-list-url", LIST_URL};

        QipRun refused = qip(certify);
        assertThat(refused.exit()).isEqualTo(2);
        assertThat(refused.err()).contains(old + " has no Open Badges key (badge-private.pem)")
                .contains("Run qip keys generate --out " + old).contains("kept");
        assertThat(out).doesNotExist();

        QipRun added = qip("keys", "generate", "--out", old.toString());
        assertThat(added.exit()).as(added.err()).isZero();
        assertThat(added.out()).contains("kept " + old.resolve("issuer-private.pem"))
                .contains("wrote " + old.resolve("badge-private.pem")).contains("wrote " + old.resolve("learner-secret.key"));
        assertThat(Files.readAllBytes(old.resolve("issuer-private.pem"))).isEqualTo(ed25519);
        QipRun works = qip(certify);
        assertThat(works.exit()).as(works.err()).isZero();
        conforms();
    }

    @Test
    void certifyPrintsItsCountsWritesSignedFilesAndARerunChangesNothing() throws IOException {
        QipRun first = certify("2025-01-01");
        assertThat(first.exit()).as(first.err()).isZero();
        assertThat(first.out()).isEqualTo("issued 3, renewed 0, lapsed 0, expired 0, revoked 0, unchanged 0\n");
        assertThat(first.err()).contains("certified 3 learners as of 2025-01-01; wrote 6 files to " + out);
        assertThat(files(".json")).hasSize(3);
        assertThat(files(".ob3.jwt")).hasSize(3);
        String jwt = Files.readString(files(".ob3.jwt").get(0));
        assertThat(jwt).as("exactly the compact JWS, no line feed").doesNotContain("\n").matches("[\\w-]+\\.[\\w-]+\\.[\\w-]+");

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
    void verifyReadsTheOpenBadgesCredentialsCertifyWrites() throws IOException {
        certify("2025-01-01");
        Path jwt = files(".ob3.jwt").get(0);
        QipRun withKey = qip("verify", jwt.toString(), "--key", keys.resolve("badge-public.pem").toString(), "--as-of", "2025-01-01");
        assertThat(withKey.exit()).as(withKey.out() + withKey.err()).isZero();
        assertThat(withKey.out()).startsWith("VALID: ").contains("revocation not checked (give the status list, or the register)");
        QipRun withRegister = qip("verify", jwt.toString(), "--register", register, "--as-of", "2025-01-01");
        assertThat(withRegister.exit()).as(withRegister.out()).isZero();
        String id = jwt.getFileName().toString().replace(".ob3.jwt", "");
        assertThat(withRegister.out()).startsWith("VALID: ").contains("; not revoked\n").contains("  certificate " + id + ": ");
        QipRun wrongKey = qip("verify", jwt.toString(), "--key", keys.resolve("issuer-public.pem").toString());
        assertThat(wrongKey.exit()).isEqualTo(2);
        assertThat(wrongKey.out()).startsWith("TAMPERED: ").contains("not a known issuer key");
        QipRun listForJson = qip("verify", files(".json").get(0).toString(), "--register", register, "--status-list", jwt.toString());
        assertThat(listForJson.exit()).isEqualTo(2);
        assertThat(listForJson.err()).contains("--status-list checks Open Badges credentials");
    }

    @Test
    void aRevocationReachesHoldersThroughThePublishedStatusList() throws IOException {
        certify("2025-01-01");
        Path jwt = files(".ob3.jwt").get(0);
        String id = jwt.getFileName().toString().replace(".ob3.jwt", "");
        Path list = dir.resolve("public/qip-bsg.jwt");
        String badgeKey = keys.resolve("badge-private.pem").toString();
        String badgePublic = keys.resolve("badge-public.pem").toString();

        QipRun published = qip("status-list", "--register", register, "--key", badgeKey, "--out", list.toString(), "--as-of", "2025-01-01");
        assertThat(published.exit()).as(published.err()).isZero();
        assertThat(published.out()).isEqualTo("wrote " + list + ": 3 credentials, 0 revoked as of 2025-01-01, in a list of 131,072"
                + " places; publish it at " + LIST_URL + "\n");
        assertThat(Files.readString(list)).doesNotContain("\n");
        OpenBadgesConformance.checkStatusList(Files.readString(list));
        QipRun valid = qip("verify", jwt.toString(), "--key", badgePublic, "--status-list", list.toString(), "--as-of", "2025-01-01");
        assertThat(valid.exit()).as(valid.out()).isZero();
        assertThat(valid.out()).startsWith("VALID: ").contains("not revoked by the status list of ");

        assertThat(qip("revoke", id, "--register", register, "--reason", "quiz taken by someone else", "--actor", "academy lead",
                "--on", "2025-02-01").exit()).isZero();
        QipRun again = qip("status-list", "--register", register, "--key", badgeKey, "--out", list.toString(), "--as-of", "2025-02-01");
        assertThat(again.out()).contains("3 credentials, 1 revoked as of 2025-02-01");
        byte[] bits = OpenBadgesConformance.checkStatusList(Files.readString(list));
        String index = OpenBadgesConformance.check(Files.readString(jwt)).path("credentialStatus").path("statusListIndex").asText();
        assertThat(OpenBadgesConformance.bit(bits, Integer.parseInt(index))).as("the revoked credential's bit").isTrue();

        QipRun revoked = qip("verify", jwt.toString(), "--key", badgePublic, "--status-list", list.toString(), "--as-of", "2025-02-01");
        assertThat(revoked.exit()).isEqualTo(1);
        assertThat(revoked.out()).startsWith("REVOKED: revoked: the issuer's status list of ").contains("bit (" + index + ") set");
        QipRun other = qip("verify", files(".ob3.jwt").get(1).toString(), "--key", badgePublic, "--status-list", list.toString());
        assertThat(other.exit()).as("the others are not revoked").isZero();
        QipRun byRegister = qip("verify", jwt.toString(), "--register", register, "--as-of", "2025-02-01");
        assertThat(byRegister.exit()).isEqualTo(1);
        assertThat(byRegister.out()).startsWith("REVOKED: revoked on 2025-02-01 by academy lead: quiz taken by someone else");

        Path forged = dir.resolve("forged.jwt");
        assertThat(qip("keys", "generate", "--out", dir.resolve("other-keys").toString()).exit()).isZero();
        assertThat(qip("status-list", "--register", register, "--key", dir.resolve("other-keys/badge-private.pem").toString(),
                "--out", forged.toString(), "--as-of", "2025-01-01").exit()).isZero();
        QipRun untrusted = qip("verify", jwt.toString(), "--key", badgePublic, "--status-list", forged.toString(), "--as-of", "2025-02-01");
        assertThat(untrusted.exit()).as("a list the issuer did not sign is no evidence either way").isEqualTo(2);
        assertThat(untrusted.out()).startsWith("UNKNOWN: revocation not checked: the status list is signed with key");
    }

    @Test
    void aMistypedRegisterIsAnErrorAndIsNeverCreated() throws IOException {
        certify("2025-01-01");
        Path typo = dir.resolve("typo.db");
        for (Path file : List.of(files(".json").get(0), files(".ob3.jwt").get(0))) {
            QipRun run = qip("verify", file.toString(), "--register", "jdbc:sqlite:" + typo);
            assertThat(run.exit()).isEqualTo(2);
            assertThat(run.out()).as("no verdict: nothing was checked").isEmpty();
            assertThat(run.err()).contains("cannot read the certificate register jdbc:sqlite:" + typo)
                    .contains("there is no file " + typo);
            assertThat(typo).doesNotExist();
        }
        QipRun plainName = qip("verify", files(".json").get(0).toString(), "--register", typo.toString());
        assertThat(plainName.exit()).isEqualTo(2);
        assertThat(typo).doesNotExist();
        QipRun list = qip("status-list", "--register", "jdbc:sqlite:" + typo, "--key", keys.resolve("badge-private.pem").toString(),
                "--out", dir.resolve("list.jwt").toString());
        assertThat(list.exit()).isEqualTo(2);
        assertThat(list.err()).contains("there is no file " + typo);
        assertThat(typo).doesNotExist();
        assertThat(dir.resolve("list.jwt")).doesNotExist();
    }

    @Test
    void theStatusListUrlIsGivenOnceAndKept() throws IOException {
        QipRun none = qip("certify", "--events", events.toString(), "--register", register,
                "--key", keys.resolve("issuer-private.pem").toString(), "--as-of", "2025-01-01", "--out", out.toString());
        assertThat(none.exit()).isEqualTo(2);
        assertThat(none.err()).contains("give --status-list-url URL").contains("qip status-list");
        assertThat(certify("2025-01-01").exit()).isZero();
        QipRun kept = qip("certify", "--events", events.toString(), "--register", register,
                "--key", keys.resolve("issuer-private.pem").toString(), "--as-of", "2025-01-01", "--out", out.toString());
        assertThat(kept.exit()).as(kept.err()).isZero();
        QipRun other = qip("certify", "--events", events.toString(), "--register", register,
                "--key", keys.resolve("issuer-private.pem").toString(), "--out", out.toString(),
                "--status-list-url", "https://elsewhere.example.org/list.jwt");
        assertThat(other.exit()).isEqualTo(2);
        assertThat(other.err()).contains("publishes its status list at " + LIST_URL);
        QipRun bad = qip("certify", "--events", events.toString(), "--register", register,
                "--key", keys.resolve("issuer-private.pem").toString(), "--out", out.toString(), "--status-list-url", "status.jwt");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("must be an http or https address");
        org.qipathways.certification.jdbc.JdbcCertificateRegister.open("jdbc:sqlite:" + dir.resolve("empty.db")).close();
        QipRun noList = qip("status-list", "--register", "jdbc:sqlite:" + dir.resolve("empty.db"), "--key",
                keys.resolve("badge-private.pem").toString(), "--out", dir.resolve("l.jwt").toString());
        assertThat(noList.exit()).isEqualTo(2);
        assertThat(noList.err()).contains("has no status list yet").contains("--status-list-url");
    }

    @Test
    void aCredentialOfTheEarlierEdDsaFormatIsReplaced() throws IOException {
        certify("2025-01-01");
        Path jwt = files(".ob3.jwt").get(0);
        // what the previous version wrote: EdDSA, a did:key issuer, a line feed at the end
        Files.writeString(jwt, "eyJhbGciOiJFZERTQSIsInR5cCI6IkpXVCJ9.e30.AAAA\n");
        QipRun again = certify("2025-01-01");
        assertThat(again.exit()).as(again.err()).isZero();
        assertThat(again.err()).contains("wrote 1 files").contains("replacing 1 Open Badges credentials of an earlier version");
        OpenBadgesConformance.check(Files.readString(jwt));
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
