package org.qipathways.samples.generate.internal;

import java.io.IOException;
import java.io.Writer;

/**
 * Writes RFC 4180 CSV rows (CRLF line ends) through its own buffer, so that millions of rows cost
 * a few large writes instead of many small synchronised ones. Values are written as they are
 * unless they need quoting; callers quote constant values once with {@link #quote(String)} and
 * pass them to {@link #raw(String)}.
 */
public final class CsvOut {
    private final Writer out;
    private final char[] buf = new char[1 << 16];
    private int pos;
    private boolean rowStarted;

    public CsvOut(Writer out) {
        this.out = out;
    }

    /** {@code value} as a CSV field: unchanged, or in double quotes with inner quotes doubled. */
    public static String quote(String value) {
        boolean needs = false;
        for (int i = 0; i < value.length() && !needs; i++) {
            char c = value.charAt(i);
            needs = c == ',' || c == '"' || c == '\n' || c == '\r';
        }
        return needs ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }

    /** Appends a field, quoting it when it needs it. */
    public CsvOut field(String value) throws IOException {
        return raw(quote(value));
    }

    /** Appends a field that is already in CSV form (see {@link #quote(String)}). */
    public CsvOut raw(String csvField) throws IOException {
        if (rowStarted) {
            put(',');
        }
        rowStarted = true;
        int n = csvField.length();
        if (n > buf.length - pos) {
            drain();
            if (n > buf.length) {
                out.write(csvField);
                return this;
            }
        }
        csvField.getChars(0, n, buf, pos);
        pos += n;
        return this;
    }

    /** Ends the current row. */
    public void endRow() throws IOException {
        put('\r');
        put('\n');
        rowStarted = false;
    }

    /** Writes out what is buffered and flushes the underlying writer (which it does not close). */
    public void flush() throws IOException {
        drain();
        out.flush();
    }

    private void put(char c) throws IOException {
        if (pos == buf.length) {
            drain();
        }
        buf[pos++] = c;
    }

    private void drain() throws IOException {
        if (pos > 0) {
            out.write(buf, 0, pos);
            pos = 0;
        }
    }
}
