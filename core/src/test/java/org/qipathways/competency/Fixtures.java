package org.qipathways.competency;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The public files under {@code fixtures/} (their sources and licences: fixtures/README.md). */
final class Fixtures {

    static final String ACT_MATH = "opensalt-act-holistic-math.json";
    static final String COMMON_CORE = "opensalt-what-standards-could-be.json";
    static final String SMART_LEVEL = "opensalt-smart-level.json";
    static final String SEQUENCE_NUMBER = "opensalt-sequence-number.json";
    static final String UTF8 = "opensalt-utf8.json";
    static final String OPENSALT_CASE_1_0_SCHEMA = "opensalt-case-v1p0-cfpackage-schema.json";
    static final String CASE_1_1_SCHEMA = "1edtech-case-v1p1-cfpackage-schema.json";
    static final String MOODLE_EXAMPLE = "moodle-lpimportcsv-example-subset.csv";

    /** Every CASE package of the fixtures. */
    static final List<String> CASE_PACKAGES = List.of(ACT_MATH, COMMON_CORE, SMART_LEVEL, SEQUENCE_NUMBER, UTF8);

    /** A scale for packages without a rubric. */
    static final ProficiencyScale TWO_LEVELS = new ProficiencyScale("Mastery", List.of(
            new ProficiencyLevel(1, "Not yet", false),
            new ProficiencyLevel(2, "Mastered", true)));

    private Fixtures() {
    }

    static String read(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("fixtures/" + name)) {
            if (in == null) {
                throw new IllegalStateException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
