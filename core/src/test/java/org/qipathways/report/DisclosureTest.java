package org.qipathways.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.qipathways.report.Disclosure.Totals;

class DisclosureTest {

    /** Threshold-only rule: 1-7 suppressed, other counts exact; the case that needs secondary suppression. */
    static final Disclosure THRESHOLD_ONLY = new Disclosure(7, 1);

    @Test
    void nhsDigitalRuleShowsZeroSuppressesOneToSevenAndRoundsTheRestToFive() {
        Disclosure d = Disclosure.NHS_DIGITAL;
        assertThat(d.count(0)).isEqualTo("0");
        assertThat(d.count(1)).isEqualTo("*");
        assertThat(d.count(7)).isEqualTo("*");
        assertThat(d.count(8)).isEqualTo("10");
        assertThat(d.count(12)).isEqualTo("10");
        assertThat(d.count(13)).isEqualTo("15");
        assertThat(d.count(1234)).isEqualTo("1235");
        assertThat(d.allowsStatisticOver(7)).isFalse();
        assertThat(d.allowsStatisticOver(8)).isTrue();
    }

    @Test
    void stricterRuleAndNone() {
        assertThat(Disclosure.STRICT_10.count(9)).isEqualTo("*");
        assertThat(Disclosure.STRICT_10.count(10)).isEqualTo("10");
        assertThat(Disclosure.NONE.count(3)).isEqualTo("3");
        assertThat(Disclosure.NONE.method()).contains("internal use only");
        assertThat(Disclosure.NHS_DIGITAL.method()).contains("1 to 7").contains("nearest 5")
                .contains("Rates, medians and quartiles over 7 or fewer people are withheld");
        assertThat(THRESHOLD_ONLY.method()).contains("1 to 7").contains("exact").contains("next smallest count");
    }

