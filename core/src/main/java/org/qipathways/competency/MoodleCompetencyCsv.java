package org.qipathways.competency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.qipathways.competency.internal.FrameworkTree;
import org.qipathways.competency.internal.MoodleCsvReader;
import org.qipathways.competency.internal.PhpLoose;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moodle's competency framework CSV, the file of its "Import competency framework" admin tool
 * ({@code tool_lpimportcsv}), in both directions: for sites where the framework is loaded by hand
 * rather than by the connector, and to bring a framework built in Moodle into a programme.
 * <pre>{@code
 * String csv = MoodleCompetencyCsv.export(Programme.reference().framework());
 * Files.writeString(Path.of("qi-cf.csv"), csv);   // Site administration > Competencies > Import
 *
 * FrameworkImport in = MoodleCompetencyCsv.parse(Files.readString(Path.of("oecd.csv")), "oecd.csv",
 *         FrameworkImportOptions.DEFAULT);
 * in.framework();   // codes such as 'level-1' become LEVEL-1 (in.codes() lists each change)
 * }</pre>
 *
 * <p>The file has Moodle's 14 columns in Moodle's order with its English header text
 * ({@link #HEADER}); the framework row first ("Is framework" = 1) with the scale's level names as
 * "Scale values", a "Scale configuration" marking each level's {@code proficient} flag and the
 * first proficient level as the default, and one taxonomy term per depth level
 * ({@code competency} for a flat framework, {@code domain,competency} when competencies have
 * children); then one row per competency, each parent before its children. Descriptions are plain
 * text (format 2). Fields are quoted as RFC 4180 says (only when needed, quotes doubled); lines
 * end in CRLF.
 *
 * <p>Why the default is the first proficient level: Moodle gives a competency its scale's default
 * value when a course or activity completes it automatically ({@code core_competency\api::add_evidence}
 * with {@code ACTION_COMPLETE} takes {@code competency::get_default_grade()}, and
 * {@code api::observe_course_completed} sends that action for course competencies whose rule is
 * "complete"). A default below the proficient levels would rate every automatic completion as not
 * proficient. The connector's sync sets the same default.
 *
 * <p>What Moodle's importer reads differently from what the file says, and so is refused:
 * <ul>
 *   <li>a backslash before a double quote, or at the end of a value: Moodle reads the file with
 *       PHP's {@code fgetcsv} ({@code csv_import_reader::load_csv_content}), whose escape
 *       character is the backslash, so {@code \"} does not end or escape a quoted value the way
 *       RFC 4180 says, and the values after it shift;</li>
 *   <li>two codes that PHP compares as equal numbers ({@code 1.1} and {@code 1.10}, {@code 01}
 *       and {@code 1}) when either has children: the importer finds children with PHP's {@code ==}
 *       ({@code framework_importer::add_children}), so the children of one are attached under
 *       both and the second copy fails as a duplicate ID number. Without children the codes are
 *       only reported by {@link #warnings}.</li>
 * </ul>
 * Moodle shortens ID numbers and short names to 100 characters ({@link #warnings} says which),
 * and separates scale values with commas, so a level name may not contain one.
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
     * The framework as a {@code tool_lpimportcsv} file. What Moodle will change on import
     * ({@link #warnings}) is logged.
     *
     * @throws IllegalArgumentException if the framework is inconsistent, no scale level is
     *                                  proficient (Moodle requires one), a level name holds a comma,
     *                                  or Moodle would read the file differently (see above); every
     *                                  reason is named
     */
    public static String export(CompetencyFramework framework) {
        FrameworkTree tree = FrameworkTree.of(framework);
        List<String> refusals = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        rows.add(HEADER);
        rows.add(row("", framework.code(), framework.title(), framework.description(),
                scaleValues(framework, refusals), scaleConfiguration(framework, refusals), "", "", "", "1",
                taxonomy(tree.depth())));
        for (Competency c : tree.parentsFirst()) {
            // "0" and "null" are what Moodle's own export writes for a competency without a rule.
            rows.add(row(c.parent() == null ? "" : c.parent(), c.code(), c.title(), c.description(),
                    "", "", "", "0", "null", "", ""));
        }
        refusals.addAll(backslashesBeforeQuotes(rows, tree));
        refusals.addAll(numericCodes(tree, true));
        if (!refusals.isEmpty()) {
            throw new IllegalArgumentException("Cannot export competency framework " + framework.code() + " to Moodle:\n  "
                    + String.join("\n  ", refusals));
        }
        warnings(framework).forEach(w -> LOG.warn("Moodle CSV of {}: {}", framework.code(), w));
        try {
            return CSV.writer(CsvSchema.emptySchema().withLineSeparator("\r\n")).writeValueAsString(rows);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write rows held in memory as CSV", e);
        }
    }

    /**
     * What Moodle's importer will do differently from what {@link #export} writes, without making
     * the import fail: names it shortens, codes it compares as equal numbers.
     *
     * @throws IllegalArgumentException if the framework is inconsistent
     */
    public static List<String> warnings(CompetencyFramework framework) {
        FrameworkTree tree = FrameworkTree.of(framework);
        List<String> out = new ArrayList<>();
        if (framework.title().length() > MOODLE_MAX_NAME) {
            out.add("Moodle will shorten the name of framework " + framework.code() + " to " + MOODLE_MAX_NAME
                    + " characters");
        }
        for (Competency c : framework.competencies()) {
            if (c.title().length() > MOODLE_MAX_NAME) {
                out.add("Moodle will shorten the short name of competency " + c.code() + " to " + MOODLE_MAX_NAME
                        + " characters");
            }
        }
        out.addAll(numericCodes(tree, false));
        return out;
    }

    /**
     * Reads a {@code tool_lpimportcsv} file, as Moodle exports it, with
     * {@link FrameworkImportOptions#DEFAULT}. What changed is logged; use
     * {@link #parse(String, String, FrameworkImportOptions)} to receive it.
     *
     * @throws FrameworkImportException listing every problem with its line, column and reason
     */
    public static CompetencyFramework parse(String csv, String source) {
        FrameworkImport in = parse(csv, source, FrameworkImportOptions.DEFAULT);
        if (!in.codes().isEmpty() || !in.warnings().isEmpty()) {
            LOG.warn("Moodle competency CSV {}: {} codes changed and {} things not kept;"
                    + " MoodleCompetencyCsv.parse(csv, source, options) lists them", source, in.codes().size(),
                    in.warnings().size());
        }
        return in.framework();
    }

    /**
     * Reads a {@code tool_lpimportcsv} file (14 columns by position, the framework row anywhere,
     * competencies in any order under their parent's ID number, quoted values across lines).
     * The scale comes from the framework row's "Scale values" and "Scale configuration" and is
     * named as Moodle names a scale it creates on import, {@code Competency scale: <short name>};
     * HTML descriptions (format 1) are read as plain text; rules, cross-references and
     * competencies' own scales are reported as not kept.
     *
     * @param csv     the file's text
     * @param source  the name problems are reported against, e.g. a file name; may be {@code null}
     * @param options the framework code or scale to use instead of the file's, and how strict to be
     * @throws FrameworkImportException listing every problem with its line, column and reason
     */
    public static FrameworkImport parse(String csv, String source, FrameworkImportOptions options) {
        return MoodleCsvReader.read(csv, source, options);
    }

    private static List<String> row(String parent, String idNumber, String shortName, String description,
                                    String scaleValues, String scaleConfiguration, String ruleType,
                                    String ruleOutcome, String ruleConfig, String isFramework, String taxonomy) {
        return List.of(parent, idNumber, shortName, description == null ? "" : description, FORMAT_PLAIN,
                scaleValues, scaleConfiguration, ruleType, ruleOutcome, ruleConfig,
                "", "", isFramework, taxonomy);
    }

    private static String scaleValues(CompetencyFramework framework, List<String> refusals) {
        List<String> names = new ArrayList<>();
        for (ProficiencyLevel l : framework.scale().levels()) {
            if (l.name().contains(",")) {
                refusals.add("scale level " + l.level() + " '" + l.name()
                        + "' contains a comma, which Moodle uses to separate scale values");
            }
            names.add(l.name().strip());
        }
        return String.join(",", names);
    }

    /**
     * {@code [{"scaleid":"0"},{"id":1,"scaledefault":0,"proficient":0},{"id":2,"scaledefault":1,"proficient":1},...]}:
     * the first proficient level is the default. Moodle puts the real scale id in on import
     * ({@code framework_importer::get_scale_configuration}).
     */
    private static String scaleConfiguration(CompetencyFramework framework, List<String> refusals) {
        List<ProficiencyLevel> levels = framework.scale().levels();
        int firstProficient = levels.stream().filter(ProficiencyLevel::proficient).mapToInt(ProficiencyLevel::level)
                .findFirst().orElse(0);
        if (firstProficient == 0) {
            refusals.add("no level of scale '" + framework.scale().name() + "' is proficient, and Moodle needs at least one");
        }
        ArrayNode config = JSON.createArrayNode();
        config.addObject().put("scaleid", "0");
        for (ProficiencyLevel l : levels) {
            config.addObject()
                    .put("id", l.level())
                    .put("scaledefault", l.level() == firstProficient ? 1 : 0)
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

    /**
     * Every value of {@code rows} (after the header) with a backslash that PHP's fgetcsv would read
     * as an escape: before a double quote, or at the end of the value, where the closing quote of
     * a quoted value follows it.
     */
    private static List<String> backslashesBeforeQuotes(List<List<String>> rows, FrameworkTree tree) {
        List<String> out = new ArrayList<>();
        List<Competency> order = tree.parentsFirst();
        for (int r = 1; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            for (int col = 0; col < row.size(); col++) {
                String value = row.get(col);
                if (value.contains("\\\"") || value.endsWith("\\")) {
                    String whose = r == 1 ? "the framework row" : "the row of competency " + order.get(r - 2).code();
                    out.add(HEADER.get(col) + " in " + whose + " has a backslash "
                            + (value.contains("\\\"") ? "before a double quote" : "at its end")
                            + ": Moodle reads the file with PHP's fgetcsv (csv_import_reader::load_csv_content), which"
                            + " takes a backslash before a quote as an escape, so the value would not read back as"
                            + " written and the values after it would shift; remove the backslash or put a space after it");
                }
            }
        }
        return out;
    }

    /**
     * Codes PHP's {@code ==} takes as equal numbers. With {@code refusals}, the groups where one of
     * the codes has children (Moodle would attach them twice); otherwise the other groups.
     */
    private static List<String> numericCodes(FrameworkTree tree, boolean refusals) {
        List<Competency> numeric = tree.framework().competencies().stream()
                .filter(c -> PhpLoose.isNumeric(c.code())).toList();
        List<String> out = new ArrayList<>();
        Set<String> grouped = new HashSet<>();
        for (Competency c : numeric) {
            if (grouped.contains(c.code())) {
                continue;
            }
            List<String> group = new ArrayList<>();
            for (Competency d : numeric) {
                if (PhpLoose.equal(c.code(), d.code())) {
                    group.add(d.code());
                }
            }
            if (group.size() < 2) {
                continue;
            }
            grouped.addAll(group);
            List<String> parents = group.stream().filter(g -> !tree.children(g).isEmpty()).toList();
            String same = "codes " + String.join(", ", group) + " are equal numbers to PHP, and Moodle's importer finds"
                    + " a competency's children with PHP's == (framework_importer::add_children)";
            if (refusals && !parents.isEmpty()) {
                out.add(same + ", so the children of " + String.join(", ", parents) + " would be attached under each"
                        + " of them (and the second copy refused as a duplicate ID number); give them codes that"
                        + " are not both numbers, e.g. add a letter");
            } else if (!refusals && parents.isEmpty()) {
                out.add(same + "; harmless while none of them has children, but a child added to one would be"
                        + " attached under all of them");
            }
        }
        return out;
    }
}
