package org.qipathways.competency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.qipathways.definition.DefinitionProblem;
import org.qipathways.programme.Programme;

class CaseJsonTest {

    private static final URI BASE = URI.create("https://example.org/case");
    private static final Instant WHEN = Instant.parse("2025-01-01T00:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static CompetencyFramework reference() {
        return Programme.reference().framework();
    }

    @Test
    void referenceFrameworkRoundTrips() {
        CompetencyFramework fw = reference();
        assertThat(CaseJson.parse(CaseJson.export(fw, BASE, WHEN), "ref.json")).isEqualTo(fw);
    }

    @Test
    void hierarchicalFrameworkRoundTripsWithItsListOrder() {
        CompetencyFramework fw = Frameworks.hierarchical();
        CompetencyFramework back = CaseJson.parse(CaseJson.export(fw, BASE, WHEN), "h.json");
        assertThat(back).isEqualTo(fw);
        assertThat(back.children("QI-D-MEAS")).extracting(Competency::code).containsExactly("QI-VAR", "QI-MEAS");
    }

    @Test
    void exportIsByteIdenticalOnRepeatAndOnlyTimesChangeWithTheTime() {
        CompetencyFramework fw = Frameworks.hierarchical();
        String first = CaseJson.export(fw, BASE, WHEN);
        assertThat(CaseJson.export(fw, BASE, WHEN)).isEqualTo(first);
        String later = CaseJson.export(fw, BASE, Instant.parse("2026-03-04T05:06:07Z"));
        assertThat(later).isNotEqualTo(first)
                .isEqualTo(first.replace("2025-01-01T00:00:00Z", "2026-03-04T05:06:07Z"));
    }

    @Test
    void hierarchyIsChildOfWithChildAsOriginAndTopLevelUnderTheDocument() throws Exception {
        JsonNode pkg = JSON.readTree(CaseJson.export(Frameworks.hierarchical(), BASE, WHEN));
        String docId = pkg.at("/CFDocument/identifier").asText();
        String domainId = itemWithCode(pkg, "QI-D-MEAS").get("identifier").asText();
        String varId = itemWithCode(pkg, "QI-VAR").get("identifier").asText();

        JsonNode top = associationFrom(pkg, domainId);
        assertThat(top.get("associationType").asText()).isEqualTo("isChildOf");
        assertThat(top.at("/destinationNodeURI/identifier").asText()).isEqualTo(docId);

        JsonNode child = associationFrom(pkg, varId);
        assertThat(child.at("/destinationNodeURI/identifier").asText()).isEqualTo(domainId);
        assertThat(child.at("/destinationNodeURI/title").asText()).isEqualTo("Measurement and variation");
        assertThat(child.get("sequenceNumber").asInt()).isEqualTo(1);
        assertThat(associationFrom(pkg, itemWithCode(pkg, "QI-MEAS").get("identifier").asText())
                .get("sequenceNumber").asInt()).isEqualTo(2);
    }

    @Test
    void itemsCarryCodeStatementsAndType() throws Exception {
        JsonNode pkg = JSON.readTree(CaseJson.export(Frameworks.hierarchical(), BASE, WHEN));
        JsonNode var = itemWithCode(pkg, "QI-VAR");
        assertThat(var.get("CFItemType").asText()).isEqualTo("Competency");
        assertThat(var.get("abbreviatedStatement").asText()).isEqualTo("Variation, run and SPC charts");
        assertThat(var.get("fullStatement").asText())
                .isEqualTo("Uses run charts and SPC to distinguish common from special cause variation");
        assertThat(itemWithCode(pkg, "QI-MEAS").get("fullStatement").asText()).isEqualTo("Measurement for improvement");
        assertThat(var.get("uri").asText()).isEqualTo("https://example.org/case/CFItems/" + var.get("identifier").asText());
        // A package item belongs to the package's document; CASE's package classes have no CFDocumentURI
        // (1EdTech's CASE 1.1 package schema forbids it, see CaseJsonSchemaTest).
        assertThat(var.has("CFDocumentURI")).isFalse();
    }

