package org.qipathways.samples.cli;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Runs independent file writes on a few threads and fails as the first failed write did, once
 * every write started has ended (so that no write is still going on when the caller reports).
 * <pre>{@code
 * ParallelWrites.run(List.of(() -> write(a), () -> write(b)), 2);
 * }</pre>
 */
final class ParallelWrites {

    private ParallelWrites() {
    }

    static void run(List<Callable<Void>> writes, int threads) throws IOException {
        if (threads <= 1 || writes.size() < 2) {
            for (Callable<Void> w : writes) {
                call(w);
            }
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, writes.size()), r -> {
            Thread t = new Thread(r, "qip-certify-write");
            t.setDaemon(true);
            return t;
        });
        List<Future<Void>> started = new ArrayList<>(writes.size());
        try {
            writes.forEach(w -> started.add(pool.submit(w)));
            Throwable first = null;
            for (Future<Void> f : started) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    if (first == null) {
                        first = e.getCause();
                        started.forEach(other -> other.cancel(false));
                    }
                } catch (java.util.concurrent.CancellationException e) {
                    // cancelled after the first failure
                }
            }
            pool.shutdown();
            // a write that was running when another failed is let finish: none is half done when we report
            pool.awaitTermination(1, TimeUnit.MINUTES);
            if (first instanceof IOException io) {
                throw io;
            }
            if (first instanceof RuntimeException re) {
                throw re;
            }
            if (first instanceof Error err) {
                throw err;
            }
            if (first != null) {
                throw new IllegalStateException(first);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while writing certificates", e);
        } finally {
            pool.shutdown();
        }
    }

    private static void call(Callable<Void> w) throws IOException {
        try {
            w.call();
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
