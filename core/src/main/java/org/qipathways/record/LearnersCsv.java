package org.qipathways.record;

import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.qipathways.text.internal.CheckedText;
import org.qipathways.record.internal.Csv;
import org.qipathways.record.internal.LearnerRows;
import org.qipathways.record.internal.Table;

/**
 * Reads and writes {@code learners.csv}: one row per learner with their organisation and the
 * groupings analysts report by.
 *
 * <p>UTF-8 (a byte-order mark is skipped) RFC 4180 CSV with a header row naming {@code learner_id}
 * and {@code organisation} and optionally {@code staff_group, band, team, region}, in any order;
 * other columns are ignored. A learner id that appears twice is a problem. The rows keep the file's
 * order, which is the order learners appear in evaluation output.
 * <pre>{@code
 * ReadResult<Learner> learners = LearnersCsv.read(Path.of("learners.csv"), ReadOptions.STRICT);
 * ReadResult<LearnerEvent> events = EventsCsv.read(Path.of("events.csv"), programme, ReadOptions.STRICT);
 * Map<String, LearnerRecord> records = LearnerRecord.group(learners.rows(), events.rows());
 * }</pre>
 */
public final class LearnersCsv {

    /** The columns the writer writes, in order. */
    public static final List<String> HEADER = LearnerRows.HEADER;

    private LearnersCsv() {
    }

    /**
     * Reads a learners file.
     *
     * @throws InvalidInputException  when the file cannot be used (any bad row, in strict mode)
     * @throws UncheckedIOException when the file cannot be read
     */
    public static ReadResult<Learner> read(Path file, ReadOptions options) {
        try (Reader in = CheckedText.utf8(Files.newInputStream(file), options.maxLineLength())) {
            return read(in, file.toString(), options);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read learners file " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads learners from {@code in}, which the caller closes.
     *
     * @param sourceName the name problems are reported against, e.g. {@code learners.csv}
     * @throws InvalidInputException  when the input cannot be used (any bad row, in strict mode)
     * @throws UncheckedIOException when {@code in} cannot be read
     */
    public static ReadResult<Learner> read(Reader in, String sourceName, ReadOptions options) {
        return Table.read(in, sourceName, new LearnerRows(), options);
    }

    /** Starts a learners file on {@code out} by writing the header; closing the writer closes {@code out}. */
    public static Writer writer(java.io.Writer out) throws IOException {
        return new Writer(out);
    }

    /** Writes {@code learners} to {@code file} as a learners file, replacing it. */
    public static void write(Path file, Iterable<Learner> learners) throws IOException {
        try (Writer out = writer(Files.newBufferedWriter(file, StandardCharsets.UTF_8))) {
            for (Learner l : learners) {
                out.write(l);
            }
        }
    }

    /** Writes learners one line at a time. */
    public static final class Writer implements Closeable, Flushable {
        private final java.io.Writer out;

        private Writer(java.io.Writer out) throws IOException {
            this.out = out;
            Csv.writeRow(out, HEADER);
        }

        /** Writes one learner as a line; absent values are left empty. */
        public void write(Learner l) throws IOException {
            Csv.writeRow(out, Arrays.asList(l.learnerId(), l.organisation(), orEmpty(l.staffGroup()),
                    orEmpty(l.band()), orEmpty(l.team()), orEmpty(l.region())));
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }

        @Override
        public void close() throws IOException {
            out.close();
        }

        private static String orEmpty(String s) {
            return s == null ? "" : s;
        }
    }
}
