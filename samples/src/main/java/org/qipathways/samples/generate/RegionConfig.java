package org.qipathways.samples.generate;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What to generate: how many learners, from which seed, and the last day of their three-year
 * history. The same config always gives byte-identical files.
 * <pre>{@code
 * RegionConfig config = new RegionConfig(100_000, 1, LocalDate.of(2025, 3, 31));
 * config.firstDay();   // 2022-04-01
 * }</pre>
 *
 * @param learners how many learners, at least 1
 * @param seed     any number; a different seed gives a different region of the same shape
 * @param end      the last day of the history; no event is dated after it
 */
public record RegionConfig(int learners, long seed, LocalDate end) {
    public RegionConfig {
        if (learners < 1) {
            throw new IllegalArgumentException("learners must be at least 1, was " + learners);
        }
        Objects.requireNonNull(end, "end");
    }

    /** The first day of the history: three years before the end date, plus one day. */
    public LocalDate firstDay() {
        return end.minusYears(3).plusDays(1);
    }
}
