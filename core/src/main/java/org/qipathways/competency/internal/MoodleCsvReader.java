package org.qipathways.competency.internal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.qipathways.competency.Competency;
import org.qipathways.competency.CompetencyFramework;
import org.qipathways.competency.FrameworkImport;
import org.qipathways.competency.FrameworkImport.CodeMapping;
import org.qipathways.competency.FrameworkImportException;
import org.qipathways.competency.FrameworkImportOptions;
import org.qipathways.competency.MoodleCompetencyCsv;
import org.qipathways.competency.ProficiencyLevel;
import org.qipathways.competency.ProficiencyScale;
import org.qipathways.programme.Codes;
import org.qipathways.definition.DefinitionProblem;

/**
 * Reads the CSV file of Moodle's competency framework import tool ({@code tool_lpimportcsv}), as
 * Moodle exports it, into a framework. Read the way Moodle's own importer reads it
 * ({@code admin/tool/lpimportcsv/classes/framework_importer.php}, constructor and
 * {@code import()}; {@code lib/csvlib.class.php}, {@code csv_import_reader::load_csv_content}):
 * <ul>
 *   <li>the first row is the header; columns are taken by position (the header's text varies
 *       between Moodle versions: {@code "Parent id number"} in the test fixture,
 *       {@code "Parent ID number"} in today's language pack), and every row must have as many
 *       values as the header ({@code csvweirdcolumns});</li>
 *   <li>the row whose "Is framework" is true in PHP (anything but empty and {@code "0"}) is the
 *       framework, the others are competencies, in any order, each under the competency whose ID
 *       number is its "Parent ID number";</li>
 *   <li>scale values are split at commas and trimmed ({@code grade_scale::load_items}); the scale
 *       configuration is Moodle's JSON, first {@code {"scaleid": ...}}, then one entry per item
 *       that is the default or proficient (items not listed are neither);</li>
 *   <li>a competency without an ID number or short name is left out, as Moodle leaves it out
 *       ({@code create_competency}).</li>
 * </ul>
 * Quoted values may span lines; problems name the physical line and column.
 */
public final class MoodleCsvReader {

    private static final String WHAT = "Moodle competency CSV";
    private static final CsvFactory CSV = CsvFactory.builder().enable(CsvParser.Feature.WRAP_AS_ARRAY).build();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int COLUMNS = 14;
    private static final int PARENT = 0;
    private static final int ID_NUMBER = 1;
    private static final int SHORT_NAME = 2;
    private static final int DESCRIPTION = 3;
    private static final int FORMAT = 4;
    private static final int SCALE_VALUES = 5;
    private static final int SCALE_CONFIGURATION = 6;
    private static final int RULE_TYPE = 7;
    private static final int RELATED = 10;
    private static final int IS_FRAMEWORK = 12;
    /** Moodle's FORMAT_HTML. */
    private static final String FORMAT_HTML = "1";

    /** A value, where it stands (line and column, from 1) and which of the 14 columns it is in. */
    private record Cell(String value, int line, int column, int index) {
    }

    private record Row(int line, List<Cell> cells) {
        String value(int i) {
            return i < cells.size() ? cells.get(i).value() : "";
        }
    }

    private final String source;
    private final FrameworkImportOptions options;
    private final List<DefinitionProblem> problems = new ArrayList<>();
    private final List<DefinitionProblem> warnings = new ArrayList<>();
    private final List<CodeMapping> mappings = new ArrayList<>();
    private int htmlDescriptions;
    private int rules;
    private int related;
    private Row firstHtml;
    private Row firstRule;
    private Row firstRelated;

    private MoodleCsvReader(String source, FrameworkImportOptions options) {
        this.source = source;
        this.options = options;
    }

    /** The framework in {@code csv}; {@code source} names the file in problem reports. */
    public static FrameworkImport read(String csv, String source, FrameworkImportOptions options) {
        Objects.requireNonNull(csv, "csv");
        Objects.requireNonNull(options, "options");
        return new MoodleCsvReader(source, options).framework(csv);
    }

