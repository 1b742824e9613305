package org.qipathways.report;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.qipathways.programme.Programme;
import org.qipathways.progress.Evaluator;
import org.qipathways.progress.Progress;
import org.qipathways.record.Learner;
import org.qipathways.record.LearnerRecord;

/**
 * What a progression report is computed from: every learner's progress as of the report date and
 * as of a year before it, who the learners are, and their records.
 * <pre>{@code
 * ReportInput input = ReportInput.evaluate(Evaluator.of(programme), records, learners, LocalDate.of(2026, 3, 31));
 * ProgressionReport report = ProgressionReport.of(input, Disclosure.NHS_DIGITAL);
 * }</pre>
 *
 * @param programme the programme the learners were evaluated against
 * @param asOf      the report date
 * @param now       every learner's progress as of {@code asOf}, one per learner
 * @param yearAgo   the same learners' progress as of {@code asOf} minus one year, in the same order
 * @param learners  the learners' descriptions (organisation, staff group, band, region), e.g. the
 *                  rows of {@code learners.csv}; learners without one are reported as not in the learners file
 * @param records   the learners' records, for the dates of their first and last events
 */
public record ReportInput(Programme programme, LocalDate asOf, List<Progress> now, List<Progress> yearAgo,
                          List<Learner> learners, List<LearnerRecord> records) {

    /**
     * Checks that the parts fit together.
     *
     * @throws IllegalArgumentException when a progress is for another date, the two progress lists
     *                                  name different learners, or a learner has no record
     */
    public ReportInput {
        Objects.requireNonNull(programme, "programme");
        Objects.requireNonNull(asOf, "asOf");
        now = List.copyOf(now);
        yearAgo = List.copyOf(yearAgo);
        learners = List.copyOf(learners);
        records = List.copyOf(records);
        if (now.size() != yearAgo.size()) {
            throw new IllegalArgumentException(now.size() + " learners' progress now, but " + yearAgo.size() + " a year ago");
        }
        LocalDate before = asOf.minusYears(1);
        Set<String> withRecords = new HashSet<>(records.size() * 2);
        for (LearnerRecord r : records) {
            withRecords.add(r.learnerId());
        }
        for (int i = 0; i < now.size(); i++) {
            Progress p = now.get(i);
            Progress q = yearAgo.get(i);
            if (!p.asOf().equals(asOf) || !q.asOf().equals(before)) {
                throw new IllegalArgumentException("progress of " + p.learnerId() + " is as of " + p.asOf() + " and " + q.asOf()
                        + ", expected " + asOf + " and " + before);
            }
            if (!p.learnerId().equals(q.learnerId())) {
                throw new IllegalArgumentException("progress now and a year ago differ at position " + i + ": "
                        + p.learnerId() + " and " + q.learnerId());
            }
            if (!withRecords.contains(p.learnerId())) {
                throw new IllegalArgumentException("no record for learner " + p.learnerId());
            }
        }
    }

    /**
     * Evaluates {@code records} as of {@code asOf} and as of a year before, on as many threads as
     * the machine has cores.
     */
    public static ReportInput evaluate(Evaluator evaluator, List<LearnerRecord> records, List<Learner> learners, LocalDate asOf) {
        List<Progress> now = evaluator.evaluateAll(records, asOf);
        List<Progress> before = evaluator.evaluateAll(records, asOf.minusYears(1));
        return new ReportInput(evaluator.programme(), asOf, now, before, learners, records);
    }
}
