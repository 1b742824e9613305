package org.qipathways.competency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.qipathways.competency.internal.FrameworkTree;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a competency framework as the CSV file Moodle's "Import competency framework" admin tool
 * ({@code tool_lpimportcsv}) reads, for sites where the framework is loaded by hand rather than by
 * the connector.
 * <pre>{@code
 * String csv = MoodleCompetencyCsv.export(Programme.reference().framework());
 * Files.writeString(Path.of("qi-cf.csv"), csv);   // Site administration > Competencies > Import
 * }</pre>
 *
 * <p>The file has Moodle's 14 columns in Moodle's order with its English header text
 * ({@link #HEADER}); the framework row first ("Is framework" = 1) with the scale's level names as
 * "Scale values", a "Scale configuration" marking the first level as default and each level's
 * {@code proficient} flag, and one taxonomy term per depth level ({@code competency} for a flat
 * framework, {@code domain,competency} when competencies have children); then one row per
 * competency, each parent before its children. Descriptions are plain text (format 2). Fields are
 * quoted as RFC 4180 says (only when needed, quotes doubled); lines end in CRLF.
 *
 * <p>Moodle shortens ID numbers and short names to 100 characters, and separates scale values with
 * commas, so a level name may not contain one.
 */
public final class MoodleCompetencyCsv {

    /** The header row: Moodle's column titles (English language pack), in the order its importer reads them. */
    public static final List<String> HEADER = List.of(
            "Parent ID number",
            "ID number",
            "Short name",
            "Description",
            "Description format",
            "Scale values",
            "Scale configuration",
            "Rule type (optional)",
            "Rule outcome (optional)",
            "Rule config (optional)",
            "Cross-referenced competency ID numbers",
            "Exported ID (optional)",
            "Is framework",
            "Taxonomy");

    private static final Logger LOG = LoggerFactory.getLogger(MoodleCompetencyCsv.class);

    /** Moodle's FORMAT_PLAIN: our descriptions are text, not HTML. */
    private static final String FORMAT_PLAIN = "2";
    private static final int MOODLE_MAX_NAME = 100;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final CsvMapper CSV = CsvMapper.builder()
            .enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING)
            .build();

    private MoodleCompetencyCsv() {
    }

    /**
     * The framework as a {@code tool_lpimportcsv} file.
     *
     * @throws IllegalArgumentException if the framework is inconsistent, no scale level is
     *                                  proficient (Moodle requires one), or a level name holds a comma
     */
    public static String export(CompetencyFramework framework) {
        FrameworkTree tree = FrameworkTree.of(framework);
        List<List<String>> rows = new ArrayList<>();
        rows.add(HEADER);
        rows.add(row("", framework.code(), framework.title(), framework.description(),
                scaleValues(framework), scaleConfiguration(framework), "", "", "", "1", taxonomy(tree.depth())));
        for (Competency c : tree.parentsFirst()) {
            // "0" and "null" are what Moodle's own export writes for a competency without a rule.
            rows.add(row(c.parent() == null ? "" : c.parent(), c.code(), c.title(), c.description(),
                    "", "", "", "0", "null", "", ""));
        }
        warnIfMoodleWillShorten(framework);
        try {
            return CSV.writer(CsvSchema.emptySchema().withLineSeparator("\r\n")).writeValueAsString(rows);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write rows held in memory as CSV", e);
        }
    }

    private static List<String> row(String parent, String idNumber, String shortName, String description,
                                    String scaleValues, String scaleConfiguration, String ruleType,
                                    String ruleOutcome, String ruleConfig, String isFramework, String taxonomy) {
        return List.of(parent, idNumber, shortName, description == null ? "" : description, FORMAT_PLAIN,
                scaleValues, scaleConfiguration, ruleType, ruleOutcome, ruleConfig,
                "", "", isFramework, taxonomy);
    }

    private static String scaleValues(CompetencyFramework framework) {
        List<String> names = new ArrayList<>();
        for (ProficiencyLevel l : framework.scale().levels()) {
            if (l.name().contains(",")) {
                throw new IllegalArgumentException("Cannot export competency framework " + framework.code()
                        + " to Moodle: scale level " + l.level() + " '" + l.name()
                        + "' contains a comma, which Moodle uses to separate scale values");
            }
            names.add(l.name().strip());
        }
        return String.join(",", names);
    }

    /** {@code [{"scaleid":"0"},{"id":1,"scaledefault":1,"proficient":0},...]}; Moodle puts the real scale id in on import. */
    private static String scaleConfiguration(CompetencyFramework framework) {
        List<ProficiencyLevel> levels = framework.scale().levels();
        if (levels.stream().noneMatch(ProficiencyLevel::proficient)) {
            throw new IllegalArgumentException("Cannot export competency framework " + framework.code()
                    + " to Moodle: no level of scale '" + framework.scale().name()
                    + "' is proficient, and Moodle needs at least one");
        }
        ArrayNode config = JSON.createArrayNode();
        config.addObject().put("scaleid", "0");
        for (ProficiencyLevel l : levels) {
            config.addObject()
                    .put("id", l.level())
                    .put("scaledefault", l.level() == 1 ? 1 : 0)
                    .put("proficient", l.proficient() ? 1 : 0);
        }
        return config.toString();
    }

    /** One term per depth level; Moodle labels each level of the tree with its term. */
    static String taxonomy(int depth) {
        if (depth <= 1) {
            return "competency";
        }
        return "domain," + String.join(",", Collections.nCopies(depth - 1, "competency"));
    }

    private static void warnIfMoodleWillShorten(CompetencyFramework framework) {
        if (framework.title().length() > MOODLE_MAX_NAME) {
            LOG.warn("Moodle will shorten the name of framework {} to {} characters", framework.code(), MOODLE_MAX_NAME);
        }
        for (Competency c : framework.competencies()) {
            if (c.title().length() > MOODLE_MAX_NAME) {
                LOG.warn("Moodle will shorten the short name of competency {} to {} characters", c.code(), MOODLE_MAX_NAME);
            }
        }
    }
}
