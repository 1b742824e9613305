package org.qipathways.certification;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.qipathways.record.LearnerEvent;
import org.qipathways.record.LearnerRecord;
import org.qipathways.rules.Role;

/** Learners' records for tests, one line per event: {@code 2025-01-10 assessed BRZ-QUIZ 85}. */
final class Events {
    private Events() {
    }

    static LearnerRecord record(String learnerId, String... lines) {
        List<LearnerEvent> events = new ArrayList<>();
        for (String line : lines) {
            String[] f = line.trim().split("\\s+", 4);
            LocalDate date = LocalDate.parse(f[0]);
            String result = f.length > 3 ? f[3] : "";
            events.add(switch (f[1]) {
                case "completed" -> new LearnerEvent.Completed(learnerId, date, f[2]);
                case "assessed" -> new LearnerEvent.Assessed(learnerId, date, f[2], Integer.parseInt(result));
                case "attended" -> new LearnerEvent.Attended(learnerId, date, f[2],
                        result.equals("facilitator") ? Role.FACILITATOR : Role.PARTICIPANT);
                case "evidence" -> new LearnerEvent.Evidence(learnerId, date, f[2], LearnerEvent.EvidenceStatus.fromId(result));
                case "rated" -> new LearnerEvent.Rated(learnerId, date, f[2], Integer.parseInt(result));
                case "prior_learning" -> new LearnerEvent.PriorLearning(learnerId, date, f[2], LearnerEvent.Decision.fromId(result));
                case "revoked" -> new LearnerEvent.Revoked(learnerId, date, f[2], result);
                default -> throw new IllegalArgumentException(line);
            });
        }
        return new LearnerRecord(learnerId, events);
    }

    static String[] concat(String[] a, String... b) {
        String[] out = new String[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** Bronze on 2022-01-11, Silver on 2022-03-01, Gold on 2022-09-01 (valid until 2024-09-01). */
    static final String[] GOLD_2022 = {
            "2022-01-10 completed BRZ-ELN",
            "2022-01-11 assessed BRZ-QUIZ 90",
            "2022-02-01 attended SLV-IND participant",
            "2022-03-01 evidence SLV-PLAN approved",
            "2022-04-01 attended GLD-TTT-1 participant",
            "2022-04-02 attended GLD-TTT-2 participant",
            "2022-05-01 attended SLV-IND facilitator",
            "2022-06-01 attended SLV-TEAM-1 facilitator",
            "2022-07-01 attended WS-VAR participant",
            "2022-08-01 rated C-COACH 3",
            "2022-09-01 evidence GLD-PROJECT approved",
    };

    /** Bronze on the given day. */
    static String[] bronze(String day) {
        return new String[] {day + " completed BRZ-ELN", day + " assessed BRZ-QUIZ 85"};
    }
}
