package org.qipathways.record.internal;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 CSV rows with their physical line numbers, and the matching writer.
 */
public final class Csv {

    /** RFC 4180 line break. */
    public static final String LINE_END = "\r\n";

    private static final char BOM = '\uFEFF';

    /** The longest value {@link #rows(Reader)} accepts. */
    private static final int DEFAULT_MAX_VALUE = 20_000_000;

    private Csv() {
    }

    /** Opens {@code in} (which the caller closes) for reading rows, skipping a leading byte-order mark. */
    public static Rows rows(Reader in) throws IOException {
        return rows(in, DEFAULT_MAX_VALUE);
    }

    /**
     * Opens {@code in} (which the caller closes) for reading rows of values of at most
     * {@code maxValueLength} characters, skipping a leading byte-order mark; a longer value is a
     * {@link SyntaxException} (the reader stops it as it grows, so it never fills memory).
     */
    public static Rows rows(Reader in, int maxValueLength) throws IOException {
        Rows rows = new Rows(in, maxValueLength);
        if (rows.fill() && rows.buf[0] == BOM) {
            rows.pos = 1;
        }
        return rows;
    }

    /** {@code values} as one CSV line, without the line break. */
    public static String line(List<String> values) {
        StringBuilder sb = new StringBuilder();
        try {
            appendRow(sb, values);
        } catch (IOException e) {
            throw new UncheckedIOException(e);   // a StringBuilder does not throw
        }
        return sb.toString();
    }

    /** Writes {@code values} as one CSV line with its line break. */
    public static void writeRow(Appendable out, List<String> values) throws IOException {
        appendRow(out, values);
        out.append(LINE_END);
    }

