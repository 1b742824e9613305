package org.qipathways.record.internal;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.qipathways.record.InputProblem;
import org.qipathways.record.InvalidInputException;
import org.qipathways.record.ReadCounts;
import org.qipathways.record.ReadOptions;
import org.qipathways.record.ReadResult;
import org.qipathways.record.RejectedRow;
import org.qipathways.text.internal.CheckedText;
import org.qipathways.text.internal.SafeText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a CSV table with a header row into values, one row at a time: finds the columns a
 * {@link Mapper} needs by name, hands it each data row, and collects problems the way
 * {@link ReadOptions} asks (strict: all problems up to a cap, then an exception; skip-invalid:
 * rejected rows kept apart).
 */
public final class Table {

    private static final Logger log = LoggerFactory.getLogger(Table.class);

    private Table() {
    }

    /** A column a mapper reads. */
    public record Column(String name, boolean required) {
    }

    /** Turns a data row into a value. One mapper per read, so it may keep state across rows. */
    public interface Mapper<T> {
        /** The columns this mapper reads; {@link Row#get(int)} takes an index into this list. */
        List<Column> columns();

        /** What the header must hold, in words, for the problem a missing column causes. */
        String headerRule();

        /** The row's value, or {@code null} after reporting problems through {@link Row#problem}. */
        T map(Row row);
    }

    /** The current data row as a mapper sees it. */
    public static final class Row {
        private final List<Column> columns;
        private final int[] position;
        private final String source;
        private final List<InputProblem> problems = new ArrayList<>();
        private List<String> values;
        private int line;

        private Row(List<Column> columns, int[] position, String source) {
            this.columns = columns;
            this.position = position;
            this.source = source;
        }

        /** The physical line the row starts on. */
        public int line() {
            return line;
        }

        /**
         * The value in column {@code column} (an index into {@link Mapper#columns()}), stripped of
         * outer white space; {@code ""} when the row stops short of it; {@code null} when the file
         * has no such column.
         */
        public String get(int column) {
            int p = position[column];
            if (p < 0) {
                return null;
            }
            return p < values.size() ? values.get(p).strip() : "";
        }

        /** Reports a problem with the value in {@code column}. */
        public void problem(int column, String message) {
            problems.add(new InputProblem(source, line, columns.get(column).name(), message));
        }

        /** Reports a problem with the row as a whole. */
        public void problem(String message) {
            problems.add(new InputProblem(source, line, null, message));
        }

        /** Whether any problem has been reported for this row. */
        public boolean hasProblems() {
            return !problems.isEmpty();
        }
    }

    /** Reads every row of {@code in}; the caller closes {@code in}. */
    public static <T> ReadResult<T> read(Reader in, String source, Mapper<T> mapper, ReadOptions options) {
        return new Reading<>(source, mapper, options).run(in);
    }

    private static final class Reading<T> {
        private final String source;
        private final Mapper<T> mapper;
        private final ReadOptions options;
        private final List<T> rows = new ArrayList<>();
        private final List<RejectedRow> rejected = new ArrayList<>();
        private final List<InputProblem> listed = new ArrayList<>();
        private List<String> headerNames = List.of();
        private int more;
        private int read;
        private int bad;

        Reading(String source, Mapper<T> mapper, ReadOptions options) {
            this.source = source;
            this.mapper = mapper;
            this.options = options;
        }

        ReadResult<T> run(Reader in) {
            Reader text = in instanceof CheckedText checked ? checked : CheckedText.of(in, options.maxLineLength());
            try (Csv.Rows csv = Csv.rows(text, options.maxValueLength())) {
                List<String> header = readHeader(csv);
                headerNames = header;
                Row row = new Row(mapper.columns(), positions(header, csv.line()), source);
                while (csv.next()) {
                    if (!csv.isBlank()) {
                        readRow(csv, row, header.size());
                    }
                }
                if (bad > 0 && !options.skipInvalid()) {
                    throw failure();
                }
                ReadResult<T> result = new ReadResult<>(source, header, rows, rejected);
                log.debug("{}: {}", source, result.counts());
                return result;
            } catch (Csv.SyntaxException e) {
                list(new InputProblem(source, e.line(), null, e.getMessage()));
                throw failure();
            } catch (CheckedText.Problem e) {
                list(new InputProblem(source, e.line(), null, e.getMessage()
                        + (e.notUtf8() ? " (in Excel: Save As, CSV UTF-8)" : "")));
                throw failure();
            } catch (CharacterCodingException e) {
                list(new InputProblem(source, 0, null,
                        "is not UTF-8 text; save it as \"CSV UTF-8\" (in Excel: Save As, CSV UTF-8)"));
                throw failure();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + source + ": " + e.getMessage(), e);
            }
        }

