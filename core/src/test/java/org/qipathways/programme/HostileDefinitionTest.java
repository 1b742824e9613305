package org.qipathways.programme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.qipathways.definition.DefinitionProblem;
import org.junit.jupiter.api.io.TempDir;

/**
 * A programme file written to mislead or to exhaust the reader is refused with its place: YAML
 * beyond plain data (aliases, anchors, tags, several documents), control characters, files too large
 * or not UTF-8; a byte-order mark is accepted in YAML and JSON alike.
 */
class HostileDefinitionTest {

    private static final String VALID = DefinitionProblemsTest.VALID;

    @TempDir
    Path dir;

    private static List<String> problems(String text, String source) {
        ProgrammeDefinitionException e = catchThrowableOfType(ProgrammeDefinitionException.class,
                () -> Programme.parse(text, source));
        assertThat(e).as("the definition is refused").isNotNull();
        return e.problems().stream().map(DefinitionProblem::toString).toList();
    }

    private static List<String> loadProblems(Path file) {
        ProgrammeDefinitionException e = catchThrowableOfType(ProgrammeDefinitionException.class,
                () -> Programme.load(file));
        assertThat(e).as("the definition is refused").isNotNull();
        return e.problems().stream().map(DefinitionProblem::toString).toList();
    }

    @Test
    void aYamlAliasIsRefusedAtItsPlaceNotReadAsTheAnchorsName() {
        String text = VALID.replace("title: Mini pathway", "title: &t Mini pathway")
                .replace("{code: ELN, title: E-learning,", "{code: ELN, title: *t,");

        assertThat(problems(text, "mini.yaml")).containsExactly(
                "mini.yaml:2:8: title: defines a YAML anchor (&t); aliases and anchors are not allowed in a programme"
                        + " file: remove the anchor and write out in full each value that refers to it",
                "mini.yaml:16:24: units[0].title: is a YAML alias (*t); aliases and anchors are not allowed in a"
                        + " programme file: write the value out in full");
    }

    @Test
    void anAnchoredMapIsRefusedToo() {
        String text = VALID.replace("framework:\n", "framework: &fw\n");

        assertThat(problems(text, "mini.yaml")).first().asString()
                .startsWith("mini.yaml:4:12: framework: defines a YAML anchor (&fw)");
    }

    @Test
    void aSecondDocumentIsRefusedNotIgnored() {
        String text = VALID + "---\ncode: OTHER\n";

        assertThat(problems(text, "two.yaml")).containsExactly("two.yaml:" + (VALID.split("\n").length + 1)
                + ":1: a second YAML document starts here (after a --- line); a programme file holds one document:"
                + " remove the --- line and what follows it, or put the second programme in a file of its own");
    }

    @Test
    void aLeadingDocumentMarkerIsFine() {
        assertThat(Programme.parse("---\n" + VALID, "mini.yaml").code()).isEqualTo("MINI");
    }

    @Test
    void aBinaryValueIsRefusedWithItsPlaceAndNoParserInternals() {
        String text = VALID.replace("title: Mini pathway", "title: !!binary aGVsbG8=");

        List<String> problems = problems(text, "mini.yaml");
        assertThat(problems).containsExactly("mini.yaml:2:8: title: has the YAML tag !!binary; tags are not allowed in a"
                + " programme file: remove it and write the value as plain text, a number, true or false, a list or a map");
        assertThat(String.join("\n", problems)).doesNotContain("jackson", "Jackson", "EMBEDDED", "Exception");
    }

    @Test
    void anyExplicitTagIsRefused() {
        assertThat(problems(VALID.replace("version: \"1\"", "version: !!str 1"), "mini.yaml"))
                .containsExactly("mini.yaml:3:10: version: has the YAML tag !!str; tags are not allowed in a programme"
                        + " file: remove it and write the value as plain text, a number, true or false, a list or a map");
        assertThat(problems(VALID.replace("title: Mini pathway", "title: !!python/object:os.system x"), "mini.yaml"))
                .singleElement().asString().startsWith("mini.yaml:2:8: title: has the YAML tag !!python/object:os.system;");
    }

