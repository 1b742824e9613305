package org.qipathways.record;

import java.util.List;
import java.util.stream.Collectors;
import org.qipathways.record.internal.Csv;

/**
 * A row a reader rejected in skip-invalid mode: where it was, its values as read, and why.
 * <pre>{@code
 * for (RejectedRow r : result.rejected()) {
 *     log.warn("{}:{}: {}", result.source(), r.line(), r.reason());
 * }
 * }</pre>
 *
 * @param line     the physical line the row starts on
 * @param values   the row's values as read, untrimmed
 * @param problems every problem found in the row (at least one)
 */
public record RejectedRow(int line, List<String> values, List<InputProblem> problems) {

    public RejectedRow {
        values = List.copyOf(values);
        problems = List.copyOf(problems);
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a rejected row needs at least one problem");
        }
    }

    /** The row as a line of CSV, quoted where needed (the original row, up to its quoting style). */
    public String text() {
        return Csv.line(values);
    }

    /** The problems as one line: {@code column: message}, several joined with {@code " | "}. */
    public String reason() {
        return problems.stream()
                .map(p -> p.column() == null ? p.message() : p.column() + ": " + p.message())
                .collect(Collectors.joining(" | "));
    }
}
