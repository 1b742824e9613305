package org.qipathways.moodle.internal;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Spaces request starts evenly so that no more than a set number start per second, across all
 * threads. Each caller reserves the next free slot, then waits for it outside the lock.
 * <pre>{@code
 * RateLimiter limit = new RateLimiter(5, System::nanoTime, Sleeper.SYSTEM);   // one start every 200 ms
 * limit.acquire();
 * }</pre>
 */
public final class RateLimiter {

    private final long intervalNanos;
    private final LongSupplier nanoTime;
    private final Sleeper sleeper;
    private long nextFree;
    private boolean started;

    /** A limiter for {@code perSecond} starts per second; 0 means no limit. */
    public RateLimiter(double perSecond, LongSupplier nanoTime, Sleeper sleeper) {
        this.intervalNanos = perSecond <= 0 ? 0 : (long) (1_000_000_000L / perSecond);
        this.nanoTime = nanoTime;
        this.sleeper = sleeper;
    }

    /** Waits until the caller may start a request. */
    public void acquire() throws InterruptedException {
        if (intervalNanos == 0) {
            return;
        }
        long wait;
        synchronized (this) {
            long now = nanoTime.getAsLong();
            long slot = !started || now - nextFree > 0 ? now : nextFree;
            started = true;
            nextFree = slot + intervalNanos;
            wait = slot - now;
        }
        if (wait > 0) {
            sleeper.sleep(Duration.ofNanos(wait));
        }
    }
}
