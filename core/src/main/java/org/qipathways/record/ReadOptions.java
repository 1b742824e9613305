package org.qipathways.record;

import java.time.LocalDate;
import java.util.Objects;

/**
 * How a reader treats bad rows (strictly: any bad row fails the whole read; or by skipping them)
 * and the limits it holds input to, so that a hostile or broken file is refused with its place
 * instead of filling memory or slipping implausible values through.
 * <pre>{@code
 * EventsCsv.read(file, programme, ReadOptions.STRICT);                     // default behaviour
 * EventsCsv.read(file, programme, ReadOptions.SKIP_INVALID);               // --skip-invalid
 * EventsCsv.read(file, programme, ReadOptions.STRICT.withMaxProblems(20));
 * EventsCsv.read(file, programme, ReadOptions.STRICT
 *         .withDateRange(LocalDate.of(1980, 1, 1), LocalDate.of(2100, 12, 31))
 *         .withMaxValueLength(50_000));
 * }</pre>
 *
 * <p>Every limit, when hit, is a problem that names it and how to raise it:
 * <pre>{@code
 * events.csv:7: date: '1000-01-01' is before 1990-01-01, the earliest date accepted (earliestDate); ...
 * events.csv:12: a value is longer than 10000 characters, the limit for one value (maxValueLength); ...
 * }</pre>
 *
 * @param skipInvalid    {@code false}: a file with any bad row throws {@link InvalidInputException}
 *                       listing the problems and nothing is returned; {@code true}: valid rows are
 *                       returned and bad rows come back as {@link RejectedRow}s
 * @param maxProblems    in strict mode, how many problems are listed before the rest are only counted
 * @param earliestDate   the earliest event date accepted; an earlier one is a bad value (a typing
 *                       slip such as 0202-03-14, or a placeholder such as 0000-01-01)
 * @param latestDate     the latest event date accepted (placeholders such as 9999-12-31)
 * @param maxValueLength the most characters one value may have; a longer one makes the file unusable
 *                       (it is nearly always a quote left open that swallowed the rest of the file)
 * @param maxLineLength  the most characters one physical line may have; a longer one makes the file
 *                       unusable (a binary file, or a row of a million commas)
 */
public record ReadOptions(boolean skipInvalid, int maxProblems, LocalDate earliestDate, LocalDate latestDate,
                          int maxValueLength, int maxLineLength) {

    /** The default problem cap. */
    public static final int DEFAULT_MAX_PROBLEMS = 100;

    /**
     * The default earliest event date: QI training programmes of the kind this library models
     * began in the NHS in the 1990s, so an earlier date is a slip, not a record.
     */
    public static final LocalDate DEFAULT_EARLIEST_DATE = LocalDate.of(1990, 1, 1);

    /** The default latest event date: far enough for planned sessions, short of placeholders such as 9999-12-31. */
    public static final LocalDate DEFAULT_LATEST_DATE = LocalDate.of(2100, 12, 31);

    /** The default limit for one value: a revocation reason or a team name is far shorter. */
    public static final int DEFAULT_MAX_VALUE_LENGTH = 10_000;

    /** The default limit for one physical line: ten values at their own limit. */
    public static final int DEFAULT_MAX_LINE_LENGTH = 100_000;

    /** Fail on any bad row, listing up to 100 problems. */
    public static final ReadOptions STRICT = new ReadOptions(false, DEFAULT_MAX_PROBLEMS);

    /** Return the valid rows and the rejected ones apart. */
    public static final ReadOptions SKIP_INVALID = new ReadOptions(true, DEFAULT_MAX_PROBLEMS);

    public ReadOptions {
        if (maxProblems < 1) {
            throw new IllegalArgumentException("maxProblems must be at least 1, not " + maxProblems);
        }
        Objects.requireNonNull(earliestDate, "earliestDate");
        Objects.requireNonNull(latestDate, "latestDate");
        if (latestDate.isBefore(earliestDate)) {
            throw new IllegalArgumentException("the latest date accepted (" + latestDate
                    + ") is before the earliest (" + earliestDate + ")");
        }
        if (maxValueLength < 1) {
            throw new IllegalArgumentException("maxValueLength must be at least 1, not " + maxValueLength);
        }
        if (maxLineLength < 1) {
            throw new IllegalArgumentException("maxLineLength must be at least 1, not " + maxLineLength);
        }
    }

    /** Options with the default limits. */
    public ReadOptions(boolean skipInvalid, int maxProblems) {
        this(skipInvalid, maxProblems, DEFAULT_EARLIEST_DATE, DEFAULT_LATEST_DATE, DEFAULT_MAX_VALUE_LENGTH,
                DEFAULT_MAX_LINE_LENGTH);
    }

    /** These options listing at most {@code max} problems. */
    public ReadOptions withMaxProblems(int max) {
        return new ReadOptions(skipInvalid, max, earliestDate, latestDate, maxValueLength, maxLineLength);
    }

    /** These options accepting event dates from {@code earliest} to {@code latest}, both included. */
    public ReadOptions withDateRange(LocalDate earliest, LocalDate latest) {
        return new ReadOptions(skipInvalid, maxProblems, earliest, latest, maxValueLength, maxLineLength);
    }

    /** These options accepting values of up to {@code max} characters. */
    public ReadOptions withMaxValueLength(int max) {
        return new ReadOptions(skipInvalid, maxProblems, earliestDate, latestDate, max, maxLineLength);
    }

    /** These options accepting physical lines of up to {@code max} characters. */
    public ReadOptions withMaxLineLength(int max) {
        return new ReadOptions(skipInvalid, maxProblems, earliestDate, latestDate, maxValueLength, max);
    }
}