    @Test
    void identifiersAreVersion5UuidsOfTheCodesNotOfTheTitlesOrBase() throws Exception {
        CompetencyFramework fw = Frameworks.hierarchical();
        JsonNode pkg = JSON.readTree(CaseJson.export(fw, BASE, WHEN));
        UUID docId = UUID.fromString(pkg.at("/CFDocument/identifier").asText());
        assertThat(docId.version()).isEqualTo(5);

        CompetencyFramework retitled = new CompetencyFramework(fw.code(), "Renamed", null, fw.scale(),
                fw.competencies().stream().map(c -> new Competency(c.code(), c.title() + "!", null, c.parent())).toList());
        JsonNode other = JSON.readTree(CaseJson.export(retitled, URI.create("https://elsewhere.example/x/"), WHEN));
        assertThat(identifiers(other)).isEqualTo(identifiers(pkg));

        CompetencyFramework recoded = new CompetencyFramework("QI-FW-2026", fw.title(), fw.description(), fw.scale(),
                fw.competencies());
        JsonNode third = JSON.readTree(CaseJson.export(recoded, BASE, WHEN));
        assertThat(identifiers(third)).doesNotContainAnyElementsOf(identifiers(pkg));
    }

    @Test
    void scaleIsOneRubricWithALevelPerScaleLevelAndProficiencyReadBack() throws Exception {
        CompetencyFramework fw = new CompetencyFramework("FW", "F", null, new ProficiencyScale("Four steps", List.of(
                new ProficiencyLevel(1, "Novice", false),
                new ProficiencyLevel(2, "Learner", false),
                new ProficiencyLevel(3, "Competent", true),
                new ProficiencyLevel(4, "Expert", true))), List.of(new Competency("C1", "One", null, null)));
        String json = CaseJson.export(fw, BASE, WHEN);
        JsonNode levels = JSON.readTree(json).at("/CFRubrics/0/CFRubricCriteria/0/CFRubricCriterionLevels");
        assertThat(levels).hasSize(4);
        assertThat(levels.get(2).get("quality").asText()).isEqualTo("Competent");
        assertThat(levels.get(2).get("score").asInt()).isEqualTo(3);
        assertThat(levels.get(2).get("position").asInt()).isEqualTo(3);
        assertThat(levels.get(1).get("description").asText()).isEqualTo("Not proficient");
        assertThat(levels.get(2).get("description").asText()).isEqualTo("Proficient");
        assertThat(JSON.readTree(json).at("/CFRubrics/0/title").asText()).isEqualTo("Four steps");
        assertThat(CaseJson.parse(json, null).scale()).isEqualTo(fw.scale());
    }

    @Test
    void acceptsCase11SourcedIdAndAWrappedPackage() throws Exception {
        CompetencyFramework fw = Frameworks.hierarchical();
        String json = CaseJson.export(fw, BASE, WHEN);
        assertThat(CaseJson.parse(json.replace("\"identifier\":", "\"sourcedId\":"), "v11.json")).isEqualTo(fw);

        ObjectNode wrapped = JSON.createObjectNode();
        wrapped.set("CFPackage", JSON.readTree(json));
        assertThat(CaseJson.parse(wrapped.toString(), "wrapped.json")).isEqualTo(fw);
    }

    @Test
    void ordersSiblingsBySequenceNumberThenListEnumeration() throws Exception {
        ObjectNode pkg = (ObjectNode) JSON.readTree(CaseJson.export(Frameworks.hierarchical(), BASE, WHEN));
        // Another publisher: items in reverse, sibling order only in the associations.
        ArrayNode items = (ArrayNode) pkg.get("CFItems");
        List<JsonNode> reversed = new ArrayList<>();
        items.forEach(i -> reversed.add(0, i));
        items.removeAll();
        reversed.forEach(i -> ((ObjectNode) i).remove("listEnumeration"));
        items.addAll(reversed);

        CompetencyFramework back = CaseJson.parse(pkg.toString(), null);
        assertThat(back.children(null)).extracting(Competency::code).containsExactly("QI-D-MEAS", "QI-D-LEAD");
        assertThat(back.children("QI-D-MEAS")).extracting(Competency::code).containsExactly("QI-VAR", "QI-MEAS");

        // Without sequence numbers, listEnumeration decides, compared as numbers ("10" after "9").
        pkg.get("CFAssociations").forEach(a -> ((ObjectNode) a).remove("sequenceNumber"));
        itemWithCode(pkg, "QI-MEAS").put("listEnumeration", "9");
        itemWithCode(pkg, "QI-VAR").put("listEnumeration", "10");
        assertThat(CaseJson.parse(pkg.toString(), null).children("QI-D-MEAS")).extracting(Competency::code)
                .containsExactly("QI-MEAS", "QI-VAR");
    }

