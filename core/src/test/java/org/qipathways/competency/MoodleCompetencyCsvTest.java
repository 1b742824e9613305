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
                "[{\"scaleid\":\"0\"},{\"id\":1,\"scaledefault\":1,\"proficient\":0},"
                        + "{\"id\":2,\"scaledefault\":0,\"proficient\":1},{\"id\":3,\"scaledefault\":0,\"proficient\":1}]",
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
        assertThat(items).containsExactly("1:1:0", "2:0:0", "3:0:1", "4:0:0");
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
