package org.qipathways.competency.internal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.qipathways.competency.MoodleCompetencyCsv;
import org.qipathways.definition.DefinitionProblem;

/**
 * The rows and cells of a Moodle competency CSV file, for {@link MoodleCsvReader}: the file split
 * into rows the way Moodle's {@code csv_import_reader} splits it (quoted values may span lines,
 * blank lines are skipped), each value with the physical line and column it starts at; the
 * positions of the columns Moodle's importer reads by position; and the names problems give a
 * cell's place. Nothing here knows what a framework or a competency is.
 */
final class MoodleCsvRows {

    private static final CsvFactory CSV = CsvFactory.builder().enable(CsvParser.Feature.WRAP_AS_ARRAY).build();
    static final int COLUMNS = 14;
    static final int PARENT = 0;
    static final int ID_NUMBER = 1;
    static final int SHORT_NAME = 2;
    static final int DESCRIPTION = 3;
    static final int FORMAT = 4;
    static final int SCALE_VALUES = 5;
    static final int SCALE_CONFIGURATION = 6;
    static final int RULE_TYPE = 7;
    static final int RELATED = 10;
    static final int IS_FRAMEWORK = 12;

    /** A value, where it stands (line and column, from 1) and which of the 14 columns it is in. */
    record Cell(String value, int line, int column, int index) {
    }

    record Row(int line, List<Cell> cells) {
        String value(int i) {
            return i < cells.size() ? cells.get(i).value() : "";
        }
    }

    private MoodleCsvRows() {
    }

    /**
     * The non-blank rows, each value with its line and column; {@code null} after a syntax problem,
     * which is added to {@code problems} as in {@code source}.
     */
    static List<Row> rows(String csv, String source, List<DefinitionProblem> problems) {
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
            problems.add(new DefinitionProblem(source, "", at == null ? 1 : Math.max(1, at.getLineNr()),
                    at == null ? 1 : Math.max(1, at.getColumnNr()), "is not valid CSV: " + e.getOriginalMessage()));
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** PHP's truthiness of a string: only {@code ""} and {@code "0"} are false. */
    static boolean phpTrue(String value) {
        return !value.isEmpty() && !value.equals("0");
    }

    /** The value at {@code column} of {@code r}, for its place. */
    static Cell cell(Row r, int column) {
        return column < r.cells().size() ? r.cells().get(column) : new Cell("", r.line(), 1, column);
    }

    static String path(Row r, int column) {
        return "line " + r.line() + ": " + MoodleCompetencyCsv.HEADER.get(column);
    }

    /** The column's name in Moodle's English header, whatever the file's header says. */
    static String name(Cell c) {
        return c.index() >= 0 && c.index() < COLUMNS ? MoodleCompetencyCsv.HEADER.get(c.index()) : "";
    }
}