        private List<String> readHeader(Csv.Rows csv) throws IOException {
            while (csv.next()) {
                if (!csv.isBlank()) {
                    return List.copyOf(csv.values());
                }
            }
            list(new InputProblem(source, 0, null, "is empty; " + mapper.headerRule()));
            throw failure();
        }

        /** Where each of the mapper's columns is in the file, -1 when absent. */
        private int[] positions(List<String> header, int line) {
            List<Column> columns = mapper.columns();
            int[] position = new int[columns.size()];
            Arrays.fill(position, -1);
            for (int p = 0; p < header.size(); p++) {
                String name = header.get(p).strip().toLowerCase(Locale.ROOT);
                for (int c = 0; c < columns.size(); c++) {
                    if (columns.get(c).name().equals(name)) {
                        if (position[c] >= 0) {
                            list(new InputProblem(source, line, columns.get(c).name(), "the header names this column twice"
                                    + " (columns " + (position[c] + 1) + " and " + (p + 1) + "); keep one"));
                        } else {
                            position[c] = p;
                        }
                    }
                }
            }
            List<String> missing = new ArrayList<>();
            boolean anyFound = false;
            for (int c = 0; c < columns.size(); c++) {
                if (columns.get(c).required()) {
                    if (position[c] < 0) {
                        missing.add(columns.get(c).name());
                    } else {
                        anyFound = true;
                    }
                }
            }
            if (!anyFound) {
                list(new InputProblem(source, line, null, "the first row is not a header; " + mapper.headerRule()));
            } else {
                for (String name : missing) {
                    list(new InputProblem(source, line, name, "column missing from the header; " + mapper.headerRule()));
                }
            }
            if (!listed.isEmpty()) {
                throw failure();
            }
            return position;
        }

        private void readRow(Csv.Rows csv, Row row, int width) {
            read++;
            row.line = csv.line();
            row.values = csv.values();
            row.problems.clear();
            List<String> values = csv.values();
            if (controlCharacters(values, row)) {
                // The mapper's own messages would echo the values; the row is refused for this alone.
                reject(row, values);
                return;
            }
            for (int i = width; i < values.size(); i++) {
                if (!values.get(i).isBlank()) {
                    row.problem("the row has " + values.size() + " values but the header has " + width
                            + " columns; put a value that contains a comma in double quotes");
                    break;
                }
            }
            T value = mapper.map(row);
            if (!row.hasProblems()) {
                if (bad == 0 || options.skipInvalid()) {
                    rows.add(value);
                }
                return;
            }
            reject(row, values);
        }

        /**
         * Reports each value holding a control character (other than tab and the line breaks a
         * quoted value may hold): NUL, ESC and the like are never data, and would reach terminals
         * and other systems through messages and outputs.
         */
        private boolean controlCharacters(List<String> values, Row row) {
            boolean found = false;
            for (int i = 0; i < values.size(); i++) {
                int at = SafeText.controlCharacterAt(values.get(i));
                if (at >= 0) {
                    found = true;
                    String column = i < headerNames.size() ? headerNames.get(i).strip() : "column " + (i + 1);
                    row.problems.add(new InputProblem(source, row.line, column, "holds the control character "
                            + SafeText.codePoint(values.get(i).charAt(at)) + " at character " + (at + 1)
                            + "; control characters are not allowed in any value: remove it"));
                }
            }
            return found;
        }

        private void reject(Row row, List<String> values) {
            bad++;
            if (options.skipInvalid()) {
                rejected.add(new RejectedRow(row.line, values, row.problems));
                return;
            }
            rows.clear();   // strict: nothing will be returned, so stop holding rows
            for (InputProblem p : row.problems) {
                list(p);
            }
        }

        private void list(InputProblem p) {
            if (listed.size() < options.maxProblems()) {
                listed.add(p);
            } else {
                more++;
            }
        }

        private InvalidInputException failure() {
            return new InvalidInputException(source, listed, more, new ReadCounts(read, read - bad, bad));
        }
    }
}
