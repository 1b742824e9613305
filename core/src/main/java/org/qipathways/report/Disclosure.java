package org.qipathways.report;

import java.util.Locale;

/**
 * Small-number disclosure control for counts of people, following NHS Digital's rule for
 * published statistics below national level: 0 is shown as 0, counts from 1 to the threshold
 * (7) as {@code *}, and every other count rounded to the nearest 5. Totals must be computed from
 * unrounded values and then passed through the same rule; percentages are computed from the
 * rounded counts, and rates, medians and quartiles over the threshold or fewer people are withheld.
 * <pre>{@code
 * Disclosure nhs = Disclosure.NHS_DIGITAL;
 * nhs.count(0);     // "0"
 * nhs.count(6);     // "*"
 * nhs.count(23);    // "25"
 * nhs.rate(48, 200);                   // "25%" (50 of 200, from the rounded counts)
 * Disclosure.NONE.count(6);            // "6" (internal use only)
 * new Disclosure(7, 1).publish(new long[][] {{3, 10, 12, 25}}, Disclosure.Totals.LAST_COLUMN);
 *                                      // [["*", "*", "12", "25"]]: 3 alone could be recovered from 25
 * }</pre>
 *
 * @param threshold    counts from 1 to this are suppressed; 0 suppresses nothing
 * @param roundingBase counts above the threshold are rounded to a multiple of this; 1 leaves them as they are
 */
public record Disclosure(int threshold, int roundingBase) {

    /** NHS Digital's rule: 1-7 suppressed, others rounded to the nearest 5. */
    public static final Disclosure NHS_DIGITAL = new Disclosure(7, 5);
    /** The stricter research-environment rule: fewer than 10 suppressed, others rounded to the nearest 5. */
    public static final Disclosure STRICT_10 = new Disclosure(9, 5);
    /** No suppression or rounding, for internal use; reports must say so. */
    public static final Disclosure NONE = new Disclosure(0, 1);

    /** What a withheld count or statistic is shown as. */
    public static final String WITHHELD = "*";

    /**
     * Which cells of a table are sums of others, so that {@link #publish} can stop a suppressed
     * count being recovered by subtraction.
     */
    public enum Totals {
        /** No cell is the sum of others. */
        NONE,
        /** The last cell of each row is the sum of the row's other cells. */
        LAST_COLUMN,
        /** The last row holds the sum of each column's other cells. */
        LAST_ROW,
        /** Both: the last column sums each row and the last row sums each column (the corner is the grand total). */
        BOTH
    }

    public Disclosure {
        if (threshold < 0) {
            throw new IllegalArgumentException("threshold must be 0 or more, was " + threshold);
        }
        if (roundingBase < 1) {
            throw new IllegalArgumentException("roundingBase must be 1 or more, was " + roundingBase);
        }
    }

    /** A count of people as it may be published. */
    public String count(long n) {
        if (suppresses(n)) {
            return WITHHELD;
        }
        return Long.toString(round(n));
    }

    /** Whether {@link #count} hides {@code n}: a count from 1 to the threshold. */
    public boolean suppresses(long n) {
        requireCount(n);
        return n > 0 && n <= threshold;
    }

    /** {@code n} rounded to the nearest multiple of the rounding base (halves up), as {@link #count} shows it when not suppressed. */
    public long round(long n) {
        requireCount(n);
        return Math.round((double) n / roundingBase) * roundingBase;
    }

    /** Whether a rate, median or quartile over {@code n} people may be shown (more than the threshold). */
    public boolean allowsStatisticOver(long n) {
        return n > threshold;
    }

    /**
     * {@code part} as a percentage of {@code whole}, computed from the counts as published, or
     * {@link #WITHHELD} when the part is suppressed or the whole is too small for a rate. Shown to
     * a whole percent when counts are rounded and the rounded whole is under 4,000 (the precision
     * rounded counts support), else to one decimal place. A column of rates over several wholes
     * uses {@link #rate(long, long, int)} with {@link #rateDecimals(long...)} of them all instead,
     * so that every row of it has one precision.
     */
    public String rate(long part, long whole) {
        return rate(part, whole, rateDecimals(whole));
    }

    /**
     * {@code part} as a percentage of {@code whole} as {@link #rate(long, long)}, withheld alike,
     * to {@code decimals} places: those {@link #rateDecimals(long...)} gives for the column it is in.
     */
    public String rate(long part, long whole, int decimals) {
        requireCount(part);
        requireCount(whole);
        if (part > whole) {
            throw new IllegalArgumentException("part " + part + " is more than the whole " + whole);
        }
        if (decimals < 0) {
            throw new IllegalArgumentException("decimals must be 0 or more, was " + decimals);
        }
        if (whole == 0 || !allowsStatisticOver(whole) || suppresses(part)) {
            return WITHHELD;
        }
        double percent = 100.0 * round(part) / round(whole);
        return String.format(Locale.ROOT, "%." + decimals + "f%%", percent);
    }

