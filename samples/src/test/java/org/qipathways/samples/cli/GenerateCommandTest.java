package org.qipathways.samples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qipathways.samples.generate.RegionConfig;
import org.qipathways.samples.generate.RegionGenerator;
import picocli.CommandLine;

class GenerateCommandTest {

    static final Clock JUNE_30_2024 = Clock.fixed(LocalDate.of(2024, 6, 30).atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC);

    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    /** {@code qip generate ...}, as a user runs it. */
    int qip(String... args) {
        CommandLine qip = Qip.commandLine();
        qip.setOut(new PrintWriter(out));
        qip.setErr(new PrintWriter(err));
        String[] all = new String[args.length + 1];
        all[0] = "generate";
        System.arraycopy(args, 0, all, 1, args.length);
        return qip.execute(all);
    }

    @Test
    void writesTheRegionTheGeneratorMakesAndSaysWhere(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("region");
        int code = qip("--learners", "300", "--seed", "7", "--end", "2025-03-31", "--out", target.toString());

        assertThat(code).isZero();
        assertSameAsGenerator(target, new RegionConfig(300, 7, LocalDate.of(2025, 3, 31)));
        assertThat(out.toString())
                .contains("wrote 300 learners to " + target.resolve("learners.csv"))
                .contains("events to " + target.resolve("events.csv"))
                .contains("history 2022-04-01 to 2025-03-31, seed 7")
                .contains("wrote the names of 22 organisations to " + target.resolve("organisations.csv"));
        assertThat(err.toString()).isEmpty();
        // The names file qip report --organisations reads: every organisation of learners.csv, by name.
        List<String> names = Files.readAllLines(target.resolve("organisations.csv"));
        assertThat(names.get(0)).isEqualTo("organisation,name");
        assertThat(names).hasSize(1 + 22).contains("RHQ,Sheffield Teaching Hospitals NHS Foundation Trust");
        java.util.Set<String> codes = new java.util.HashSet<>();
        names.stream().skip(1).forEach(l -> codes.add(l.substring(0, l.indexOf(','))));
        Files.readAllLines(target.resolve("learners.csv")).stream().skip(1)
                .forEach(l -> assertThat(codes).contains(l.split(",")[1]));
    }

    @Test
    void withoutEndTheHistoryEndsTodayAndTheSeedIsOne(@TempDir Path dir) throws IOException {
        CommandLine cmd = new CommandLine(new GenerateCommand(JUNE_30_2024));
        cmd.setOut(new PrintWriter(out));
        assertThat(cmd.execute("--learners", "50", "--out", dir.toString())).isZero();
        assertSameAsGenerator(dir, new RegionConfig(50, 1, LocalDate.of(2024, 6, 30)));
    }

    @Test
    void learnersAndOutAreRequired() {
        assertThat(qip("--out", "x")).isEqualTo(2);
        assertThat(err.toString()).contains("Missing required option: '--learners=N'");
        assertThat(qip("--learners", "5")).isEqualTo(2);
        assertThat(err.toString()).contains("'--out=DIR'");
    }

    @Test
    void badValuesAreBadUsage(@TempDir Path dir) throws IOException {
        assertThat(qip("--learners", "0", "--out", dir.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("--learners must be at least 1, was 0");

        assertThat(qip("--learners", "10", "--end", "2025-02-30", "--out", dir.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("--end: '2025-02-30' is not a date (use YYYY-MM-DD)");

        Path file = Files.writeString(dir.resolve("taken"), "x");
        assertThat(qip("--learners", "10", "--out", file.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("--out " + file + " is a file; give a directory");
        assertThat(Files.readString(file)).isEqualTo("x");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void aDirectoryThatCannotBeCreatedFailsWithExitCode1AndSaysWhy(@TempDir Path dir) throws IOException {
        // A directory below a plain file can never be created, whoever runs the test.
        Path blocked = Files.writeString(dir.resolve("plain-file"), "x").resolve("region");
        assertThat(qip("--learners", "10", "--out", blocked.toString())).isEqualTo(1);
        // the path it failed on and why, not only a path
        assertThat(err.toString()).contains("qip generate: cannot write the region to " + blocked + ": ")
                .containsPattern("plain-file(/region)?: (Not a directory|not a directory)");
    }

    @Test
    void aDirectoryInTheWayOfAFileFailsWithItsPathAndTheReason(@TempDir Path dir) throws IOException {
        Path inTheWay = Files.createDirectories(dir.resolve("events.csv"));
        Files.writeString(inTheWay.resolve("keep.txt"), "mine");

        assertThat(qip("--learners", "10", "--out", dir.toString())).isEqualTo(1);

        assertThat(err.toString()).isEqualTo("qip generate: cannot write the region to " + dir + ": " + inTheWay
                + ": a directory is in the way" + System.lineSeparator());
        // checked before anything is written: nothing replaced, nothing left behind
        assertThat(inTheWay.resolve("keep.txt")).hasContent("mine");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(inTheWay);
        }
    }

    @Test
    void oneLearnerIsSingular(@TempDir Path dir) {
        assertThat(qip("--learners", "1", "--end", "2025-03-31", "--out", dir.toString())).isZero();
        assertThat(out.toString()).startsWith("wrote 1 learner to ");
    }

    static void assertSameAsGenerator(Path dir, RegionConfig config) throws IOException {
        StringWriter learners = new StringWriter();
        StringWriter events = new StringWriter();
        RegionGenerator.of(config).writeTo(learners, events);
        assertThat(Files.readString(dir.resolve("learners.csv"))).isEqualTo(learners.toString());
        assertThat(Files.readString(dir.resolve("events.csv"))).isEqualTo(events.toString());
    }
}
