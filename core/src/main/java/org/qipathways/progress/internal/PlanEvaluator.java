package org.qipathways.progress.internal;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.qipathways.programme.Programme;
import org.qipathways.progress.Evaluator;
import org.qipathways.progress.Progress;
import org.qipathways.record.LearnerEvent;
import org.qipathways.record.LearnerRecord;
import org.qipathways.rules.Role;

/** The evaluator over a compiled {@link EvaluationPlan}. */
public final class PlanEvaluator implements Evaluator {
    /** Learners handed to a worker at a time: large enough to amortise the hand-over, small enough to balance. */
    private static final int CHUNK = 256;

    private final EvaluationPlan plan;

    public PlanEvaluator(Programme programme) {
        this.plan = EvaluationPlan.compile(programme);
    }

    @Override
    public Programme programme() {
        return plan.programme();
    }

    @Override
    public Progress evaluate(LearnerRecord record, LocalDate asOf) {
        return plan.evaluate(compact(record), asOf);
    }

    /** The learner's events resolved against the plan. */
    public CompactRecord compact(LearnerRecord record) {
        CompactRecord.Builder b = new CompactRecord.Builder(plan, record.learnerId());
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
        return b.build();
    }

    @Override
    public List<Progress> evaluateAll(List<LearnerRecord> records, LocalDate asOf, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, was " + threads);
        }
        Progress[] out = new Progress[records.size()];
        if (threads == 1 || records.size() <= CHUNK) {
            for (int i = 0; i < out.length; i++) {
                out[i] = evaluate(records.get(i), asOf);
            }
            return Arrays.asList(out);
        }
        AtomicInteger next = new AtomicInteger();
        Runnable worker = () -> {
            for (int start = next.getAndAdd(CHUNK); start < out.length; start = next.getAndAdd(CHUNK)) {
                int end = Math.min(out.length, start + CHUNK);
                for (int i = start; i < end; i++) {
                    out[i] = evaluate(records.get(i), asOf);
                }
            }
        };
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "qip-evaluator");
            t.setDaemon(true);
            return t;
        });
        try {
            Future<?>[] running = new Future<?>[threads];
            for (int i = 0; i < threads; i++) {
                running[i] = pool.submit(worker);
            }
            for (Future<?> f : running) {
                f.get();
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
        return Arrays.asList(out);
    }
}
