package org.qipathways.progress.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** Timeline algebra checked day by day against the obvious definition. */
class TimelineTest {

    static final int DAYS = 60;

    @Provide
    Arbitrary<Timeline> timelines() {
        return Arbitraries.integers().between(0, DAYS).list().ofMaxSize(6).map(points -> {
            int n = points.size() / 2;
            int[] s = new int[n + 1];
            int[] e = new int[n + 1];
            int k = 0;
            for (int i = 0; i + 1 < points.size(); i += 2) {
                s[k] = Math.min(points.get(i), points.get(i + 1));
                e[k++] = Math.max(points.get(i), points.get(i + 1));
            }
            if (points.size() % 2 == 1) {
                s[k] = points.get(points.size() - 1);
                e[k++] = Timeline.FOREVER;
            }
            return Timeline.union(s, e, k);
        });
    }

    @Property
    void andHoldsWhenBothHold(@ForAll("timelines") Timeline a, @ForAll("timelines") Timeline b) {
        Timeline both = Timeline.and(a, b);
        for (int d = -1; d <= DAYS + 1; d++) {
            assertThat(both.holdsOn(d)).as("day %d of %s and %s", d, a, b).isEqualTo(a.holdsOn(d) && b.holdsOn(d));
        }
    }

    @Property
    void orHoldsWhenEitherHolds(@ForAll("timelines") Timeline a, @ForAll("timelines") Timeline b) {
        Timeline either = Timeline.or(a, b);
        for (int d = -1; d <= DAYS + 1; d++) {
            assertThat(either.holdsOn(d)).isEqualTo(a.holdsOn(d) || b.holdsOn(d));
        }
    }

    @Property
    void atLeastCountsHoldingParts(@ForAll("timelines") Timeline a, @ForAll("timelines") Timeline b,
                                   @ForAll("timelines") Timeline c, @ForAll @IntRange(min = 1, max = 3) int k) {
        Timeline t = Timeline.atLeast(k, new Timeline[] {a, b, c});
        for (int d = -1; d <= DAYS + 1; d++) {
            int holding = (a.holdsOn(d) ? 1 : 0) + (b.holdsOn(d) ? 1 : 0) + (c.holdsOn(d) ? 1 : 0);
            assertThat(t.holdsOn(d)).as("day %d, k=%d", d, k).isEqualTo(holding >= k);
        }
    }

    @Property
    void sinceIsTheStartOfTheUnbrokenRun(@ForAll("timelines") Timeline a) {
        for (int d = 0; d <= DAYS; d++) {
            if (!a.holdsOn(d)) {
                assertThat(a.since(d)).isEqualTo(Timeline.FOREVER);
                continue;
            }
            int start = d;
            while (start - 1 >= -1 && a.holdsOn(start - 1)) {
                start--;
            }
            assertThat(a.since(d)).isEqualTo(start);
        }
    }

    @Test
    void touchingIntervalsMerge() {
        Timeline t = Timeline.union(new int[] {5, 1}, new int[] {9, 5}, 2);
        assertThat(t.toString()).isEqualTo(List.of(Timeline.between(1, 9).toString()).get(0));
        assertThat(t.first()).isEqualTo(1);
        assertThat(t.firstOnOrAfter(7)).isEqualTo(7);
        assertThat(t.firstOnOrAfter(9)).isEqualTo(Timeline.FOREVER);
    }
}
