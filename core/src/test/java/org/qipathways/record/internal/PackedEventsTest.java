package org.qipathways.record.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.qipathways.record.LearnerEvent;
import org.qipathways.record.LearnerEvent.Decision;
import org.qipathways.record.LearnerEvent.EvidenceStatus;
import org.qipathways.record.LearnerRecord;
import org.qipathways.rules.Role;

class PackedEventsTest {

    private static final LocalDate D = LocalDate.of(2025, 3, 14);

    @Test
    void everyKindOfEventReadsBackEqualToTheOneGiven() {
        List<LearnerEvent> events = List.of(
                new LearnerEvent.Completed("L1", LocalDate.of(1900, 1, 1), "BRZ-ELN"),
                new LearnerEvent.Assessed("L1", D, "BRZ-QUIZ", 100),
                new LearnerEvent.Attended("L1", D, "SLV-IND", Role.FACILITATOR),
                new LearnerEvent.Attended("L1", D, "SLV-IND", Role.PARTICIPANT),
                new LearnerEvent.Evidence("L1", D, "SLV-PLAN", EvidenceStatus.REJECTED),
                new LearnerEvent.Rated("L1", D, "C1", 8191),
                new LearnerEvent.PriorLearning("L1", LocalDate.of(2300, 12, 31), "RPL-1", Decision.APPROVED));

        List<LearnerEvent> packed = PackedEvents.of("L1", events);

        assertThat(packed).isInstanceOf(PackedEvents.class).isEqualTo(events);
        assertThat(packed.hashCode()).isEqualTo(events.hashCode());
        assertThat(packed.toString()).isEqualTo(events.toString());
    }

    @Test
    void whatDoesNotFitInALongIsLeftAsObjects() {
        assertThat(PackedEvents.of("L1", List.of(new LearnerEvent.Revoked("L1", D, "GOLD", "in error")))).isNull();
        assertThat(PackedEvents.of("L1", List.of(new LearnerEvent.Rated("L1", D, "C1", 8192)))).isNull();
        assertThat(PackedEvents.of("L1", List.of(new LearnerEvent.Completed("L1", LocalDate.MAX, "BRZ-ELN")))).isNull();
        LearnerEvent revoked = new LearnerEvent.Revoked("L1", D, "GOLD", "in error");
        assertThat(new LearnerRecord("L1", List.of(revoked)).events()).containsExactly(revoked);
    }
}
