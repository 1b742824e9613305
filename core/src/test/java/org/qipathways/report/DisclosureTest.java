package org.qipathways.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DisclosureTest {

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
        assertThat(Disclosure.NHS_DIGITAL.method()).contains("1 to 7").contains("nearest 5");
    }

    @Test
    void rejectsNonsense() {
        assertThatThrownBy(() -> new Disclosure(-1, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Disclosure(7, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Disclosure.NHS_DIGITAL.count(-2)).isInstanceOf(IllegalArgumentException.class);
    }
}
