package org.qipathways.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.qipathways.report.Xmr.Direction;
import org.qipathways.report.Xmr.Rule;

/** The XmR arithmetic and the four Making Data Count special-cause rules, on series made by hand. */
class XmrTest {

    @Test
    void meanMovingRangeAndProcessLimits() {
        Xmr x = Xmr.of(10, 12, 11, 13, 12);
        assertThat(x.mean()).isCloseTo(11.6, within(1e-9));
        assertThat(x.movingRangeMean()).isCloseTo(1.5, within(1e-9));         // 2, 1, 2, 1
        assertThat(x.upperLimit()).isCloseTo(11.6 + 2.66 * 1.5, within(1e-9));
        assertThat(x.lowerLimit()).isCloseTo(11.6 - 2.66 * 1.5, within(1e-9));
        assertThat(flagged(x)).isEmpty();
    }

    @Test
    void aPointOutsideTheLimits() {
        Xmr x = Xmr.of(5, 15, 5, 15, 5, 15, 100, 5, 15, 5, 15, 5);
        assertThat(x.upperLimit()).isLessThan(100);
        assertThat(flagged(x)).containsExactly(6);
        assertThat(x.points().get(6).rules()).containsExactly(Rule.OUTSIDE_LIMITS);
        assertThat(x.points().get(6).direction()).isEqualTo(Direction.HIGH);
        assertThat(x.points().get(5).direction()).isNull();
    }

    @Test
    void aRunOfSevenOnOneSideOfTheMeanIsAShiftAndSixIsNot() {
        Xmr seven = Xmr.of(9, 11, 9, 11, 9, 11, 9, 11, 11, 11, 11, 11, 11, 11, 9, 11, 9, 11, 9, 11, 9);
        assertThat(flagged(seven)).containsExactly(7, 8, 9, 10, 11, 12, 13);
        assertThat(seven.points().get(7).rules()).containsExactly(Rule.SHIFT);
        assertThat(seven.points().get(7).direction()).isEqualTo(Direction.HIGH);

        Xmr six = Xmr.of(9, 11, 9, 11, 9, 11, 9, 11, 11, 11, 11, 11, 11, 9, 11, 9, 11, 9, 11, 9);
        assertThat(flagged(six)).isEmpty();
    }

    @Test
    void aPointOnTheMeanEndsARun() {
        // Mean 10: seven points below it, but the fourth sits on the mean.
        Xmr x = Xmr.of(7, 9, 8, 10, 9, 7, 8, 12, 11, 13, 10, 12, 11, 13);
        assertThat(x.mean()).isEqualTo(10);
        assertThat(flagged(x)).isEmpty();
        // With those two points off the mean, each half is a shift.
        Xmr shifts = Xmr.of(7, 9, 8, 9, 9, 7, 8, 12, 11, 13, 11, 12, 11, 13);
        assertThat(shifts.mean()).isEqualTo(10);
        assertThat(flagged(shifts)).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13);
        assertThat(shifts.points().get(0).direction()).isEqualTo(Direction.LOW);
        assertThat(shifts.points().get(13).direction()).isEqualTo(Direction.HIGH);
    }

    @Test
    void sixPointsRisingAreATrendPointingUpEvenBelowTheMean() {
        Xmr x = Xmr.of(10, 12, 10, 12, 13, 9, 10, 11, 12, 13, 14, 10, 12, 10, 12);
        assertThat(flagged(x)).containsExactly(5, 6, 7, 8, 9, 10);
        assertThat(x.points().get(5).rules()).containsExactly(Rule.TREND);
        assertThat(x.points().get(5).value()).isLessThan(x.mean());
        assertThat(x.points().get(5).direction()).isEqualTo(Direction.HIGH);
    }

    @Test
    void fivePointsFallingAreNotATrendAndSixAre() {
        assertThat(flagged(Xmr.of(10, 12, 10, 12, 9, 14, 13, 12, 11, 10, 12, 10, 12, 10))).isEmpty();
        Xmr six = Xmr.of(10, 12, 10, 12, 9, 15, 14, 13, 12, 11, 10, 12, 10, 12, 10);
        assertThat(flagged(six)).containsExactly(5, 6, 7, 8, 9, 10);
        assertThat(six.points().get(10).direction()).isEqualTo(Direction.LOW);
    }

    @Test
    void anEqualValueEndsATrend() {
        assertThat(flagged(Xmr.of(10, 12, 10, 12, 9, 10, 11, 12, 12, 13, 14, 10, 12, 10, 12))).isEmpty();
    }

    @Test
    void twoOfThreePointsNearTheUpperLimit() {
        Xmr x = Xmr.of(9, 11, 9, 11, 9, 11, 9, 11, 9, 11, 9, 11, 15, 11, 15, 9, 11, 9, 11, 9, 11, 9, 11, 9);
        double near = x.mean() + 2 * Xmr.LIMIT_FACTOR / 3 * x.movingRangeMean();
        assertThat(15.0).isGreaterThan(near).isLessThan(x.upperLimit());
        assertThat(flagged(x)).containsExactly(12, 14);
        assertThat(x.points().get(12).rules()).containsExactly(Rule.NEAR_LIMIT);
        assertThat(x.points().get(12).direction()).isEqualTo(Direction.HIGH);
    }

    @Test
    void twoOfThreeNearTheLowerLimit() {
        Xmr x = Xmr.of(11, 9, 11, 9, 11, 9, 11, 9, 11, 9, 11, 9, 5, 9, 5, 11, 9, 11, 9, 11, 9, 11, 9, 11);
        assertThat(flagged(x)).containsExactly(12, 14);
        assertThat(x.points().get(14).direction()).isEqualTo(Direction.LOW);
    }

    @Test
    void oneNearPointAloneIsCommonCause() {
        Xmr x = Xmr.of(9, 11, 9, 11, 9, 11, 9, 11, 9, 11, 9, 11, 15, 11, 9, 11, 9, 11, 9, 11, 9, 11, 9, 11);
        assertThat(15.0).isGreaterThan(x.mean() + 2 * Xmr.LIMIT_FACTOR / 3 * x.movingRangeMean());
        assertThat(flagged(x)).isEmpty();
    }

    @Test
    void aFlatSeriesHasNoSignals() {
        Xmr x = Xmr.of(4, 4, 4, 4, 4, 4, 4, 4);
        assertThat(x.upperLimit()).isEqualTo(4);
        assertThat(flagged(x)).isEmpty();
    }

    @Test
    void needsTwoFiniteValues() {
        assertThatThrownBy(() -> Xmr.of(3)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 2");
        assertThatThrownBy(() -> Xmr.of(3, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }

    static List<Integer> flagged(Xmr x) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < x.points().size(); i++) {
            if (x.points().get(i).specialCause()) {
                out.add(i);
            }
        }
        return out;
    }
}
