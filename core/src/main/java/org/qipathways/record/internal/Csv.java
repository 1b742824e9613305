package org.qipathways.record.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.Closeable;
import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 CSV rows with their physical line numbers, read with Jackson's streaming CSV parser, and
 * the matching writer.
 */
public final class Csv {

    /** RFC 4180 line break. */
    public static final String LINE_END = "\r\n";

    private static final char BOM = '\uFEFF';

    /** Jackson's own limit for one value, which ours stays within. */
    private static final int JACKSON_MAX_VALUE = StreamReadConstraints.DEFAULT_MAX_STRING_LEN;

    private static final CsvFactory FACTORY = factory(JACKSON_MAX_VALUE);

    private Csv() {
    }

    private static CsvFactory factory(int maxValueLength) {
        return CsvFactory.builder()
                .enable(CsvParser.Feature.WRAP_AS_ARRAY)
                .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
                .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(maxValueLength).build())
                .build();
    }

    /** Opens {@code in} (which the caller closes) for reading rows, skipping a leading byte-order mark. */
    public static Rows rows(Reader in) throws IOException {
        return rows(in, JACKSON_MAX_VALUE);
    }

    /**
     * Opens {@code in} (which the caller closes) for reading rows of values of at most
     * {@code maxValueLength} characters, skipping a leading byte-order mark; a longer value is a
     * {@link SyntaxException} (Jackson stops it as it grows, so it never fills memory).
     */
    public static Rows rows(Reader in, int maxValueLength) throws IOException {
        PushbackReader r = new PushbackReader(in, 1);
        int first = r.read();
        if (first >= 0 && first != BOM) {
            r.unread(first);
        }
        CsvFactory f = maxValueLength == JACKSON_MAX_VALUE ? FACTORY : factory(maxValueLength);
        return new Rows(f.createParser(r), maxValueLength);
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

    /** The rows of a CSV text, one at a time; the values list is reused from row to row. */
    public static final class Rows implements Closeable {
        private final CsvParser parser;
        private final ArrayList<String> values = new ArrayList<>();
        private int line;
        private int nextLine = 1;
        private boolean started;
        private boolean done;

        private final int maxValueLength;

        private Rows(CsvParser parser, int maxValueLength) {
            this.parser = parser;
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
            try {
                if (!started) {
                    started = true;
                    if (parser.nextToken() != JsonToken.START_ARRAY) {   // the wrapper around all rows
                        done = true;
                        return false;
                    }
                }
                line = nextLine;
                JsonToken t = parser.nextToken();
                if (t != JsonToken.START_ARRAY) {
                    done = true;
                    return false;
                }
                // Jackson's location right at the row's start is the physical line it starts on,
                // counting line breaks inside quoted values.
                line = parser.currentLocation().getLineNr();
                while ((t = parser.nextToken()) == JsonToken.VALUE_STRING) {
                    values.add(parser.getText());
                }
                nextLine = parser.currentLocation().getLineNr();
                return true;
            } catch (JsonProcessingException e) {
                done = true;
                throw new SyntaxException(line, explain(e.getOriginalMessage(), maxValueLength));
            }
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
        public void close() throws IOException {
            parser.close();
        }

        private static String explain(String jackson, int maxValueLength) {
            if (jackson != null && jackson.contains("exceeds the maximum")) {
                // In a CSV file a value this long is nearly always a quote left open, not a real value.
                return "a value that starts in this row is longer than " + maxValueLength + " characters, the limit for"
                        + " one value (maxValueLength): probably a double quote that opens a value is never closed;"
                        + " add the missing closing quote. If the value is right, raise the limit"
                        + " (ReadOptions.withMaxValueLength; qip: --max-value-length)";
            }
            if (jackson != null && jackson.startsWith("Missing closing quote")) {
                return "a value in double quotes that starts in this row is never closed; add the missing closing quote";
            }
            if (jackson != null && jackson.contains("Expected column separator")) {
                return "a value in double quotes must end at its closing quote (then a comma or the end of the line); "
                        + "write a double quote inside a quoted value as two double quotes";
            }
            return "is not valid CSV: " + jackson;
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
