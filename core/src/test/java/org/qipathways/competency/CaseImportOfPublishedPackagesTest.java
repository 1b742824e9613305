package org.qipathways.competency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.qipathways.definition.DefinitionProblem;

/**
 * CASE packages other tools published (OpenSALT's exports of the ACT Holistic Framework and of
 * Common Core items, and its test frameworks; see fixtures/README.md) import through the API, with
 * what changed on the way reported.
 */
class CaseImportOfPublishedPackagesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final FrameworkImportOptions WITH_SCALE = FrameworkImportOptions.DEFAULT.withScale(Fixtures.TWO_LEVELS);

    static final List<String> PACKAGES = Fixtures.CASE_PACKAGES;

    private static FrameworkImport read(String fixture) {
        return CaseJson.parse(Fixtures.read(fixture), fixture, WITH_SCALE);
    }

    @ParameterizedTest
    @FieldSource("PACKAGES")
    void everyPublishedPackageImportsOnceTheScaleIsGiven(String fixture) throws Exception {
        JsonNode pkg = JSON.readTree(Fixtures.read(fixture));
        FrameworkImport in = read(fixture);

        CompetencyFramework fw = in.framework();
        assertThat(fw.title()).isEqualTo(pkg.at("/CFDocument/title").asText());
        assertThat(fw.competencies()).hasSize(pkg.get("CFItems").size());
        assertThat(fw.scale()).isEqualTo(Fixtures.TWO_LEVELS);
        // The result is a framework the rest of the library accepts: it exports and reads back unchanged.
        String again = CaseJson.export(fw, java.net.URI.create("https://example.org/case"), java.time.Instant.EPOCH);
        assertThat(CaseJson.parse(again, "again.json", FrameworkImportOptions.STRICT).framework()).isEqualTo(fw);
        assertThat(MoodleCompetencyCsv.export(fw)).startsWith(String.join(",", MoodleCompetencyCsv.HEADER));
    }

    @ParameterizedTest
    @FieldSource("PACKAGES")
    void withoutAScaleThePackageIsRefusedWithWhatToDo(String fixture) {
        FrameworkImportException e = catchThrowableOfType(FrameworkImportException.class,
                () -> CaseJson.parse(Fixtures.read(fixture), fixture));
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("CFRubrics");
            assertThat(p.message()).contains("no proficiency scale", "give the scale", "--scale");
            assertThat(p.source()).isEqualTo(fixture);
            assertThat(p.line()).isPositive();
        });
    }

    @Test
    void actHolisticFrameworkKeepsItsCodesAndHierarchyInNaturalOrder() {
        FrameworkImport in = read(Fixtures.ACT_MATH);
        CompetencyFramework fw = in.framework();

        assertThat(fw.code()).isEqualTo("ACT-HOLISTIC-FRAMEWORK-MATH");
        assertThat(fw.description()).as("an empty description is none").isNull();
        // ACT's codes fit the code pattern as they are: the only code made up is the framework's.
        assertThat(in.codes()).singleElement().satisfies(m -> {
            assertThat(m.path()).isEqualTo("CFDocument.title");
            assertThat(m.original()).isNull();
            assertThat(m.code()).isEqualTo("ACT-HOLISTIC-FRAMEWORK-MATH");
        });
        assertThat(in.warnings()).isEmpty();

        assertThat(fw.children(null)).extracting(Competency::code).containsExactly("H.A.MATH.GM");
        Competency gm = fw.competency("H.A.MATH.GM").orElseThrow();
        assertThat(gm.title()).isEqualTo("Geometry and Measurement");
        assertThat(gm.description()).startsWith("Properties and measurements of");
        assertThat(fw.competency("H.A.MATH.GM.PF.2DFP.L1").orElseThrow().parent()).isEqualTo("H.A.MATH.GM.PF.2DFP");
        // No sequenceNumber or listEnumeration: siblings in the order of their codes read as OpenSALT
        // reads them (L1.2 before L1.10), not the file's string order (L1.1, L1.10, L1.11...).
        List<String> levelOne = fw.children("H.A.MATH.GM.PF.2DFP.L1").stream().map(Competency::code).toList();
        assertThat(levelOne).containsExactlyElementsOf(
                IntStream.rangeClosed(1, 24).mapToObj(n -> "H.A.MATH.GM.PF.2DFP.L1." + n).toList());
        // Items with only a fullStatement take it as their title.
        assertThat(fw.competency("H.A.MATH.GM.PF.2DFP.L1.1").orElseThrow().title())
                .isEqualTo("Differentiate between straight and curved lines");
    }

    @Test
    void commonCoreCodesAreMappedAndTheOriginalsKept() {
        FrameworkImport in = read(Fixtures.COMMON_CORE);
        CompetencyFramework fw = in.framework();

        assertThat(fw.code()).isEqualTo("WHAT-STANDARDS-COULD-BE");
        Map<String, String> mapped = in.codes().stream().filter(m -> m.original() != null)
                .collect(Collectors.toMap(FrameworkImport.CodeMapping::original, FrameworkImport.CodeMapping::code));
        assertThat(mapped).hasSize(16)
                .containsEntry("CCSS.Math.Content.6.RP.A", "CCSS.MATH.CONTENT.6.RP.A")
                .containsEntry("CCSS.Math.Content.6.RP.A.3a", "CCSS.MATH.CONTENT.6.RP.A.3A");
        assertThat(in.codes()).filteredOn(m -> m.original() != null).allSatisfy(m -> {
            assertThat(m.path()).matches("CFItems\\[\\d+]\\.humanCodingScheme");
            assertThat(m.reason()).startsWith("not a valid code");
        });

        // sequenceNumber "1" and "2" are strings in this export; they order the two clusters.
        assertThat(fw.children(null)).extracting(Competency::code)
                .containsExactly("CCSS.MATH.CONTENT.6.RP.A", "CCSS.MATH.CONTENT.7.RP.A");
        // listEnumeration "1.", "2.", "3." orders the standards; "a." to "d." their components.
        assertThat(fw.children("CCSS.MATH.CONTENT.6.RP.A")).extracting(Competency::code).containsExactly(
                "CCSS.MATH.CONTENT.6.RP.A.1", "CCSS.MATH.CONTENT.6.RP.A.2", "CCSS.MATH.CONTENT.6.RP.A.3");
        assertThat(fw.children("CCSS.MATH.CONTENT.6.RP.A.3")).extracting(Competency::code).containsExactly(
                "CCSS.MATH.CONTENT.6.RP.A.3A", "CCSS.MATH.CONTENT.6.RP.A.3B", "CCSS.MATH.CONTENT.6.RP.A.3C",
                "CCSS.MATH.CONTENT.6.RP.A.3D");
        assertThat(fw.competency("CCSS.MATH.CONTENT.7.RP.A.2").orElseThrow().parent()).isEqualTo("CCSS.MATH.CONTENT.7.RP.A");

        // The associations the model does not hold are counted, not dropped silently.
        assertThat(in.warnings()).singleElement().satisfies(w -> {
            assertThat(w.path()).isEqualTo("CFAssociations");
            assertThat(w.message()).startsWith("16 exactMatchOf, 3 precedes, 2 exemplar, 2 isRelatedTo associations not kept");
            assertThat(w.line()).isEqualTo(lineOf(Fixtures.read(Fixtures.COMMON_CORE), "\"CFAssociations\""));
        });
    }

    @Test
    void itemsWithoutACodeGetStableCodesFromTheirIdentifiers() {
        FrameworkImport first = read(Fixtures.SMART_LEVEL);
        FrameworkImport second = read(Fixtures.SMART_LEVEL);

        assertThat(first.codes()).hasSize(1 + 14).filteredOn(m -> m.path().startsWith("CFItems")).allSatisfy(m -> {
            assertThat(m.original()).isNull();
            assertThat(m.code()).matches("ITEM-[0-9A-F]{8}");
            assertThat(m.reason()).contains("no code given");
        });
        assertThat(second.framework()).as("the same file gives the same codes").isEqualTo(first.framework());
        CompetencyFramework fw = first.framework();
        assertThat(fw.children(null)).extracting(Competency::title).containsExactly("Item 1", "Item 2");
        String one = fw.children(null).get(0).code();
        assertThat(fw.children(one)).extracting(Competency::title).containsExactly("Item 1.1", "Item 1.2", "Item 1.3",
                "Item 1.4", "Item 1.5", "Item 1.6", "Item 1.7", "Item 1.8", "Item 1.9", "Item 1.10");
    }

    @Test
    void sequenceNumbersOrderSiblingsAgainstTheItemOrder() {
        CompetencyFramework fw = read(Fixtures.SEQUENCE_NUMBER).framework();
        assertThat(fw.children(null)).extracting(Competency::code).containsExactly("SNT.2", "SNT.1");
        assertThat(fw.code()).isEqualTo("SEQUENCE-NUMBER-TEST");
    }

    @Test
    void textOutsideTheBasicPlaneSurvivesAndTheFrameworkCodeIsMadeOfPlainLetters() {
        CompetencyFramework fw = read(Fixtures.UTF8).framework();
        assertThat(fw.title()).isEqualTo("UTF8 \uD835\uDC51 Test");
        assertThat(fw.competencies()).singleElement().satisfies(c -> assertThat(c.title()).isEqualTo("Item \uD835\uDC51 1"));
        // NFKD turns the mathematical italic d into d.
        assertThat(fw.code()).isEqualTo("UTF8-D-TEST");
    }

    @Test
    void theCallersFrameworkCodeWins() {
        FrameworkImport in = CaseJson.parse(Fixtures.read(Fixtures.ACT_MATH), Fixtures.ACT_MATH,
                WITH_SCALE.withFrameworkCode("ACT-MATH"));
        assertThat(in.framework().code()).isEqualTo("ACT-MATH");
        assertThat(in.codes()).isEmpty();
    }

    @Test
    void aCase11PackageReadsLikeItsCase10Original() throws Exception {
        ObjectNode pkg = (ObjectNode) JSON.readTree(Fixtures.read(Fixtures.ACT_MATH));
        ObjectNode v11 = CaseJsonSchemaTest.asCase11(pkg);
        assertThat(CaseJsonSchemaTest.case11Problems(v11)).as("a valid CASE 1.1 package").isEmpty();

        FrameworkImport in = CaseJson.parse(v11.toString(), "act-1.1.json", WITH_SCALE);
        assertThat(in.framework()).isEqualTo(read(Fixtures.ACT_MATH).framework());
        assertThat(in.warnings()).isEmpty();
    }

    @Test
    void problemsInAPublishedPackageKeepTheirLineColumnAndPath() {
        // The ACT export is one line: the column says where. Read strictly, the missing framework code
        // is a problem at CFDocument.notes, placed at the CFDocument it is missing from.
        String json = Fixtures.read(Fixtures.ACT_MATH);
        FrameworkImportException e = catchThrowableOfType(FrameworkImportException.class,
                () -> CaseJson.parse(json, Fixtures.ACT_MATH, FrameworkImportOptions.STRICT.withScale(Fixtures.TWO_LEVELS)));
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("CFDocument.notes");
            assertThat(p.line()).isEqualTo(1);
            assertThat(p.column()).isEqualTo(json.indexOf("\"CFDocument\"") + 1);
            assertThat(p.toString()).startsWith(Fixtures.ACT_MATH + ":1:" + (json.indexOf("\"CFDocument\"") + 1)
                    + ": CFDocument.notes: missing");
        });

        // In the pretty-printed Common Core export, a broken item is reported on its own line.
        String cc = Fixtures.read(Fixtures.COMMON_CORE).replace("\"humanCodingScheme\": \"CCSS.Math.Content.7.RP.A.3\"",
                "\"humanCodingScheme\": [\"CCSS.Math.Content.7.RP.A.3\"]");
        FrameworkImportException broken = catchThrowableOfType(FrameworkImportException.class,
                () -> CaseJson.parse(cc, Fixtures.COMMON_CORE, WITH_SCALE));
        assertThat(broken.problems()).extracting(DefinitionProblem::toString).singleElement().asString()
                .isEqualTo(Fixtures.COMMON_CORE + ":" + lineOf(cc, "[\"CCSS.Math.Content.7.RP.A.3\"]") + ":"
                        + (columnOf(cc, "\"humanCodingScheme\": [") ) + ": CFItems[7].humanCodingScheme: must be a string");
    }

    private static int lineOf(String text, String needle) {
        int at = text.indexOf(needle);
        return (int) text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
    }

    private static int columnOf(String text, String needle) {
        int at = text.indexOf(needle);
        return at - text.lastIndexOf('\n', at);
    }
}