    @Test
    void controlCharactersAreRefusedInYamlAndJsonAndEscapedInTheMessage() {
        String yaml = VALID.replace("title: Mini pathway", "title: \"Mini\\e[2Jpathway\\0\"");
        assertThat(problems(yaml, "mini.yaml")).containsExactly("mini.yaml:2:8: title: the value holds the control"
                + " character U+001B at character 5; control characters are not allowed in a programme file: remove it");

        String json = Programme.parse(VALID, "mini.yaml").toJson().replace("\"Mini pathway\"", "\"Mini\\u0000\"");
        List<String> problems = problems(json, "mini.json");
        assertThat(problems).singleElement().asString().matches("mini\\.json:\\d+:\\d+: title: the value holds the"
                + " control character U\\+0000 at character 5; .*");
        assertThat(String.join("", problems).chars().filter(Character::isISOControl)).isEmpty();
    }

    @Test
    void aControlCharacterInAKeyIsRefused() {
        String json = "{\"co\\u001bde\": \"X\"}";

        assertThat(problems(json, "k.json")).contains("k.json:1:2: co\\u001bde: the key holds the control character U+001B at character 3;"
                        + " control characters are not allowed in a programme file: remove it");
    }

    @Test
    void aMapUsedAsAKeyIsSaidInTheAuthorsWordsNotTheParsers() {
        assertThat(problems(VALID.replace("title: Mini pathway", "{a: 1}: Mini pathway"), "mini.yaml"))
                .containsExactly("mini.yaml:2:2: the file is not valid YAML: a key must be plain text, but here a map is"
                        + " used as a key");
    }

    @Test
    void aByteOrderMarkIsAcceptedInYamlAndInJson() throws IOException {
        Programme p = Programme.parse(VALID, "mini.yaml");
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        Path yaml = dir.resolve("bom.yaml");
        Path json = dir.resolve("bom.json");
        Files.write(yaml, concat(bom, VALID.getBytes(StandardCharsets.UTF_8)));
        Files.write(json, concat(bom, p.toJson().getBytes(StandardCharsets.UTF_8)));

        assertThat(Programme.load(yaml)).isEqualTo(p);
        assertThat(Programme.load(json)).isEqualTo(p);
        assertThat(Programme.parse("\uFEFF" + p.toJson(), "bom.json")).isEqualTo(p);
    }

    @Test
    void invalidUtf8IsReportedAtItsLine() throws IOException {
        byte[] text = VALID.replace("title: Framework", "title: Fr?mework").getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < text.length; i++) {
            if (text[i] == '?') {
                text[i] = (byte) 0xE9;   // é in Windows-1252
            }
        }
        Path file = Files.write(dir.resolve("latin1.yaml"), text);

        assertThat(loadProblems(file)).containsExactly(file + ":6:12: the file is not UTF-8 text: line 6 is not UTF-8"
                + " text (at character 12): the file was probably saved in another encoding (Windows-1252, \"ANSI\");"
                + " save it as UTF-8");
    }

    @Test
    void aFileOverTheLimitIsRefusedBeforeItIsRead() throws IOException {
        // A 100 MB scalar: refused from its first 8 MiB, without reading the rest into memory.
        Path file = dir.resolve("huge.yaml");
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write("code: MINI\ntitle: ".getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = "x".repeat(1 << 20).getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < 100; i++) {
                out.write(chunk);
            }
        }

        assertThat(loadProblems(file)).containsExactly(file + ": the file is larger than 8388608 bytes (8 MiB), the"
                + " limit for a programme definition: a real programme is a few KB, so check that this is the right file."
                + " If it is, raise the limit (Programme.load(file, maxBytes); qip: --max-programme-size)");
    }

    @Test
    void theLimitCanBeRaisedOrLowered() throws IOException {
        Path file = Files.writeString(dir.resolve("mini.yaml"), VALID);

        assertThat(Programme.load(file, VALID.length())).isEqualTo(Programme.parse(VALID, "mini.yaml"));
        assertThat(catchThrowableOfType(ProgrammeDefinitionException.class, () -> Programme.load(file, 100)))
                .hasMessageContaining("larger than 100 bytes");
        // Above SnakeYAML's own 3 MB document limit, the file limit is the one that counts.
        String big = VALID + "description: " + "y".repeat(4 << 20) + "\n";
        Path bigFile = Files.writeString(dir.resolve("big.yaml"), big);
        assertThat(Programme.load(bigFile).description()).hasSize(4 << 20);
    }

    @Test
    void aStringOverTheLimitIsRefusedToo() {
        assertThat(problems("title: " + "x".repeat(9 << 20), "s.yaml")).singleElement().asString()
                .startsWith("s.yaml: the file is larger than 8388608 characters (8 MiB)");
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