    @Test
    void rejectsNonsense() {
        assertThatThrownBy(() -> new Disclosure(-1, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Disclosure(7, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Disclosure.NHS_DIGITAL.count(-2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Disclosure.NHS_DIGITAL.rate(5, 4)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> THRESHOLD_ONLY.publish(new long[][] {{1, 2}, {3}}, Totals.NONE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("row 1 has 1 cells");
    }

    @Test
    void ratesAreComputedFromRoundedCountsAndWithheldOverSmallNumbers() {
        Disclosure nhs = Disclosure.NHS_DIGITAL;
        assertThat(nhs.rate(48, 200)).isEqualTo("25%");          // 50 of 200
        assertThat(nhs.rate(23, 1000)).isEqualTo("3%");          // 25 of 1000 = 2.5%, whole percent under 4,000
        assertThat(nhs.rate(1234, 5000)).isEqualTo("24.7%");     // 1235 of 5000: one decimal from 4,000 up
        assertThat(nhs.rate(0, 100)).isEqualTo("0%");
        assertThat(nhs.rate(5, 100)).as("the part is suppressed").isEqualTo("*");
        assertThat(nhs.rate(0, 7)).as("too few people for a rate").isEqualTo("*");
        assertThat(nhs.rate(0, 0)).isEqualTo("*");
        assertThat(Disclosure.NONE.rate(1, 3)).isEqualTo("33.3%");
        assertThat(THRESHOLD_ONLY.rate(8, 9)).isEqualTo("88.9%");
    }

    @Test
    void aColumnOfRatesHasOnePrecision() {
        Disclosure nhs = Disclosure.NHS_DIGITAL;
        // 500 of 1,000 and 500 of 4,000 in one column: each alone "50%" and "12.5%".
        assertThat(List.of(nhs.rate(500, 1000), nhs.rate(500, 4000))).containsExactly("50%", "12.5%");
        int decimals = nhs.rateDecimals(1000, 4000);
        assertThat(decimals).as("the precision the smaller rounded whole supports").isZero();
        assertThat(List.of(nhs.rate(500, 1000, decimals), nhs.rate(500, 4000, decimals))).containsExactly("50%", "13%");
        assertThat(nhs.rateDecimals(4000, 9000)).isEqualTo(1);
        assertThat(nhs.rate(500, 4000, nhs.rateDecimals(4000, 9000))).isEqualTo("12.5%");
        // Wholes over which no rate is shown do not coarsen the column.
        assertThat(nhs.rateDecimals(0, 7, 5000)).isEqualTo(1);
        assertThat(nhs.rateDecimals()).isEqualTo(1);
        // Exact counts: always one decimal.
        assertThat(Disclosure.NONE.rateDecimals(2, 100, 5000)).isEqualTo(1);
        assertThat(Disclosure.NONE.rate(1, 2, 1)).isEqualTo("50.0%");
        assertThat(nhs.rate(5, 100, 0)).as("withheld as ever").isEqualTo("*");
        assertThatThrownBy(() -> nhs.rate(50, 100, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    // ---- tables: primary and secondary suppression, on hand-made tables ----

    @Test
    void roundingToFiveNeedsNoSecondarySuppression() {
        // 25 - 10 - 10 = 5 does not give away the 3: the published cells are rounded.
        assertThat(Disclosure.NHS_DIGITAL.publish(new long[][] {{3, 10, 12, 25}}, Totals.LAST_COLUMN))
                .isEqualTo(new String[][] {{"*", "10", "10", "25"}});
    }

    @Test
    void aSingleSuppressedCellInARowWithATotalTakesTheNextSmallestWithIt() {
        // Primary: 3. Alone, it would be 25 - 10 - 12; so 10, the smallest other cell, is hidden too.
        assertThat(THRESHOLD_ONLY.publish(new long[][] {{3, 10, 12, 25}, {9, 10, 11, 30}}, Totals.LAST_COLUMN))
                .isEqualTo(new String[][] {{"*", "*", "12", "25"}, {"9", "10", "11", "30"}});
    }

    @Test
    void secondarySuppressionPrefersANonZeroCell() {
        // Hiding the 0 would protect nothing a reader could not guess: 20 goes instead.
        assertThat(THRESHOLD_ONLY.publish(new long[][] {{3, 0, 20, 23}}, Totals.LAST_COLUMN))
                .isEqualTo(new String[][] {{"*", "0", "*", "23"}});
    }

    @Test
    void columnsWithATotalRow() {
        long[][] byOrganisation = {{20, 9}, {2, 8}, {30, 12}, {52, 29}};
        assertThat(THRESHOLD_ONLY.publish(byOrganisation, Totals.LAST_ROW))
                .isEqualTo(new String[][] {{"*", "9"}, {"*", "8"}, {"30", "12"}, {"52", "29"}});
    }

    @Test
    void twoSuppressedCellsInALineNeedNothingMore() {
        assertThat(THRESHOLD_ONLY.publish(new long[][] {{2, 5, 20, 27}}, Totals.LAST_COLUMN))
                .isEqualTo(new String[][] {{"*", "*", "20", "27"}});
    }

    @Test
    void aSuppressedTotalProtectsItsLine() {
        assertThat(THRESHOLD_ONLY.publish(new long[][] {{2, 3, 5}}, Totals.LAST_COLUMN))
                .isEqualTo(new String[][] {{"*", "*", "*"}});
        assertThat(THRESHOLD_ONLY.publish(new long[][] {{0, 3, 3}}, Totals.LAST_COLUMN))
                .isEqualTo(new String[][] {{"0", "*", "*"}});
    }

    @Test
    void withRowAndColumnTotalsSuppressionSpreadsUntilNoLineHasASingleOne() {
        long[][] table = {
                {2, 9, 11},
                {10, 20, 30},
                {12, 29, 41},
        };
        String[][] published = THRESHOLD_ONLY.publish(table, Totals.BOTH);
        assertThat(published).isEqualTo(new String[][] {
                {"*", "*", "11"},
                {"*", "*", "30"},
                {"12", "29", "41"},
        });
        // Every row and column has 0 or at least 2 suppressed cells, so no cell follows by subtraction.
        for (int i = 0; i < 3; i++) {
            int inRow = 0;
            int inColumn = 0;
            for (int j = 0; j < 3; j++) {
                inRow += published[i][j].equals("*") ? 1 : 0;
                inColumn += published[j][i].equals("*") ? 1 : 0;
            }
            assertThat(inRow).isNotEqualTo(1);
            assertThat(inColumn).isNotEqualTo(1);
        }
    }

    @Test
    void totalsThatAreOnlyInColumnsDoNotSuppressAcrossRows() {
        // No row total is published, so the row's cells do not constrain each other.
        assertThat(THRESHOLD_ONLY.publish(new long[][] {{3, 40}, {12, 40}, {15, 80}}, Totals.LAST_ROW))
                .isEqualTo(new String[][] {{"*", "40"}, {"*", "40"}, {"15", "80"}});
        assertThat(THRESHOLD_ONLY.publish(new long[][] {{3, 40}}, Totals.NONE)).isEqualTo(new String[][] {{"*", "40"}});
    }

    @Test
    void noSuppressionPublishesExactCounts() {
        assertThat(Disclosure.NONE.publish(new long[][] {{3, 0, 20, 23}}, Totals.BOTH))
                .isEqualTo(new String[][] {{"3", "0", "20", "23"}});
    }
}
