package org.qipathways.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.qipathways.programme.Programme;
import org.qipathways.record.EventsCsv;
import org.qipathways.record.LearnerEvent;
import org.qipathways.record.LearnerRecord;
import org.qipathways.record.ReadOptions;

/** The public evaluator over records read from events.csv. */
class EvaluatorTest {

    static final Programme REFERENCE = Programme.reference();
    static final Evaluator EVALUATOR = Evaluator.of(REFERENCE);
    static final LocalDate AS_OF = LocalDate.of(2025, 6, 30);

    static List<LearnerRecord> records(String csv) {
        List<LearnerEvent> events = EventsCsv.read(new StringReader(csv), "events.csv", REFERENCE, ReadOptions.STRICT).rows();
        return new ArrayList<>(LearnerRecord.group(List.of(), events).values());
    }

    @Test
    void evaluatesLearnersReadFromEventsCsv() {
        List<LearnerRecord> records = records("""
                learner_id,date,type,item,result
                L-2,2024-03-01,completed,BRZ-ELN,
                L-1,2024-01-10,completed,BRZ-ELN,
                L-1,2024-01-12,assessed,BRZ-QUIZ,72
                L-2,2024-03-02,assessed,BRZ-QUIZ,91
                """);
        List<Progress> all = EVALUATOR.evaluateAll(records, AS_OF);
        assertThat(all).extracting(Progress::learnerId).containsExactly("L-2", "L-1");
        assertThat(all.get(0).tier("BRONZE").status()).isEqualTo(TierStatus.ACHIEVED);
        assertThat(all.get(0).tier("BRONZE").achievedOn()).isEqualTo(LocalDate.of(2024, 3, 2));
        assertThat(all.get(1).tier("BRONZE").unmet()).singleElement().asString()
                .contains("Bronze knowledge check: best score 72, needs 80");
        assertThat(all.get(1).tiers()).extracting(TierProgress::tier).containsExactly("BRONZE", "SILVER", "GOLD");
    }

    @Test
    void aLearnerWithNoEventsIsLookedUpAsAnEmptyRecordAndHasStartedNothing() {
        Map<String, LearnerRecord> records = LearnerRecord.group(List.of(), records("""
                learner_id,date,type,item,result
                L-1,2024-01-10,completed,BRZ-ELN,
                """).get(0).events());

        LearnerRecord nobody = records.getOrDefault("L-404", LearnerRecord.empty("L-404"));
        Progress progress = EVALUATOR.evaluate(nobody, AS_OF);

        assertThat(progress.learnerId()).isEqualTo("L-404");
        assertThat(progress.tiers()).extracting(TierProgress::status)
                .containsExactly(TierStatus.NOT_STARTED, TierStatus.NOT_STARTED, TierStatus.NOT_STARTED);
        assertThat(progress.tier("BRONZE").unmet()).isNotEmpty();
    }

    @Test
    void aMissingRecordIsAClearErrorNotANullPointerException() {
        Map<String, LearnerRecord> records = LearnerRecord.group(List.of(), List.of());

        assertThatThrownBy(() -> EVALUATOR.evaluate(records.get("L-404"), AS_OF))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no learner record to evaluate").hasMessageContaining("LearnerRecord.empty(learnerId)");
        List<LearnerRecord> withAHole = new ArrayList<>(records("learner_id,date,type,item,result\nL-1,2024-01-10,completed,BRZ-ELN,\n"));
        withAHole.add(null);
        assertThatThrownBy(() -> EVALUATOR.evaluateAll(withAHole, AS_OF, 1))
                .isExactlyInstanceOf(IllegalArgumentException.class).hasMessageContaining("LearnerRecord.empty");
        assertThatThrownBy(() -> EVALUATOR.evaluateEach(withAHole.iterator(), AS_OF, 2, p -> { }))
                .isExactlyInstanceOf(IllegalArgumentException.class).hasMessageContaining("LearnerRecord.empty");
        assertThatThrownBy(() -> EVALUATOR.evaluate(LearnerRecord.empty("L-1"), null))
                .isExactlyInstanceOf(IllegalArgumentException.class).hasMessageContaining("asOf");
    }

    @Test
    void parallelEvaluationGivesTheSameResultsInInputOrder() {
        StringBuilder csv = new StringBuilder("learner_id,date,type,item,result\n");
        for (int i = 0; i < 3000; i++) {
            String id = "L" + i;
            csv.append(id).append(",2024-01-").append(10 + i % 15).append(",completed,BRZ-ELN,\n");
            csv.append(id).append(",2024-02-").append(10 + i % 15).append(",assessed,BRZ-QUIZ,").append(60 + i % 41).append('\n');
            if (i % 3 == 0) {
                csv.append(id).append(",2024-03-01,attended,SLV-IND,participant\n");
                csv.append(id).append(",2024-03-").append(10 + i % 20).append(",evidence,SLV-PLAN,approved\n");
            }
        }
        List<LearnerRecord> records = records(csv.toString());
        List<Progress> one = EVALUATOR.evaluateAll(records, AS_OF, 1);
        List<Progress> two = EVALUATOR.evaluateAll(records, AS_OF, 2);
        List<Progress> four = EVALUATOR.evaluateAll(records, AS_OF, 4);
        assertThat(two).isEqualTo(one);
        assertThat(four).isEqualTo(one);
        assertThat(one).extracting(Progress::learnerId).first().isEqualTo("L0");
        assertThat(one.stream().filter(p -> p.tier("SILVER").status() == TierStatus.ACHIEVED).count()).isPositive();
    }

    @Provide
    Arbitrary<List<String>> otherEvents() {
        return Arbitraries.of(
                "OTHER,2024-01-10,completed,BRZ-ELN,", "OTHER,2024-01-11,assessed,BRZ-QUIZ,99",
                "OTHER,2024-02-01,revoked,BRONZE,mistake", "OTHER,2024-02-02,attended,SLV-IND,participant",
                "OTHER,2024-03-02,evidence,SLV-PLAN,approved", "OTHER,2024-03-02,rated,C-COACH,3").list().ofMaxSize(6);
    }

    @Property(tries = 50)
    void anotherLearnersEventsNeverChangeThisLearnersResult(@ForAll("otherEvents") List<String> other) {
        String mine = """
                learner_id,date,type,item,result
                ME,2024-01-10,completed,BRZ-ELN,
                ME,2024-01-12,assessed,BRZ-QUIZ,85
                ME,2024-02-01,attended,SLV-IND,participant
                """;
        Map<String, Progress> alone = byId(EVALUATOR.evaluateAll(records(mine), AS_OF));
        Map<String, Progress> together = byId(EVALUATOR.evaluateAll(records(mine + String.join("\n", other) + "\n"), AS_OF));
        assertThat(together.get("ME")).isEqualTo(alone.get("ME"));
    }

    static Map<String, Progress> byId(List<Progress> all) {
        Map<String, Progress> m = new java.util.HashMap<>();
        all.forEach(p -> m.put(p.learnerId(), p));
        return m;
    }
}
