package org.qipathways.samples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qipathways.programme.Programme;
import org.qipathways.progress.Evaluator;
import org.qipathways.progress.Progress;
import org.qipathways.progress.TierProgress;
import org.qipathways.record.EventsCsv;
import org.qipathways.record.LearnerRecord;
import org.qipathways.record.ReadOptions;

/** {@code qip evaluate} and {@code qip explain}, run in-process as a user would run them. */
class EvaluateCommandTest {

    @TempDir
    Path dir;

    Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    static final String EVENTS = """
            learner_id,date,type,item,result
            L-2,2024-01-10,completed,BRZ-ELN,
            L-2,2024-01-12,assessed,BRZ-QUIZ,85
            L-1,2024-01-10,completed,BRZ-ELN,
            L-1,2024-01-11,assessed,BRZ-QUIZ,72
            L-2,2024-02-01,attended,SLV-IND,participant
            L-2,2024-04-30,evidence,SLV-PLAN,approved
            L-9,2030-01-01,completed,BRZ-ELN,
            """;

    @Test
    void csvHasOneRowPerLearnerAndTierInInputOrder() throws IOException {
        Path events = write("events.csv", EVENTS);
        QipRun run = QipRun.qip("evaluate", "--events", events.toString(), "--as-of", "2025-01-01");
        assertThat(run.exit()).isZero();
        String[] lines = run.out().split("\n");
        assertThat(lines[0]).isEqualTo("learner_id,tier,status,achieved_on,expires_on,unmet");
        assertThat(lines).hasSize(1 + 3 * 3);
        assertThat(lines[1]).isEqualTo("L-2,BRONZE,ACHIEVED,2024-01-12,,");
        assertThat(lines[2]).isEqualTo("L-2,SILVER,ACHIEVED,2024-04-30,,");
        assertThat(lines[3]).startsWith("L-2,GOLD,NOT_STARTED,,,attend Gold Train the Trainer day 1;").doesNotContain("\"");
        // Only the route the learner is on is explained.
        assertThat(lines[4]).isEqualTo("L-1,BRONZE,IN_PROGRESS,,,\"Bronze online course and knowledge check"
                + " (Bronze knowledge check: best score 72, needs 80)\"");
        // A learner whose events all lie after the as-of date still appears.
        assertThat(lines[7]).startsWith("L-9,BRONZE,NOT_STARTED,,,");
        assertThat(run.err()).contains("events.csv: read 7, accepted 7, rejected 0").contains("evaluated 3 learners as of 2025-01-01");
    }

    @Test
    void noUnmetLeavesOutTheWordsAndKeepsEveryStatusAndDate() throws IOException {
        Path events = write("events.csv", EVENTS);
        QipRun full = QipRun.qip("evaluate", "--events", events.toString(), "--as-of", "2025-01-01");
        QipRun bare = QipRun.qip("evaluate", "--events", events.toString(), "--as-of", "2025-01-01", "--no-unmet");
        assertThat(bare.exit()).isZero();
        List<String> lines = bare.out().lines().toList();
        assertThat(lines.get(0)).isEqualTo("learner_id,tier,status,achieved_on,expires_on");
        assertThat(lines.get(3)).isEqualTo("L-2,GOLD,NOT_STARTED,,");
        // the same rows as with the unmet column, less that column (no value here holds a comma before it)
        assertThat(lines.subList(1, lines.size())).containsExactlyElementsOf(full.out().lines().skip(1)
                .map(l -> String.join(",", java.util.Arrays.asList(l.split(",", -1)).subList(0, 5))).toList());
    }

    @Test
    void learnersCsvComesFirstAndLearnersWithoutEventsAppear() throws IOException {
        Path events = write("events.csv", EVENTS);
        Path learners = write("learners.csv", """
                learner_id,organisation,staff_group,band,team,region
                L-1,RR8,Nursing and Midwifery Registered,5,,West Yorkshire
                L-0,RHQ,,,,
                """);
        QipRun run = QipRun.qip("evaluate", "--events", events.toString(), "--learners", learners.toString(), "--as-of", "2025-01-01");
        assertThat(run.exit()).isZero();
        assertThat(run.out().lines().skip(1).map(l -> l.substring(0, l.indexOf(','))).distinct())
                .containsExactly("L-1", "L-0", "L-2", "L-9");
    }

