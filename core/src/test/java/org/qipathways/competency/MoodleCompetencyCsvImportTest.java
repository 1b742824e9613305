package org.qipathways.competency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.qipathways.definition.DefinitionProblem;
import org.qipathways.programme.Programme;

/**
 * Reading Moodle's competency framework CSV, on a file in Moodle's own fixture format (a subset of
 * admin/tool/lpimportcsv/tests/fixtures/example.csv) and on our own export.
 */
class MoodleCompetencyCsvImportTest {

    private static final String EXAMPLE = Fixtures.read(Fixtures.MOODLE_EXAMPLE);

    private static FrameworkImport example() {
        return MoodleCompetencyCsv.parse(EXAMPLE, Fixtures.MOODLE_EXAMPLE, FrameworkImportOptions.DEFAULT);
    }

    @Test
    void moodlesFixtureImportsWithItsTreeScaleAndText() {
        FrameworkImport in = example();
        CompetencyFramework fw = in.framework();

        assertThat(fw.code()).isEqualTo("OECD-CORE");
        assertThat(fw.title()).isEqualTo("OECD");
        // "Not yet competent,Competent" with only item 2 in the configuration: proficient, and the default.
        assertThat(fw.scale()).isEqualTo(new ProficiencyScale("Competency scale: OECD", List.of(
                new ProficiencyLevel(1, "Not yet competent", false),
                new ProficiencyLevel(2, "Competent", true))));
        // The HTML description, with line breaks inside the quoted value, as text.
        assertThat(fw.description()).startsWith("The Core Competencies summarise the capabilities that are important"
                        + " across all jobs and that we believe collectively contribute to the OECD’s overall success.")
                .endsWith("grouped into three clusters.\n• The delivery-related competencies\n"
                        + "• The interpersonal competencies\n• The strategic competencies");

        assertThat(fw.competencies()).hasSize(11);
        assertThat(fw.children(null)).extracting(Competency::code).containsExactly("LEVELS", "COMPETENCIES");
        assertThat(fw.children("LEVELS")).extracting(Competency::code).containsExactly("LEVEL-1", "LEVEL-2");
        assertThat(fw.children("ANALYTICAL-THINKING")).extracting(Competency::code).containsExactly("DR-AT1", "DR-AT-2");
        assertThat(fw.competency("I-CF-1").orElseThrow()).satisfies(c -> {
            assertThat(c.parent()).isEqualTo("CLIENT-FOCUS");
            // Moodle's export shortened the short name to 100 characters; it is read as written.
            assertThat(c.title()).hasSize(100).startsWith("Responds to and anticipates client needs");
            assertThat(c.description()).isEqualTo("Responds to and anticipates client needs in a timely, professional,"
                    + " helpful and courteous manner, regardless of client attitude.");
        });
        assertThat(fw.competency("COMPETENCIES").orElseThrow().description()).isNull();
    }

    @Test
    void lowerCaseIdNumbersAreMappedWithTheOriginalsKept() {
        Map<String, String> mapped = example().codes().stream()
                .collect(Collectors.toMap(FrameworkImport.CodeMapping::original, FrameworkImport.CodeMapping::code));
        assertThat(mapped).containsOnly(
                Map.entry("levels", "LEVELS"), Map.entry("level-1", "LEVEL-1"), Map.entry("level-2", "LEVEL-2"),
                Map.entry("competencies", "COMPETENCIES"), Map.entry("delivery", "DELIVERY"),
                Map.entry("interpersonal", "INTERPERSONAL"), Map.entry("analytical-thinking", "ANALYTICAL-THINKING"),
                Map.entry("client-focus", "CLIENT-FOCUS"));
        assertThat(example().codes()).filteredOn(m -> m.original().equals("level-1")).singleElement()
                .satisfies(m -> assertThat(m.path()).isEqualTo("line 10: ID number"));
    }

    @Test
    void whatTheModelDoesNotHoldIsReportedWhereItStands() {
        List<DefinitionProblem> warnings = example().warnings();
        assertThat(warnings).extracting(DefinitionProblem::message).containsExactly(
                "11 descriptions are HTML (Description format 1), read as plain text: QI Pathways descriptions are text",
                "4 competencies have cross-referenced competencies, not kept: a QI Pathways framework holds only the"
                        + " hierarchy");
        // Each placed at the first value it is about: line 6 holds the framework row's format, after the
        // quoted description that spans lines 2-6; line 10 is level-1's cross-references.
        assertThat(warnings.get(0).toString()).startsWith(Fixtures.MOODLE_EXAMPLE + ":6:");
        assertThat(warnings.get(0).path()).isEqualTo("Description format");
        assertThat(warnings.get(1).line()).isEqualTo(10);
        assertThat(warnings.get(1).path()).isEqualTo("Cross-referenced competency ID numbers");
    }

    @Test
    void readStrictlyEveryIdNumberThatIsNotACodeIsAProblemAtItsLineAndColumn() {
        FrameworkImportException e = catchThrowableOfType(FrameworkImportException.class,
                () -> MoodleCompetencyCsv.parse(EXAMPLE, Fixtures.MOODLE_EXAMPLE, FrameworkImportOptions.STRICT));
        assertThat(e.problems()).filteredOn(p -> p.path().equals("ID number")).hasSize(8)
                .first().satisfies(p -> assertThat(p.toString()).isEqualTo(Fixtures.MOODLE_EXAMPLE
                        + ":7:2: ID number: 'levels' " + org.qipathways.programme.Codes.RULE));
    }

