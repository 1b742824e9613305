package org.qipathways.programme;

import org.qipathways.definition.DefinitionProblem;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Thrown when a programme definition has problems; carries every problem found, not just the first.
 * <pre>{@code
 * try {
 *     Programme.load(Path.of("my-programme.yaml"));
 * } catch (ProgrammeDefinitionException e) {
 *     e.problems().forEach(p -> log.warn("{}", p));   // file:line:column: path: message
 * }
 * }</pre>
 */
public final class ProgrammeDefinitionException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient List<DefinitionProblem> problems;

    public ProgrammeDefinitionException(List<DefinitionProblem> problems) {
        super(summary(problems));
        this.problems = List.copyOf(problems);
    }

    /** Every problem, in document order where the document is known. */
    public List<DefinitionProblem> problems() {
        return problems;
    }

    private static String summary(List<DefinitionProblem> problems) {
        String head = problems.size() == 1 ? "1 problem in the programme definition"
                : problems.size() + " problems in the programme definition";
        return head + ":\n" + problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n"));
    }
}
