package org.qipathways.record;

import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.qipathways.programme.Programme;
import org.qipathways.text.internal.CheckedText;
import org.qipathways.record.internal.Csv;
import org.qipathways.record.internal.EventRows;
import org.qipathways.record.internal.Table;

/**
 * Reads and writes {@code events.csv}, the learner events a programme is evaluated on.
 *
 * <p>The file is UTF-8 (a byte-order mark is skipped) RFC 4180 CSV with a header row naming
 * {@code learner_id, date, type, item, result} in any order; other columns are ignored. Every row is
 * checked against the programme: the item must be a code of the programme of the right sort for the
 * type, the result must fit the type. White space around values is ignored and the words of the
 * {@code type} and {@code result} columns may be in any case. Each problem names file, line, column
 * and reason:
 * <pre>{@code
 * events.csv:14: result: 'eighty' is not a score; assessed needs a whole number 0-100
 * }</pre>
 * Reading:
 * <pre>{@code
 * Programme programme = Programme.reference();
 * try {
 *     ReadResult<LearnerEvent> r = EventsCsv.read(Path.of("events.csv"), programme, ReadOptions.STRICT);
 *     Map<String, LearnerRecord> records = LearnerRecord.group(List.of(), r.rows());
 * } catch (InvalidInputException e) {
 *     e.problems().forEach(p -> log.error("{}", p));
 * }
 * }</pre>
 * Writing (a header, then one line per event):
 * <pre>{@code
 * try (EventsCsv.Writer out = EventsCsv.writer(Files.newBufferedWriter(Path.of("events.csv")))) {
 *     out.write(new LearnerEvent.Completed("L0001", LocalDate.of(2025, 3, 14), "BRZ-ELN"));
 * }
 * }</pre>
 */
public final class EventsCsv {

    /** The columns the writer writes, in order: {@code learner_id,date,type,item,result}. */
    public static final List<String> HEADER = EventRows.HEADER;

    private EventsCsv() {
    }

    /**
     * Reads an events file.
     *
     * @throws InvalidInputException  when the file cannot be used (any bad row, in strict mode)
     * @throws UncheckedIOException when the file cannot be read
     */
    public static ReadResult<LearnerEvent> read(Path file, Programme programme, ReadOptions options) {
        try (Reader in = CheckedText.utf8(Files.newInputStream(file), options.maxLineLength())) {
            return read(in, file.toString(), programme, options);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read events file " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads events from {@code in}, which the caller closes.
     *
     * @param sourceName the name problems are reported against, e.g. {@code events.csv}
     * @throws InvalidInputException  when the input cannot be used (any bad row, in strict mode)
     * @throws UncheckedIOException when {@code in} cannot be read
     */
    public static ReadResult<LearnerEvent> read(Reader in, String sourceName, Programme programme, ReadOptions options) {
        return Table.read(in, sourceName, new EventRows(programme, options), options);
    }

    /** Starts an events file on {@code out} by writing the header; closing the writer closes {@code out}. */
    public static Writer writer(java.io.Writer out) throws IOException {
        return new Writer(out);
    }

    /** Writes {@code events} to {@code file} as an events file, replacing it. */
    public static void write(Path file, Iterable<? extends LearnerEvent> events) throws IOException {
        try (Writer out = writer(Files.newBufferedWriter(file, StandardCharsets.UTF_8))) {
            for (LearnerEvent e : events) {
                out.write(e);
            }
        }
    }

    /** Writes events one line at a time, so a long stream (a Moodle pull) needs no memory. */
    public static final class Writer implements Closeable, Flushable {
        private final java.io.Writer out;

        private Writer(java.io.Writer out) throws IOException {
            this.out = out;
            Csv.writeRow(out, HEADER);
        }

        /** Writes one event as a line. */
        public void write(LearnerEvent event) throws IOException {
            out.write(event.learnerId());
            out.write(',');
            out.write(event.date().toString());
            out.write(',');
            out.write(event.type().id());
            out.write(',');
            out.write(event.item());
            out.write(',');
            Csv.appendValue(out, event.result());
            out.write(Csv.LINE_END);
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }
}