    @Test
    void badEventsAreAllListedWithLineAndColumnAndNothingIsWritten() throws IOException {
        Path events = write("events.csv", EVENTS + "L-3,2024-13-01,completed,BRZ-ELN,\nL-3,2024-01-01,assessed,BRZ-QUIZ,eighty\nL-3,2024-01-01,completed,NOPE,\n");
        Path out = dir.resolve("status.csv");
        QipRun run = QipRun.qip("evaluate", "--events", events.toString(), "--out", out.toString(), "--as-of", "2025-01-01");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("events.csv:9: date").contains("events.csv:10: result").contains("events.csv:11: item")
                .contains("read 10, accepted 7, rejected 3");
        assertThat(out).doesNotExist();
        assertThat(run.out()).isEmpty();
    }

    @Test
    void skipInvalidEvaluatesTheGoodRowsAndWritesTheRejectedOnesWithReasons() throws IOException {
        Path events = write("events.csv", EVENTS + "L-3,2024-01-01,assessed,BRZ-QUIZ,eighty\n");
        Path out = dir.resolve("status.csv");
        QipRun run = QipRun.qip("evaluate", "--events", events.toString(), "--skip-invalid", "--out", out.toString(), "--as-of", "2025-01-01");
        assertThat(run.exit()).isZero();
        assertThat(Files.readAllLines(out)).hasSize(1 + 3 * 3);
        Path side = dir.resolve("events.csv.rejected.csv");
        assertThat(side).exists();
        assertThat(Files.readString(side)).contains("L-3").contains("eighty").contains("not a score");
        assertThat(run.err()).contains("read 8, accepted 7, rejected 1").contains("events.csv.rejected.csv");
    }

    @Test
    void jsonCarriesTheRequirementTree() throws IOException {
        Path events = write("events.csv", EVENTS);
        QipRun run = QipRun.qip("evaluate", "--events", events.toString(), "--as-of", "2025-01-01", "--format", "json");
        assertThat(run.exit()).isZero();
        JsonNode all = new ObjectMapper().readTree(run.out());
        JsonNode bronze = all.get(1).get("tiers").get(0);
        assertThat(bronze.get("status").asText()).isEqualTo("IN_PROGRESS");
        assertThat(bronze.get("rule").get("holds").asBoolean()).isFalse();
        JsonNode route = bronze.get("rule").get("children").get(0);
        assertThat(route.get("requirement").asText()).isEqualTo("Bronze online course and knowledge check");
        assertThat(route.get("children").get(0).get("holds").asBoolean()).isTrue();
        assertThat(route.get("children").get(0).get("since").asText()).isEqualTo("2024-01-10");
        assertThat(route.get("children").get(1).get("missing").asText()).isEqualTo("Bronze knowledge check: best score 72, needs 80");
    }

    @Test
    void tableIsReadable() throws IOException {
        Path events = write("events.csv", EVENTS);
        QipRun run = QipRun.qip("evaluate", "--events", events.toString(), "--as-of", "2025-01-01", "--format", "table");
        assertThat(run.exit()).isZero();
        assertThat(run.out().lines().findFirst().orElseThrow()).startsWith("LEARNER  TIER    STATUS");
        assertThat(run.out()).contains("L-2      SILVER  ACHIEVED     2024-04-30");
    }

    @Test
    void tableOnAPipeKeepsOneLinePerLearnerAndTier() throws IOException {
        Path events = write("events.csv", EVENTS);
        QipRun run = QipRun.qip("evaluate", "--events", events.toString(), "--as-of", "2025-01-01", "--format", "table");
        // captured output is not a terminal: one line per row, for grep and cut
        assertThat(run.out().lines()).hasSize(1 + 3 * 3);
        assertThat(run.out().lines().filter(l -> l.startsWith("L-2      GOLD")).findFirst().orElseThrow())
                .contains("attend Gold Train the Trainer day 1; attend Gold Train the Trainer day 2; ")
                .hasSizeGreaterThan(EvaluateCommand.DEFAULT_TERMINAL_WIDTH);
    }

