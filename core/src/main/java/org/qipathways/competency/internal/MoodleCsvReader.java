package org.qipathways.competency.internal;

import static org.qipathways.competency.internal.MoodleCsvRows.COLUMNS;
import static org.qipathways.competency.internal.MoodleCsvRows.DESCRIPTION;
import static org.qipathways.competency.internal.MoodleCsvRows.FORMAT;
import static org.qipathways.competency.internal.MoodleCsvRows.ID_NUMBER;
import static org.qipathways.competency.internal.MoodleCsvRows.IS_FRAMEWORK;
import static org.qipathways.competency.internal.MoodleCsvRows.PARENT;
import static org.qipathways.competency.internal.MoodleCsvRows.RELATED;
import static org.qipathways.competency.internal.MoodleCsvRows.RULE_TYPE;
import static org.qipathways.competency.internal.MoodleCsvRows.SCALE_VALUES;
import static org.qipathways.competency.internal.MoodleCsvRows.SHORT_NAME;
import static org.qipathways.competency.internal.MoodleCsvRows.cell;
import static org.qipathways.competency.internal.MoodleCsvRows.name;
import static org.qipathways.competency.internal.MoodleCsvRows.path;
import static org.qipathways.competency.internal.MoodleCsvRows.phpTrue;

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
import org.qipathways.competency.ProficiencyScale;
import org.qipathways.competency.internal.MoodleCsvRows.Cell;
import org.qipathways.competency.internal.MoodleCsvRows.Row;
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
 *
 * <p>This class builds the framework from the rows; {@link MoodleCsvRows} splits the file into
 * rows and cells and {@link MoodleCsvScale} reads the scale on the framework row.
 */
public final class MoodleCsvReader {

    private static final String WHAT = "Moodle competency CSV";
    /** Moodle's FORMAT_HTML. */
    private static final String FORMAT_HTML = "1";

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
        List<Row> rows = MoodleCsvRows.rows(csv.startsWith("\uFEFF") ? csv.substring(1) : csv, source, problems);
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
        ProficiencyScale scale = options.scale() != null ? options.scale() : MoodleCsvScale.scale(frameworkRow, title, this);
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

    String required(Row r, int column, String ifMissing) {
        String v = r.value(column);
        if (v.isBlank()) {
            problem(cell(r, column), ifMissing);
            return null;
        }
        return v;
    }

    boolean repairable(Cell c, String message, String repair) {
        if (options.strict()) {
            problem(c, message);
            return false;
        }
        warn(c, message + "; " + repair);
        return true;
    }

    void problem(Cell c, String message) {
        problems.add(new DefinitionProblem(source, name(c), c.line(), c.column(), message));
    }

    private void problem(int line, int column, String path, String message) {
        problems.add(new DefinitionProblem(source, path, line, column, message));
    }

    private void warn(Cell c, String message) {
        warnings.add(new DefinitionProblem(source, name(c), c.line(), c.column(), message));
    }

    private static List<DefinitionProblem> sorted(List<DefinitionProblem> list) {
        List<DefinitionProblem> out = new ArrayList<>(list);
        out.sort(Comparator.comparingInt(DefinitionProblem::line).thenComparingInt(DefinitionProblem::column));
        return out;
    }
}
