package org.qipathways.competency;

import java.util.List;
import java.util.stream.Collectors;
import org.qipathways.definition.DefinitionProblem;

/**
 * Thrown when a CASE package cannot be read as a competency framework; carries every problem
 * found, each with its JSON path, line and column.
 * <pre>{@code
 * try {
 *     CaseJson.parse(json, "framework.json");
 * } catch (CaseImportException e) {
 *     e.problems().forEach(p -> log.error("{}", p));
 *     // framework.json:41:7: CFItems[3].humanCodingScheme: missing: it is the competency's code
 * }
 * }</pre>
 */
public final class CaseImportException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient List<DefinitionProblem> problems;

    public CaseImportException(List<DefinitionProblem> problems) {
        super(summary(problems));
        this.problems = List.copyOf(problems);
    }

    /** Every problem, in document order. */
    public List<DefinitionProblem> problems() {
        return problems;
    }

    private static String summary(List<DefinitionProblem> problems) {
        String head = problems.size() == 1 ? "1 problem in the CASE package"
                : problems.size() + " problems in the CASE package";
        return head + ":\n" + problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n"));
    }
}
