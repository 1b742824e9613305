package org.qipathways.definition;

import java.util.Objects;
import org.qipathways.text.internal.SafeText;

/**
 * One problem in a programme definition, with its place.
 *
 * <p>{@code path} names the place in the document the way a programme author reads it
 * ({@code tiers[2].rule.allOf[1].completed}); {@code line} and {@code column} are 1-based and 0
 * when the definition did not come from a file (a programme built in Java).
 * <pre>{@code
 * reference.yaml:41:11: tiers[0].rule.anyOf[0].allOf[0].completed: refers to unit 'BRZ-ELM', which the programme does not define (did you mean BRZ-ELN?)
 * }</pre>
 *
 * @param source  the file or resource name; {@code null} for a programme built in Java
 * @param path    where in the document
 * @param line    1-based line, 0 when unknown
 * @param column  1-based column, 0 when unknown
 * @param message what is wrong, in words
 */
public record DefinitionProblem(String source, String path, int line, int column, String message) {

    public DefinitionProblem {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
    }

    /** A problem found in a model built in Java (no file, no line). */
    public static DefinitionProblem at(String path, String message) {
        return new DefinitionProblem(null, path, 0, 0, message);
    }

    /** This problem placed in {@code source} at {@code line}:{@code column}. */
    public DefinitionProblem locatedAt(String source, int line, int column) {
        return new DefinitionProblem(source, path, line, column, message);
    }

    /**
     * {@code file:line:column: path: message}, the form compilers and editors understand, with any
     * control character shown as an escape so that the text is safe to print.
     */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        if (source != null) {
            sb.append(SafeText.printable(source)).append(':');
        }
        if (line > 0) {
            sb.append(line).append(':').append(column).append(':');
        }
        if (sb.length() > 0) {
            sb.append(' ');
        }
        if (!path.isEmpty()) {
            sb.append(SafeText.printable(path)).append(": ");
        }
        return sb.append(SafeText.printable(message)).toString();
    }
}