    /** Writes one value, in double quotes when it holds a comma, quote, line break or outer space. */
    public static void appendValue(Appendable out, String value) throws IOException {
        if (needsQuotes(value)) {
            out.append('"');
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c == '"') {
                    out.append('"');
                }
                out.append(c);
            }
            out.append('"');
        } else {
            out.append(value);
        }
    }

    private static void appendRow(Appendable out, List<String> values) throws IOException {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            appendValue(out, values.get(i));
        }
    }

    private static boolean needsQuotes(String value) {
        int n = value.length();
        if (n == 0) {
            return false;
        }
        if (Character.isWhitespace(value.charAt(0)) || Character.isWhitespace(value.charAt(n - 1))) {
            return true;
        }
        for (int i = 0; i < n; i++) {
            char c = value.charAt(i);
            if (c == ',' || c == '"' || c == '\n' || c == '\r') {
                return true;
            }
        }
        return false;
    }

    /**
     * The rows of a CSV text, one at a time; the values list is reused from row to row. A plain
     * character loop over a buffer: a value is made into a string straight from the buffer, and
     * nothing else is made per value (this reader takes most of the time of reading a large file).
     *
     * <p>As RFC 4180 and Jackson's CSV parser, which this replaces, read it: a double quote opens a
     * quoted value only as a value's first character (elsewhere it is a character of the value);
     * in a quoted value two double quotes are one, and commas and line breaks are characters of the
     * value; after the closing quote spaces and tabs are skipped, then a comma or a line break must
     * follow. {@code \r\n}, {@code \n} and {@code \r} each end a line. An empty line is a row of
     * one empty value.
     */
    public static final class Rows implements Closeable {
        private static final int BUFFER = 1 << 16;
        private static final int END = -1;

        private final Reader in;
        private final int maxValueLength;
        private final ArrayList<String> values = new ArrayList<>();
        private final StringBuilder spill = new StringBuilder();
        private final char[] buf = new char[BUFFER];
        private int pos;
        private int end;
        private boolean eof;
        /** The physical line {@link #pos} is on, from 1. */
        private int physical = 1;
        private int line;
        private boolean done;
        /**
         * Characters of a quoted value beyond the limit, not kept: a value that runs on a little
         * past the limit to the end of the text is reported as never closed, one that runs on
         * further as too long, and the reader stops there.
         */
        private int over;

        private Rows(Reader in, int maxValueLength) {
            this.in = in;
            this.maxValueLength = maxValueLength;
        }

        /**
         * Moves to the next row.
         *
         * @return {@code false} at the end of the text
         * @throws SyntaxException when the text is not valid CSV from this row on
         */
        public boolean next() throws IOException {
            if (done) {
                return false;
            }
            values.clear();
            if (pos == end && !fill()) {
                done = true;
                return false;
            }
            line = physical;
            try {
                if (lineBreak()) {
                    values.add("");   // an empty line: one empty value
                    return true;
                }
                while (true) {
                    int c = pos < end || fill() ? buf[pos] : END;
                    if (c == '"') {
                        pos++;
                        values.add(quoted());
                    } else {
                        values.add(plain());
                    }
                    c = pos < end || fill() ? buf[pos] : END;
                    if (c == ',') {
                        pos++;
                    } else if (c == END || lineBreak()) {
                        return true;
                    }
                }
            } catch (SyntaxException e) {
                done = true;
                throw e;
            }
        }

        /** A value without quotes, up to the next comma or line break. */
        private String plain() throws IOException {
            spill.setLength(0);
            while (true) {
                int start = pos;
                int p = pos;
                while (p < end) {
                    char c = buf[p];
                    if (c == ',' || c == '\n' || c == '\r') {
                        break;
                    }
                    p++;
                }
                pos = p;
                if (spill.length() + p - start > maxValueLength) {
                    throw tooLong();
                }
                if (p < end) {
                    if (spill.length() == 0) {
                        return new String(buf, start, p - start);
                    }
                    return spill.append(buf, start, p - start).toString();
                }
                spill.append(buf, start, p - start);   // the value goes on in the next buffer full
                if (!fill()) {
                    return spill.toString();
                }
            }
        }

        /** A value after its opening quote, up to and past its closing quote and any spaces after it. */
        private String quoted() throws IOException {
            spill.setLength(0);
            over = 0;
            while (true) {
                if (pos == end && !fill()) {
                    throw new SyntaxException(line, "a value in double quotes that starts in this row is never closed;"
                            + " add the missing closing quote");
                }
                char c = buf[pos++];
                if (c == '"') {
                    if (pos < end || fill()) {
                        if (buf[pos] == '"') {
                            pos++;
                            append(c);
                            continue;
                        }
                    }
                    break;
                }
                if (c == '\n') {
                    physical++;
                } else if (c == '\r' && !((pos < end || fill()) && buf[pos] == '\n')) {
                    physical++;   // a lone \r; \r\n counts at its \n
                }
                append(c);
            }
            if (over > 0) {
                throw tooLong();
            }
            while ((pos < end || fill()) && (buf[pos] == ' ' || buf[pos] == '\t')) {
                pos++;
            }
            if ((pos < end || fill()) && buf[pos] != ',' && buf[pos] != '\n' && buf[pos] != '\r') {
                throw new SyntaxException(line, "a value in double quotes must end at its closing quote (then a comma or"
                        + " the end of the line); write a double quote inside a quoted value as two double quotes");
            }
            return spill.toString();
        }

        private void append(char c) throws SyntaxException {
            if (spill.length() < maxValueLength) {
                spill.append(c);
            } else if (++over > Math.max(maxValueLength, BUFFER)) {
                throw tooLong();
            }
        }

        /** Consumes a line break at {@link #pos}, if there is one. */
        private boolean lineBreak() throws IOException {
            char c = buf[pos];
            if (c == '\n') {
                pos++;
                physical++;
                return true;
            }
            if (c == '\r') {
                pos++;
                if ((pos < end || fill()) && buf[pos] == '\n') {
                    pos++;
                }
                physical++;
                return true;
            }
            return false;
        }

        /** Reads more text into the emptied buffer; false at the end of the text. */
        private boolean fill() throws IOException {
            if (eof) {
                return false;
            }
            pos = 0;
            end = 0;
            int n;
            do {
                n = in.read(buf, 0, buf.length);
            } while (n == 0);
            if (n < 0) {
                eof = true;
                return false;
            }
            end = n;
            return true;
        }

        private SyntaxException tooLong() {
            // In a CSV file a value this long is nearly always a quote left open, not a real value.
            return new SyntaxException(line, "a value that starts in this row is longer than " + maxValueLength
                    + " characters, the limit for one value (maxValueLength): probably a double quote that opens a value"
                    + " is never closed; add the missing closing quote. If the value is right, raise the limit"
                    + " (ReadOptions.withMaxValueLength; qip: --max-value-length)");
        }

        /** The physical line (from 1) the current row starts on. */
        public int line() {
            return line;
        }

        /** The current row's values as written, quotes removed. */
        public List<String> values() {
            return values;
        }

        /** Whether every value of the current row is blank: a blank line, or {@code ,,,} from a spreadsheet. */
        public boolean isBlank() {
            for (int i = 0; i < values.size(); i++) {
                if (!values.get(i).isBlank()) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public void close() {
            // the caller closes the text
        }
    }

    /** The text stops being valid CSV in the row starting at {@link #line()}; nothing after it can be read. */
    public static final class SyntaxException extends IOException {
        private static final long serialVersionUID = 1L;

        private final int line;

        SyntaxException(int line, String message) {
            super(message);
            this.line = line;
        }

        /** The physical line the broken row starts on. */
        public int line() {
            return line;
        }
    }
}
