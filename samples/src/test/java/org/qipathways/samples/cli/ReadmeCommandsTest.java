package org.qipathways.samples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's {@code explain} example, run command by command as a reader would run it: each
 * command prints exactly what the README shows (stderr's counts, then stdout), and each is
 * reproducible: {@code generate} with {@code --seed} and {@code --end}, {@code explain} with
 * {@code --as-of}. When the generator or the evaluation changes on
 * purpose, rerun the commands and paste their output into README.md.
 */
class ReadmeCommandsTest {

    static final String MARKER = "<!-- commands and output checked by ReadmeCommandsTest -->";
    static final String PROMPT = "$ samples/target/qip ";

    @TempDir
    Path dir;

    @Test
    void theExplainExampleCommandsPrintWhatTheReadmeShows() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
        int at = readme.indexOf(MARKER);
        assertThat(at).as("README.md has the marker %s", MARKER).isNotNegative();
        int start = readme.indexOf('\n', readme.indexOf("```", at)) + 1;
        List<String> lines = readme.substring(start, readme.indexOf("\n```", start)).lines().toList();

        List<String> commands = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            assertThat(i > 0 || line.startsWith(PROMPT)).as("the block starts with a command: %s", line).isTrue();
            if (!line.startsWith(PROMPT)) {
                continue;
            }
            int end = i + 1;
            while (end < lines.size() && !lines.get(end).startsWith(PROMPT)) {
                end++;
            }
            String[] args = line.substring(PROMPT.length()).split(" ");
            // Reproducible anywhere, on any day: the region from a fixed seed and end date, the learner judged on a fixed date.
            List<String> given = Arrays.asList(args);
            if (args[0].equals("generate")) {
                assertThat(given).as("%s: a fixed seed and end date", line).contains("--seed", "--end");
            } else {
                assertThat(given).as("%s: a fixed report date", line).contains("--as-of");
            }
            QipRun run = QipRun.qip(Arrays.stream(args).map(this::inTempDir).toArray(String[]::new));
            assertThat(run.exit()).as("%s: %s", line, run.err()).isZero();
            // on a terminal the counts on stderr come before the output
            assertThat(fromTempDir(run.err() + run.out()))
                    .as("what '%s' prints; README.md shows something else", line)
                    .isEqualTo(String.join("\n", lines.subList(i + 1, end)) + "\n");
            commands.add(args[0]);
        }
        assertThat(commands).containsExactly("generate", "explain");
    }

    /**
     * The explain example says it runs "on the region of the Report example", and the Report
     * section's screenshot caption names that region's size: both follow the Report section's
     * {@code generate} command, and its {@code report} commands judge on the same fixed date.
     */
    @Test
    void theReportSectionUsesTheExplainExamplesRegionAndTheScreenshotSaysItsSize() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
        int at = readme.indexOf("\n## Report\n");
        assertThat(at).as("README.md has a Report section").isNotNegative();
        // Commands continued over lines (a trailing backslash) read as one line.
        String report = readme.substring(at, readme.indexOf("\n## ", at + 1)).replaceAll("\\\\\n\\s*", "");
        String explain = readme.substring(readme.indexOf(MARKER));
        String generate = report.lines().filter(l -> l.startsWith("samples/target/qip generate ")).findFirst().orElseThrow();
        assertThat(explain).as("the explain example's region is the Report example's").contains("$ " + generate + "\n");
        assertThat(readme).containsPattern("On the region of the Report\\s+example");
        String learners = generate.replaceAll(".*--learners (\\d+).*", "$1");
        String caption = report.lines().filter(l -> l.startsWith("![")).findFirst().orElseThrow();
        assertThat(caption).as("the screenshot's caption").contains(String.format(java.util.Locale.UK, "%,d learners",
                Long.parseLong(learners)));
        String asOf = generate.replaceAll(".*--end (\\S+).*", "$1");
        assertThat(report.lines().filter(l -> l.startsWith("samples/target/qip report ")))
                .as("report commands on the region's last day").isNotEmpty().allSatisfy(l -> assertThat(l).contains("--as-of " + asOf));
    }

    /** The README's relative paths, under the test's directory rather than the checkout. */
    private String inTempDir(String arg) {
        return arg.equals("region") || arg.startsWith("region/") ? dir.resolve(arg).toString() : arg;
    }

    private String fromTempDir(String printed) {
        return printed.replace(System.lineSeparator(), "\n").replace(dir + "/", "");
    }
}
