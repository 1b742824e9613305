package org.qipathways.benchmarks.figures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.qipathways.benchmarks.figures.Figure.Target;

class FigureTest {

    @Test
    void theMedianOfAnOddNumberOfRepeatsIsTheMiddleOneWhateverTheirOrder() {
        Figure f = Figure.median("x", List.of(9.0, 1.0, 4.0), "s", null);
        assertThat(f.value()).isEqualTo(4.0);
        assertThat(f.samples()).containsExactly(9.0, 1.0, 4.0);
    }

    @Test
    void theMedianOfAnEvenNumberIsTheMeanOfTheMiddleTwo() {
        assertThat(Figure.median("x", List.of(4.0, 1.0, 3.0, 10.0), "s", null).value()).isEqualTo(3.5);
    }

    @Test
    void aRatioDividesMediansAndNamesWhatItDividesBy() {
        Figure evaluate = Figure.median("evaluate.seconds", List.of(3.0, 3.0, 3.0), "s", null);
        Figure bare = Figure.median("bare.seconds", List.of(2.0, 2.0, 2.0), "s", null);
        Figure ratio = Figure.ratio("evaluate.ratio", evaluate, bare, Target.atMost(1.5));
        assertThat(ratio.value()).isEqualTo(1.5);
        assertThat(ratio.dividedBy()).isEqualTo("bare.seconds");
        assertThat(ratio.met()).isTrue();
        assertThat(Figure.ratio("r", bare, evaluate, Target.atLeast(1)).met()).isFalse();
    }

    @Test
    void aFailedScenarioMeetsNoTargetAndItsRatiosFailToo() {
        Figure failed = Figure.failed("report.seconds", "s", null, "Qip report exited 1: OutOfMemoryError");
        Figure evaluate = Figure.median("evaluate.seconds", List.of(3.0), "s", null);
        Figure ratio = Figure.ratio("report.ratio", failed, evaluate, Target.atMost(1.5));
        assertThat(ratio.met()).isFalse();
        assertThat(ratio.failure()).contains("report.seconds failed");
        assertThat(Figures.table(List.of(failed, ratio))).contains("failed").contains("OutOfMemoryError").contains("NO");
    }

    @Test
    void aTargetHasADirection() {
        assertThatThrownBy(() -> new Target(1, "about")).hasMessageContaining("at least");
    }
}
