package org.qipathways.record;

import java.util.List;

/**
 * Thrown when an input file is unusable: in strict mode any bad row; in any mode a missing header
 * column, an empty file or broken CSV. Carries every problem up to the cap, how many more there were,
 * and the row counts.
 * <pre>{@code
 * try {
 *     EventsCsv.read(Path.of("events.csv"), programme, ReadOptions.STRICT);
 * } catch (InvalidInputException e) {
 *     e.problems().forEach(p -> log.error("{}", p));    // events.csv:14: result: ...
 *     log.error("and {} more; {}", e.moreProblems(), e.counts());
 * }
 * }</pre>
 */
public final class InvalidInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String source;
    private final transient List<InputProblem> problems;
    private final int moreProblems;
    private final transient ReadCounts counts;

    /**
     * @param source       the file name problems are reported against
     * @param problems     the problems listed (at least one)
     * @param moreProblems how many further problems were found but not listed
     * @param counts       the rows read, valid and rejected when reading stopped
     */
    public InvalidInputException(String source, List<InputProblem> problems, int moreProblems, ReadCounts counts) {
        super(summary(source, problems, moreProblems));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("an invalid input needs at least one problem");
        }
        this.source = source;
        this.problems = List.copyOf(problems);
        this.moreProblems = moreProblems;
        this.counts = counts;
    }

    /** The file the problems are in. */
    public String source() {
        return source;
    }

    /** The problems, in file order, up to the cap. */
    public List<InputProblem> problems() {
        return problems;
    }

    /** How many problems were found beyond those in {@link #problems()}. */
    public int moreProblems() {
        return moreProblems;
    }

    /** The rows read, valid and rejected. */
    public ReadCounts counts() {
        return counts;
    }

    private static String summary(String source, List<InputProblem> problems, int more) {
        int total = problems.size() + more;
        StringBuilder sb = new StringBuilder(source).append(": ")
                .append(total).append(total == 1 ? " problem" : " problems");
        for (InputProblem p : problems) {
            sb.append("\n  ").append(p);
        }
        if (more > 0) {
            sb.append("\n  ... and ").append(more).append(more == 1 ? " more problem" : " more problems");
        }
        return sb.toString();
    }
}
