package org.qipathways.progress;

import java.time.LocalDate;
import org.qipathways.progress.internal.CompactRecord;
import org.qipathways.progress.internal.EvaluationPlan;

/** Builds learners' records for tests from one line per event: {@code 2025-01-10 assessed BRZ-QUIZ 85}. */
final class Records {
    private Records() {
    }

    static CompactRecord of(EvaluationPlan plan, String learnerId, String... lines) {
        CompactRecord.Builder b = new CompactRecord.Builder(plan, learnerId);
        for (String line : lines) {
            String[] f = line.trim().split("\\s+", 4);
            LocalDate date = LocalDate.parse(f[0]);
            String result = f.length > 3 ? f[3] : "";
            switch (f[1]) {
                case "completed" -> b.completed(date, f[2]);
                case "assessed" -> b.assessed(date, f[2], Integer.parseInt(result));
                case "attended" -> b.attended(date, f[2], switch (result) {
                    case "participant" -> false;
                    case "facilitator" -> true;
                    default -> throw new IllegalArgumentException(line);
                });
                case "evidence" -> b.evidence(date, f[2], switch (result) {
                    case "submitted" -> 0;
                    case "approved" -> 1;
                    case "rejected" -> 2;
                    default -> throw new IllegalArgumentException(line);
                });
                case "rated" -> b.rated(date, f[2], Integer.parseInt(result));
                case "prior_learning" -> b.priorLearning(date, f[2], result.equals("approved"));
                case "revoked" -> b.revoked(date, f[2], result);
                default -> throw new IllegalArgumentException(line);
            }
        }
        return b.build();
    }
}
