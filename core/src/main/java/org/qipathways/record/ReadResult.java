package org.qipathways.record;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.qipathways.record.internal.Csv;
import org.qipathways.text.internal.SafeText;

/**
 * What a reader returns: the accepted rows in file order, the rejected ones (only in skip-invalid
 * mode) and the counts.
 * <pre>{@code
 * ReadResult<LearnerEvent> r = EventsCsv.read(Path.of("events.csv"), programme, ReadOptions.SKIP_INVALID);
 * log.info("events.csv: {}", r.counts());                 // read 1200, accepted 1198, rejected 2
 * if (!r.rejected().isEmpty()) {
 *     r.writeRejected(Path.of("events.rejected.csv"));     // the bad rows plus a reason column
 * }
 * }</pre>
 *
 * @param source   the file name as given
 * @param header   the header row's column names as written
 * @param rows     the accepted rows, in file order
 * @param rejected the rejected rows, in file order; always empty in strict mode
 * @param <T>      what a row becomes
 */
public record ReadResult<T>(String source, List<String> header, List<T> rows, List<RejectedRow> rejected) {

    /** The name of the column the side file of rejected rows adds. */
    public static final String REASON_COLUMN = "reason";

    public ReadResult {
        header = List.copyOf(header);
        rows = List.copyOf(rows);
        rejected = List.copyOf(rejected);
    }

    /** Rows read, accepted and rejected. */
    public ReadCounts counts() {
        return new ReadCounts(rows.size() + rejected.size(), rows.size(), rejected.size());
    }

    /**
     * Writes the side file of rejected rows as CSV: the original header plus a {@code reason}
     * column, then each rejected row with its values as read (short rows padded to the header's
     * width) and its reasons. The file is written even when no row was rejected. People open this
     * file in a spreadsheet, so every cell is made safe there ({@link SpreadsheetSafe}: a value a
     * spreadsheet would run as a formula gets a {@code '} before it) and control characters are
     * shown as escapes ({@code \u001b}).
     */
    public void writeRejected(Path file) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            writeRejected(out);
        }
    }

    /** Writes the side file of rejected rows to {@code out}; see {@link #writeRejected(Path)}. */
    public void writeRejected(Writer out) throws IOException {
        List<String> head = new ArrayList<>(header);
        head.add(REASON_COLUMN);
        Csv.writeRow(out, safe(head));
        for (RejectedRow r : rejected) {
            List<String> row = new ArrayList<>(r.values());
            while (row.size() < header.size()) {
                row.add("");
            }
            row.add(r.reason());
            Csv.writeRow(out, safe(row));
        }
        out.flush();
    }

    private static List<String> safe(List<String> cells) {
        List<String> out = new ArrayList<>(cells.size());
        for (String c : cells) {
            out.add(SpreadsheetSafe.neutralise(SafeText.controlCharacterAt(c) < 0 ? c : SafeText.printableKeepingLines(c)));
        }
        return out;
    }
}
