package org.qipathways.programme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Property-based fuzzing of the programme reader: the reference definition mutated with the
 * characters that matter to YAML and JSON (anchors, aliases, tags, document markers, brackets,
 * quotes, control characters), and YAML-ish noise, either parse to a programme or throw
 * {@link ProgrammeDefinitionException} with every problem placed; never another exception (no
 * parser internals reach a user), never a hang.
 */
class DefinitionFuzzTest {

    private static final Duration HANG = Duration.ofSeconds(20);
    private static final String YAML = resource();
    private static final String JSON = Programme.reference().toJson();
    private static final List<String> PIECES = List.of("&a ", "*a", "!!binary ", "!!str ", "!x ", "\n---\n", "{", "}",
            "[", "]", ":", ": ", "\"", "'", "#", "\n", "  ", "-", "\t", "\u0000", "\u001b", "\\u0000", "\\e", "\uFEFF",
            "? ", "|", ">", "%YAML 1.1\n", "<<: *a", ",", "null", "~", "1e99", "0x1F");

    private static String resource() {
        try (InputStream in = Programme.class.getResourceAsStream("reference-programme.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Arbitrary<String> mutated(String base) {
        Arbitrary<int[]> edit = Combinators.combine(Arbitraries.integers().between(0, 2),
                Arbitraries.integers().between(0, base.length()), Arbitraries.integers().between(0, PIECES.size() - 1),
                Arbitraries.integers().between(1, 12))
                .as((op, at, piece, length) -> new int[] {op, at, piece, length});
        return edit.list().ofMinSize(1).ofMaxSize(6).map(edits -> {
            StringBuilder sb = new StringBuilder(base);
            for (int[] e : edits) {
                int at = Math.min(e[1], sb.length());
                switch (e[0]) {
                    case 0 -> sb.insert(at, PIECES.get(e[2]));
                    case 1 -> sb.delete(at, Math.min(sb.length(), at + e[3]));
                    default -> sb.replace(at, Math.min(sb.length(), at + e[3]), PIECES.get(e[2]));
                }
            }
            return sb.toString();
        });
    }

    @Provide
    Arbitrary<String> yamlTexts() {
        Arbitrary<String> noise = Arbitraries.of(PIECES.toArray(String[]::new)).list().ofMaxSize(40)
                .map(l -> String.join("", l));
        return Arbitraries.oneOf(mutated(YAML), mutated(YAML), noise, Arbitraries.strings().ofMaxLength(100));
    }

    @Provide
    Arbitrary<String> jsonTexts() {
        return mutated(JSON);
    }

    @Property(tries = 300, seed = "16")
    void aYamlDefinitionParsesOrThrowsTheDocumentedException(@ForAll("yamlTexts") String text) {
        check(text, "fuzz.yaml");
    }

    @Property(tries = 150, seed = "16")
    void aJsonDefinitionParsesOrThrowsTheDocumentedException(@ForAll("jsonTexts") String text) {
        check(text, "fuzz.json");
    }

    private static void check(String text, String source) {
        assertTimeoutPreemptively(HANG, () -> {
            try {
                Programme p = Programme.parse(text, source);
                assertThat(p.code()).isNotBlank();
                assertThat(p.title()).doesNotContain("\u0000", "\u001b");
            } catch (ProgrammeDefinitionException e) {
                assertThat(e.problems()).isNotEmpty().allSatisfy(pr -> {
                    assertThat(pr.source()).isEqualTo(source);
                    assertThat(pr.toString()).doesNotContain("Exception", "jackson", "snakeyaml", "\tat ");
                    assertThat(pr.toString().chars().filter(Character::isISOControl)).isEmpty();
                });
            }
        });
    }
}
