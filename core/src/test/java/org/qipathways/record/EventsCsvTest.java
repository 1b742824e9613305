package org.qipathways.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.qipathways.programme.Programme;
import org.qipathways.record.LearnerEvent.Assessed;
import org.qipathways.record.LearnerEvent.Attended;
import org.qipathways.record.LearnerEvent.Completed;
import org.qipathways.record.LearnerEvent.Decision;
import org.qipathways.record.LearnerEvent.Evidence;
import org.qipathways.record.LearnerEvent.EvidenceStatus;
import org.qipathways.record.LearnerEvent.PriorLearning;
import org.qipathways.record.LearnerEvent.Rated;
import org.qipathways.record.LearnerEvent.Revoked;
import org.qipathways.rules.Role;

class EventsCsvTest {

    private static final Programme P = Programme.reference();
    private static final String HEADER = "learner_id,date,type,item,result\n";
    private static final LocalDate D = LocalDate.of(2025, 3, 14);

    private static ReadResult<LearnerEvent> read(String csv) {
        return EventsCsv.read(new StringReader(csv), "events.csv", P, ReadOptions.STRICT);
    }

    private static List<String> problems(String csv) {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> read(csv));
        assertThat(e).as("expected the read to fail").isNotNull();
        return e.problems().stream().map(InputProblem::toString).toList();
    }

    @Test
    void readsEveryTypeOfEvent() {
        ReadResult<LearnerEvent> r = read(HEADER
                + "L1,2025-03-14,completed,BRZ-ELN,\n"
                + "L1,2025-03-14,assessed,BRZ-QUIZ,85\n"
                + "L1,2025-03-14,attended,SLV-IND,participant\n"
                + "L1,2025-03-14,attended,SLV-TEAM-2,facilitator\n"
                + "L1,2025-03-14,evidence,SLV-PLAN,approved\n"
                + "L1,2025-03-14,rated,C-COACH,3\n"
                + "L1,2025-03-14,prior_learning,IMP-FUNDAMENTALS,rejected\n"
                + "L1,2025-03-14,revoked,GOLD,Certificate issued in error\n");

        assertThat(r.rows()).containsExactly(
                new Completed("L1", D, "BRZ-ELN"),
                new Assessed("L1", D, "BRZ-QUIZ", 85),
                new Attended("L1", D, "SLV-IND", Role.PARTICIPANT),
                new Attended("L1", D, "SLV-TEAM-2", Role.FACILITATOR),
                new Evidence("L1", D, "SLV-PLAN", EvidenceStatus.APPROVED),
                new Rated("L1", D, "C-COACH", 3),
                new PriorLearning("L1", D, "IMP-FUNDAMENTALS", Decision.REJECTED),
                new Revoked("L1", D, "GOLD", "Certificate issued in error"));
        assertThat(r.counts()).isEqualTo(new ReadCounts(8, 8, 0));
        assertThat(r.rejected()).isEmpty();
        assertThat(r.header()).containsExactly("learner_id", "date", "type", "item", "result");
    }

    @Test
    void acceptsKeywordsInAnyCaseAndValuesWithOuterSpaces() {
        ReadResult<LearnerEvent> r = read(HEADER
                + " L1 , 2025-03-14 ,Attended, SLV-IND ,Participant\n"
                + "L1,2025-03-14,EVIDENCE,SLV-PLAN,Approved\n");

        assertThat(r.rows()).containsExactly(
                new Attended("L1", D, "SLV-IND", Role.PARTICIPANT),
                new Evidence("L1", D, "SLV-PLAN", EvidenceStatus.APPROVED));
    }

    static Stream<Arguments> badRows() {
        return Stream.of(
                // learner_id
                Arguments.of(",2025-03-14,completed,BRZ-ELN,",
                        "learner_id: is empty; every event needs the learner's id"),
                Arguments.of("jo smith,2025-03-14,completed,BRZ-ELN,",
                        "learner_id: 'jo smith' is not a learner id; use 1-64 letters, digits, '.', '-' or '_'"),
                Arguments.of("L".repeat(65) + ",2025-03-14,completed,BRZ-ELN,",
                        "learner_id: '" + "L".repeat(60) + "...' is not a learner id; use 1-64 letters, digits, '.', '-' or '_'"),
                // date
                Arguments.of("L1,,completed,BRZ-ELN,",
                        "date: is empty; every event needs the date it happened, as yyyy-MM-dd"),
                Arguments.of("L1,14/03/2025,completed,BRZ-ELN,",
                        "date: '14/03/2025' is not a date; write dates as yyyy-MM-dd, e.g. 2025-03-14"),
                Arguments.of("L1,2025-02-30,completed,BRZ-ELN,",
                        "date: '2025-02-30' is not a day of the calendar"),
                // type
                Arguments.of("L1,2025-03-14,,BRZ-ELN,",
                        "type: is empty; use one of completed, assessed, attended, evidence, rated, prior_learning or revoked"),
                Arguments.of("L1,2025-03-14,finished,BRZ-ELN,",
                        "type: 'finished' is not an event type; use one of completed, assessed, attended, evidence, rated, "
                                + "prior_learning or revoked"),
                // item
                Arguments.of("L1,2025-03-14,completed,,",
                        "item: is empty; completed needs a unit code"),
                Arguments.of("L1,2025-03-14,completed,BRZ-ELM,",
                        "item: 'BRZ-ELM' is not a unit of programme QIP-BSG; completed needs a unit code"),
                Arguments.of("L1,2025-03-14,completed,brz-eln,",
                        "item: 'brz-eln' is not a unit of programme QIP-BSG (did you mean BRZ-ELN?)"),
                Arguments.of("L1,2025-03-14,completed,BRONZE,",
                        "item: 'BRONZE' is a tier, not a unit; completed needs a unit code"),
                Arguments.of("L1,2025-03-14,assessed,BRZ-ELN,90",
                        "item: 'BRZ-ELN' is an online module, not an assessment; assessed needs the code of an assessment unit"),
                Arguments.of("L1,2025-03-14,attended,SLV-PLAN,participant",
                        "item: 'SLV-PLAN' is an evidence unit, not a workshop or session; attended needs the code of a "
                                + "workshop or session"),
                Arguments.of("L1,2025-03-14,evidence,SLV-IND,approved",
                        "item: 'SLV-IND' is a workshop, not an evidence unit; evidence needs the code of an evidence unit"),
                Arguments.of("L1,2025-03-14,rated,C-NOPE,2",
                        "item: 'C-NOPE' is not a competency of framework QI-CF; rated needs a competency code"),
                Arguments.of("L1,2025-03-14,rated,SLV-PLAN,2",
                        "item: 'SLV-PLAN' is a unit, not a competency; rated needs a competency code"),
                Arguments.of("L1,2025-03-14,prior_learning,QSIR,approved",
                        "item: 'QSIR' is not a prior-learning code of programme QIP-BSG; prior_learning needs a "
                                + "prior-learning code"),
                Arguments.of("L1,2025-03-14,revoked,PLATINUM,fraud",
                        "item: 'PLATINUM' is not a tier of programme QIP-BSG; revoked needs a tier code"),
                // result
                Arguments.of("L1,2025-03-14,completed,BRZ-ELN,yes",
                        "result: 'yes' must be empty; completed takes no result"),
                Arguments.of("L1,2025-03-14,assessed,BRZ-QUIZ,eighty",
                        "result: 'eighty' is not a score; assessed needs a whole number 0-100"),
                Arguments.of("L1,2025-03-14,assessed,BRZ-QUIZ,101",
                        "result: '101' is not a score; assessed needs a whole number 0-100"),
                Arguments.of("L1,2025-03-14,assessed,BRZ-QUIZ,85.5",
                        "result: '85.5' is not a score; assessed needs a whole number 0-100"),
                Arguments.of("L1,2025-03-14,assessed,BRZ-QUIZ,",
                        "result: is empty; assessed needs a whole number 0-100"),
                Arguments.of("L1,2025-03-14,attended,SLV-IND,any",
                        "result: 'any' is not a role; attended needs participant or facilitator"),
                Arguments.of("L1,2025-03-14,evidence,SLV-PLAN,pending",
                        "result: 'pending' is not an evidence status; evidence needs submitted, approved or rejected"),
                Arguments.of("L1,2025-03-14,rated,C-MFI,4",
                        "result: '4' is not a level of the QI proficiency scale; rated needs a whole number 1-3"),
                Arguments.of("L1,2025-03-14,rated,C-MFI,0",
                        "result: '0' is not a level of the QI proficiency scale; rated needs a whole number 1-3"),
                Arguments.of("L1,2025-03-14,prior_learning,IMP-FUNDAMENTALS,yes",
                        "result: 'yes' is not a decision; prior_learning needs approved or rejected"),
                Arguments.of("L1,2025-03-14,revoked,GOLD,  ",
                        "result: is empty; revoked needs the reason for the revocation"),
                // the row as a whole
                Arguments.of("L1,2025-03-14,revoked,GOLD,left the trust, then rejoined",
                        "the row has 6 values but the header has 5 columns; put a value that contains a comma in double quotes"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("badRows")
    void reportsEachKindOfProblemWithFileLineColumnAndReason(String row, String message) {
        assertThat(problems(HEADER + "L0,2025-01-01,completed,BRZ-ELN,\n" + row + "\n"))
                .containsExactly("events.csv:3: " + message);
    }

    @Test
    void aMissingResultColumnIsFineUntilAnEventNeedsOne() {
        assertThat(read("learner_id,date,type,item\nL1,2025-03-14,completed,BRZ-ELN\n").rows())
                .containsExactly(new Completed("L1", D, "BRZ-ELN"));
        assertThat(problems("learner_id,date,type,item\nL1,2025-03-14,assessed,BRZ-QUIZ\n"))
                .containsExactly("events.csv:2: result: the file has no result column; assessed needs a whole number 0-100");
    }

    @Test
    void aShortRowReadsItsMissingValuesAsEmpty() {
        assertThat(read(HEADER + "L1,2025-03-14,completed,BRZ-ELN\n").rows())
                .containsExactly(new Completed("L1", D, "BRZ-ELN"));
        assertThat(problems(HEADER + "L1,2025-03-14\n"))
                .containsExactly("events.csv:2: type: is empty; use one of completed, assessed, attended, evidence, rated, "
                        + "prior_learning or revoked");
    }

    @Test
    void reportsEveryProblemOfEveryRowWithPhysicalLineNumbers() {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> read(HEADER
                + "L1,2025-03-14,completed,BRZ-ELN,\n"
                + "L1,2025-03-14,revoked,GOLD,\"reason over\ntwo lines\"\n"   // lines 3-4
                + "\n"                                                         // line 5, blank
                + "L2,2025-13-01,assessed,BRZ-QUIZ,eighty\n"                   // line 6: two problems
                + "L3,2025-03-14,completed,BRZ-ELN,\n"
                + "L4,2025-03-14,attended,SLV-IND,guest\n"));                  // line 8

        assertThat(e.problems()).extracting(InputProblem::toString).containsExactly(
                "events.csv:6: date: '2025-13-01' is not a day of the calendar",
                "events.csv:6: result: 'eighty' is not a score; assessed needs a whole number 0-100",
                "events.csv:8: result: 'guest' is not a role; attended needs participant or facilitator");
        assertThat(e.problems().get(0)).isEqualTo(
                new InputProblem("events.csv", 6, "date", "'2025-13-01' is not a day of the calendar"));
        assertThat(e.moreProblems()).isZero();
        assertThat(e.counts()).isEqualTo(new ReadCounts(5, 3, 2));
        assertThat(e.getMessage()).isEqualTo("events.csv: 3 problems\n"
                + "  events.csv:6: date: '2025-13-01' is not a day of the calendar\n"
                + "  events.csv:6: result: 'eighty' is not a score; assessed needs a whole number 0-100\n"
                + "  events.csv:8: result: 'guest' is not a role; attended needs participant or facilitator");
    }

    @Test
    void listsProblemsUpToTheCapAndCountsTheRest() {
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 0; i < 5; i++) {
            csv.append("L").append(i).append(",2025-03-14,completed,NOPE,\n");
        }
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> EventsCsv.read(
                new StringReader(csv.toString()), "events.csv", P, ReadOptions.STRICT.withMaxProblems(2)));

        assertThat(e.problems()).extracting(InputProblem::line).containsExactly(2, 3);
        assertThat(e.moreProblems()).isEqualTo(3);
        assertThat(e.getMessage()).startsWith("events.csv: 5 problems\n").endsWith("\n  ... and 3 more problems");
        assertThat(e.counts()).isEqualTo(new ReadCounts(5, 0, 5));
    }

    @Test
    void aMissingRequiredColumnIsOneProblemNamingIt() {
        assertThat(problems("learner_id,type,item,result\nL1,completed,BRZ-ELN,\n")).containsExactly(
                "events.csv:1: date: column missing from the header; the header must name learner_id, date, type and item "
                        + "(and result when any event has one), in any order");
        assertThat(problems("learner_id,when,what,result\n")).extracting(s -> s.substring(0, 20))
                .containsExactly("events.csv:1: date: ", "events.csv:1: type: ", "events.csv:1: item: ");
    }

    @Test
    void aFileWithoutAHeaderIsOneProblem() {
        assertThat(problems("L1,2025-03-14,completed,BRZ-ELN,\nL2,2025-03-14,completed,BRZ-ELN,\n")).containsExactly(
                "events.csv:1: the first row is not a header; the header must name learner_id, date, type and item "
                        + "(and result when any event has one), in any order");
    }

    @Test
    void aColumnNamedTwiceIsAProblem() {
        assertThat(problems("learner_id,date,type,item,result,date\n")).containsExactly(
                "events.csv:1: date: the header names this column twice (columns 2 and 6); keep one");
    }

    @Test
    void anEmptyFileIsAProblemButAHeaderAloneIsNoEvents() {
        String rule = "the header must name learner_id, date, type and item (and result when any event has one), in any order";
        assertThat(problems("")).containsExactly("events.csv: is empty; " + rule);
        assertThat(problems("\uFEFF\n\n")).containsExactly("events.csv: is empty; " + rule);

        ReadResult<LearnerEvent> r = read(HEADER);
        assertThat(r.rows()).isEmpty();
        assertThat(r.counts()).isEqualTo(new ReadCounts(0, 0, 0));
    }

    @Test
    void skipsAByteOrderMark() {
        assertThat(read("\uFEFF" + HEADER + "L1,2025-03-14,completed,BRZ-ELN,\n").rows())
                .containsExactly(new Completed("L1", D, "BRZ-ELN"));
    }

    @Test
    void readsAFileWithAByteOrderMarkAndWindowsLineBreaks(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("events.csv");
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] text = "learner_id,date,type,item,result\r\nL1,2025-03-14,revoked,GOLD,\"Rückruf, see \"\"note\"\"\"\r\n"
                .getBytes(StandardCharsets.UTF_8);
        Files.write(file, concat(bom, text));

        ReadResult<LearnerEvent> r = EventsCsv.read(file, P, ReadOptions.STRICT);

        assertThat(r.source()).isEqualTo(file.toString());
        assertThat(r.rows()).containsExactly(new Revoked("L1", D, "GOLD", "Rückruf, see \"note\""));
    }

    @Test
    void aFileThatIsNotUtf8IsOneProblem(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("events.csv");
        Files.write(file, concat(HEADER.getBytes(StandardCharsets.US_ASCII),
                "L1,2025-03-14,revoked,GOLD,R\u00fcckruf\n".getBytes(StandardCharsets.ISO_8859_1)));

        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> EventsCsv.read(file, P, ReadOptions.SKIP_INVALID));

        assertThat(e.problems()).extracting(InputProblem::toString).containsExactly(file + ":2: line 2 is not UTF-8 text"
                + " (at character 29): the file was probably saved in another encoding (Windows-1252, \"ANSI\");"
                + " save it as UTF-8 (in Excel: Save As, CSV UTF-8)");
    }

    @Test
    void quotedLineBreaksCountTowardsLineNumbers() {
        assertThat(problems(HEADER
                + "L1,2025-03-14,revoked,GOLD,\"Left the trust, then\nrejoined; see \"\"HR note\"\"\"\n"
                + "L1,2025-03-15,assessed,BRZ-QUIZ,bad\n"))
                .containsExactly("events.csv:4: result: 'bad' is not a score; assessed needs a whole number 0-100");
        assertThat(read(HEADER + "L1,2025-03-14,revoked,GOLD,\"Left the trust, then\r\nrejoined; see \"\"HR note\"\"\"\n")
                .rows()).containsExactly(new Revoked("L1", D, "GOLD", "Left the trust, then\r\nrejoined; see \"HR note\""));
    }

    @Test
    void brokenQuotingIsAProblemAtTheRowWhereItStarts() {
        assertThat(problems(HEADER
                + "L1,2025-03-14,completed,BRZ-ELN,\n"
                + "L1,2025-03-14,revoked,GOLD,\"never closed\n"
                + "L2,2025-03-14,completed,BRZ-ELN,\n"))
                .containsExactly("events.csv:3: a value in double quotes that starts in this row is never closed; "
                        + "add the missing closing quote");
        assertThat(problems(HEADER + "L1,2025-03-14,revoked,GOLD,\"said \"no\"\"\n"))
                .containsExactly("events.csv:2: a value in double quotes must end at its closing quote (then a comma or "
                        + "the end of the line); write a double quote inside a quoted value as two double quotes");
    }

    @Test
    void readsColumnsInAnyOrderAndIgnoresExtraOnes() {
        ReadResult<LearnerEvent> r = read("Result,source,ITEM,type,date,learner_id,note\n"
                + "85,moodle,BRZ-QUIZ,assessed,2025-03-14,L1,\"first try, nervous\"\n"
                + ",hr,BRZ-ELN,completed,2025-03-10,L2,\n");

        assertThat(r.rows()).containsExactly(
                new Assessed("L1", D, "BRZ-QUIZ", 85),
                new Completed("L2", LocalDate.of(2025, 3, 10), "BRZ-ELN"));
    }

    @Test
    void skipInvalidReturnsTheValidRowsAndTheRejectedOnesWithTheirReasons() throws IOException {
        ReadResult<LearnerEvent> r = EventsCsv.read(new StringReader("learner_id,date,type,item,result,note\n"
                + "L1,2025-03-14,completed,BRZ-ELN,,ok\n"
                + "L2,2025-03-14,assessed,BRZ-QUIZ,eighty,\"typed, not pulled\"\n"
                + "L3,2025-03-14,completed,BRZ-ELN\n"
                + "L4,2025-03-14,finished,NOPE,,\n"
                + "L5,14/03/2025,attended,SLV-IND,guest\n"), "events.csv", P, ReadOptions.SKIP_INVALID);

        assertThat(r.rows()).containsExactly(new Completed("L1", D, "BRZ-ELN"), new Completed("L3", D, "BRZ-ELN"));
        assertThat(r.counts()).isEqualTo(new ReadCounts(5, 2, 3));
        assertThat(r.counts()).hasToString("read 5, accepted 2, rejected 3");
        assertThat(r.rejected()).extracting(RejectedRow::line).containsExactly(3, 5, 6);
        assertThat(r.rejected().get(0).text()).isEqualTo("L2,2025-03-14,assessed,BRZ-QUIZ,eighty,\"typed, not pulled\"");
        assertThat(r.rejected().get(0).problems()).containsExactly(new InputProblem("events.csv", 3, "result",
                "'eighty' is not a score; assessed needs a whole number 0-100"));

        StringWriter side = new StringWriter();
        r.writeRejected(side);
        assertThat(side.toString()).isEqualTo("learner_id,date,type,item,result,note,reason\r\n"
                + "L2,2025-03-14,assessed,BRZ-QUIZ,eighty,\"typed, not pulled\","
                + "result: 'eighty' is not a score; assessed needs a whole number 0-100\r\n"
                + "L4,2025-03-14,finished,NOPE,,,\"type: 'finished' is not an event type; use one of completed, assessed, "
                + "attended, evidence, rated, prior_learning or revoked\"\r\n"
                + "L5,14/03/2025,attended,SLV-IND,guest,,\"date: '14/03/2025' is not a date; write dates as yyyy-MM-dd, "
                + "e.g. 2025-03-14 | result: 'guest' is not a role; attended needs participant or facilitator\"\r\n");
    }

    @Test
    void theSideFileCanBeReadBackAndItsReasonColumnIsIgnored(@TempDir Path dir) throws IOException {
        ReadResult<LearnerEvent> r = EventsCsv.read(new StringReader(HEADER
                + "L1,2025-03-14,assessed,BRZ-QUIZ,eighty\n"), "events.csv", P, ReadOptions.SKIP_INVALID);
        Path side = dir.resolve("events.rejected.csv");
        r.writeRejected(side);

        ReadResult<LearnerEvent> again = EventsCsv.read(side, P, ReadOptions.SKIP_INVALID);

        assertThat(again.rejected()).singleElement().satisfies(row -> {
            assertThat(row.line()).isEqualTo(2);
            assertThat(row.reason()).isEqualTo("result: 'eighty' is not a score; assessed needs a whole number 0-100");
        });
    }

    @Test
    void skipInvalidStillFailsOnAFileItCannotRead() {
        assertThatThrownBy(() -> EventsCsv.read(new StringReader("learner,date\n"), "events.csv", P, ReadOptions.SKIP_INVALID))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("events.csv:1: learner_id: column missing from the header");
    }

    @Test
    void eventsMayComeInAnyOrder() {
        String a = "L1,2025-05-01,evidence,SLV-PLAN,approved\n";
        String b = "L2,2025-01-10,completed,BRZ-ELN,\n";
        String c = "L1,2025-02-01,attended,SLV-IND,participant\n";
        String d = "L1,2025-02-01,completed,BRZ-ELN,\n";

        ReadResult<LearnerEvent> one = read(HEADER + a + b + c + d);
        ReadResult<LearnerEvent> other = read(HEADER + b + d + c + a);

        assertThat(one.rows()).hasSize(4);
        assertThat(LearnerRecord.group(List.of(), one.rows()).get("L1"))
                .isEqualTo(LearnerRecord.group(List.of(), other.rows()).get("L1"));
        assertThat(LearnerRecord.group(List.of(), one.rows()).keySet()).containsExactly("L1", "L2");
        assertThat(LearnerRecord.group(List.of(), other.rows()).keySet()).containsExactly("L2", "L1");
    }

    @Test
    void sharesOneInstanceOfEachCodeAndLearnerId() {
        List<LearnerEvent> rows = read(HEADER
                + "L1,2025-03-14,completed,BRZ-ELN,\n"
                + "L1,2025-03-14,completed,BRZ-ELN,\n").rows();

        assertThat(rows.get(0).item()).isSameAs(P.unit("BRZ-ELN").orElseThrow().code());
        assertThat(rows.get(1).item()).isSameAs(rows.get(0).item());
        assertThat(rows.get(1).learnerId()).isSameAs(rows.get(0).learnerId());
        assertThat(rows.get(1).date()).isSameAs(rows.get(0).date());
    }

    @Test
    void writerOutputReadsBackToTheSameEvents(@TempDir Path dir) throws IOException {
        List<LearnerEvent> events = List.of(
                new Completed("L1", D, "BRZ-ELN"),
                new Assessed("L1", D, "BRZ-QUIZ", 0),
                new Assessed("L1", D.plusDays(1), "BRZ-QUIZ", 100),
                new Attended("L-2.b_c", D, "SLV-TEAM-1", Role.PARTICIPANT),
                new Attended("L-2.b_c", D, "GLD-TTT-1", Role.FACILITATOR),
                new Evidence("L3", D, "GLD-PROJECT", EvidenceStatus.SUBMITTED),
                new Evidence("L3", D, "GLD-PROJECT", EvidenceStatus.REJECTED),
                new Rated("L3", D, "C-COACH", 1),
                new PriorLearning("L4", D, "QSIR-FUNDAMENTALS", Decision.APPROVED),
                new Revoked("L4", D, "SILVER", " Plagiarised plan, see \"case 12\"\nsecond line "));
        Path file = dir.resolve("events.csv");

        EventsCsv.write(file, events);

        List<LearnerEvent> back = EventsCsv.read(file, P, ReadOptions.STRICT).rows();
        assertThat(back.subList(0, 9)).isEqualTo(events.subList(0, 9));
        // readers ignore white space around values, so it does not survive
        assertThat(back.get(9)).isEqualTo(new Revoked("L4", D, "SILVER", "Plagiarised plan, see \"case 12\"\nsecond line"));
        assertThat(Files.readString(file)).startsWith("learner_id,date,type,item,result\r\n"
                + "L1,2025-03-14,completed,BRZ-ELN,\r\n"
                + "L1,2025-03-14,assessed,BRZ-QUIZ,0\r\n");
    }

    @Test
    void theWriterWritesAHeaderEvenWithNoEvents() throws IOException {
        StringWriter out = new StringWriter();
        EventsCsv.writer(out).close();
        assertThat(out).hasToString("learner_id,date,type,item,result\r\n");
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = new byte[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