    private FrameworkImport framework(String csv) {
        List<Row> rows = rows(csv.startsWith("\uFEFF") ? csv.substring(1) : csv);
        if (rows == null) {
            throw new FrameworkImportException(WHAT, problems);
        }
        if (rows.isEmpty()) {
            problem(1, 1, "", "is empty: a Moodle competency file has a header row, the framework row and a row per"
                    + " competency");
            throw new FrameworkImportException(WHAT, problems);
        }
        Row header = rows.get(0);
        if (header.cells().size() < COLUMNS) {
            problem(header.line(), 1, "", "the header has " + header.cells().size() + " columns; Moodle's competency file"
                    + " has " + COLUMNS + ": " + String.join(", ", MoodleCompetencyCsv.HEADER));
            throw new FrameworkImportException(WHAT, problems);
        }
        Row frameworkRow = null;
        List<Row> competencyRows = new ArrayList<>();
        for (Row r : rows.subList(1, rows.size())) {
            if (r.cells().size() != header.cells().size()) {
                problem(r.line(), 1, "", "has " + r.cells().size() + " values but the header has "
                        + header.cells().size() + "; Moodle refuses a file whose rows differ in length");
                continue;
            }
            if (phpTrue(r.value(IS_FRAMEWORK))) {
                if (frameworkRow != null) {
                    repairable(cell(r, IS_FRAMEWORK), "a second framework row (the first is on line "
                            + frameworkRow.line() + ")", "Moodle's importer uses the last one, and so does this");
                }
                frameworkRow = r;
            } else {
                competencyRows.add(r);
            }
        }
        if (frameworkRow == null && problems.isEmpty()) {
            problem(header.line(), 1, "", "no row has 'Is framework' set: Moodle refuses the file ('File format is"
                    + " invalid'); the framework's own row (ID number, short name, scale) is needed");
        }
        if (frameworkRow == null || !problems.isEmpty()) {
            throw new FrameworkImportException(WHAT, sorted(problems));
        }
        String code = frameworkCode(frameworkRow);
        String title = required(frameworkRow, SHORT_NAME, "missing: it is the framework's name");
        String description = description(frameworkRow);
        ProficiencyScale scale = options.scale() != null ? options.scale() : scale(frameworkRow, title);
        if (options.scale() != null && !frameworkRow.value(SCALE_VALUES).isBlank()) {
            warn(cell(frameworkRow, SCALE_VALUES), "not read: the proficiency scale given ('" + options.scale().name()
                    + "') is used instead");
        }
        List<Competency> competencies = competencies(competencyRows, frameworkRow);
        summaries();
        if (!problems.isEmpty()) {
            throw new FrameworkImportException(WHAT, sorted(problems));
        }
        return new FrameworkImport(new CompetencyFramework(code, title, description, scale, competencies), mappings,
                sorted(warnings));
    }

    // ---- CSV ----------------------------------------------------------------------------------------

