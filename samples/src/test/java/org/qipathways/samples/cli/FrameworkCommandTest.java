package org.qipathways.samples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qipathways.competency.CaseJson;
import org.qipathways.competency.Competency;
import org.qipathways.competency.CompetencyFramework;
import org.qipathways.competency.FrameworkImportOptions;
import org.qipathways.competency.MoodleCompetencyCsv;
import org.qipathways.competency.ProficiencyLevel;
import org.qipathways.competency.ProficiencyScale;
import org.qipathways.programme.Programme;
import picocli.CommandLine;

/**
 * {@code qip framework import} and {@code qip framework export}, run in-process as a user runs them,
 * on the public CASE packages and Moodle fixture kept with core's tests.
 */
class FrameworkCommandTest {

    /** core's fixtures (sources and licences in their README), from this module's directory. */
    private static final Path FIXTURES = Path.of("..", "core", "src", "test", "resources", "org", "qipathways",
            "competency", "fixtures");

    @TempDir
    Path dir;

    private static Path fixture(String name) {
        Path p = FIXTURES.resolve(name);
        assertThat(p).as("core's fixture " + name + " (tests run from the samples directory)").exists();
        return p;
    }

    private static QipRun qip(String... args) {
        return QipRun.qip(args);
    }

    /**
     * The framework in {@code yaml} (the output of import), read by the programme reader as the
     * framework of a minimal programme: the file is what a programme author pastes.
     */
    private static CompetencyFramework asProgrammeFramework(String yaml) {
        String programme = """
                code: TEST
                title: Test programme
                version: "1"
                units:
                  - {code: U1, title: Unit, kind: online_module}
                tiers:
                  - code: T1
                    title: Tier
                    rule: {completed: U1}
                """ + yaml;
        return Programme.parse(programme, "imported.yaml").framework();
    }

    @Test
    void importsThePublishedActFrameworkAsAProgrammesFrameworkSection() throws IOException {
        Path out = dir.resolve("act.yaml");
        QipRun run = qip("framework", "import", "--format", "case", "--in", fixture("opensalt-act-holistic-math.json").toString(),
                "--scale", "Not yet, Mastered*", "--scale-name", "ACT mastery", "--out", out.toString());

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("opensalt-act-holistic-math.json: read framework ACT-HOLISTIC-FRAMEWORK-MATH"
                        + " \"ACT Holistic Framework, Math\": 28 competencies, scale \"ACT mastery\" (Not yet, Mastered*)")
                .contains("1 code differs from the file:")
                .contains("CFDocument.title: (none) -> ACT-HOLISTIC-FRAMEWORK-MATH")
                .endsWith("wrote " + out + System.lineSeparator());

        String yaml = Files.readString(out);
        assertThat(yaml).startsWith("# Competency framework read by qip framework import from ")
                .contains("#   CFDocument.title: (none) -> ACT-HOLISTIC-FRAMEWORK-MATH\nframework:\n");
        CompetencyFramework fw = asProgrammeFramework(yaml);
        CompetencyFramework direct = CaseJson.parse(Files.readString(fixture("opensalt-act-holistic-math.json")), "act",
                FrameworkImportOptions.DEFAULT.withScale(new ProficiencyScale("ACT mastery", List.of(
                        new ProficiencyLevel(1, "Not yet", false), new ProficiencyLevel(2, "Mastered", true))))).framework();
        assertThat(fw).isEqualTo(direct);
    }