    /**
     * The decimal places for a column of rates over these wholes (one per row), so that the whole
     * column has one precision: the fewest any of them supports. Over a rounded whole under 4,000 a
     * rate is shown to a whole percent (0), else to one decimal (1); wholes over which no rate is
     * shown (0, or too few people) do not count. 1 when no whole is left.
     * <pre>{@code
     * nhs.rateDecimals(1000, 5000);   // 0: "50%" and "12.5%" in one column become "50%" and "13%"
     * nhs.rateDecimals(5000, 8000);   // 1
     * }</pre>
     */
    public int rateDecimals(long... wholes) {
        int decimals = 1;
        for (long whole : wholes) {
            requireCount(whole);
            if (whole > 0 && allowsStatisticOver(whole) && roundingBase > 1 && round(whole) < 4000) {
                decimals = 0;
            }
        }
        return decimals;
    }

    /**
     * A table of counts as it may be published: every cell through {@link #count}, and, when
     * counts are not rounded (rounding base 1), secondary suppression: wherever a published total
     * and the other published cells of its row or column would give away a suppressed cell by
     * subtraction, the smallest further non-zero cell of that line is suppressed too, until no
     * line has exactly one suppressed cell. Rounding to a base of 5 or more already blurs such
     * differences, so then only primary suppression applies.
     *
     * @param counts rectangular, non-negative; totals computed from the unrounded counts
     * @param totals which row and/or column holds totals
     * @return the published cells, same shape as {@code counts}
     */
    public String[][] publish(long[][] counts, Totals totals) {
        int rows = counts.length;
        int cols = rows == 0 ? 0 : counts[0].length;
        boolean[][] hidden = new boolean[rows][cols];
        for (int r = 0; r < rows; r++) {
            if (counts[r].length != cols) {
                throw new IllegalArgumentException("row " + r + " has " + counts[r].length + " cells, row 0 has " + cols);
            }
            for (int c = 0; c < cols; c++) {
                hidden[r][c] = suppresses(counts[r][c]);
            }
        }
        if (roundingBase == 1 && threshold > 0) {
            secondary(counts, hidden, totals);
        }
        String[][] out = new String[rows][cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                out[r][c] = hidden[r][c] ? WITHHELD : Long.toString(round(counts[r][c]));
            }
        }
        return out;
    }

    /** Adds suppressions until no additive line (row or column ending in its total) has exactly one. */
    private static void secondary(long[][] counts, boolean[][] hidden, Totals totals) {
        int rows = counts.length;
        int cols = rows == 0 ? 0 : counts[0].length;
        boolean rowLines = totals == Totals.LAST_COLUMN || totals == Totals.BOTH;
        boolean colLines = totals == Totals.LAST_ROW || totals == Totals.BOTH;
        // A line is a row (or column) whose last cell is the sum of the others; with both, the
        // totals row and column are lines too, ending in the grand total.
        int rowCount = rowLines ? rows : 0;
        int colCount = colLines ? cols : 0;
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int r = 0; r < rowCount; r++) {
                int[][] line = new int[cols][];
                for (int c = 0; c < cols; c++) {
                    line[c] = new int[] {r, c};
                }
                changed |= protectLine(counts, hidden, line);
            }
            for (int c = 0; c < colCount; c++) {
                int[][] line = new int[rows][];
                for (int r = 0; r < rows; r++) {
                    line[r] = new int[] {r, c};
                }
                changed |= protectLine(counts, hidden, line);
            }
        }
    }

    /**
     * In a line whose cells sum to zero with signs (parts minus total), one suppressed cell can be
     * recovered; hide another: the smallest non-zero one, else the smallest.
     */
    private static boolean protectLine(long[][] counts, boolean[][] hidden, int[][] line) {
        int suppressed = 0;
        for (int[] cell : line) {
            if (hidden[cell[0]][cell[1]]) {
                suppressed++;
            }
        }
        if (suppressed != 1 || line.length < 2) {
            return false;
        }
        int[] pick = null;
        for (boolean nonZeroOnly : new boolean[] {true, false}) {
            for (int[] cell : line) {
                long v = counts[cell[0]][cell[1]];
                if (hidden[cell[0]][cell[1]] || (nonZeroOnly && v == 0)) {
                    continue;
                }
                if (pick == null || v < counts[pick[0]][pick[1]]) {
                    pick = cell;
                }
            }
            if (pick != null) {
                break;
            }
        }
        hidden[pick[0]][pick[1]] = true;
        return true;
    }

    /** The method in a few sentences, for the head of a report. */
    public String method() {
        if (threshold == 0 && roundingBase == 1) {
            return "No small-number suppression: exact counts, for internal use only; do not publish.";
        }
        StringBuilder sb = new StringBuilder();
        if (threshold > 0) {
            sb.append(threshold == 1 ? "Counts of 1 person are shown as *; " : "Counts of 1 to " + threshold + " people are shown as *; ");
        }
        if (roundingBase > 1) {
            sb.append(threshold > 0 ? "other counts are" : "Counts are").append(" rounded to the nearest ").append(roundingBase)
                    .append("; totals are rounded from unrounded values; percentages are computed from the rounded counts.");
        } else {
            sb.append("other counts are exact; where a total would give away a single suppressed count by subtraction,"
                    + " the next smallest count in that row or column is shown as * too.");
        }
        if (threshold > 0) {
            sb.append(" Rates, medians and quartiles over ").append(threshold).append(threshold == 1 ? " person" : " or fewer people")
                    .append(" are withheld (*).");
        }
        return sb.toString();
    }

    private static void requireCount(long n) {
        if (n < 0) {
            throw new IllegalArgumentException("a count cannot be negative: " + n);
        }
    }
}