    /** The non-blank rows, each value with its line and column; {@code null} after a syntax problem. */
    private List<Row> rows(String csv) {
        List<Row> rows = new ArrayList<>();
        try (CsvParser p = CSV.createParser(csv)) {
            if (p.nextToken() != JsonToken.START_ARRAY) {
                return rows;
            }
            JsonToken t;
            while ((t = p.nextToken()) == JsonToken.START_ARRAY) {
                List<Cell> cells = new ArrayList<>();
                while ((t = p.nextToken()) == JsonToken.VALUE_STRING) {
                    JsonLocation at = p.currentTokenLocation();
                    cells.add(new Cell(p.getText(), at.getLineNr(), at.getColumnNr(), cells.size()));
                }
                // Moodle skips a line that holds one empty value (csv_import_reader::load_csv_content).
                boolean blank = cells.isEmpty() || cells.size() == 1 && cells.get(0).value().isEmpty();
                if (!blank) {
                    rows.add(new Row(cells.get(0).line(), cells));
                }
            }
            return rows;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            problem(at == null ? 1 : Math.max(1, at.getLineNr()), at == null ? 1 : Math.max(1, at.getColumnNr()), "",
                    "is not valid CSV: " + e.getOriginalMessage());
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** PHP's truthiness of a string: only {@code ""} and {@code "0"} are false. */
    private static boolean phpTrue(String value) {
        return !value.isEmpty() && !value.equals("0");
    }

    // ---- the framework row ------------------------------------------------------------------------

    private String frameworkCode(Row row) {
        if (options.frameworkCode() != null) {
            return options.frameworkCode();
        }
        String idNumber = required(row, ID_NUMBER, "missing: it is the framework's ID number, its code in QI Pathways");
        if (idNumber == null || CodeMapper.fits(idNumber)) {
            return idNumber;
        }
        if (options.strict()) {
            problem(cell(row, ID_NUMBER), "'" + idNumber + "' " + Codes.RULE);
            return null;
        }
        String code = CodeMapper.assign(List.of(new CodeMapper.Wanted(path(row, ID_NUMBER), idNumber, idNumber)),
                "framework").codes().get(0);
        mappings.add(new CodeMapping(path(row, ID_NUMBER), idNumber, code, CodeMapper.NOT_A_CODE));
        return code;
    }

    /**
     * The scale from "Scale values" and "Scale configuration". Moodle keeps no name for it in the
     * file; when it creates the scale on import it names it "Competency scale: <short name>"
     * ({@code get_scale_id}, language string {@code competencyscale}), and so does this.
     */
    private ProficiencyScale scale(Row row, String title) {
        String values = required(row, SCALE_VALUES, "missing: the framework's scale, its values lowest first,"
                + " separated by commas");
        String config = required(row, SCALE_CONFIGURATION, "missing: Moodle's scale configuration (which values"
                + " are proficient)");
        if (values == null || config == null) {
            return null;
        }
        List<String> names = new ArrayList<>();
        for (String v : values.split(",", -1)) {
            names.add(v.strip());
        }
        if (names.stream().anyMatch(String::isEmpty)) {
            problem(cell(row, SCALE_VALUES), "'" + values + "' has an empty value; every value of the scale needs a name");
            return null;
        }
        JsonNode parsed;
        try {
            parsed = JSON.readTree(config);
        } catch (JsonProcessingException e) {
            problem(cell(row, SCALE_CONFIGURATION), "is not valid JSON: " + e.getOriginalMessage());
            return null;
        }
        if (parsed == null || !parsed.isArray() || parsed.isEmpty() || !parsed.get(0).has("scaleid")) {
            problem(cell(row, SCALE_CONFIGURATION), "must be Moodle's JSON list: first {\"scaleid\": ...}, then"
                    + " {\"id\": n, \"scaledefault\": 0|1, \"proficient\": 0|1} for scale value n");
            return null;
        }
        boolean[] proficient = new boolean[names.size()];
        int defaultLevel = 0;
        for (int i = 1; i < parsed.size(); i++) {
            JsonNode item = parsed.get(i);
            int id = item.path("id").asInt(0);
            if (id < 1 || id > names.size()) {
                problem(cell(row, SCALE_CONFIGURATION), "entry " + i + " is for scale value " + item.path("id")
                        + ", but the scale has values 1 to " + names.size());
                return null;
            }
            proficient[id - 1] |= truthy(item.path("proficient"));
            if (truthy(item.path("scaledefault")) && defaultLevel == 0) {
                defaultLevel = id;
            }
        }
        int firstProficient = 0;
        for (int i = proficient.length - 1; i >= 0; i--) {
            if (proficient[i]) {
                firstProficient = i + 1;
            }
        }
        if (firstProficient == 0) {
            problem(cell(row, SCALE_CONFIGURATION), "marks no scale value as proficient; Moodle requires at least one");
            return null;
        }
        if (defaultLevel != firstProficient) {
            repairable(cell(row, SCALE_CONFIGURATION), defaultLevel == 0
                    ? "marks no scale value as the default, which Moodle requires"
                    : "makes '" + names.get(defaultLevel - 1) + "' the default rating, not the first proficient value '"
                            + names.get(firstProficient - 1) + "'",
                    "QI Pathways keeps no default and exports the first proficient value as Moodle's default");
        }
        List<ProficiencyLevel> levels = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            levels.add(new ProficiencyLevel(i + 1, names.get(i), proficient[i]));
        }
        return new ProficiencyScale("Competency scale: " + (title == null ? "" : title), levels);
    }

    /** PHP's truthiness of a decoded JSON value: 0, "0", "", false and null are false. */
    private static boolean truthy(JsonNode v) {
        if (v.isMissingNode() || v.isNull()) {
            return false;
        }
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        if (v.isNumber()) {
            return v.doubleValue() != 0;
        }
        return phpTrue(v.asText());
    }

    // ---- competencies -----------------------------------------------------------------------------

    private List<Competency> competencies(List<Row> rows, Row frameworkRow) {
        List<Row> kept = new ArrayList<>();
        for (Row r : rows) {
            if (r.value(ID_NUMBER).isEmpty() || r.value(SHORT_NAME).isEmpty()) {
                int col = r.value(ID_NUMBER).isEmpty() ? ID_NUMBER : SHORT_NAME;
                repairable(cell(r, col), "missing: Moodle's importer leaves out a competency without an ID number or"
                        + " short name (framework_importer::create_competency)", "this competency is left out too");
                continue;
            }
            kept.add(r);
        }
        String[] codes = codes(kept);
        Map<String, Integer> byIdNumber = new HashMap<>();
        for (int i = 0; i < kept.size(); i++) {
            byIdNumber.putIfAbsent(kept.get(i).value(ID_NUMBER), i);
        }
        String[] parents = new String[kept.size()];
        Integer[] parentIndex = new Integer[kept.size()];
        for (int i = 0; i < kept.size(); i++) {
            Row r = kept.get(i);
            String parent = r.value(PARENT);
            if (parent.isEmpty()) {
                continue;
            }
            Integer p = byIdNumber.get(parent);
            if (p == null) {
                repairable(cell(r, PARENT), "'" + parent + "' is not the ID number of any competency in the file;"
                        + " Moodle's importer would leave this competency and its children out",
                        "it is put at the top level");
                continue;
            }
            parentIndex[i] = p;
            parents[i] = codes[p];
        }
        if (circles(kept, parentIndex)) {
            return List.of();
        }
        List<String> frameworkValues = scaleValues(frameworkRow);
        List<Competency> out = new ArrayList<>();
        for (int i = 0; i < kept.size(); i++) {
            Row r = kept.get(i);
            noteWhatIsNotKept(r, frameworkValues);
            out.add(new Competency(codes[i], r.value(SHORT_NAME), description(r), parents[i]));
        }
        return out;
    }

    private String[] codes(List<Row> rows) {
        String[] codes = new String[rows.size()];
        if (options.strict()) {
            Map<String, Integer> first = new HashMap<>();
            for (int i = 0; i < rows.size(); i++) {
                String idNumber = rows.get(i).value(ID_NUMBER);
                if (!CodeMapper.fits(idNumber)) {
                    problem(cell(rows.get(i), ID_NUMBER), "'" + idNumber + "' " + Codes.RULE);
                } else if (first.putIfAbsent(idNumber, rows.get(i).line()) != null) {
                    problem(cell(rows.get(i), ID_NUMBER), "'" + idNumber + "' is also the ID number on line "
                            + first.get(idNumber) + "; competency ID numbers must be unique");
                } else {
                    codes[i] = idNumber;
                }
            }
            return codes;
        }
        List<CodeMapper.Wanted> wanted = new ArrayList<>();
        for (Row r : rows) {
            wanted.add(new CodeMapper.Wanted(path(r, ID_NUMBER), r.value(ID_NUMBER), r.value(ID_NUMBER)));
        }
        CodeMapper.Result result = CodeMapper.assign(wanted, "competency");
        mappings.addAll(result.mappings());
        return result.codes().toArray(String[]::new);
    }

    private boolean circles(List<Row> rows, Integer[] parentIndex) {
        Set<Integer> reported = new LinkedHashSet<>();
        for (int i = 0; i < rows.size(); i++) {
            Set<Integer> seen = new LinkedHashSet<>(List.of(i));
            for (Integer p = parentIndex[i]; p != null; p = parentIndex[p]) {
                if (!seen.add(p)) {
                    if (p == i && reported.add(i)) {
                        reported.addAll(seen);
                        List<String> walk = new ArrayList<>();
                        seen.forEach(k -> walk.add(rows.get(k).value(ID_NUMBER)));
                        walk.add(rows.get(i).value(ID_NUMBER));
                        problem(cell(rows.get(i), PARENT), "parents form a circle (" + String.join(" → ", walk)
                                + "); Moodle's importer would leave them all out");
                    }
                    break;
                }
            }
        }
        return !reported.isEmpty();
    }

    private void noteWhatIsNotKept(Row r, List<String> frameworkValues) {
        if (!r.value(RULE_TYPE).isBlank()) {
            rules++;
            firstRule = firstRule == null ? r : firstRule;
        }
        if (!r.value(RELATED).isBlank()) {
            related++;
            firstRelated = firstRelated == null ? r : firstRelated;
        }
        if (!r.value(SCALE_VALUES).isBlank() && !scaleValues(r).equals(frameworkValues)) {
            warn(cell(r, SCALE_VALUES), "this competency has its own scale (" + r.value(SCALE_VALUES) + "), which is not"
                    + " kept: in QI Pathways every competency is rated on the framework's scale");
        }
    }

    private void summaries() {
        if (rules > 0) {
            warn(cell(firstRule, RULE_TYPE), rules + (rules == 1 ? " competency has" : " competencies have")
                    + " a completion rule (Rule type, outcome and config), not kept: QI Pathways says in the programme's"
                    + " competencyEvidence what evidences a competency");
        }
        if (related > 0) {
            warn(cell(firstRelated, RELATED), related + (related == 1 ? " competency has" : " competencies have")
                    + " cross-referenced competencies, not kept: a QI Pathways framework holds only the hierarchy");
        }
        if (htmlDescriptions > 0) {
            warn(cell(firstHtml, FORMAT), htmlDescriptions + (htmlDescriptions == 1 ? " description is" : " descriptions are")
                    + " HTML (Description format 1), read as plain text: QI Pathways descriptions are text");
        }
    }

    private static List<String> scaleValues(Row r) {
        List<String> out = new ArrayList<>();
        for (String v : r.value(SCALE_VALUES).split(",", -1)) {
            out.add(v.strip());
        }
        return out;
    }

    private String description(Row r) {
        String text = r.value(DESCRIPTION);
        if (FORMAT_HTML.equals(r.value(FORMAT).strip()) && !text.isBlank()) {
            htmlDescriptions++;
            firstHtml = firstHtml == null ? r : firstHtml;
            text = HtmlText.of(text);
        }
        return text == null || text.isBlank() ? null : text;
    }

    // ---- places and problems ----------------------------------------------------------------------

    private String required(Row r, int column, String ifMissing) {
        String v = r.value(column);
        if (v.isBlank()) {
            problem(cell(r, column), ifMissing);
            return null;
        }
        return v;
    }

    /** The value at {@code column} of {@code r}, for its place. */
    private static Cell cell(Row r, int column) {
        return column < r.cells().size() ? r.cells().get(column) : new Cell("", r.line(), 1, column);
    }

    private static String path(Row r, int column) {
        return "line " + r.line() + ": " + MoodleCompetencyCsv.HEADER.get(column);
    }

    private boolean repairable(Cell c, String message, String repair) {
        if (options.strict()) {
            problem(c, message);
            return false;
        }
        warn(c, message + "; " + repair);
        return true;
    }

    private void problem(Cell c, String message) {
        problems.add(new DefinitionProblem(source, name(c), c.line(), c.column(), message));
    }

    private void problem(int line, int column, String path, String message) {
        problems.add(new DefinitionProblem(source, path, line, column, message));
    }

    private void warn(Cell c, String message) {
        warnings.add(new DefinitionProblem(source, name(c), c.line(), c.column(), message));
    }

    /** The column's name in Moodle's English header, whatever the file's header says. */
    private static String name(Cell c) {
        return c.index() >= 0 && c.index() < COLUMNS ? MoodleCompetencyCsv.HEADER.get(c.index()) : "";
    }

    private static List<DefinitionProblem> sorted(List<DefinitionProblem> list) {
        List<DefinitionProblem> out = new ArrayList<>(list);
        out.sort(Comparator.comparingInt(DefinitionProblem::line).thenComparingInt(DefinitionProblem::column));
        return out;
    }
}