    @Test
    void ignoresAssociationTypesTheModelDoesNotHold() throws Exception {
        ObjectNode pkg = (ObjectNode) JSON.readTree(CaseJson.export(Frameworks.hierarchical(), BASE, WHEN));
        ObjectNode related = ((ArrayNode) pkg.get("CFAssociations")).addObject();
        related.put("identifier", UUID.randomUUID().toString());
        related.put("associationType", "isRelatedTo");
        related.set("originNodeURI", link(itemWithCode(pkg, "QI-VAR")));
        related.set("destinationNodeURI", link(itemWithCode(pkg, "QI-MEAS")));
        assertThat(CaseJson.parse(pkg.toString(), null)).isEqualTo(Frameworks.hierarchical());
    }

    @Test
    void collectsEveryProblemWithPathLineAndReason() throws Exception {
        ObjectNode pkg = (ObjectNode) JSON.readTree(CaseJson.export(Frameworks.hierarchical(), BASE, WHEN));
        ((ObjectNode) pkg.get("CFItems").get(3)).remove("humanCodingScheme");
        ((ObjectNode) pkg.get("CFItems").get(4)).put("humanCodingScheme", "lower case");
        ((ObjectNode) pkg.get("CFAssociations").get(1).get("destinationNodeURI")).put("identifier", "nowhere");
        ((ObjectNode) pkg.at("/CFRubrics/0/CFRubricCriteria/0/CFRubricCriterionLevels/1")).put("description", "Yes");
        String json = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(pkg);

        FrameworkImportException e = catchThrowableOfType(FrameworkImportException.class,
                () -> CaseJson.parse(json, "bad.json", FrameworkImportOptions.STRICT));

        assertThat(e.problems()).extracting(DefinitionProblem::path).containsExactly(
                "CFItems[3].humanCodingScheme",
                "CFItems[4].humanCodingScheme",
                "CFAssociations[1].destinationNodeURI.identifier",
                "CFRubrics[0].CFRubricCriteria[0].CFRubricCriterionLevels[1].description");
        assertThat(e.problems().get(0).message()).startsWith("missing");
        assertThat(e.problems().get(1).message()).contains("'lower case'", "capital letters");
        assertThat(e.problems().get(2).message()).contains("'nowhere'", "neither the CFDocument nor any of CFItems");
        assertThat(e.problems().get(3).message()).contains("'Proficient' or 'Not proficient'");
        assertThat(e.problems()).allSatisfy(p -> {
            assertThat(p.source()).isEqualTo("bad.json");
            assertThat(p.line()).isPositive();
        });
        int line = lineOf(json, "\"humanCodingScheme\" : \"lower case\"");
        assertThat(e.problems().get(1).line()).isEqualTo(line);
        assertThat(e.getMessage()).startsWith("4 problems in the CASE package:")
                .contains("bad.json:" + line + ":");
    }

