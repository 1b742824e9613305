package org.qipathways.report;

/**
 * Small-number disclosure control for counts of people, following NHS Digital's rule for
 * published statistics below national level: 0 is shown as 0, counts from 1 to the threshold
 * (7) as {@code *}, and every other count rounded to the nearest 5. Totals must be computed from
 * unrounded values and then passed through the same rule.
 * <pre>{@code
 * Disclosure nhs = Disclosure.NHS_DIGITAL;
 * nhs.count(0);     // "0"
 * nhs.count(6);     // "*"
 * nhs.count(23);    // "25"
 * Disclosure.NONE.count(6);   // "6" (internal use only)
 * }</pre>
 *
 * @param threshold  counts from 1 to this are suppressed; 0 suppresses nothing
 * @param roundingBase counts above the threshold are rounded to a multiple of this; 1 leaves them as they are
 */
public record Disclosure(int threshold, int roundingBase) {

    /** NHS Digital's rule: 1-7 suppressed, others rounded to the nearest 5. */
    public static final Disclosure NHS_DIGITAL = new Disclosure(7, 5);
    /** The stricter research-environment rule: fewer than 10 suppressed, others rounded to the nearest 5. */
    public static final Disclosure STRICT_10 = new Disclosure(9, 5);
    /** No suppression or rounding, for internal use; reports must say so. */
    public static final Disclosure NONE = new Disclosure(0, 1);

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
        if (n < 0) {
            throw new IllegalArgumentException("a count cannot be negative: " + n);
        }
        if (n == 0) {
            return "0";
        }
        if (n <= threshold) {
            return "*";
        }
        long rounded = Math.round((double) n / roundingBase) * roundingBase;
        return Long.toString(rounded);
    }

    /** Whether a rate or median over {@code n} people may be shown (more than the threshold). */
    public boolean allowsStatisticOver(long n) {
        return n > threshold;
    }

    /** One sentence stating the method, for the foot of a table. */
    public String method() {
        if (threshold == 0 && roundingBase == 1) {
            return "No small-number suppression: for internal use only.";
        }
        return "Counts of 1 to " + threshold + " people are shown as *; other counts are rounded to the nearest "
                + roundingBase + "; totals are rounded from unrounded values.";
    }
}
