package org.qipathways.competency;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.qipathways.definition.DefinitionProblem;

/**
 * Thrown when a file cannot be read as a competency framework (a CASE package, a Moodle competency
 * CSV); carries every problem found, each with its place (line, column and path) and reason.
 * <pre>{@code
 * try {
 *     CaseJson.parse(json, "framework.json", FrameworkImportOptions.STRICT);
 * } catch (FrameworkImportException e) {
 *     e.problems().forEach(p -> log.error("{}", p));
 *     // framework.json:41:7: CFItems[3].humanCodingScheme: missing: it is the competency's code
 * }
 * }</pre>
 */
public final class FrameworkImportException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient List<DefinitionProblem> problems;

    /**
     * @param what     what was being read, e.g. {@code "CASE package"}
     * @param problems every problem, in file order; at least one
     */
    public FrameworkImportException(String what, List<DefinitionProblem> problems) {
        super(summary(Objects.requireNonNull(what, "what"), problems));
        this.problems = List.copyOf(problems);
    }

    /** Every problem, in file order. */
    public List<DefinitionProblem> problems() {
        return problems;
    }

    private static String summary(String what, List<DefinitionProblem> problems) {
        String head = problems.size() == 1 ? "1 problem in the " + what : problems.size() + " problems in the " + what;
        return head + ":\n" + problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n"));
    }
}
