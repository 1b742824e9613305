package org.qipathways.samples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a user sees after a usage mistake: the error, the command's synopsis and where to read more,
 * never the whole help; and usage lines that list exactly the options a command takes.
 */
class UsageErrorsTest {

    @TempDir
    Path dir;

    private Path events() throws IOException {
        return Files.writeString(dir.resolve("events.csv"), EvaluateCommandTest.EVENTS);
    }

    @Test
    void aMalformedDateNamesTheOptionAndTheFormatAndShowsOnlyTheSynopsis() throws IOException {
        QipRun run = QipRun.qip("evaluate", "--events", events().toString(), "--as-of", "2026-13-45");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().lines()).first()
                .isEqualTo("qip evaluate: --as-of: '2026-13-45' is not a date (use YYYY-MM-DD)");
        assertThat(run.err()).contains("Usage: qip evaluate [-hV] [--skip-invalid] [--[no-]unmet] [--as-of=DATE]").contains("--events=FILE")
                .endsWith("Try 'qip evaluate --help' for more." + System.lineSeparator())
                // not Java's parser text, not the whole help
                .doesNotContain("DateTimeParseException").doesNotContain("MonthOfYear")
                .doesNotContain("The date to judge on").doesNotContain("Exit codes");
        // the error, the synopsis (wrapped at 80 columns) and the hint: a screen, not the help's 60 lines
        assertThat(run.err().lines().count()).isLessThanOrEqualTo(12);
    }

    @Test
    void everyDateOptionReadsTheSameWay() {
        assertThat(QipRun.qip("generate", "--learners", "5", "--end", "2025-02-30", "--out", dir.toString()).err())
                .startsWith("qip generate: --end: '2025-02-30' is not a date (use YYYY-MM-DD)");
        assertThat(QipRun.qip("pull", "--moodle", "https://moodle.example.nhs.uk", "--out", "e.csv", "--since", "last week").err())
                .startsWith("qip pull: --since: 'last week' is not a date (use YYYY-MM-DD)");
        QipRun revoke = QipRun.qip("revoke", "X", "--register", "r.db", "--reason", "r", "--actor", "a", "--on", "31/12/2025");
        assertThat(revoke.exit()).isEqualTo(2);
        assertThat(revoke.err()).startsWith("qip revoke: --on: '31/12/2025' is not a date (use YYYY-MM-DD)");
    }

    @Test
    void anUnknownOptionShowsTheSynopsisAndAHintNotTheHelp() throws IOException {
        QipRun run = QipRun.qip("explain", "--events", events().toString(), "--learner", "L-1", "--as-off", "2025-01-01");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).startsWith("qip explain: Unknown options: '--as-off', '2025-01-01'")
                .contains("Usage: qip explain ").contains("Try 'qip explain --help' for more.")
                .doesNotContain("The learner's id.");
    }

    @Test
    void aMissingCommandShowsTheTopSynopsis() {
        QipRun run = QipRun.qip();

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).startsWith("qip: Missing command: give one of demo, validate")
                .contains("Usage: qip [-hV] COMMAND").endsWith("Try 'qip --help' for more." + System.lineSeparator());
    }

    @Test
    void reportSaysLearnersIsRequiredInItsUsageAndWhenItIsMissing() throws IOException {
        QipRun help = QipRun.qip("report", "--help");
        assertThat(help.out()).contains(" --learners=FILE ").doesNotContain("[--learners=FILE]");

        QipRun run = QipRun.qip("report", "--events", events().toString(), "--out", dir.resolve("r").toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).startsWith("qip report: Missing required option: '--learners=FILE'");
        assertThat(dir.resolve("r")).doesNotExist();
    }

    @Test
    void pullAndPublishListOnlyTheOptionsTheyUseAndSyncListsItsMapping() {
        String pull = QipRun.qip("pull", "--help").out();
        String publish = QipRun.qip("publish", "--help").out();
        String sync = QipRun.qip("sync", "--help").out();
        for (String usage : new String[] {pull, publish}) {
            assertThat(usage).contains("--moodle=URL").contains("--max-input-vars=N")
                    .doesNotContain("--scale-id").doesNotContain("--parent-category").doesNotContain("--template-course")
                    .doesNotContain("--auth").doesNotContain("--email-domain");
        }
        assertThat(pull).contains("--since=DATE").contains("--out=FILE");
        assertThat(publish).contains("--register=JDBC-URL").contains("--plan");
        assertThat(sync).contains("--scale-id=ID").contains("--parent-category=ID").contains("--template-course=ID")
                .contains("--auth=METHOD").contains("--email-domain=DOMAIN");
        // a mapping option given to pull is now an error, not silently ignored
        QipRun run = QipRun.qip("pull", "--moodle", "https://moodle.example.nhs.uk", "--out", "e.csv", "--scale-id", "4");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).startsWith("qip pull: Unknown options: '--scale-id', '4'");
    }

    @Test
    void oneLearnerIsOneLearner() throws IOException {
        Path events = Files.writeString(dir.resolve("one.csv"), "learner_id,date,type,item,result\nL-1,2024-01-10,completed,BRZ-ELN,\n");

        QipRun run = QipRun.qip("evaluate", "--events", events.toString(), "--as-of", "2025-01-01");

        assertThat(run.exit()).isZero();
        assertThat(run.err()).contains("evaluated 1 learner as of 2025-01-01").doesNotContain("1 learners");
    }

    @Test
    void pluralIsRegular() {
        assertThat(Plural.of(0, "learner")).isEqualTo("learners");
        assertThat(Plural.of(1, "learner")).isEqualTo("learner");
        assertThat(Plural.of(2, "event")).isEqualTo("events");
    }
}
