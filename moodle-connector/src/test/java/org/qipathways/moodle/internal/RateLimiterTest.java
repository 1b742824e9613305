package org.qipathways.moodle.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Request starts spaced evenly, on a fake clock. */
class RateLimiterTest {

    private long now = 1_000_000_000L;
    private final List<Duration> waits = new ArrayList<>();

    private RateLimiter limiter(double perSecond) {
        return new RateLimiter(perSecond, () -> now, d -> {
            waits.add(d);
            now += d.toNanos();
        });
    }

    @Test
    void startsInQuickSuccessionWaitForTheirSlot() throws InterruptedException {
        RateLimiter limit = limiter(5);

        for (int i = 0; i < 4; i++) {
            limit.acquire();
        }

        assertThat(waits).containsExactly(Duration.ofMillis(200), Duration.ofMillis(200), Duration.ofMillis(200));
    }

    @Test
    void afterAPauseTheNextStartNeedNotWait() throws InterruptedException {
        RateLimiter limit = limiter(2);
        limit.acquire();
        now += 2_000_000_000L;

        limit.acquire();

        assertThat(waits).isEmpty();
    }

    @Test
    void zeroMeansNoLimit() throws InterruptedException {
        RateLimiter limit = limiter(0);
        for (int i = 0; i < 100; i++) {
            limit.acquire();
        }
        assertThat(waits).isEmpty();
    }
}
