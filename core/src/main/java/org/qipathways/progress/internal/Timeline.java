package org.qipathways.progress.internal;

import java.util.Arrays;

/**
 * The days on which something holds, as sorted, disjoint, half-open intervals of epoch days
 * {@code [start, end)}; {@link #FOREVER} as an end means "from then on".
 *
 * <p>Every requirement node evaluates to a timeline over the learner's whole record, so "the
 * first date on which the whole rule holds" is the start of the rule's first interval, and
 * non-monotone facts (holding a tier that later lapses, a count over a sliding year) combine
 * exactly with {@link #and} and {@link #or} instead of being re-evaluated date by date.
 */
public final class Timeline {
    /** An end that never comes. */
    public static final int FOREVER = Integer.MAX_VALUE;

    private static final int[] NONE = new int[0];
    static final Timeline NEVER = new Timeline(NONE);

    /** start0, end0, start1, end1, ...: sorted, disjoint, non-adjacent. */
    final int[] bounds;

    private Timeline(int[] bounds) {
        this.bounds = bounds;
    }

    static Timeline from(int day) {
        return day == FOREVER ? NEVER : new Timeline(new int[] {day, FOREVER});
    }

    static Timeline between(int start, int endExclusive) {
        return start >= endExclusive ? NEVER : new Timeline(new int[] {start, endExclusive});
    }

    /** A timeline from intervals that may overlap or touch, in any order. */
    static Timeline union(int[] starts, int[] ends, int n) {
        if (n == 0) {
            return NEVER;
        }
        long[] packed = new long[n];
        for (int i = 0; i < n; i++) {
            packed[i] = ((long) starts[i] << 32) | (ends[i] & 0xffffffffL);
        }
        Arrays.sort(packed, 0, n);
        int[] out = new int[2 * n];
        int k = 0;
        for (int i = 0; i < n; i++) {
            int s = (int) (packed[i] >> 32);
            int e = (int) packed[i];
            if (s >= e) {
                continue;
            }
            if (k > 0 && s <= out[k - 1]) {
                out[k - 1] = Math.max(out[k - 1], e);
            } else {
                out[k++] = s;
                out[k++] = e;
            }
        }
        return k == 0 ? NEVER : new Timeline(Arrays.copyOf(out, k));
    }

    boolean isNever() {
        return bounds.length == 0;
    }

    /** The first day it holds, or {@link #FOREVER} when never. */
    int first() {
        return bounds.length == 0 ? FOREVER : bounds[0];
    }

    /** Whether it holds on {@code day}. */
    boolean holdsOn(int day) {
        for (int i = 0; i < bounds.length; i += 2) {
            if (day < bounds[i]) {
                return false;
            }
            if (day < bounds[i + 1]) {
                return true;
            }
        }
        return false;
    }

    /** The start of the interval holding on {@code day}, or {@link #FOREVER} when it does not hold then. */
    int since(int day) {
        for (int i = 0; i < bounds.length; i += 2) {
            if (day >= bounds[i] && day < bounds[i + 1]) {
                return bounds[i];
            }
        }
        return FOREVER;
    }

    /** The first day on or after {@code day} on which it holds, or {@link #FOREVER}. */
    int firstOnOrAfter(int day) {
        for (int i = 0; i < bounds.length; i += 2) {
            if (day < bounds[i + 1]) {
                return Math.max(day, bounds[i]);
            }
        }
        return FOREVER;
    }

    /** The part before {@code day}. */
    Timeline before(int day) {
        if (bounds.length == 0 || bounds[bounds.length - 1] <= day) {
            return this;
        }
        return and(this, between(Integer.MIN_VALUE, day));
    }

    static Timeline and(Timeline a, Timeline b) {
        if (a.isNever() || b.isNever()) {
            return NEVER;
        }
        int[] x = a.bounds;
        int[] y = b.bounds;
        int[] out = new int[x.length + y.length];
        int i = 0;
        int j = 0;
        int k = 0;
        while (i < x.length && j < y.length) {
            int s = Math.max(x[i], y[j]);
            int e = Math.min(x[i + 1], y[j + 1]);
            if (s < e) {
                out[k++] = s;
                out[k++] = e;
            }
            if (x[i + 1] < y[j + 1]) {
                i += 2;
            } else {
                j += 2;
            }
        }
        return k == 0 ? NEVER : new Timeline(Arrays.copyOf(out, k));
    }

    static Timeline or(Timeline a, Timeline b) {
        if (a.isNever()) {
            return b;
        }
        if (b.isNever()) {
            return a;
        }
        int n = (a.bounds.length + b.bounds.length) / 2;
        int[] starts = new int[n];
        int[] ends = new int[n];
        int k = 0;
        for (int i = 0; i < a.bounds.length; i += 2) {
            starts[k] = a.bounds[i];
            ends[k++] = a.bounds[i + 1];
        }
        for (int i = 0; i < b.bounds.length; i += 2) {
            starts[k] = b.bounds[i];
            ends[k++] = b.bounds[i + 1];
        }
        return union(starts, ends, n);
    }

    /** The days on which at least {@code k} of {@code parts} hold. */
    static Timeline atLeast(int k, Timeline[] parts) {
        int n = 0;
        for (Timeline t : parts) {
            n += t.bounds.length;
        }
        // Sweep over all boundaries: +1 at a start, -1 at an end.
        long[] edges = new long[n];
        int m = 0;
        for (Timeline t : parts) {
            for (int i = 0; i < t.bounds.length; i += 2) {
                edges[m++] = ((long) t.bounds[i] << 1) | 1;          // start
                if (t.bounds[i + 1] != FOREVER) {
                    edges[m++] = ((long) t.bounds[i + 1] << 1);      // end sorts before a start on the same day
                }
            }
        }
        Arrays.sort(edges, 0, m);
        int[] starts = new int[m];
        int[] ends = new int[m];
        int count = 0;
        int c = 0;
        int open = Integer.MIN_VALUE;
        for (int i = 0; i < m; i++) {
            int day = (int) (edges[i] >> 1);
            boolean start = (edges[i] & 1) == 1;
            int before = c;
            c += start ? 1 : -1;
            if (before < k && c >= k) {
                open = day;
            } else if (before >= k && c < k) {
                starts[count] = open;
                ends[count++] = day;
            }
        }
        if (c >= k) {
            starts[count] = open;
            ends[count++] = FOREVER;
        }
        return union(starts, ends, count);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < bounds.length; i += 2) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(java.time.LocalDate.ofEpochDay(bounds[i])).append("..");
            sb.append(bounds[i + 1] == FOREVER ? "" : java.time.LocalDate.ofEpochDay(bounds[i + 1] - 1L).toString());
        }
        return sb.append(']').toString();
    }
}
