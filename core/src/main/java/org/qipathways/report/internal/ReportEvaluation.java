package org.qipathways.report.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.qipathways.programme.Programme;
import org.qipathways.progress.Detail;
import org.qipathways.progress.Evaluator;
import org.qipathways.record.Learner;
import org.qipathways.record.LearnerRecord;
import org.qipathways.report.Disclosure;
import org.qipathways.report.ProgressionReport;
import org.qipathways.report.ReportOptions;

/**
 * Builds a report's counts while its learners are evaluated, keeping no learner's progress: one
 * pass over the records a year before the report date and one on it, both with
 * {@link Detail#STATUSES} (all but one table read only statuses and dates), then the stall table's
 * learners alone again with {@link Detail#FULL}, since where a learner stalls is read from the
 * requirement tree ({@link StallKey}). Statuses are the same at every detail, so the counts are
 * those {@link ReportBuilder#build(org.qipathways.report.ReportInput, Disclosure, ReportOptions)}
 * makes from every learner's full progress.
 */
public final class ReportEvaluation {

    private ReportEvaluation() {
    }

    /** See {@link ProgressionReport#evaluate}. */
    public static ProgressionReport report(Evaluator evaluator, List<LearnerRecord> records, List<Learner> learners,
                                           LocalDate asOf, int threads, Disclosure disclosure, ReportOptions options) {
        String code = ReportBuilder.checkedOrganisation(disclosure, options);
        Programme programme = evaluator.programme();
        Map<String, Learner> learnerById = ReportBuilder.learnerById(learners);
        boolean keepIds = options.certificates() != null;
        ReportCounts region = new ReportCounts(programme, asOf, keepIds);
        ReportCounts one = code == null ? null : new ReportCounts(programme, asOf, keepIds);

        evaluator.evaluateEach(records.iterator(), asOf.minusYears(1), threads, Detail.STATUSES, q -> {
            region.addYearAgo(q);
            if (one != null && isOf(learnerById.get(q.learnerId()), code)) {
                one.addYearAgo(q);
            }
        });

        List<LearnerRecord> unexplained = new ArrayList<>();
        Iterator<LearnerRecord> evaluated = records.iterator();
        evaluator.evaluateEach(records.iterator(), asOf, threads, Detail.STATUSES, p -> {
            // results come in input order: the record beside each is the one it was evaluated from
            LearnerRecord r = evaluated.next();
            Learner l = learnerById.get(p.learnerId());
            region.addRecord(r);
            boolean stalled = region.addNow(p, r, l);
            if (one != null && isOf(l, code)) {
                one.addRecord(r);
                one.addNow(p, r, l);
            }
            if (stalled) {
                unexplained.add(r);
            }
        });

        Iterator<LearnerRecord> explained = unexplained.iterator();
        evaluator.evaluateEach(unexplained.iterator(), asOf, threads, Detail.FULL, p -> {
            LearnerRecord r = explained.next();
            region.addStalls(p, r);
            if (one != null && isOf(learnerById.get(p.learnerId()), code)) {
                one.addStalls(p, r);
            }
        });
        return ReportBuilder.build(programme, asOf, region, one, disclosure, options);
    }

    private static boolean isOf(Learner l, String code) {
        return l != null && l.organisation().equals(code);
    }
}
