package org.qipathways.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.qipathways.record.LearnerEvent.Assessed;
import org.qipathways.record.LearnerEvent.Attended;
import org.qipathways.record.LearnerEvent.Completed;
import org.qipathways.record.LearnerEvent.Revoked;
import org.qipathways.rules.Role;

class LearnerRecordTest {

    private static final LocalDate D = LocalDate.of(2025, 3, 14);

    @Test
    void sortsEventsByDateThenTypeItemAndResult() {
        LearnerEvent late = new Completed("L1", D.plusDays(3), "BRZ-ELN");
        LearnerEvent revoked = new Revoked("L1", D, "GOLD", "in error");
        LearnerEvent score90 = new Assessed("L1", D, "BRZ-QUIZ", 90);
        LearnerEvent score70 = new Assessed("L1", D, "BRZ-QUIZ", 70);
        LearnerEvent completed = new Completed("L1", D, "BRZ-ELN");
        LearnerEvent early = new Attended("L1", D.minusDays(1), "SLV-IND", Role.PARTICIPANT);

        LearnerRecord r = new LearnerRecord("L1", List.of(late, revoked, score90, score70, completed, early));

        assertThat(r.events()).containsExactly(early, completed, score70, score90, revoked, late);
    }

    @Test
    void theSameEventsInAnyOrderMakeAnEqualRecord() {
        List<LearnerEvent> events = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            events.add(new Assessed("L1", D.plusDays(i % 4), "BRZ-QUIZ", i));
            events.add(new Completed("L1", D.plusDays(i % 3), "BRZ-ELN"));
        }
        LearnerRecord first = new LearnerRecord("L1", events);
        List<LearnerEvent> shuffled = new ArrayList<>(events);
        Collections.shuffle(shuffled, new Random(7));

        assertThat(new LearnerRecord("L1", shuffled)).isEqualTo(first);
    }

    @Test
    void isImmutableAndHoldsOnlyItsLearnersEvents() {
        List<LearnerEvent> events = new ArrayList<>(List.of(new Completed("L1", D, "BRZ-ELN")));
        LearnerRecord r = new LearnerRecord("L1", events);
        events.clear();

        assertThat(r.events()).hasSize(1);
        assertThatThrownBy(() -> r.events().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> new LearnerRecord("L2", List.of(new Completed("L1", D, "BRZ-ELN"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("event Completed[learnerId=L1, date=2025-03-14, item=BRZ-ELN] belongs to learner L1, not L2");
    }

    @Test
    void anEmptyRecordHasTheLearnerAndNoEventsAndChecksTheId() {
        LearnerRecord empty = LearnerRecord.empty("L1");

        assertThat(empty).isEqualTo(new LearnerRecord("L1", List.of()));
        assertThat(empty.events()).isEmpty();
        assertThatThrownBy(() -> LearnerRecord.empty("not an id")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("learner id");
    }

    @Test
    void groupsLearnersInOrderOfFirstAppearanceListedLearnersFirst() {
        List<Learner> learners = List.of(
                new Learner("L3", "RHQ", null, null, null, null),
                new Learner("L1", "RHQ", null, null, null, null));
        List<LearnerEvent> events = List.of(
                new Completed("L2", D, "BRZ-ELN"),
                new Completed("L1", D, "BRZ-ELN"),
                new Completed("L4", D, "BRZ-ELN"),
                new Assessed("L2", D, "BRZ-QUIZ", 80));

        Map<String, LearnerRecord> records = LearnerRecord.group(learners, events);

        assertThat(records.keySet()).containsExactly("L3", "L1", "L2", "L4");
        assertThat(records.get("L3").events()).isEmpty();
        assertThat(records.get("L2").events()).hasSize(2);
        assertThat(LearnerRecord.group(List.of(), events).keySet()).containsExactly("L2", "L1", "L4");
    }
}
