package org.qipathways.samples.embedding;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qipathways.samples.generate.RegionConfig;
import org.qipathways.samples.generate.RegionGenerator;

/**
 * The README's "Use it in your project": the example program runs on a generated region and prints
 * what the README shows, the README's copy of it is the file's, and its coordinates name this build.
 */
class EmbeddingExampleTest {

    static final Path README = Path.of("..", "README.md");
    static final Path EXAMPLE = Path.of("src", "main", "java", "org", "qipathways", "samples", "embedding",
            "EmbeddingExample.java");
    /** The command line the README shows the example run with. */
    static final Pattern RUN = Pattern.compile("\\$ java -cp samples/target/qip\\.jar "
            + Pattern.quote(EmbeddingExample.class.getName()) + " (\\S+) (\\S+) (\\S+)\n");

    @TempDir
    Path dir;

    @Test
    void theExampleRunsOnAGeneratedRegionAndPrintsWhatTheReadmeShows() throws IOException {
        String block = readmeBlockAfter("<!-- checked by EmbeddingExampleTest -->");
        Matcher run = RUN.matcher(block);
        assertThat(run.lookingAt()).as("the README's block starts with the command: %s", block).isTrue();
        assertThat(run.group(1)).isEqualTo("region/events.csv");
        // the region of the README's explain example: 20,000 learners, seed 1, ending on 2025-03-31
        Path region = dir.resolve("region");
        RegionGenerator.of(new RegionConfig(20_000, 1, LocalDate.of(2025, 3, 31))).writeTo(region);

        String printed = runExample(region.resolve("events.csv").toString(), run.group(2), run.group(3));

        assertThat(printed).isEqualTo(block.substring(run.end()));
        assertThat(printed).startsWith("Bronze: ACHIEVED on ").contains("Silver: IN_PROGRESS\n  to do: ");
    }

    @Test
    void aLearnerWithNoEventsHasStartedNothingInsteadOfANullPointerException() throws IOException {
        Path region = dir.resolve("region");
        RegionGenerator.of(new RegionConfig(50, 1, LocalDate.of(2025, 3, 31))).writeTo(region);

        String printed = runExample(region.resolve("events.csv").toString(), "L9999999", "2025-03-31");

        assertThat(printed.lines().filter(l -> !l.startsWith("  ")))
                .containsExactly("Bronze: NOT_STARTED", "Silver: NOT_STARTED", "Gold: NOT_STARTED");
    }

    @Test
    void theReadmeQuotesTheExampleFileBetweenItsMarkers() throws IOException {
        String source = Files.readString(EXAMPLE, StandardCharsets.UTF_8);
        String begin = "// README:begin\n";
        int from = source.indexOf(begin);
        int to = source.indexOf("// README:end");
        assertThat(from).isNotNegative();
        assertThat(to).isGreaterThan(from);

        assertThat(readmeBlockAfter("<!-- EmbeddingExample.java between its README markers; checked by EmbeddingExampleTest -->"))
                .as("README.md's copy of EmbeddingExample.java: paste the file's lines between the markers")
                .isEqualTo(source.substring(from + begin.length(), to));
    }

    @Test
    void theReadmeAndTheBomNameThisBuildsVersion() throws IOException {
        String version = buildVersion();

        assertThat(readmeBlockAfter("<!-- the version is checked against the build's by EmbeddingExampleTest -->"))
                .contains("<artifactId>qipathways-bom</artifactId>\n      <version>" + version + "</version>");
        String bom = Files.readString(Path.of("..", "bom", "pom.xml"));
        assertThat(bom).contains("<artifactId>qipathways-bom</artifactId>\n  <version>" + version + "</version>")
                .contains("<artifactId>qipathways-core</artifactId>")
                .contains("<artifactId>qipathways-moodle-connector</artifactId>");
    }

    /** What {@code EmbeddingExample.main(args)} prints on standard output. */
    static String runExample(String... args) {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(captured, true, StandardCharsets.UTF_8)) {
            System.setOut(out);
            EmbeddingExample.main(args);
        } finally {
            System.setOut(original);
        }
        return captured.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
    }

    /** The fenced block that follows {@code marker} in README.md, without its fences. */
    static String readmeBlockAfter(String marker) throws IOException {
        String readme = Files.readString(README, StandardCharsets.UTF_8);
        int at = readme.indexOf(marker);
        assertThat(at).as("README.md has the marker %s", marker).isNotNegative();
        int open = readme.indexOf("```", at);
        int start = readme.indexOf('\n', open) + 1;
        int close = readme.indexOf("\n```", start);
        return readme.substring(start, close + 1);
    }

    /** The version this build writes into qip (samples' filtered qip-version.properties). */
    static String buildVersion() throws IOException {
        Properties p = new Properties();
        try (InputStream in = EmbeddingExampleTest.class.getResourceAsStream("/org/qipathways/samples/cli/qip-version.properties")) {
            p.load(in);
        }
        return p.getProperty("version");
    }
}