    @Test
    void importsCommonCoreWithItsCodesMappedAndTheOriginalsInTheFile() throws IOException {
        QipRun run = qip("framework", "import", "--format", "case", "--in",
                fixture("opensalt-what-standards-could-be.json").toString(), "--scale", "Not yet,Mastered*", "--code", "CCSS-RP");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.err()).contains("16 codes differ from the file:")
                .contains("  CFItems[0].humanCodingScheme: 'CCSS.Math.Content.6.RP.A' -> CCSS.MATH.CONTENT.6.RP.A"
                        + " (not a valid code: a code is 1-40 of A-Z")
                .contains(": CFAssociations: 16 exactMatchOf, 3 precedes, 2 exemplar, 2 isRelatedTo associations not kept");
        // The YAML went to standard output, the originals in its comments.
        assertThat(run.out()).contains("#   CFItems[0].humanCodingScheme: 'CCSS.Math.Content.6.RP.A' -> CCSS.MATH.CONTENT.6.RP.A\n");
        CompetencyFramework fw = asProgrammeFramework(run.out());
        assertThat(fw.code()).isEqualTo("CCSS-RP");
        assertThat(fw.children(null)).extracting(Competency::code)
                .containsExactly("CCSS.MATH.CONTENT.6.RP.A", "CCSS.MATH.CONTENT.7.RP.A");
    }

    @Test
    void importsMoodlesOwnFixtureFormat() {
        QipRun run = qip("framework", "import", "--format", "moodle-csv", "--in",
                fixture("moodle-lpimportcsv-example-subset.csv").toString());

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.err()).contains("read framework OECD-CORE \"OECD\": 11 competencies,"
                + " scale \"Competency scale: OECD\" (Not yet competent, Competent*)")
                .contains("'level-1' -> LEVEL-1")
                .contains("moodle-lpimportcsv-example-subset.csv:10:")
                .contains("4 competencies have cross-referenced competencies, not kept");
        CompetencyFramework fw = asProgrammeFramework(run.out());
        assertThat(fw.competency("DR-AT1").orElseThrow().parent()).isEqualTo("ANALYTICAL-THINKING");
        // Descriptions over several lines, with quotes and typographic apostrophes, survive the YAML.
        assertThat(fw).isEqualTo(MoodleCompetencyCsv.parse(readString(fixture("moodle-lpimportcsv-example-subset.csv")),
                "example.csv"));
    }

    private static String readString(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void theYamlKeepsTextThatYamlWouldOtherwiseReadAsSomethingElse() {
        List<String> tricky = List.of("Yes", "No", "On", "off", "null", "~", "1e3", "0x1F", "2025.1", "- dash", "# hash",
                "key: value", "[list]", "{map}", "*star", "&anchor", "!tag", "'single'", "\"double\"", "multi\nline\n",
                "  leading space", "trailing space  ", "tab\there", "é ü — 𝑑", "%percent", "@at", "`tick`", "|pipe", ">gt");
        List<Competency> competencies = new java.util.ArrayList<>();
        for (int i = 0; i < tricky.size(); i++) {
            competencies.add(new Competency("C" + i, tricky.get(i), tricky.get(tricky.size() - 1 - i), i == 0 ? null : "C0"));
        }
        competencies.add(new Competency("1.10", "A code YAML reads as a number", null, null));
        CompetencyFramework fw = new CompetencyFramework("FW", "No", "Yes: it is", new ProficiencyScale("On",
                List.of(new ProficiencyLevel(1, "null", false), new ProficiencyLevel(2, "true", true))), competencies);
        String yaml = FrameworkCommand.yaml(new org.qipathways.competency.FrameworkImport(fw, List.of(), List.of()),
                "in.json", FrameworkCommand.Format.CASE);
        assertThat(asProgrammeFramework(yaml)).isEqualTo(fw);
    }

    @Test
    void aPackageWithProblemsListsEachWithItsPlaceAndWritesNothing() throws IOException {
        Path out = dir.resolve("never.yaml");
        // Without --scale the ACT package (no rubric) cannot be read; --strict adds the missing code note.
        QipRun run = qip("framework", "import", "--format", "case", "--in",
                fixture("opensalt-act-holistic-math.json").toString(), "--strict", "--out", out.toString());

        assertThat(run.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        List<String> lines = run.err().lines().toList();
        assertThat(lines).hasSize(3);
        // In file order: a missing top-level part is placed at the start of the file.
        assertThat(lines.get(0)).matches(".*opensalt-act-holistic-math\\.json:1:1: CFRubrics: missing: the package has"
                + " no proficiency scale .*--scale\\)");
        assertThat(lines.get(1)).matches(".*opensalt-act-holistic-math\\.json:1:2: CFDocument\\.notes: missing: .*");
        assertThat(lines.get(2)).startsWith("qip framework import: 2 problems in ").endsWith("; nothing written");
        assertThat(out).doesNotExist();

        Path bad = Files.writeString(dir.resolve("bad.json"), "{\"CFDocument\": {\"identifier\": 1}}\n");
        QipRun invalid = qip("framework", "import", "--format", "case", "--in", bad.toString(), "--scale", "A*");
        assertThat(invalid.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(invalid.err()).contains(bad + ":1:17: CFDocument.identifier: must be a string");
    }

    @Test
    void badUsageIsSaidPlainly() {
        QipRun format = qip("framework", "import", "--format", "xml", "--in", "x");
        assertThat(format.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(format.err()).contains("'xml' is not a format; give case or moodle-csv");

        QipRun missing = qip("framework", "import", "--format", "case", "--in", dir.resolve("nope.json").toString());
        assertThat(missing.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(missing.err()).contains("cannot read " + dir.resolve("nope.json") + ": no such file");

        QipRun scale = qip("framework", "import", "--format", "case", "--in", "x", "--scale", "A,B");
        assertThat(scale.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(scale.err()).contains("--scale 'A,B' marks no level as proficient");

        QipRun code = qip("framework", "import", "--format", "case", "--in", "x", "--code", "lower");
        assertThat(code.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(code.err()).contains("--code: framework code 'lower' must be 1-40 capital letters");

        QipRun noBase = qip("framework", "export", "--format", "case");
        assertThat(noBase.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(noBase.err()).contains("--format case needs --base-uri");

        QipRun none = qip("framework");
        assertThat(none.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(none.err()).contains("Missing command: give import or export");
    }

    @Test
    void exportsTheReferenceFrameworkAsCaseThatReimports() throws IOException {
        Path out = dir.resolve("qi-cf.case.json");
        CommandLine cli = new CommandLine(new FrameworkCommand.Export(
                Clock.fixed(Instant.parse("2026-02-03T04:05:06.789Z"), ZoneOffset.UTC)));
        QipRun run = QipRun.run(cli, "--format", "case", "--base-uri", "https://qi.example-trust.nhs.uk/ims/case/v1p0",
                "--out", out.toString());

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.err()).isEqualTo("wrote framework QI-CF (8 competencies) as a CASE package to " + out
                + System.lineSeparator());
        CompetencyFramework reference = Programme.reference().framework();
        String json = Files.readString(out, StandardCharsets.UTF_8);
        assertThat(json).isEqualTo(CaseJson.export(reference, java.net.URI.create(
                "https://qi.example-trust.nhs.uk/ims/case/v1p0"), Instant.parse("2026-02-03T04:05:06Z")));
        JsonNode pkg = new ObjectMapper().readTree(json);
        assertThat(pkg.at("/CFDocument/lastChangeDateTime").asText()).isEqualTo("2026-02-03T04:05:06Z");

        // And back through the command line.
        QipRun back = qip("framework", "import", "--format", "case", "--in", out.toString(), "--strict");
        assertThat(back.exit()).as(back.err()).isZero();
        assertThat(asProgrammeFramework(back.out())).isEqualTo(reference);
    }

    @Test
    void exportsMoodleCsvOfAProgrammeAndRefusesWhatMoodleWouldMisread() throws IOException {
        QipRun run = qip("framework", "export", "--format", "moodle-csv");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo(MoodleCompetencyCsv.export(Programme.reference().framework()));

        // 1.1 (with a child) and 1.10 are equal numbers to PHP: Moodle's importer would attach the child under both.
        Path file = Files.writeString(dir.resolve("numeric.yaml"), programmeWith("""
                    - {code: "1.1", title: One point one}
                    - {code: "1.10", title: One point ten}
                    - {code: "1.1.1", title: A child of 1.1, parent: "1.1"}
                """));
        Path csv = dir.resolve("numeric.csv");
        QipRun refused = qip("framework", "export", "--format", "moodle-csv", "--programme", file.toString(),
                "--out", csv.toString());
        assertThat(refused.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(refused.err()).startsWith("qip framework export: Cannot export competency framework FW to Moodle:")
                .contains("codes 1.1, 1.10 are equal numbers to PHP", "framework_importer::add_children");
        assertThat(csv).doesNotExist();

        // Without children the file is written and the clash is a warning.
        Path leaves = Files.writeString(dir.resolve("leaves.yaml"), programmeWith("""
                    - {code: "1.1", title: One point one}
                    - {code: "1.10", title: One point ten}
                """));
        QipRun warned = qip("framework", "export", "--format", "moodle-csv", "--programme", leaves.toString(),
                "--out", csv.toString());
        assertThat(warned.exit()).as(warned.err()).isZero();
        assertThat(warned.err()).startsWith("warning: codes 1.1, 1.10 are equal numbers to PHP")
                .endsWith("wrote framework FW (2 competencies) as a Moodle competency CSV to " + csv + System.lineSeparator());
        assertThat(Files.readString(csv)).contains("\r\n,1.1,One point one,");
    }

    private static String programmeWith(String competencies) {
        return """
                code: NUM
                title: Numeric codes
                version: "1"
                framework:
                  code: FW
                  title: Framework
                  scale:
                    name: Scale
                    levels:
                      - {level: 1, name: Aware}
                      - {level: 2, name: Practitioner, proficient: true}
                  competencies:
                """ + competencies + """
                units:
                  - {code: U1, title: Unit, kind: online_module}
                tiers:
                  - code: T1
                    title: Tier
                    rule: {completed: U1}
                """;
    }
}
