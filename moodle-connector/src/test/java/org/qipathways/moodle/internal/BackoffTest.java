package org.qipathways.moodle.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private static Backoff withRandom(double r) {
        return new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30), () -> r);
    }

    @Test
    void eachWaitDoublesAndIsJitteredWithinTheUpperHalfOfItsStep() {
        for (int retry = 1; retry <= 4; retry++) {
            long step = 500L << (retry - 1);
            assertThat(withRandom(0.0).delay(retry, null)).isEqualTo(Duration.ofMillis(step / 2));
            assertThat(withRandom(0.999_999).delay(retry, null).toMillis()).isBetween(step - 1, step);
        }
    }

    @Test
    void waitsStopGrowingAtTheMaximum() {
        assertThat(withRandom(0.999_999).delay(20, null).toMillis()).isBetween(29_999L, 30_000L);
        assertThat(withRandom(0.0).delay(1_000, null)).isEqualTo(Duration.ofSeconds(15));
    }

    @Test
    void retryAfterRaisesTheWaitButNotAboveTheMaximum() {
        assertThat(withRandom(0.0).delay(1, Duration.ofSeconds(7))).isEqualTo(Duration.ofSeconds(7));
        assertThat(withRandom(0.0).delay(1, Duration.ofHours(1))).isEqualTo(Duration.ofSeconds(30));
    }
}
