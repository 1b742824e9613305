package org.qipathways.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.qipathways.programme.Programme;

/**
 * Events and learners files written to mislead or to exhaust the readers are refused at read time
 * with file, line and column: implausible dates, control characters, invalid UTF-8, values and lines
 * past their limits; and no message echoes a control character raw.
 */
class HostileInputTest {

    private static final Programme P = Programme.reference();
    private static final String HEADER = "learner_id,date,type,item,result\n";

    @TempDir
    Path dir;

    private static List<String> problems(String csv, ReadOptions options) {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> EventsCsv.read(new StringReader(csv), "events.csv", P, options));
        assertThat(e).as("expected the read to fail").isNotNull();
        return e.problems().stream().map(InputProblem::toString).toList();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "0000-01-01|is before 1990-01-01, the earliest date accepted (earliestDate): correct the date; if it is right,"
                    + " widen the range (ReadOptions.withDateRange; qip: --earliest-date)",
            "1000-01-01|is before 1990-01-01, the earliest date accepted (earliestDate): correct the date; if it is right,"
                    + " widen the range (ReadOptions.withDateRange; qip: --earliest-date)",
            "9999-12-31|is after 2100-12-31, the latest date accepted (latestDate): correct the date; if it is right,"
                    + " widen the range (ReadOptions.withDateRange; qip: --latest-date)",
    })
    void implausibleDatesAreRefusedAtReadTimeWithFileLineAndField(String date, String message) {
        assertThat(problems(HEADER + "L1,2025-03-14,completed,BRZ-ELN,\nL1," + date + ",completed,BRZ-QUIZ,\n",
                ReadOptions.STRICT)).containsExactly("events.csv:3: date: '" + date + "' " + message);
    }

    @Test
    void theDateRangeIsConfigurableAndItsEdgesAreIn() {
        String csv = HEADER + "L1,1990-01-01,completed,BRZ-ELN,\nL1,2100-12-31,completed,BRZ-ELN,\n";
        assertThat(EventsCsv.read(new StringReader(csv), "events.csv", P, ReadOptions.STRICT).rows()).hasSize(2);

        ReadOptions wide = ReadOptions.STRICT.withDateRange(LocalDate.of(1000, 1, 1), LocalDate.of(9999, 12, 31));
        assertThat(EventsCsv.read(new StringReader(HEADER + "L1,1000-01-01,completed,BRZ-ELN,\n"), "events.csv", P, wide)
                .rows()).extracting(LearnerEvent::date).containsExactly(LocalDate.of(1000, 1, 1));
        assertThat(problems(HEADER + "L1,2024-12-31,completed,BRZ-ELN,\n",
                ReadOptions.STRICT.withDateRange(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31))))
                .singleElement().asString().startsWith("events.csv:2: date: '2024-12-31' is before 2025-01-01,");
    }

    @Test
    void aDateOutOfRangeIsRefusedEvenWhenTheSameTextWasFineBefore() {
        // the reader caches parsed dates; a cached date must not slip past the range
        assertThat(problems(HEADER + "L1,1980-05-05,completed,BRZ-ELN,\nL2,1980-05-05,completed,BRZ-ELN,\n",
                ReadOptions.STRICT)).hasSize(2);
    }

    @Test
    void aNulInAResultIsRefused() {
        assertThat(problems(HEADER + "L1,2025-03-14,revoked,GOLD,withdrawn\u0000by HR\n", ReadOptions.STRICT))
                .containsExactly("events.csv:2: result: holds the control character U+0000 at character 10;"
                        + " control characters are not allowed in any value: remove it");
    }

    @Test
    void controlCharactersAreRefusedInEveryColumnAndNeverEchoedRaw() {
        String esc = "\u001b[2J\u001b[31m";
        String csv = HEADER + "L" + esc + "1,2025-03-14,completed,BRZ-ELN,\n"
                + "L2,2025-03-14\u0007,completed,BRZ-ELN,\n"
                + "L3,2025-03-14,completed,BRZ-ELN\u0085,\n"
                + "L4,2025-03-14,completed,BRZ-ELN,,extra\u007f\n";

        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> EventsCsv.read(new StringReader(csv), "events.csv", P, ReadOptions.STRICT));

        assertThat(e.problems()).extracting(InputProblem::toString).containsExactly(
                "events.csv:2: learner_id: holds the control character U+001B at character 2; control characters are"
                        + " not allowed in any value: remove it",
                "events.csv:3: date: holds the control character U+0007 at character 11; control characters are"
                        + " not allowed in any value: remove it",
                "events.csv:4: item: holds the control character U+0085 at character 8; control characters are"
                        + " not allowed in any value: remove it",
                "events.csv:5: column 6: holds the control character U+007F at character 6; control characters are"
                        + " not allowed in any value: remove it");
        assertThat(e.getMessage().chars().filter(c -> Character.isISOControl(c) && c != '\n')).isEmpty();
    }

    @Test
    void aBadLearnerIdWithEscapeSequencesIsQuotedEscapedInLearnersCsv() {
        String csv = "learner_id,organisation\nL1,RHQ\u001b]0;pwned\u0007\n";

        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> LearnersCsv.read(new StringReader(csv), "learners.csv", ReadOptions.STRICT));

        assertThat(e.problems()).extracting(InputProblem::toString).containsExactly(
                "learners.csv:2: organisation: holds the control character U+001B at character 4; control characters"
                        + " are not allowed in any value: remove it");
    }

    @Test
    void messagesShowControlCharactersAsEscapes() {
        InputProblem p = new InputProblem("events\u001b.csv", 3, "learner_id", "'L\u001b[2J' is not a learner id\n");

        assertThat(p.toString()).isEqualTo("events\\u001b.csv:3: learner_id: 'L\\u001b[2J' is not a learner id\\n");
    }

    @Test
    void tabsAndQuotedLineBreaksAreStillFine() {
        ReadResult<LearnerEvent> r = EventsCsv.read(new StringReader(HEADER
                + "L1,2025-03-14,revoked,GOLD,\"left\tthe trust,\r\nrejoined\"\n"), "events.csv", P, ReadOptions.STRICT);

        assertThat(r.rows()).extracting(LearnerEvent::result).containsExactly("left\tthe trust,\r\nrejoined");
    }

    @Test
    void skipInvalidKeepsTheRowWithAControlCharacterApart() {
        ReadResult<LearnerEvent> r = EventsCsv.read(new StringReader(HEADER + "L1,2025-03-14,completed,BRZ-ELN,\n"
                + "L2,2025-03-14,revoked,GOLD,x\u0000\n"), "events.csv", P, ReadOptions.SKIP_INVALID);

        assertThat(r.counts()).isEqualTo(new ReadCounts(2, 1, 1));
        assertThat(r.rejected()).singleElement().extracting(RejectedRow::line).isEqualTo(3);
    }

    @Test
    void invalidUtf8DeepInAFileIsReportedWithItsLine() throws IOException {
        Path file = dir.resolve("events.csv");
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(HEADER.getBytes(StandardCharsets.US_ASCII));
            for (int i = 2; i < 10_003; i++) {
                out.write(("L" + i + ",2025-03-14,completed,BRZ-ELN,\n").getBytes(StandardCharsets.US_ASCII));
            }
            out.write("L10003,2025-03-14,revoked,GOLD,R".getBytes(StandardCharsets.US_ASCII));
            out.write(0xFC);   // ü in Windows-1252
            out.write("ckruf\nL10004,2025-03-14,completed,BRZ-ELN,\n".getBytes(StandardCharsets.US_ASCII));
        }

        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> EventsCsv.read(file, P, ReadOptions.STRICT));

        assertThat(e.problems()).extracting(InputProblem::toString).containsExactly(file + ":10003: line 10003 is not"
                + " UTF-8 text (at character 33): the file was probably saved in another encoding (Windows-1252,"
                + " \"ANSI\"); save it as UTF-8 (in Excel: Save As, CSV UTF-8)");
    }

    @Test
    void invalidUtf8InALearnersFileIsReportedWithItsLineToo() throws IOException {
        Path file = dir.resolve("learners.csv");
        Files.write(file, new byte[] {'l', 'e', 'a', 'r', 'n', 'e', 'r', '_', 'i', 'd', ',', 'o', 'r', 'g', 'a', 'n',
                'i', 's', 'a', 't', 'i', 'o', 'n', '\r', '\n', 'L', '1', ',', 'R', 'H', 'Q', ',', (byte) 0xC3, '\n'});

        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> LearnersCsv.read(file, ReadOptions.STRICT));

        assertThat(e.problems()).extracting(InputProblem::line).containsExactly(2);
    }

    @Test
    void aValueOverTheLimitIsRefusedWithTheLimitNamed() {
        String csv = HEADER + "L1,2025-03-14,revoked,GOLD,\"" + "x".repeat(10_001) + "\"\n";

        assertThat(problems(csv, ReadOptions.STRICT)).containsExactly("events.csv:2: a value that starts in this row is"
                + " longer than 10000 characters, the limit for one value (maxValueLength): probably a double quote that"
                + " opens a value is never closed; add the missing closing quote. If the value is right, raise the limit"
                + " (ReadOptions.withMaxValueLength; qip: --max-value-length)");
        assertThat(EventsCsv.read(new StringReader(csv), "events.csv", P, ReadOptions.STRICT.withMaxValueLength(20_000))
                .rows()).singleElement().extracting(LearnerEvent::result).asString().hasSize(10_001);
    }

    @Test
    void aLineOverTheLimitIsRefusedWithItsLineAndTheLimitNamed() {
        String csv = HEADER + "L1,2025-03-14,completed,BRZ-ELN,\n" + "L2,2025-03-14,completed,BRZ-ELN" + ",".repeat(200_000)
                + "\n";

        assertThat(problems(csv, ReadOptions.STRICT)).containsExactly("events.csv:3: line 3 is longer than 100000"
                + " characters, the limit for one line (maxLineLength): is this a text file of the right kind? If the line"
                + " is right, raise the limit (ReadOptions.withMaxLineLength; qip: --max-line-length)");
        assertThat(EventsCsv.read(new StringReader(csv), "events.csv", P, ReadOptions.STRICT.withMaxLineLength(300_000))
                .rows()).hasSize(2);
    }

    @Test
    void anEndlessValueIsStoppedAtTheLimitWithoutReadingTheRest() {
        // 2 billion characters that never end: the read stops at the value limit, in bounded memory.
        String head = HEADER + "L1,2025-03-14,revoked,GOLD,\"";
        Reader endless = new Reader() {
            private long sent;

            @Override
            public int read(char[] buf, int off, int len) {
                if (sent > 2_000_000_000L) {
                    return -1;
                }
                for (int i = 0; i < len; i++, sent++) {
                    buf[off + i] = sent < head.length() ? head.charAt((int) sent) : sent % 1000 == 0 ? '\n' : 'x';
                }
                return len;
            }

            @Override
            public void close() {
            }
        };

        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> EventsCsv.read(endless, "endless.csv", P, ReadOptions.STRICT));

        assertThat(e.problems()).singleElement().asString().startsWith("endless.csv:2: a value that starts in this row is"
                + " longer than 10000 characters");
    }

    @Test
    void theRejectedRowsFileShowsControlCharactersAsEscapes() throws IOException {
        ReadResult<LearnerEvent> r = EventsCsv.read(new StringReader(HEADER + "L2,2025-03-14,revoked,GOLD,x\u001b[2J\n"),
                "events.csv", P, ReadOptions.SKIP_INVALID);
        StringWriter out = new StringWriter();

        r.writeRejected(out);

        assertThat(out.toString()).doesNotContain("\u001b").contains("x\\u001b[2J");
    }
}
