package org.qipathways.record;

import java.util.Objects;
import org.qipathways.text.internal.SafeText;

/**
 * One problem in an input file such as {@code events.csv}, with its place: file, line, column.
 *
 * <p>{@code line} is the physical line the row starts on (a quoted value spanning lines counts
 * each line), 0 when the problem concerns the whole file; {@code column} is the column's name from
 * the header, {@code null} when the problem concerns the whole row or file.
 * <pre>{@code
 * events.csv:14: result: 'eighty' is not a score; assessed needs a whole number 0-100
 * }</pre>
 *
 * @param source  the file name as given, e.g. {@code data/events.csv}
 * @param line    1-based physical line, 0 when not about one row
 * @param column  the column's name, or {@code null}
 * @param message what is wrong and what is expected, in words
 */
public record InputProblem(String source, int line, String column, String message) {

    public InputProblem {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(message, "message");
    }

    /**
     * {@code file:line: column: message}, the form compilers and editors understand, with any
     * control character shown as an escape so that the text is safe to print.
     */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(SafeText.printable(source)).append(':');
        if (line > 0) {
            sb.append(line).append(':');
        }
        sb.append(' ');
        if (column != null) {
            sb.append(SafeText.printable(column)).append(": ");
        }
        return sb.append(SafeText.printable(message)).toString();
    }
}