    @Test
    void reportsMissingDocumentCodeDuplicatesCirclesAndSecondParents() throws Exception {
        ObjectNode pkg = (ObjectNode) JSON.readTree(CaseJson.export(Frameworks.hierarchical(), BASE, WHEN));
        ((ObjectNode) pkg.get("CFDocument")).remove("notes");
        itemWithCode(pkg, "QI-COACH").put("humanCodingScheme", "QI-MEAS");
        ArrayNode associations = (ArrayNode) pkg.get("CFAssociations");
        // QI-D-MEAS made a child of QI-SPC-XMR, its own grandchild: a circle.
        ((ObjectNode) associations.get(0)).set("destinationNodeURI", link(itemWithCode(pkg, "QI-SPC-XMR")));
        // QI-VAR given a second parent.
        associations.add(associations.get(2).deepCopy());

        assertThatThrownBy(() -> CaseJson.parse(pkg.toString(), "x.json", FrameworkImportOptions.STRICT))
                .isInstanceOfSatisfying(FrameworkImportException.class, e -> assertThat(e.problems())
                        .extracting(p -> p.path() + ": " + p.message())
                        .anySatisfy(s -> assertThat(s).startsWith("CFDocument.notes: missing"))
                        .anySatisfy(s -> assertThat(s).startsWith("CFItems[4].humanCodingScheme: 'QI-MEAS' is also the code of CFItems[3]"))
                        .anySatisfy(s -> assertThat(s).startsWith("CFAssociations[6]: makes item")));

        ((ObjectNode) pkg.get("CFDocument")).put("notes", "QI Pathways framework code: QI-FW-2025");
        itemWithCode(pkg, "QI-MEAS").put("humanCodingScheme", "QI-COACH");
        associations.remove(6);
        assertThatThrownBy(() -> CaseJson.parse(pkg.toString(), "x.json"))
                .isInstanceOfSatisfying(FrameworkImportException.class, e -> assertThat(e.problems())
                        .singleElement()
                        .satisfies(p -> assertThat(p.path() + ": " + p.message()).isEqualTo(
                                "CFAssociations[0]: isChildOf links form a circle (QI-D-MEAS → QI-SPC-XMR → QI-VAR"
                                        + " → QI-D-MEAS); a competency cannot be its own ancestor")));
    }

    @Test
    void repairsByDefaultWhatStrictReadingRefusesAndSaysWhat() throws Exception {
        ObjectNode pkg = (ObjectNode) JSON.readTree(CaseJson.export(Frameworks.hierarchical(), BASE, WHEN));
        ArrayNode associations = (ArrayNode) pkg.get("CFAssociations");
        associations.add(associations.get(2).deepCopy());                  // QI-VAR given a second parent
        ((ObjectNode) associations.get(3).get("destinationNodeURI"))      // QI-COACH's parent outside the package
                .put("identifier", "0d3c2a0e-0000-4000-8000-000000000000");
        // An older export's bare URI string as a reference, and a sequence number written as a string.
        ((ObjectNode) associations.get(4)).put("originNodeURI", itemWithCode(pkg, "QI-MEAS").get("uri").asText());
        ((ObjectNode) associations.get(4)).put("sequenceNumber", "2");

        FrameworkImport in = CaseJson.parse(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(pkg), "p.json",
                FrameworkImportOptions.DEFAULT);
        CompetencyFramework fw = in.framework();
        assertThat(fw.competency("QI-VAR").orElseThrow().parent()).isEqualTo("QI-D-MEAS");
        assertThat(fw.competency("QI-COACH").orElseThrow().parent()).isNull();
        assertThat(fw.children("QI-D-MEAS")).extracting(Competency::code).containsExactly("QI-VAR", "QI-MEAS");
        assertThat(in.warnings()).extracting(p -> p.path() + ": " + p.message()).containsExactly(
                "CFAssociations[3].destinationNodeURI.identifier: '0d3c2a0e-0000-4000-8000-000000000000' is neither the"
                        + " CFDocument nor any of CFItems; the item is put at the top level",
                "CFAssociations[6]: makes item " + itemWithCode(pkg, "QI-VAR").get("identifier").asText()
                        + " a child a second time (first in CFAssociations[2]); a QI Pathways competency has one parent;"
                        + " only the first parent is kept");
        assertThat(in.warnings()).allSatisfy(w -> assertThat(w.line()).isPositive());

        assertThatThrownBy(() -> CaseJson.parse(pkg.toString(), "p.json", FrameworkImportOptions.STRICT))
                .isInstanceOfSatisfying(FrameworkImportException.class, e -> assertThat(e.problems())
                        .extracting(DefinitionProblem::path)
                        .containsExactly("CFAssociations[3].destinationNodeURI.identifier", "CFAssociations[6]"));
    }

