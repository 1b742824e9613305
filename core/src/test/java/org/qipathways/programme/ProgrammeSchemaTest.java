package org.qipathways.programme;

import org.qipathways.definition.DefinitionProblem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.qipathways.rules.Role;
import org.qipathways.rules.Window;

/**
 * The JSON Schema shipped for editors ({@code programme.schema.json}) against the reader, which is
 * the source of truth: valid documents pass both, broken ones fail both at the same place, and the
 * two accept exactly the same keys.
 */
class ProgrammeSchemaTest {

    private static final String SCHEMA = "/org/qipathways/programme/programme.schema.json";
    private static final String REFERENCE = "/org/qipathways/programme/reference-programme.yaml";
    private static final String EVERY_FIELD = "/org/qipathways/programme/every-field.yaml";

    private static final YAMLMapper YAML = new YAMLMapper();
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final JsonNode SCHEMA_TREE = tree(SCHEMA);
    private static final JsonSchema VALIDATOR = FACTORY.getSchema(SCHEMA_TREE);

    // ---- the schema itself ---------------------------------------------------------------------

    @Test
    void isAValidDraft202012SchemaWithAnId() {
        JsonSchema meta = FACTORY.getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));
        assertThat(meta.validate(SCHEMA_TREE)).isEmpty();
        assertThat(SCHEMA_TREE.path("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(SCHEMA_TREE.path("$id").asText()).startsWith("https://qipathways.org/schema/programme-");
    }

    @Test
    void codePatternIsTheModelsPattern() {
        assertThat(def("code").path("pattern").asText()).isEqualTo("^" + Codes.PATTERN + "$");
    }

    @Test
    void enumsAreTheModelsEnums() {
        assertThat(strings(def("unit").at("/properties/kind/enum")))
                .containsExactlyElementsOf(Arrays.stream(UnitKind.values()).map(UnitKind::id).toList());
        assertThat(strings(def("role").path("enum")))
                .containsExactlyElementsOf(Arrays.stream(Role.values()).map(Role::id).toList());
        assertThat(strings(def("window").at("/properties/anchor/enum")))
                .containsExactlyElementsOf(Arrays.stream(Window.Anchor.values()).map(Window.Anchor::id).toList());
    }

    @Test
    void everyPropertyIsDescribed() {
        List<String> undescribed = new ArrayList<>();
        collectUndescribed(SCHEMA_TREE, "#", undescribed);
        assertThat(undescribed).isEmpty();
    }

    private static void collectUndescribed(JsonNode schema, String at, List<String> into) {
        schema.path("properties").properties().forEach(e -> {
            JsonNode p = e.getValue();
            boolean described = p.has("description") || p.has("$ref") && resolve(p.get("$ref").asText()).has("description");
            if (!described) {
                into.add(at + "/properties/" + e.getKey());
            }
        });
        schema.path("$defs").properties().forEach(e -> collectUndescribed(e.getValue(), at + "/$defs/" + e.getKey(), into));
    }

    // ---- valid documents -----------------------------------------------------------------------

    @Test
    void theReferenceProgrammeIsValid() {
        assertThat(errors(tree(REFERENCE))).isEmpty();
    }

    @Test
    void whatTheWriterProducesIsValid() throws IOException {
        Programme reference = Programme.reference();
        Programme everyField = Programme.parse(text(EVERY_FIELD), "every-field.yaml");
        for (Programme p : List.of(reference, everyField)) {
            assertThat(errors(YAML.readTree(p.toYaml()))).as(p.code() + " as YAML").isEmpty();
            assertThat(errors(YAML.readTree(p.toJson()))).as(p.code() + " as JSON").isEmpty();
        }
    }

    @Test
    void aProgrammeUsingEveryFieldIsValidToBoth() {
        assertThat(errors(tree(EVERY_FIELD))).isEmpty();
        assertThat(Programme.parse(text(EVERY_FIELD), "every-field.yaml").tiers()).hasSize(2);
    }

    @Test
    void theCompleteExampleOfTheFormatDocIsValidToBoth() throws IOException {
        // Tests run in the module's directory; the format doc is the project's, one level up.
        String doc = Files.readString(Path.of("..", "docs", "programme-format.md"));
        Matcher block = Pattern.compile("```yaml\n(# yaml-language-server: \\$schema=.*?)```", Pattern.DOTALL).matcher(doc);
        String example = null;
        while (block.find()) {
            example = block.group(1);
        }
        assertThat(example).as("the complete example in docs/programme-format.md").isNotNull();

        assertThat(errors(YAML.readTree(example))).isEmpty();
        Programme p = Programme.parse(example, "programme-format.md");
        assertThat(p.tiers()).extracting(Tier::code).containsExactly("FOUNDATION", "PRACTITIONER");
    }

    // ---- broken documents ----------------------------------------------------------------------

    static Stream<Arguments> brokenDocuments() {
        return Stream.of(
                broken("unknown key at the top", "$", "additionalProperties",
                        d -> d.put("titel", "A typo")),
                broken("unknown key in a unit", "$.units[0]", "additionalProperties",
                        d -> obj(d, "/units/0").put("durationMinutes", 60)),
                broken("key of another requirement type", "$.tiers[0].rule.anyOf[1]", "additionalProperties",
                        d -> obj(d, "/tiers/0/rule/anyOf/1").put("role", "participant")),
                broken("bad unit kind", "$.units[2].kind", "enum",
                        d -> obj(d, "/units/2").put("kind", "lecture")),
                broken("two type keys in one requirement", "$.tiers[0].rule.anyOf[1]", "oneOf",
                        d -> obj(d, "/tiers/0/rule/anyOf/1").put("completed", "BRZ-ELN")),
                broken("no type key in a requirement", "$.tiers[0].rule.anyOf[1]", "oneOf",
                        d -> obj(d, "/tiers/0/rule/anyOf/1").put("label", "RPL").remove("priorLearning")),
                broken("requirement that is not a map", "$.tiers[1].rule.allOf[0]", "type",
                        d -> ((ArrayNode) d.at("/tiers/1/rule/allOf")).set(0, "BRONZE")),
                broken("lower-case unit code", "$.units[0].code", "pattern",
                        d -> obj(d, "/units/0").put("code", "brz-eln")),
                broken("code with a space in a requirement", "$.tiers[0].rule.anyOf[0].allOf[0].completed", "pattern",
                        d -> obj(d, "/tiers/0/rule/anyOf/0/allOf/0").put("completed", "BRZ ELN")),
                broken("bad code in an attended list", "$.tiers[2].rule.allOf[5].attended[1]", "pattern",
                        d -> ((ArrayNode) d.at("/tiers/2/rule/allOf/5/attended")).set(1, "ws-beh")),
                broken("bad role", "$.tiers[1].rule.allOf[1].anyOf[0].within.after.role", "enum",
                        d -> obj(d, "/tiers/1/rule/allOf/1/anyOf/0/within/after").put("role", "learner")),
                broken("bad anchor", "$.tiers[1].rule.allOf[1].anyOf[1].allOf[1].within.anchor", "enum",
                        d -> obj(d, "/tiers/1/rule/allOf/1/anyOf/1/allOf/1/within").put("anchor", "first")),
                broken("period in words", "$.tiers[2].validity", "pattern",
                        d -> obj(d, "/tiers/2").put("validity", "2 years")),
                broken("pass mark on a workshop", "$.units[2].passMark", "false",
                        d -> obj(d, "/units/2").put("passMark", 50)),
                broken("assessment without a pass mark", "$.units[1]", "required",
                        d -> obj(d, "/units/1").remove("passMark")),
                broken("of without atLeast", "$.tiers[1].rule.allOf[1].anyOf[1].allOf[0]", "required",
                        d -> obj(d, "/tiers/1/rule/allOf/1/anyOf/1/allOf/0").remove("atLeast")),
                broken("no tiers", "$", "required",
                        d -> d.remove("tiers")));
    }

    private static Arguments broken(String name, String location, String keyword, Consumer<ObjectNode> change) {
        return Arguments.of(name, location, keyword, change);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenDocuments")
    void brokenDocumentsFailBothAtTheSamePlace(String name, String location, String keyword, Consumer<ObjectNode> change)
            throws IOException {
        ObjectNode doc = (ObjectNode) tree(REFERENCE);
        change.accept(doc);

        List<ValidationMessage> errors = errors(doc);
        assertThat(errors).as("schema errors").isNotEmpty();
        assertThat(errors).as("schema errors")
                .anyMatch(m -> m.getInstanceLocation().toString().equals(location) && m.getType().equals(keyword));
        assertThat(errors).as("every schema error is at or under " + location)
                .allMatch(m -> within(m.getInstanceLocation().toString(), location));

        String path = location.equals("$") ? "" : location.substring(2);
        ProgrammeDefinitionException e = catchThrowableOfType(ProgrammeDefinitionException.class,
                () -> Programme.parse(YAML.writeValueAsString(doc), "broken.yaml"));
        assertThat(e).as("the reader rejects it too").isNotNull();
        assertThat(e.problems()).as("reader problems").anyMatch(p -> within(p.path(), path));
    }

    private static boolean within(String at, String location) {
        return location.isEmpty() || location.equals("$") || at.equals(location)
                || at.startsWith(location + ".") || at.startsWith(location + "[");
    }

    // ---- the schema and the reader accept the same keys -------------------------------------------

    /** A key no field is near, so the reader lists the known fields instead of suggesting one. */
    private static final String PROBE = "zzzzzzzzzzzz";

    /** Where every-field.yaml has a map of each kind, and the schema definition of that map. */
    private static final Map<String, String> MAPS = new LinkedHashMap<>();

    static {
        MAPS.put("", "");
        MAPS.put("/framework", "framework");
        MAPS.put("/framework/scale", "scale");
        MAPS.put("/framework/scale/levels/0", "level");
        MAPS.put("/framework/competencies/0", "competency");
        MAPS.put("/units/0", "unit");
        MAPS.put("/priorLearning/0", "priorLearning");
        MAPS.put("/competencyEvidence/0", "competencyEvidence");
        MAPS.put("/tiers/0", "tier");
        MAPS.put("/tiers/1/renewal", "renewal");
        MAPS.put("/tiers/1/rule/allOf/2/within", "window");
        MAPS.put("/tiers/1/rule/allOf/2/within/after", "attendedSelector");
        MAPS.put("/tiers/1/rule/allOf/3/within/after", "completedSelector");
        MAPS.put("/tiers/1/rule/allOf/5/count", "evidenceSelector");
    }

    @Test
    void everyMapAcceptsTheSameKeysInBoth() {
        for (Map.Entry<String, String> m : MAPS.entrySet()) {
            Set<String> schema = m.getValue().isEmpty() ? names(SCHEMA_TREE.path("properties")) : properties(m.getValue());
            assertThat(schema).as("keys of " + m.getValue() + " in the schema, against the reader")
                    .isEqualTo(keysTheReaderAccepts(m.getKey()));
        }
    }

    @Test
    void everyRequirementTypeAcceptsTheSameKeysInBoth() {
        Map<String, String> schemaTypes = requirementTypesInSchema();
        List<String> readerTypes = requirementTypesOfTheReader();
        assertThat(schemaTypes.keySet()).as("requirement types in the schema").containsExactlyElementsOf(readerTypes);
        assertThat(def("requirement").path("oneOf")).extracting(n -> n.path("required").get(0).asText())
                .as("the schema asks for exactly one type key").containsExactlyElementsOf(readerTypes);

        Map<String, String> examples = requirementExamples(tree(EVERY_FIELD));
        Set<String> union = new TreeSet<>();
        for (String type : readerTypes) {
            String at = examples.get(type);
            if (at == null) {
                fail("every-field.yaml has no requirement of type " + type + "; add one so that its keys are checked");
            }
            Set<String> schema = properties(schemaTypes.get(type));
            assertThat(schema).as("keys of a " + type + " requirement in the schema, against the reader")
                    .isEqualTo(keysTheReaderAccepts(at));
            union.addAll(schema);
        }
        assertThat(names(def("requirement").path("properties"))).as("the keys described for editors")
                .isEqualTo(union);
    }

    /** The keys the reader lists when it meets an unknown key in the map at {@code pointer}. */
    private static Set<String> keysTheReaderAccepts(String pointer) {
        ObjectNode doc = (ObjectNode) tree(EVERY_FIELD);
        obj(doc, pointer).put(PROBE, "probe");
        String message = readerProblems(doc).stream()
                .filter(m -> m.startsWith("unknown field '" + PROBE + "'"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("the reader did not report the unknown key at " + pointer));
        int at = message.indexOf("known fields: ");
        assertThat(at).as("the reader lists the known fields in: " + message).isPositive();
        return new TreeSet<>(Arrays.asList(message.substring(at + "known fields: ".length()).split(", ")));
    }

    /** The requirement types in the order the reader lists them when a requirement has none. */
    private static List<String> requirementTypesOfTheReader() {
        ObjectNode doc = (ObjectNode) tree(EVERY_FIELD);
        obj(doc, "/tiers/0").set("rule", YAML.createObjectNode().put("label", "no type"));
        String prefix = "says no type of requirement; give exactly one of ";
        String message = readerProblems(doc).stream().filter(m -> m.startsWith(prefix)).findFirst()
                .orElseThrow(() -> new AssertionError("the reader did not report a requirement without a type"));
        return Arrays.asList(message.substring(prefix.length()).split(", "));
    }

    /** Requirement type key to the name of its definition, from the schema's if/then pairs. */
    private static Map<String, String> requirementTypesInSchema() {
        Map<String, String> types = new LinkedHashMap<>();
        for (JsonNode branch : def("requirement").path("allOf")) {
            String type = branch.at("/if/required/0").asText();
            String ref = branch.at("/then/$ref").asText();
            types.put(type, ref.substring("#/$defs/".length()));
        }
        return types;
    }

    /** For each requirement type, the pointer of its first example in the tiers' rules. */
    private static Map<String, String> requirementExamples(JsonNode doc) {
        Map<String, String> found = new LinkedHashMap<>();
        JsonNode tiers = doc.path("tiers");
        for (int i = 0; i < tiers.size(); i++) {
            walkRule(tiers.get(i).path("rule"), "/tiers/" + i + "/rule", found);
            walkRule(tiers.get(i).at("/renewal/rule"), "/tiers/" + i + "/renewal/rule", found);
        }
        return found;
    }

    private static void walkRule(JsonNode node, String pointer, Map<String, String> found) {
        if (!node.isObject()) {
            return;
        }
        node.fieldNames().forEachRemaining(k -> {
            if (!k.equals("label") && !found.containsKey(k) && requirementTypesInSchema().containsKey(k)) {
                found.put(k, pointer);
            }
        });
        for (String composite : List.of("allOf", "anyOf", "of")) {
            JsonNode children = node.path(composite);
            for (int i = 0; i < children.size(); i++) {
                walkRule(children.get(i), pointer + "/" + composite + "/" + i, found);
            }
        }
    }

    private static List<String> readerProblems(ObjectNode doc) {
        try {
            Programme.parse(YAML.writeValueAsString(doc), "probe.yaml");
        } catch (ProgrammeDefinitionException e) {
            return e.problems().stream().map(DefinitionProblem::message).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.of();
    }

    // ---- helpers -------------------------------------------------------------------------------

    private static List<ValidationMessage> errors(JsonNode doc) {
        return new ArrayList<>(VALIDATOR.validate(doc));
    }

    private static JsonNode def(String name) {
        JsonNode d = SCHEMA_TREE.path("$defs").path(name);
        assertThat(d.isObject()).as("$defs/" + name + " exists").isTrue();
        return d;
    }

    private static JsonNode resolve(String ref) {
        return def(ref.substring("#/$defs/".length()));
    }

    private static Set<String> properties(String defName) {
        return names(def(defName).path("properties"));
    }

    private static Set<String> names(JsonNode object) {
        Set<String> out = new TreeSet<>();
        object.fieldNames().forEachRemaining(out::add);
        return out;
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> {
            if (n.isTextual()) {
                out.add(n.asText());
            }
        });
        return out;
    }

    private static ObjectNode obj(JsonNode doc, String pointer) {
        JsonNode n = pointer.isEmpty() ? doc : doc.at(pointer);
        assertThat(n.isObject()).as("a map at " + pointer).isTrue();
        return (ObjectNode) n;
    }

    private static JsonNode tree(String resource) {
        try {
            return YAML.readTree(text(resource));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(String resource) {
        try (InputStream in = ProgrammeSchemaTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource + " on the class path").isNotNull();
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
