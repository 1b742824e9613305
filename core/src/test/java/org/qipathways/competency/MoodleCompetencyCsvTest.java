package org.qipathways.competency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.qipathways.programme.Programme;

class MoodleCompetencyCsvTest {

    /** Header text and order as in Moodle's tool_lpimportcsv (framework_importer::list_required_headers, lang/en). */
    private static final String HEADER_LINE = "Parent ID number,ID number,Short name,Description,Description format,"
            + "Scale values,Scale configuration,Rule type (optional),Rule outcome (optional),Rule config (optional),"
            + "Cross-referenced competency ID numbers,Exported ID (optional),Is framework,Taxonomy";

    @Test
    void headerIsMoodlesFourteenColumnsInOrder() {
        String csv = MoodleCompetencyCsv.export(Programme.reference().framework());
        assertThat(csv).startsWith(HEADER_LINE + "\r\n");
        assertThat(parse(csv).get(0)).hasSize(14).containsExactlyElementsOf(MoodleCompetencyCsv.HEADER);
    }

    @Test
    void frameworkRowComesFirstWithScaleAndTaxonomy() {
        List<List<String>> rows = parse(MoodleCompetencyCsv.export(Programme.reference().framework()));
        assertThat(rows.get(1)).containsExactly("", "QI-CF", "QI Pathways competency framework", "", "2",
                "Aware,Practitioner,Leader",
                "[{\"scaleid\":\"0\"},{\"id\":1,\"scaledefault\":0,\"proficient\":0},"
                        + "{\"id\":2,\"scaledefault\":1,\"proficient\":1},{\"id\":3,\"scaledefault\":0,\"proficient\":1}]",
                "", "", "", "", "", "1", "competency");
        assertThat(rows.stream().skip(2).map(r -> r.get(12))).as("Is framework on competency rows").containsOnly("");
        assertThat(rows).hasSize(2 + 8);
        assertThat(rows.get(2)).containsExactly("", "C-SYSTEMS", "Understanding systems and processes", "", "2",
                "", "", "", "0", "null", "", "", "", "");
    }

    @Test
    void scaleConfigurationFollowsEachLevelsProficientFlag() throws Exception {
        CompetencyFramework fw = new CompetencyFramework("FW", "F", null, new ProficiencyScale("S", List.of(
                new ProficiencyLevel(1, "Not yet", false),
                new ProficiencyLevel(2, "Nearly", false),
                new ProficiencyLevel(3, "Competent", true),
                new ProficiencyLevel(4, "Not used", false))), List.of());
        List<String> frameworkRow = parse(MoodleCompetencyCsv.export(fw)).get(1);
        assertThat(frameworkRow.get(5)).isEqualTo("Not yet,Nearly,Competent,Not used");
        JsonNode config = new ObjectMapper().readTree(frameworkRow.get(6));
        assertThat(config).hasSize(5);
        assertThat(config.get(0).get("scaleid").isTextual()).isTrue();
        List<String> items = new ArrayList<>();
        for (int i = 1; i < config.size(); i++) {
            JsonNode c = config.get(i);
            items.add(c.get("id").asInt() + ":" + c.get("scaledefault").asInt() + ":" + c.get("proficient").asInt());
        }
        // The default is the first proficient level: Moodle rates an automatic completion at the default
        // (core_competency\api::add_evidence, ACTION_COMPLETE), which must count as proficient.
        assertThat(items).containsExactly("1:0:0", "2:0:0", "3:1:1", "4:0:0");
    }

    @Test
    void hierarchicalFrameworkListsParentsBeforeChildren() {
        List<List<String>> rows = parse(MoodleCompetencyCsv.export(Frameworks.hierarchical()));
        assertThat(rows.get(1).get(13)).isEqualTo("domain,competency,competency");
        List<String> order = rows.stream().skip(2).map(r -> r.get(0) + ">" + r.get(1)).toList();
        assertThat(order).containsExactly(
                ">QI-D-MEAS",
                "QI-D-MEAS>QI-VAR",
                "QI-VAR>QI-SPC-XMR",
                "QI-D-MEAS>QI-MEAS",
                ">QI-D-LEAD",
                "QI-D-LEAD>QI-COACH");
        Set<String> seen = new HashSet<>();
        for (List<String> r : rows.subList(2, rows.size())) {
            assertThat(r.get(0).isEmpty() || seen.contains(r.get(0))).as(r.get(1) + "'s parent comes first").isTrue();
            seen.add(r.get(1));
        }
        assertThat(rows.get(3).get(3))
                .isEqualTo("Uses run charts and SPC to distinguish common from special cause variation");
    }

    @Test
    void twoLevelFrameworkHasDomainThenCompetencyTaxonomy() {
        CompetencyFramework fw = new CompetencyFramework("FW", "F", null, Frameworks.SCALE, List.of(
                new Competency("D", "Domain", null, null), new Competency("C", "Competency", null, "D")));
        assertThat(parse(MoodleCompetencyCsv.export(fw)).get(1).get(13)).isEqualTo("domain,competency");
    }

    @Test
    void quotesCommasQuotesAndLineBreaksAsRfc4180() {
        String title = "Variation, \"run\" and SPC charts";
        String description = "Line one\nline two, with a comma";
        CompetencyFramework fw = new CompetencyFramework("FW", "Framework, \"quoted\"", null, Frameworks.SCALE,
                List.of(new Competency("C-VAR", title, description, null)));
        String csv = MoodleCompetencyCsv.export(fw);

        assertThat(csv).contains("\r\n,C-VAR,\"Variation, \"\"run\"\" and SPC charts\",\"Line one\nline two, with a comma\",2,");
        List<List<String>> rows = parse(csv);
        assertThat(rows).hasSize(3);
        assertThat(rows.get(1).get(2)).isEqualTo("Framework, \"quoted\"");
        assertThat(rows.get(2).get(2)).isEqualTo(title);
        assertThat(rows.get(2).get(3)).isEqualTo(description);
        assertThat(rows).allSatisfy(r -> assertThat(r).hasSize(14));
    }

