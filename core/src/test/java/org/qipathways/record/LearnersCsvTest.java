package org.qipathways.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LearnersCsvTest {

    private static final String HEADER = "learner_id,organisation,staff_group,band,team,region\n";

    private static ReadResult<Learner> read(String csv, ReadOptions options) {
        return LearnersCsv.read(new StringReader(csv), "learners.csv", options);
    }

    private static List<String> problems(String csv) {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> read(csv, ReadOptions.STRICT));
        assertThat(e).as("expected the read to fail").isNotNull();
        return e.problems().stream().map(InputProblem::toString).toList();
    }

    @Test
    void readsLearnersInFileOrderWithOptionalValuesAbsentAsNull() {
        ReadResult<Learner> r = read(HEADER
                + "L2,RHQ,Nursing and Midwifery Registered,6,T-ED-01,South Yorkshire\n"
                + "L1,rr8,,8A,,\n"
                + "L3,RCB\n", ReadOptions.STRICT);

        assertThat(r.rows()).containsExactly(
                new Learner("L2", "RHQ", "Nursing and Midwifery Registered", "6", "T-ED-01", "South Yorkshire"),
                new Learner("L1", "RR8", null, "8a", null, null),
                new Learner("L3", "RCB", null, null, null, null));
        assertThat(r.counts()).isEqualTo(new ReadCounts(3, 3, 0));
    }

    @Test
    void onlyLearnerIdAndOrganisationAreRequiredAndColumnsMayComeInAnyOrder() {
        ReadResult<Learner> r = read("\uFEFFRegion,ORGANISATION,email,learner_id\n"
                + "\"Humber and North Yorkshire\",RWA,x@example.org,L9\n", ReadOptions.STRICT);

        assertThat(r.rows()).containsExactly(new Learner("L9", "RWA", null, null, null, "Humber and North Yorkshire"));
    }

    @Test
    void reportsEachKindOfProblem() {
        assertThat(problems(HEADER
                + ",RHQ,,,,\n"
                + "jo smith,RHQ,,,,\n"
                + "L1,,,,,\n"
                + "L2,Sheffield Teaching,,,,\n"
                + "L3,RHQ,,Band 5,,\n"
                + "L4,RHQ,,1,,\n")).containsExactly(
                "learners.csv:2: learner_id: is empty; every learner needs an id",
                "learners.csv:3: learner_id: 'jo smith' is not a learner id; use 1-64 letters, digits, '.', '-' or '_'",
                "learners.csv:4: organisation: is empty; every learner needs the ODS code of their employing organisation, e.g. RHQ",
                "learners.csv:5: organisation: 'Sheffield Teaching' is not an ODS code; an ODS code is 2-10 letters or digits, e.g. RHQ",
                "learners.csv:6: band: 'Band 5' is not an Agenda for Change band; use 2-9 or 8a-8d, or leave it empty",
                "learners.csv:7: band: '1' is not an Agenda for Change band; use 2-9 or 8a-8d, or leave it empty");
    }

    @Test
    void aLearnerIdTwiceIsAProblemNamingTheFirstLine() {
        assertThat(problems(HEADER
                + "L1,RHQ,,,,\n"
                + "\"L2\",RHQ,,,\"team\nwith a line break\",\n"
                + "L1,RR8,,,,\n")).containsExactly(
                "learners.csv:5: learner_id: 'L1' appears again; it was first on line 2, and each learner has one row");
    }

    @Test
    void skipInvalidKeepsTheFirstRowOfADuplicatedLearner() throws IOException {
        ReadResult<Learner> r = read(HEADER + "L1,RHQ,,,,\nL1,RR8,,,,\nL2,RR8,,9,,\n", ReadOptions.SKIP_INVALID);

        assertThat(r.rows()).extracting(Learner::learnerId).containsExactly("L1", "L2");
        assertThat(r.rows().get(0).organisation()).isEqualTo("RHQ");
        StringWriter side = new StringWriter();
        r.writeRejected(side);
        assertThat(side).hasToString("learner_id,organisation,staff_group,band,team,region,reason\r\n"
                + "L1,RR8,,,,,\"learner_id: 'L1' appears again; it was first on line 2, and each learner has one row\"\r\n");
    }

    @Test
    void aMissingOrganisationColumnIsOneProblemNamingIt() {
        assertThat(problems("learner_id,staff_group\nL1,Students\n")).containsExactly(
                "learners.csv:1: organisation: column missing from the header; the header must name learner_id and "
                        + "organisation (and staff_group, band, team, region when known), in any order");
    }

    @Test
    void writerOutputReadsBackToTheSameLearners(@TempDir Path dir) throws IOException {
        List<Learner> learners = List.of(
                new Learner("L1", "RHQ", "Add Prof Scientific and Technic", "8d", "T-1", "South Yorkshire"),
                new Learner("L2", "RR8", null, null, null, null),
                new Learner("L3", "QWO", "Administrative and Clerical", "4", "Team \"A\", ward 3", "West Yorkshire"));
        Path file = dir.resolve("learners.csv");

        LearnersCsv.write(file, learners);

        assertThat(LearnersCsv.read(file, ReadOptions.STRICT).rows()).isEqualTo(learners);
    }
}
