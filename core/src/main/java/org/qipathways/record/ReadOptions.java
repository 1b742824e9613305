package org.qipathways.record;

/**
 * How a reader treats bad rows: strictly (any bad row fails the whole read) or by skipping them.
 * <pre>{@code
 * EventsCsv.read(file, programme, ReadOptions.STRICT);                     // default behaviour
 * EventsCsv.read(file, programme, ReadOptions.SKIP_INVALID);               // --skip-invalid
 * EventsCsv.read(file, programme, ReadOptions.STRICT.withMaxProblems(20));
 * }</pre>
 *
 * @param skipInvalid {@code false}: a file with any bad row throws {@link InvalidInputException}
 *                    listing the problems and nothing is returned; {@code true}: valid rows are
 *                    returned and bad rows come back as {@link RejectedRow}s
 * @param maxProblems in strict mode, how many problems are listed before the rest are only counted
 */
public record ReadOptions(boolean skipInvalid, int maxProblems) {

    /** The default problem cap. */
    public static final int DEFAULT_MAX_PROBLEMS = 100;

    /** Fail on any bad row, listing up to 100 problems. */
    public static final ReadOptions STRICT = new ReadOptions(false, DEFAULT_MAX_PROBLEMS);

    /** Return the valid rows and the rejected ones apart. */
    public static final ReadOptions SKIP_INVALID = new ReadOptions(true, DEFAULT_MAX_PROBLEMS);

    public ReadOptions {
        if (maxProblems < 1) {
            throw new IllegalArgumentException("maxProblems must be at least 1, not " + maxProblems);
        }
    }

    /** These options listing at most {@code max} problems. */
    public ReadOptions withMaxProblems(int max) {
        return new ReadOptions(skipInvalid, max);
    }
}