    @Test
    void refusesWhatMoodleWouldReject() {
        CompetencyFramework noneProficient = new CompetencyFramework("FW", "F", null, new ProficiencyScale("S",
                List.of(new ProficiencyLevel(1, "A", false), new ProficiencyLevel(2, "B", false))), List.of());
        assertThatThrownBy(() -> MoodleCompetencyCsv.export(noneProficient))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no level of scale 'S' is proficient");

        CompetencyFramework commaInLevel = new CompetencyFramework("FW", "F", null, new ProficiencyScale("S",
                List.of(new ProficiencyLevel(1, "Aware, just", false), new ProficiencyLevel(2, "B", true))), List.of());
        assertThatThrownBy(() -> MoodleCompetencyCsv.export(commaInLevel))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'Aware, just' contains a comma");
    }

    @Test
    void theDefaultRatingIsTheFirstProficientLevelSoAutomaticCompletionsCountAsProficient() throws Exception {
        // Reference scale: Aware (not proficient), Practitioner, Leader. Moodle rates a competency completed
        // by a course or activity at the scale's default (core_competency\api::add_evidence, ACTION_COMPLETE,
        // competency::get_default_grade): the default must be Practitioner, not Aware.
        JsonNode config = new ObjectMapper().readTree(parse(MoodleCompetencyCsv.export(Programme.reference().framework()))
                .get(1).get(6));
        List<String> defaults = new ArrayList<>();
        config.forEach(c -> {
            if (c.path("scaledefault").asInt() == 1) {
                defaults.add(c.get("id").asText());
            }
        });
        assertThat(defaults).containsExactly("2");
    }

    @Test
    void refusesABackslashBeforeAQuoteWhichPhpsFgetcsvReadsAsAnEscape() {
        // With PHP's default escape character, "x\""y" reads as x\"y" and "ends\" never closes
        // (checked with PHP 8.2's fgetcsv, which csv_import_reader::load_csv_content calls).
        CompetencyFramework quote = new CompetencyFramework("FW", "F", null, Frameworks.SCALE,
                List.of(new Competency("C1", "Path C:\\temp\\\"new\"", null, null)));
        assertThatThrownBy(() -> MoodleCompetencyCsv.export(quote))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Short name in the row of competency C1 has a backslash before a double quote")
                .hasMessageContaining("PHP's fgetcsv");

        CompetencyFramework trailing = new CompetencyFramework("FW", "F", "Ends in a folder, C:\\temp\\", Frameworks.SCALE,
                List.of());
        assertThatThrownBy(() -> MoodleCompetencyCsv.export(trailing))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Description in the framework row has a backslash at its end");

        // A backslash elsewhere is read as written.
        CompetencyFramework fine = new CompetencyFramework("FW", "F", "C:\\temp\\new, \"quoted\"", Frameworks.SCALE, List.of());
        assertThat(parse(MoodleCompetencyCsv.export(fine)).get(1).get(3)).isEqualTo("C:\\temp\\new, \"quoted\"");
    }

    @Test
    void refusesCodesPhpComparesAsEqualNumbersWhenOneHasChildren() {
        // framework_importer::add_children attaches a row under every competency whose ID number == its
        // parent's, and "1.1" == "1.10" in PHP: 1.1.1 would be created under 1.1 and again under 1.10.
        CompetencyFramework clash = new CompetencyFramework("FW", "F", null, Frameworks.SCALE, List.of(
                new Competency("1.1", "One point one", null, null),
                new Competency("1.10", "One point ten", null, null),
                new Competency("1.1.1", "Child of 1.1", null, "1.1")));
        assertThatThrownBy(() -> MoodleCompetencyCsv.export(clash))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("codes 1.1, 1.10 are equal numbers to PHP")
                .hasMessageContaining("framework_importer::add_children")
                .hasMessageContaining("the children of 1.1 would be attached under each of them");

        // Leaves only: harmless today, so the file is written and the clash reported.
        CompetencyFramework leaves = new CompetencyFramework("FW", "F", null, Frameworks.SCALE, List.of(
                new Competency("D", "Domain", null, null),
                new Competency("01", "Zero one", null, "D"),
                new Competency("1", "One", null, "D"),
                new Competency("1.1.1", "Not a number", null, "D")));
        assertThat(MoodleCompetencyCsv.export(leaves)).contains(",01,");
        assertThat(MoodleCompetencyCsv.warnings(leaves)).singleElement().asString()
                .startsWith("codes 01, 1 are equal numbers to PHP").contains("a child added to one");
        assertThat(MoodleCompetencyCsv.warnings(Programme.reference().framework())).isEmpty();
    }

    private static List<List<String>> parse(String csv) {
        CsvMapper mapper = new CsvMapper();
        mapper.enable(CsvParser.Feature.WRAP_AS_ARRAY);
        List<List<String>> rows = new ArrayList<>();
        try (MappingIterator<String[]> it = mapper.readerFor(String[].class).readValues(csv)) {
            it.forEachRemaining(r -> rows.add(List.of(r)));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        return rows;
    }
}
