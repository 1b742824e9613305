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
 * command prints exactly what the README shows. When the generator or the evaluation changes on
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

    /** The README's relative paths, under the test's directory rather than the checkout. */
    private String inTempDir(String arg) {
        return arg.equals("region") || arg.startsWith("region/") ? dir.resolve(arg).toString() : arg;
    }

    private String fromTempDir(String printed) {
        return printed.replace(System.lineSeparator(), "\n").replace(dir + "/", "");
    }
}
