package org.qipathways.samples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qipathways.programme.Programme;
import picocli.CommandLine;

/** The {@code qip} command and {@code qip validate}, run in-process as a user would run them. */
class QipTest {

    private static final String REFERENCE_SUMMARY = "OK: QIP-BSG \"Bronze, Silver and Gold Quality Improvement Pathway\""
            + " version 2025.1: 3 tiers, 14 units, 8 competencies";

    @TempDir
    Path dir;

    private static QipRun qip(String... args) {
        return QipRun.qip(args);
    }

    private static QipRun run(CommandLine cli, String... args) {
        return QipRun.run(cli, args);
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    // ---- valid definitions -----------------------------------------------------------------------

    @Test
    void aValidProgrammeGetsOneSummaryLineAndExitCode0() throws IOException {
        Path file = write("reference.yaml", Programme.reference().toYaml());

        QipRun run = qip("validate", "--programme", file.toString());

        assertThat(run.exit()).isZero();
        assertThat(run.out()).isEqualTo(REFERENCE_SUMMARY + System.lineSeparator());
        assertThat(run.err()).isEmpty();
    }

    @Test
    void aJsonDefinitionIsReadAsJson() throws IOException {
        Path file = write("reference.json", Programme.reference().toJson());

        QipRun run = qip("validate", "--programme", file.toString());

        assertThat(run.exit()).isZero();
        assertThat(run.out()).startsWith(REFERENCE_SUMMARY);
    }

    @Test
    void withoutProgrammeTheBundledReferenceProgrammeIsChecked() {
        QipRun run = qip("validate");

        assertThat(run.exit()).isZero();
        assertThat(run.out()).startsWith(REFERENCE_SUMMARY);
    }

    // ---- invalid definitions ---------------------------------------------------------------------

    private static final String BROKEN = """
            code: QI-MINI
            title: Mini QI pathway
            version: "1.0"
            framework:
              code: FW
              title: Mini framework
              scale:
                name: Scale
                levels:
                  - {level: 1, name: Aware}
              competencies:
                - {code: C-ONE, title: One}
            units:
              - {code: INTRO, title: Introduction, kind: lecture}
              - {code: QUIZ, title: Quiz, kind: assessment, passMark: 70}
            tiers:
              - code: FOUNDATION
                title: Foundation
                rule:
                  allOf:
                    - completed: INTRO
                    - scored: QUIZ
                      completed: INTRO
                    - completed: INTRA
                validty: P1Y
            """;

    @Test
    void everyProblemIsListedOnStderrWithItsPlaceAndExitCode2() throws IOException {
        Path file = write("broken.yaml", BROKEN);
        String f = file.toString();

        QipRun run = qip("validate", "--programme", f);

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().lines()).containsExactly(
                f + ":14:40: units[0].kind: 'lecture' is not a unit kind; use one of online_module, assessment, workshop, session, evidence",
                f + ":23:11: tiers[0].rule.allOf[1].completed: a requirement has exactly one type, but this one has both"
                        + " scored and completed; put each in its own entry of an allOf or anyOf",
                f + ":24:11: tiers[0].rule.allOf[2].completed: refers to unit 'INTRA', which the programme does not define"
                        + " (did you mean INTRO?)",
                f + ":25:5: tiers[0].validty: unknown field 'validty' in a tier (did you mean validity?)",
                "qip validate: 4 problems in " + f);
    }

    @Test
    void aFileThatIsNotYamlGetsTheSyntaxErrorsPlace() throws IOException {
        Path file = write("not-yaml.yaml", "code: QI-MINI\ntitle: [unclosed\n");

        QipRun run = qip("validate", "--programme", file.toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err().lines()).containsExactly(
                file + ":2:17: the file is not valid YAML: expected ',' or ']', but got <stream end>"
                        + " (while parsing a flow sequence that starts at line 2, column 8)",
                "qip validate: 1 problem in " + file);
    }

    // ---- files that cannot be read ---------------------------------------------------------------

    @Test
    void aMissingFileIsBadInputWithAClearMessage() {
        Path missing = dir.resolve("no-such-programme.yaml");

        QipRun run = qip("validate", "--programme", missing.toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("qip validate: cannot read the programme file " + missing + ": no such file"
                + System.lineSeparator());
    }

    @Test
    void aDirectoryIsBadInput() {
        QipRun run = qip("validate", "--programme", dir.toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("cannot read the programme file " + dir + ": it is a directory");
    }

    @Test
    void aFileThatIsNotUtf8IsBadInput() throws IOException {
        Path file = Files.write(dir.resolve("latin1.yaml"), "title: Caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));

        QipRun run = qip("validate", "--programme", file.toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains(file + ":1:11: the file is not UTF-8 text: line 1 is not UTF-8 text (at character 11)")
                .doesNotContain("Exception").doesNotContain("\tat ");
    }

    // ---- usage -----------------------------------------------------------------------------------

    @Test
    void badUsageExits2WithTheReason() {
        assertThat(qip("validate", "--programme")).satisfies(r -> {
            assertThat(r.exit()).isEqualTo(2);
            assertThat(r.err()).contains("Missing required parameter for option '--programme'");
        });
        assertThat(qip("validate", "--programm", "x.yaml")).satisfies(r -> {
            assertThat(r.exit()).isEqualTo(2);
            assertThat(r.err()).contains("Unknown options: '--programm', 'x.yaml'").contains("--programme");
        });
        assertThat(qip("valdiate")).satisfies(r -> {
            assertThat(r.exit()).isEqualTo(2);
            assertThat(r.err()).contains("Unmatched argument at index 0: 'valdiate'").contains("Did you mean: qip");
        });
        assertThat(qip()).satisfies(r -> {
            assertThat(r.exit()).isEqualTo(2);
            assertThat(r.err()).contains("Missing command: give one of demo, validate, evaluate, explain");
        });
    }

    @Test
    void helpListsTheCommandsAndVersionNamesTheRelease() {
        QipRun help = qip("--help");
        assertThat(help.exit()).isZero();
        assertThat(help.out()).contains("Usage: qip").contains("validate").contains("Exit codes");

        QipRun validateHelp = qip("validate", "--help");
        assertThat(validateHelp.exit()).isZero();
        assertThat(validateHelp.out()).contains("--programme=FILE").contains("Default: the bundled");

        for (String[] args : new String[][] {{"--version"}, {"validate", "-V"}}) {
            QipRun version = qip(args);
            assertThat(version.exit()).isZero();
            assertThat(version.out()).matches("(?s)qip \\d+\\.\\d+\\.\\d+\\S* \\(QI Pathways\\).*");
        }
    }

    /** A command with a bug, to see what users get when one slips through. */
    @CommandLine.Command(name = "boom")
    static final class Boom implements java.util.concurrent.Callable<Integer> {
        @Override
        public Integer call() {
            throw new IllegalStateException("the evaluation plan is inconsistent");
        }
    }

    @Test
    void anUnexpectedErrorIsOneLineWithoutAStackTraceAndExitCode1() {
        QipRun run = run(Qip.commandLine().addSubcommand(new Boom()), "boom");

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).startsWith("qip boom: failed: the evaluation plan is inconsistent" + System.lineSeparator())
                .doesNotContain("IllegalStateException").doesNotContain("\tat ");
    }
}
