package org.qipathways.progress;

import java.time.LocalDate;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;
import org.qipathways.programme.Programme;
import org.qipathways.record.LearnerRecord;

/**
 * The evaluator {@link Evaluator#of} returns: the compiled one, with a missing record or date turned
 * into an exception that says what to do instead of a {@code NullPointerException} from deep inside.
 * A missing record is what {@code records.get(id)} gives for a learner with no events.
 * <pre>{@code
 * Evaluator.of(programme).evaluate(records.get("L404"), asOf);   // IllegalArgumentException: ... LearnerRecord.empty
 * }</pre>
 */
final class NullCheckingEvaluator implements Evaluator {

    static final String NO_RECORD = "no learner record to evaluate (null): a learner with no events has no entry in"
            + " the map LearnerRecord.group returns; evaluate LearnerRecord.empty(learnerId) for them";

    private final Evaluator compiled;

    NullCheckingEvaluator(Evaluator compiled) {
        this.compiled = compiled;
    }

    @Override
    public Programme programme() {
        return compiled.programme();
    }

    @Override
    public Progress evaluate(LearnerRecord record, LocalDate asOf) {
        return compiled.evaluate(check(record), check(asOf));
    }

    @Override
    public Progress evaluate(LearnerRecord record, LocalDate asOf, Detail detail) {
        return compiled.evaluate(check(record), check(asOf), check(detail));
    }

    @Override
    public List<Progress> evaluateAll(List<LearnerRecord> records, LocalDate asOf, int threads) {
        if (records == null) {
            throw new IllegalArgumentException("records must not be null");
        }
        for (LearnerRecord r : records) {
            check(r);
        }
        return compiled.evaluateAll(records, check(asOf), threads);
    }

    @Override
    public void evaluateEach(Iterator<LearnerRecord> records, LocalDate asOf, int threads, Detail detail,
                             Consumer<Progress> sink) {
        if (records == null || sink == null) {
            throw new IllegalArgumentException(records == null ? "records must not be null" : "sink must not be null");
        }
        // checked as they are drawn: the iterator may be a stream too large to walk twice
        Iterator<LearnerRecord> checked = new Iterator<>() {
            @Override
            public boolean hasNext() {
                return records.hasNext();
            }

            @Override
            public LearnerRecord next() {
                return check(records.next());
            }
        };
        compiled.evaluateEach(checked, check(asOf), threads, check(detail), sink);
    }

    private static Detail check(Detail detail) {
        if (detail == null) {
            throw new IllegalArgumentException("detail must not be null: Detail.FULL builds the whole explanation");
        }
        return detail;
    }

    private static LearnerRecord check(LearnerRecord record) {
        if (record == null) {
            throw new IllegalArgumentException(NO_RECORD);
        }
        return record;
    }

    private static LocalDate check(LocalDate asOf) {
        if (asOf == null) {
            throw new IllegalArgumentException("asOf must not be null: give the date to judge on");
        }
        return asOf;
    }
}