    @Test
    void aRowOfTheWrongLengthIsReportedOnItsPhysicalLine() {
        // The I-CF-1 row starts on line 30 (quoted descriptions above span several lines); drop a value.
        String broken = EXAMPLE.replace("level-1,41,,\n", "level-1,41,\n");
        FrameworkImportException e = catchThrowableOfType(FrameworkImportException.class,
                () -> MoodleCompetencyCsv.parse(broken, "broken.csv"));
        assertThat(e.problems()).singleElement().asString()
                .isEqualTo("broken.csv:30:1: has 13 values but the header has 14; Moodle refuses a file whose rows"
                        + " differ in length");
    }

    @Test
    void aFileWithoutItsFrameworkRowOrWithAnUnclosedQuoteIsRefused() {
        String noFramework = EXAMPLE.replace(",1,\"competency,competency,competency,competency\"", ",,\"competency\"");
        assertThat(catchThrowableOfType(FrameworkImportException.class,
                () -> MoodleCompetencyCsv.parse(noFramework, "x.csv")).problems())
                .singleElement().satisfies(p -> assertThat(p.message()).startsWith("no row has 'Is framework' set"));

        String unclosed = EXAMPLE.replace("\"Analytical Thinking\",", "\"Analytical Thinking,");
        assertThat(catchThrowableOfType(FrameworkImportException.class,
                () -> MoodleCompetencyCsv.parse(unclosed, "x.csv")).problems())
                .singleElement().satisfies(p -> assertThat(p.message()).startsWith("is not valid CSV"));
    }

    @Test
    void parentsMissingOrInACircleAreReported() {
        String orphan = EXAMPLE.replace("client-focus,I-CF-1,", "no-such-parent,I-CF-1,");
        FrameworkImport in = MoodleCompetencyCsv.parse(orphan, "o.csv", FrameworkImportOptions.DEFAULT);
        assertThat(in.framework().competency("I-CF-1").orElseThrow().parent()).isNull();
        assertThat(in.warnings()).anySatisfy(w -> assertThat(w.toString())
                .startsWith("o.csv:30:1: Parent ID number: 'no-such-parent' is not the ID number of any competency")
                .contains("Moodle's importer would leave this competency and its children out"));

        String circle = EXAMPLE.replace(",levels,Levels,", "level-2,levels,Levels,");
        assertThat(catchThrowableOfType(FrameworkImportException.class,
                () -> MoodleCompetencyCsv.parse(circle, "c.csv")).problems())
                .singleElement().satisfies(p -> assertThat(p.message())
                        .startsWith("parents form a circle (levels → level-2 → levels)"));
    }

    @Test
    void ourExportReadsBackAsTheSameFramework() {
        CompetencyFramework reference = Programme.reference().framework();
        FrameworkImport back = MoodleCompetencyCsv.parse(MoodleCompetencyCsv.export(reference), "qi-cf.csv",
                FrameworkImportOptions.STRICT.withScale(reference.scale()));
        assertThat(back.framework()).isEqualTo(reference);
        assertThat(back.warnings()).singleElement().satisfies(w -> assertThat(w.message())
                .startsWith("not read: the proficiency scale given ('QI proficiency') is used instead"));

        // And Moodle's fixture, once imported, exports to a file that reads back as the same tree (the
        // export lists each parent before its children, so only the list order differs).
        CompetencyFramework oecd = example().framework();
        CompetencyFramework again = MoodleCompetencyCsv.parse(MoodleCompetencyCsv.export(oecd), "oecd.csv");
        assertThat(again.competencies()).containsExactlyInAnyOrderElementsOf(oecd.competencies());
        assertThat(new CompetencyFramework(again.code(), again.title(), again.description(), again.scale(), List.of()))
                .isEqualTo(new CompetencyFramework(oecd.code(), oecd.title(), oecd.description(), oecd.scale(), List.of()));
        for (Competency c : oecd.competencies()) {
            assertThat(again.children(c.code())).as("children of " + c.code()).isEqualTo(oecd.children(c.code()));
        }
    }

    @Test
    void aDefaultOtherThanTheFirstProficientLevelIsReportedAsNotKept() {
        String csv = String.join(",", MoodleCompetencyCsv.HEADER) + "\r\n"
                + ",FW,Framework,,2,\"Novice,Competent,Expert\",\"[{\"\"scaleid\"\":\"\"3\"\"},"
                + "{\"\"id\"\":1,\"\"scaledefault\"\":0,\"\"proficient\"\":0},{\"\"id\"\":2,\"\"scaledefault\"\":0,\"\"proficient\"\":1},"
                + "{\"\"id\"\":3,\"\"scaledefault\"\":1,\"\"proficient\"\":1}]\",,,,,,1,competency\r\n"
                + ",C1,One,,2,,,,0,null,,,,\r\n";
        FrameworkImport in = MoodleCompetencyCsv.parse(csv, "d.csv", FrameworkImportOptions.DEFAULT);
        assertThat(in.framework().scale().levels()).extracting(ProficiencyLevel::proficient).containsExactly(false, true, true);
        assertThat(in.warnings()).singleElement().satisfies(w -> assertThat(w.toString()).startsWith(
                "d.csv:2:").contains("Scale configuration: makes 'Expert' the default rating, not the first proficient"
                + " value 'Competent'"));
        assertThat(catchThrowableOfType(FrameworkImportException.class,
                () -> MoodleCompetencyCsv.parse(csv, "d.csv", FrameworkImportOptions.STRICT)).problems()).hasSize(1);
    }
}
