package org.qipathways.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.qipathways.record.LearnerEvent.Assessed;
import org.qipathways.record.LearnerEvent.Attended;
import org.qipathways.record.LearnerEvent.Completed;
import org.qipathways.record.LearnerEvent.Decision;
import org.qipathways.record.LearnerEvent.Evidence;
import org.qipathways.record.LearnerEvent.EvidenceStatus;
import org.qipathways.record.LearnerEvent.PriorLearning;
import org.qipathways.record.LearnerEvent.Rated;
import org.qipathways.record.LearnerEvent.Revoked;
import org.qipathways.record.LearnerEvent.Type;
import org.qipathways.rules.Role;

class LearnerEventTest {

    private static final LocalDate D = LocalDate.of(2025, 3, 14);

    @Test
    void eachEventKnowsItsTypeAndResultColumn() {
        assertThat(new Completed("L1", D, "BRZ-ELN")).returns(Type.COMPLETED, LearnerEvent::type).returns("", LearnerEvent::result);
        assertThat(new Assessed("L1", D, "BRZ-QUIZ", 85)).returns(Type.ASSESSED, LearnerEvent::type).returns("85", LearnerEvent::result);
        assertThat(new Attended("L1", D, "SLV-IND", Role.FACILITATOR)).returns("facilitator", LearnerEvent::result);
        assertThat(new Evidence("L1", D, "SLV-PLAN", EvidenceStatus.SUBMITTED)).returns("submitted", LearnerEvent::result);
        assertThat(new Rated("L1", D, "C-MFI", 2)).returns(Type.RATED, LearnerEvent::type).returns("2", LearnerEvent::result);
        assertThat(new PriorLearning("L1", D, "IMP-FUNDAMENTALS", Decision.APPROVED))
                .returns(Type.PRIOR_LEARNING, LearnerEvent::type).returns("approved", LearnerEvent::result);
        assertThat(new Revoked("L1", D, "GOLD", "in error")).returns("in error", LearnerEvent::result);
    }

    @Test
    void typeIdsAreTheColumnNames() {
        assertThat(Type.PRIOR_LEARNING.id()).isEqualTo("prior_learning");
        assertThat(Type.fromId("prior_learning")).isEqualTo(Type.PRIOR_LEARNING);
        assertThat(Type.fromId("PRIOR_LEARNING")).isNull();
        assertThat(EvidenceStatus.fromId("rejected")).isEqualTo(EvidenceStatus.REJECTED);
        assertThat(Decision.fromId("submitted")).isNull();
    }

    @Test
    void constructorsRejectValuesNoFileCouldHold() {
        assertThatThrownBy(() -> new Completed("jo smith", D, "BRZ-ELN")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("learner id 'jo smith' must be 1-64 letters, digits, '.', '-' or '_'");
        assertThatThrownBy(() -> new Completed("", D, "BRZ-ELN")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Completed("L".repeat(65), D, "BRZ-ELN")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Completed("L1", null, "BRZ-ELN")).hasMessage("date is required");
        assertThatThrownBy(() -> new Completed("L1", D, "brz-eln"))
                .hasMessage("item 'brz-eln' must be a code: 1-40 capital letters, digits, '.', '-' or '_'");
        assertThatThrownBy(() -> new Assessed("L1", D, "BRZ-QUIZ", 101)).hasMessage("score 101 must be a whole number 0-100");
        assertThatThrownBy(() -> new Assessed("L1", D, "BRZ-QUIZ", -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Attended("L1", D, "SLV-IND", Role.ANY)).hasMessage("role ANY must be PARTICIPANT or FACILITATOR");
        assertThatThrownBy(() -> new Attended("L1", D, "SLV-IND", null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Evidence("L1", D, "SLV-PLAN", null)).hasMessage("evidence status is required");
        assertThatThrownBy(() -> new Rated("L1", D, "C-MFI", 0)).hasMessage("level 0 must be 1 or more");
        assertThatThrownBy(() -> new PriorLearning("L1", D, "IMP-FUNDAMENTALS", null)).hasMessage("decision is required");
        assertThatThrownBy(() -> new Revoked("L1", D, "GOLD", " ")).hasMessage("a revocation needs a reason");
    }

    @Test
    void acceptsTheEdgesOfEachRange() {
        assertThat(new Assessed("a.B-9_z", D, "BRZ-QUIZ", 0).score()).isZero();
        assertThat(new Assessed("L".repeat(64), D, "BRZ-QUIZ", 100).score()).isEqualTo(100);
    }
}
