package org.qipathways.progress;

import java.time.LocalDate;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;
import org.qipathways.programme.Programme;
import org.qipathways.progress.internal.PlanEvaluator;
import org.qipathways.record.LearnerRecord;

/**
 * Says where learners stand on every tier of a programme as of a date: a pure function of
 * (programme, learner record, as-of date), so any past decision can be re-derived for an audit.
 *
 * <p>The programme is compiled once into an evaluation plan; an evaluator is immutable and
 * thread-safe, and evaluates many learners in parallel with results in input order.
 * <pre>{@code
 * Evaluator evaluator = Evaluator.of(Programme.reference());
 * Progress p = evaluator.evaluate(record, LocalDate.of(2026, 3, 31));
 * TierProgress bronze = p.tier("BRONZE");
 * bronze.status();    // IN_PROGRESS
 * bronze.unmet();     // ["either Bronze online course and knowledge check (Bronze knowledge check: best score 72, needs 80), or ..."]
 * }</pre>
 */
public interface Evaluator {

    /** An evaluator for {@code programme}. */
    static Evaluator of(Programme programme) {
        return new NullCheckingEvaluator(new PlanEvaluator(programme));
    }

    /** The programme this evaluator judges against. */
    Programme programme();

    /**
     * One learner's standing on every tier; events dated after {@code asOf} are ignored.
     *
     * @throws IllegalArgumentException when {@code record} is null (a learner with no events: evaluate
     *                                  {@link LearnerRecord#empty} instead) or {@code asOf} is null
     */
    Progress evaluate(LearnerRecord record, LocalDate asOf);

    /**
     * Every learner's standing, in the order of {@code records}, using up to {@code threads}
     * threads (1 evaluates on the calling thread).
     */
    List<Progress> evaluateAll(List<LearnerRecord> records, LocalDate asOf, int threads);

    /**
     * Evaluates learners as they come and hands each result to {@code sink} on the calling thread,
     * in input order, holding only a bounded window of results: for regions too large to keep
     * every learner's explanation in memory at once.
     * <pre>{@code
     * evaluator.evaluateEach(records.iterator(), asOf, 2, progress -> csv.write(progress));
     * }</pre>
     */
    default void evaluateEach(Iterator<LearnerRecord> records, LocalDate asOf, int threads, Consumer<Progress> sink) {
        evaluateEach(records, asOf, threads, Detail.FULL, sink);
    }

    /**
     * {@link #evaluateEach(Iterator, LocalDate, int, Consumer)} building only the explanation
     * {@code detail} asks for: {@link Detail#STATUSES} when only statuses and dates are read, which
     * takes a fraction of the time and allocation of a full one.
     */
    void evaluateEach(Iterator<LearnerRecord> records, LocalDate asOf, int threads, Detail detail, Consumer<Progress> sink);

    /** {@link #evaluate(LearnerRecord, LocalDate)} building only the explanation {@code detail} asks for. */
    Progress evaluate(LearnerRecord record, LocalDate asOf, Detail detail);

    /** {@link #evaluateAll(List, LocalDate, int)} on as many threads as the machine has cores. */
    default List<Progress> evaluateAll(List<LearnerRecord> records, LocalDate asOf) {
        return evaluateAll(records, asOf, Runtime.getRuntime().availableProcessors());
    }
}
