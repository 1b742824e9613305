package org.qipathways.competency;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every object of an exported package has the fields CASE v1.0 requires of it, as tabled in the
 * domain brief (§3.1), and every reference is a LinkURI.
 */
class CaseJsonRequiredFieldsTest {

    private static final Instant WHEN = Instant.parse("2025-06-30T12:34:56Z");
    private static final JsonNode PKG = read();

    private static JsonNode read() {
        try {
            return new ObjectMapper().readTree(CaseJson.export(Frameworks.hierarchical(),
                    URI.create("https://example.org/case"), WHEN));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** object kind, JSON pointer(s) to the objects, required fields (brief §3.1 table). */
    static Stream<Arguments> requiredFields() {
        return Stream.of(
                Arguments.of("CFDocument", List.of(PKG.get("CFDocument")),
                        List.of("identifier", "uri", "creator", "title", "lastChangeDateTime")),
                Arguments.of("CFItem", list(PKG.get("CFItems")),
                        List.of("identifier", "uri", "fullStatement", "lastChangeDateTime")),
                Arguments.of("CFAssociation", list(PKG.get("CFAssociations")),
                        List.of("identifier", "uri", "associationType", "originNodeURI", "destinationNodeURI",
                                "lastChangeDateTime")),
                Arguments.of("CFRubric", list(PKG.get("CFRubrics")),
                        List.of("identifier", "uri", "lastChangeDateTime")),
                Arguments.of("CFRubricCriterion", list(PKG.at("/CFRubrics/0/CFRubricCriteria")),
                        List.of("identifier", "uri", "lastChangeDateTime")),
                Arguments.of("CFRubricCriterionLevel", list(PKG.at("/CFRubrics/0/CFRubricCriteria/0/CFRubricCriterionLevels")),
                        List.of("identifier", "uri", "lastChangeDateTime")),
                // CASE 1.0 CFItemType: identifier, uri, title, description, hierarchyCode, lastChangeDateTime
                Arguments.of("CFItemType", list(PKG.at("/CFDefinitions/CFItemTypes")),
                        List.of("identifier", "uri", "title", "description", "hierarchyCode", "lastChangeDateTime")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("requiredFields")
    void everyObjectHasItsRequiredFields(String kind, List<JsonNode> objects, List<String> required) {
        assertThat(objects).as(kind).isNotEmpty();
        for (JsonNode o : objects) {
            for (String field : required) {
                assertThat(o.hasNonNull(field)).as(kind + " " + o.path("identifier") + " has " + field).isTrue();
                if (o.get(field).isTextual()) {
                    assertThat(o.get(field).asText()).as(kind + "." + field).isNotBlank();
                }
            }
            assertThat(UUID.fromString(o.get("identifier").asText()).version()).as(kind + " identifier").isEqualTo(5);
            assertThat(o.get("uri").asText()).as(kind + " uri").startsWith("https://example.org/case/")
                    .endsWith("/" + o.get("identifier").asText());
            assertThat(o.get("lastChangeDateTime").asText()).isEqualTo("2025-06-30T12:34:56Z");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("requiredFields")
    void identifiersAreUniqueAcrossThePackage(String kind, List<JsonNode> objects, List<String> required) {
        List<String> all = new ArrayList<>();
        requiredFields().forEach(a -> {
            @SuppressWarnings("unchecked")
            List<JsonNode> os = (List<JsonNode>) a.get()[1];
            os.forEach(o -> all.add(o.get("identifier").asText()));
        });
        for (JsonNode o : objects) {
            assertThat(all).as(kind).containsOnlyOnce(o.get("identifier").asText());
        }
    }

    @org.junit.jupiter.api.Test
    void everyReferenceIsALinkUriToAnObjectOfThePackage() {
        List<String> ids = new ArrayList<>();
        PKG.findValues("identifier").forEach(v -> ids.add(v.asText()));
        List<JsonNode> links = new ArrayList<>();
        for (JsonNode item : PKG.get("CFItems")) {
            links.add(item.get("CFItemTypeURI"));
            assertThat(item.get("humanCodingScheme").asText()).isNotBlank();
            assertThat(item.get("CFItemType").asText()).isEqualTo("Competency");
        }
        for (JsonNode a : PKG.get("CFAssociations")) {
            links.add(a.get("originNodeURI"));
            links.add(a.get("destinationNodeURI"));
            assertThat(a.get("associationType").asText()).isEqualTo("isChildOf");
        }
        // Every criterion names the competency it rates: OpenSALT's importer reads CFItemURI of each.
        List<String> itemIds = new ArrayList<>();
        PKG.get("CFItems").forEach(i -> itemIds.add(i.get("identifier").asText()));
        List<String> rated = new ArrayList<>();
        for (JsonNode criterion : PKG.at("/CFRubrics/0/CFRubricCriteria")) {
            links.add(criterion.get("CFItemURI"));
            rated.add(criterion.at("/CFItemURI/identifier").asText());
            assertThat(criterion.get("rubricId").asText()).isEqualTo(PKG.at("/CFRubrics/0/identifier").asText());
            for (JsonNode level : criterion.get("CFRubricCriterionLevels")) {
                assertThat(level.get("rubricCriterionId").asText()).isEqualTo(criterion.get("identifier").asText());
            }
        }
        assertThat(rated).containsExactlyElementsOf(itemIds);
        for (JsonNode l : links) {
            assertThat(l).isNotNull();
            assertThat(l.size()).as("LinkURI " + l).isEqualTo(3);
            assertThat(l.get("title").asText()).isNotBlank();
            assertThat(l.get("uri").asText()).endsWith("/" + l.get("identifier").asText());
        }
        // Package objects carry no CFDocumentURI or CFPackageURI: CASE's package classes do not have them.
        assertThat(PKG.findValues("CFDocumentURI")).isEmpty();
        assertThat(PKG.findValues("CFPackageURI")).isEmpty();
        links.forEach(l -> assertThat(ids).contains(l.get("identifier").asText()));
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> out = new ArrayList<>();
        array.forEach(out::add);
        return out;
    }
}
