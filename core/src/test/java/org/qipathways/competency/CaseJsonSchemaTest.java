package org.qipathways.competency;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.qipathways.programme.Programme;

/**
 * Our CASE export is valid for the tools that check packages: OpenSALT's CASE 1.0 package schema
 * (which OpenSALT's importer applies to every file) and 1EdTech's official CASE 1.1 package schema
 * (which 1EdTech's OpenCASE applies to uploads; every class has {@code additionalProperties: false}).
 */
class CaseJsonSchemaTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchema CASE_1_0 = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4)
            .getSchema(tree(Fixtures.read(Fixtures.OPENSALT_CASE_1_0_SCHEMA)));
    private static final JsonSchema CASE_1_1 = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V201909)
            .getSchema(tree(Fixtures.read(Fixtures.CASE_1_1_SCHEMA)));
    private static final URI BASE = URI.create("https://qi.example-trust.nhs.uk/ims/case/v1p0");
    private static final Instant WHEN = Instant.parse("2025-06-30T12:34:56Z");

    static Stream<CompetencyFramework> frameworks() {
        return Stream.of(Programme.reference().framework(), Frameworks.hierarchical(),
                new CompetencyFramework("FW.ODD_1", "Quotes \"and\" ünïcödé — 𝑑", "Line one\nline two", Frameworks.SCALE,
                        List.of(new Competency("C.1", "One", "Say \"one\"", null),
                                new Competency("C.1.1", "One, one", null, "C.1"))));
    }

    @ParameterizedTest
    @MethodSource("frameworks")
    void exportValidatesAgainstOpenSaltsCase10PackageSchema(CompetencyFramework fw) {
        assertThat(CASE_1_0.validate(tree(CaseJson.export(fw, BASE, WHEN)))).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("frameworks")
    void exportValidatesAgainst1EdTechsCase11PackageSchema(CompetencyFramework fw) {
        assertThat(case11Problems(tree(CaseJson.export(fw, BASE, WHEN)))).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("frameworks")
    void exportReimportsStrictlyToTheSameFramework(CompetencyFramework fw) {
        FrameworkImport back = CaseJson.parse(CaseJson.export(fw, BASE, WHEN), "export.json", FrameworkImportOptions.STRICT);
        assertThat(back.framework()).isEqualTo(fw);
        assertThat(back.codes()).isEmpty();
        assertThat(back.warnings()).isEmpty();
    }

    @Test
    void theSchemasCatchWhatTheyShould() {
        ObjectNode pkg = (ObjectNode) tree(CaseJson.export(Frameworks.hierarchical(), BASE, WHEN));

        // A CFDocumentURI on a package item, as older exports wrote: 1EdTech's 1.1 package classes do
        // not have it, so OpenCASE would refuse the upload. Ours carries none.
        ObjectNode withDocumentUri = pkg.deepCopy();
        ((ObjectNode) withDocumentUri.get("CFItems").get(0)).set("CFDocumentURI", link(pkg.get("CFDocument")));
        assertThat(case11Problems(withDocumentUri)).isNotEmpty();

        // A rubric criterion without its identifier fails both.
        ObjectNode noId = pkg.deepCopy();
        ((ObjectNode) noId.at("/CFRubrics/0/CFRubricCriteria/0")).remove("identifier");
        assertThat(CASE_1_0.validate(noId)).isNotEmpty();
        assertThat(case11Problems(noId)).isNotEmpty();
    }

    @Test
    void publishedPackagesPassOpenSaltsSchemaExceptItsOwn2017Sample() {
        for (String fixture : List.of(Fixtures.ACT_MATH, Fixtures.SMART_LEVEL, Fixtures.SEQUENCE_NUMBER, Fixtures.UTF8)) {
            assertThat(CASE_1_0.validate(tree(Fixtures.read(fixture)))).as(fixture).isEmpty();
        }
        // OpenSALT's 2017 sample writes CFDocumentURI as a bare string, which its own schema (and CASE)
        // wants as a LinkURI; the import reads it anyway (CaseImportOfPublishedPackagesTest).
        assertThat(CASE_1_0.validate(tree(Fixtures.read(Fixtures.COMMON_CORE)))).isNotEmpty();
    }

    // ---- shared with CaseImportOfPublishedPackagesTest ------------------------------------------

    /** The problems 1EdTech's CASE 1.1 package schema finds in {@code pkg}. */
    static Set<ValidationMessage> case11Problems(JsonNode pkg) {
        return CASE_1_1.validate(pkg);
    }

    /**
     * A CASE 1.0 package as CASE 1.1: {@code caseVersion} "1.1" on the document, and without the
     * REST-response properties that 1.1's package classes do not have ({@code CFPackageURI} on the
     * document, {@code CFDocumentURI} on items and associations).
     */
    static ObjectNode asCase11(ObjectNode v10) {
        ObjectNode pkg = v10.deepCopy();
        ObjectNode doc = (ObjectNode) pkg.get("CFDocument");
        doc.remove("CFPackageURI");
        doc.put("caseVersion", "1.1");
        for (String array : List.of("CFItems", "CFAssociations")) {
            for (JsonNode o : (ArrayNode) pkg.get(array)) {
                ((ObjectNode) o).remove("CFDocumentURI");
            }
        }
        return pkg;
    }

    private static ObjectNode link(JsonNode object) {
        ObjectNode l = JSON.createObjectNode();
        l.put("title", object.path("title").asText());
        l.put("identifier", object.get("identifier").asText());
        l.put("uri", object.get("uri").asText());
        return l;
    }

    private static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
