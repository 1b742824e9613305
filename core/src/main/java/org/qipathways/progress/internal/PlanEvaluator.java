package org.qipathways.progress.internal;

import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.qipathways.programme.Programme;
import org.qipathways.progress.Detail;
import org.qipathways.progress.Evaluator;
import org.qipathways.progress.Progress;
import org.qipathways.record.LearnerEvent;
import org.qipathways.record.LearnerRecord;
import org.qipathways.rules.Role;

/** The evaluator over a compiled {@link EvaluationPlan}. */
public final class PlanEvaluator implements Evaluator {
    /** Learners handed to a worker at a time: large enough to amortise the hand-over, small enough to balance. */
    private static final int CHUNK = 256;
    /** Chunks queued per thread: enough to keep every thread busy while the sink drains the oldest. */
    private static final int IN_FLIGHT_PER_THREAD = 4;

    private final EvaluationPlan plan;
    /**
     * Each thread's builder, refilled for each learner: its arrays are allocated once per thread.
     * One slot per thread for all evaluators (static), so a thread keeps at most one plan alive.
     */
    private static final ThreadLocal<CompactRecord.Builder> BUILDERS = new ThreadLocal<>();

    public PlanEvaluator(Programme programme) {
        this.plan = EvaluationPlan.compile(programme);
    }

    @Override
    public Programme programme() {
        return plan.programme();
    }

    @Override
    public Progress evaluate(LearnerRecord record, LocalDate asOf) {
        return evaluate(record, asOf, Detail.FULL);
    }

    @Override
    public Progress evaluate(LearnerRecord record, LocalDate asOf, Detail detail) {
        return plan.evaluate(compact(record), asOf, detail);
    }

    /**
     * The learner's events resolved against the plan, in this thread's builder: the record is valid
     * until the thread compacts the next one, so it is evaluated straight away and dropped.
     */
    private CompactRecord compact(LearnerRecord record) {
        CompactRecord.Builder b = BUILDERS.get();
        if (b == null || !b.isFor(plan)) {
            b = new CompactRecord.Builder(plan, record.learnerId());
            BUILDERS.set(b);
        }
        b.reset(record.learnerId());
        for (LearnerEvent e : record.events()) {
            if (e instanceof LearnerEvent.Completed x) {
                b.completed(x.date(), x.item());
            } else if (e instanceof LearnerEvent.Assessed x) {
                b.assessed(x.date(), x.item(), x.score());
            } else if (e instanceof LearnerEvent.Attended x) {
                b.attended(x.date(), x.item(), x.role() == Role.FACILITATOR);
            } else if (e instanceof LearnerEvent.Evidence x) {
                b.evidence(x.date(), x.item(), switch (x.status()) {
                    case SUBMITTED -> CompactRecord.SUBMITTED;
                    case APPROVED -> CompactRecord.APPROVED;
                    case REJECTED -> CompactRecord.REJECTED;
                });
            } else if (e instanceof LearnerEvent.Rated x) {
                b.rated(x.date(), x.item(), x.level());
            } else if (e instanceof LearnerEvent.PriorLearning x) {
                b.priorLearning(x.date(), x.item(), x.decision() == LearnerEvent.Decision.APPROVED);
            } else if (e instanceof LearnerEvent.Revoked x) {
                b.revoked(x.date(), x.item(), x.reason());
            }
        }
        return b.reuse();
    }

    @Override
    public List<Progress> evaluateAll(List<LearnerRecord> records, LocalDate asOf, int threads) {
        List<Progress> out = new ArrayList<>(records.size());
        evaluateEach(records.iterator(), asOf, threads, out::add);
        return Collections.unmodifiableList(out);
    }

    @Override
    public void evaluateEach(Iterator<LearnerRecord> records, LocalDate asOf, int threads, Detail detail,
                             Consumer<Progress> sink) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, was " + threads);
        }
        if (threads == 1) {
            while (records.hasNext()) {
                sink.accept(evaluate(records.next(), asOf, detail));
            }
            return;
        }
        // An ordered pipeline: chunks are evaluated by threads - 1 pool threads and by the calling
        // thread, which, while the oldest chunk is not done, takes a queued chunk and evaluates it
        // itself; then hands the oldest chunk to the sink. So results keep input order, memory stays
        // bounded, and exactly `threads` threads evaluate (a pool of `threads` beside a waiting
        // caller left one core's worth of hand-over and waking per chunk to the caller).
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads - 1, threads - 1, 0, TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<>(), r -> {
                    Thread t = new Thread(r, "qip-evaluator");
                    t.setDaemon(true);
                    return t;
                });
        BlockingQueue<Runnable> queued = pool.getQueue();
        ArrayDeque<FutureTask<Progress[]>> inFlight = new ArrayDeque<>();
        try {
            while (records.hasNext() || !inFlight.isEmpty()) {
                while (records.hasNext() && inFlight.size() < IN_FLIGHT_PER_THREAD * threads) {
                    LearnerRecord[] chunk = nextChunk(records);
                    FutureTask<Progress[]> task = new FutureTask<>(() -> {
                        Progress[] done = new Progress[chunk.length];
                        for (int i = 0; i < chunk.length; i++) {
                            done[i] = evaluate(chunk[i], asOf, detail);
                        }
                        return done;
                    });
                    inFlight.add(task);
                    pool.execute(task);
                }
                FutureTask<Progress[]> oldest = inFlight.poll();
                while (!oldest.isDone()) {
                    Runnable next = queued.poll();
                    if (next == null) {
                        break; // every chunk is taken: wait for the oldest
                    }
                    next.run();
                }
                for (Progress p : oldest.get()) {
                    sink.accept(p);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while evaluating learners", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(cause);
        } finally {
            pool.shutdownNow();
        }
    }

    private static LearnerRecord[] nextChunk(Iterator<LearnerRecord> records) {
        LearnerRecord[] chunk = new LearnerRecord[CHUNK];
        int n = 0;
        while (n < CHUNK && records.hasNext()) {
            chunk[n++] = records.next();
        }
        return n == CHUNK ? chunk : Arrays.copyOf(chunk, n);
    }
}