    @Test
    void readsSourcedIdAndUpperCaseUuidsAndSaysSoOnce() throws Exception {
        CompetencyFramework fw = Frameworks.hierarchical();
        String json = CaseJson.export(fw, BASE, WHEN);
        String sourced = json.replace("\"identifier\":", "\"sourcedId\":");
        FrameworkImport in = CaseJson.parse(sourced, "s.json", FrameworkImportOptions.DEFAULT);
        assertThat(in.framework()).isEqualTo(fw);
        assertThat(in.warnings()).singleElement().satisfies(w -> assertThat(w.message())
                .startsWith("read as the identifier: CASE 1.0 and 1.1 both call it identifier"));

        // UUIDs in capitals in the links only (OpenSALT has matched them without regard to case since 2023).
        ObjectNode pkg = (ObjectNode) JSON.readTree(json);
        for (JsonNode a : pkg.get("CFAssociations")) {
            ObjectNode origin = (ObjectNode) a.get("originNodeURI");
            origin.put("identifier", origin.get("identifier").asText().toUpperCase(java.util.Locale.ROOT));
        }
        assertThat(CaseJson.parse(pkg.toString(), "u.json", FrameworkImportOptions.STRICT).framework()).isEqualTo(fw);
    }

    @Test
    void reportsInvalidJsonAndAPackageWithoutItsParts() {
        assertThatThrownBy(() -> CaseJson.parse("{\"CFDocument\": ", "cut.json"))
                .isInstanceOfSatisfying(FrameworkImportException.class, e -> assertThat(e.problems()).singleElement()
                        .satisfies(p -> assertThat(p.toString()).startsWith("cut.json:1:").contains("not valid JSON")));
        assertThatThrownBy(() -> CaseJson.parse("{}", "empty.json", FrameworkImportOptions.STRICT))
                .isInstanceOfSatisfying(FrameworkImportException.class, e -> assertThat(e.problems())
                        .extracting(DefinitionProblem::path)
                        .containsExactlyInAnyOrder("CFDocument", "CFItems", "CFRubrics"));
        // CASE does not require CFItems (a framework may be empty); the document and a scale are needed.
        assertThatThrownBy(() -> CaseJson.parse("{}", "empty.json"))
                .isInstanceOfSatisfying(FrameworkImportException.class, e -> assertThat(e.problems())
                        .extracting(DefinitionProblem::path)
                        .containsExactlyInAnyOrder("CFDocument", "CFRubrics"));
    }

    @Test
    void refusesToExportAnInconsistentFrameworkAndNamesWhy() {
        CompetencyFramework orphan = new CompetencyFramework("FW", "F", null, Frameworks.SCALE,
                List.of(new Competency("C1", "One", null, "NOPE")));
        assertThatThrownBy(() -> CaseJson.export(orphan, BASE, WHEN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("competencies[0].parent: 'NOPE' is not a competency of the framework");
        assertThatThrownBy(() -> CaseJson.export(reference(), URI.create("case/relative"), WHEN))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("absolute");
    }

    // ---- helpers ----------------------------------------------------------------------------------

    private static ObjectNode itemWithCode(JsonNode pkg, String code) {
        for (JsonNode item : pkg.get("CFItems")) {
            if (code.equals(item.path("humanCodingScheme").asText())) {
                return (ObjectNode) item;
            }
        }
        throw new AssertionError("no item " + code);
    }

    private static JsonNode associationFrom(JsonNode pkg, String originId) {
        for (JsonNode a : pkg.get("CFAssociations")) {
            if (originId.equals(a.at("/originNodeURI/identifier").asText())) {
                return a;
            }
        }
        throw new AssertionError("no association from " + originId);
    }

    private static ObjectNode link(JsonNode object) {
        ObjectNode l = JSON.createObjectNode();
        l.put("title", object.path("abbreviatedStatement").asText());
        l.put("identifier", object.get("identifier").asText());
        l.put("uri", object.get("uri").asText());
        return l;
    }

    private static List<String> identifiers(JsonNode node) {
        List<String> ids = new ArrayList<>();
        node.findValues("identifier").forEach(v -> ids.add(v.asText()));
        return ids;
    }

    private static int lineOf(String text, String needle) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(needle)) {
                return i + 1;
            }
        }
        throw new AssertionError("no line with " + needle);
    }
}