    @Test
    void tableOnATerminalWrapsMissingUnderItsColumnWithinTheWidth() throws IOException {
        List<Progress> results = Evaluator.of(Programme.reference()).evaluateAll(
                new ArrayList<>(LearnerRecord.group(List.of(), EventsCsv.read(write("events.csv", EVENTS), Programme.reference(),
                        ReadOptions.STRICT).rows()).values()), LocalDate.of(2025, 1, 1));
        StringWriter w = new StringWriter();

        EvaluateCommand.writeTable(results, w, 90);

        List<String> lines = w.toString().lines().toList();
        assertThat(lines).allSatisfy(l -> assertThat(l).hasSizeLessThanOrEqualTo(90));
        int column = lines.get(0).indexOf("MISSING");
        assertThat(column).isPositive();
        // each missing requirement starts its own line under MISSING; wrapped text stays under it too
        List<String> gold = new ArrayList<>();
        boolean inGold = false;
        for (String l : lines) {
            if (!l.startsWith(" ")) {
                inGold = l.startsWith("L-2      GOLD");
            }
            if (inGold) {
                assertThat(l.substring(0, column)).as(l).matches(l.startsWith(" ") ? " +" : "L-2 +GOLD +NOT_STARTED +");
                gold.add(l.substring(column));
            }
        }
        assertThat(gold).startsWith("attend Gold Train the Trainer day 1", "attend Gold Train the Trainer day 2");
        // nothing is lost: the wrapped words are the unmet requirements' words
        TierProgress goldTier = results.get(0).tier("GOLD");
        assertThat(String.join(" ", gold)).isEqualTo(String.join(" ", goldTier.unmet()));

        // however narrow the terminal, MISSING keeps a readable column rather than one word a line
        StringWriter narrow = new StringWriter();
        EvaluateCommand.writeTable(results, narrow, 40);
        assertThat(narrow.toString().lines()).allSatisfy(l -> assertThat(l.length() - column)
                .isLessThanOrEqualTo(EvaluateCommand.MIN_MISSING_WIDTH));
    }

    @Test
    void theTerminalWidthIsColumnsOrAHundredAndNothingForAPipe() {
        assertThat(EvaluateCommand.terminalWidth(false, Map.of("COLUMNS", "120")::get)).isZero();
        assertThat(EvaluateCommand.terminalWidth(true, Map.of("COLUMNS", "120")::get)).isEqualTo(120);
        assertThat(EvaluateCommand.terminalWidth(true, Map.<String, String>of()::get)).isEqualTo(100);
        assertThat(EvaluateCommand.terminalWidth(true, Map.of("COLUMNS", "wide")::get)).isEqualTo(100);
    }

    @Test
    void aWrapNeverBreaksAWordAndALongWordStandsAlone() {
        assertThat(EvaluateCommand.wrap("needs approval by 2026-04-21", 12)).containsExactly("needs", "approval by", "2026-04-21");
        assertThat(EvaluateCommand.wrap("a https://example.invalid/very/long b", 10))
                .containsExactly("a", "https://example.invalid/very/long", "b");
    }

    @Test
    void explainSaysWhatIsDoneWhatIsMissingAndTheNextStep() throws IOException {
        Path events = write("events.csv", EVENTS);
        QipRun run = QipRun.qip("explain", "--events", events.toString(), "--learner", "L-1", "--as-of", "2025-01-01");
        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("Bronze: IN PROGRESS")
                .contains("complete Foundations of Quality Improvement (since 2024-01-10)")
                .contains("Bronze knowledge check: best score 72, needs 80")
                .contains("Silver: NOT STARTED")
                .contains("Next step: Bronze: Bronze online course and knowledge check (Bronze knowledge check: best score 72, needs 80)");
    }

    @Test
    void explainOfAnUnknownLearnerIsBadInput() throws IOException {
        Path events = write("events.csv", EVENTS);
        QipRun run = QipRun.qip("explain", "--events", events.toString(), "--learner", "L-404");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("learner L-404 is not in");
    }
}
