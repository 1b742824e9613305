package org.qipathways.moodle.internal;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Waits between attempts: exponential (base, 2 x base, 4 x base, ...) up to a maximum, with
 * "equal jitter" (a random point in the upper half of each step) so that many clients that failed
 * together do not come back together, while each wait still grows.
 * <pre>{@code
 * new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30), random::nextDouble).delay(3, null);   // 1-2 s
 * }</pre>
 */
public final class Backoff {

    private final Duration base;
    private final Duration max;
    private final DoubleSupplier random;

    public Backoff(Duration base, Duration max, DoubleSupplier random) {
        this.base = base;
        this.max = max;
        this.random = random;
    }

    /**
     * The wait before retry number {@code retry} (1 for the first); a server's {@code Retry-After}
     * raises it, but never above the maximum.
     */
    public Duration delay(int retry, Duration retryAfter) {
        long baseNanos = base.toNanos();
        long cap = max.toNanos();
        long step = baseNanos;
        for (int i = 0; i < retry - 1 && step < cap; i++) {
            step = Math.min(cap, step * 2);
        }
        step = Math.min(step, cap);
        long half = step / 2;
        long wait = half + (long) (random.getAsDouble() * (step - half));
        if (retryAfter != null) {
            wait = Math.max(wait, Math.min(cap, retryAfter.toNanos()));
        }
        return Duration.ofNanos(wait);
    }
}
