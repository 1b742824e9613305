package org.qipathways.competency.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every case as PHP 8.2 answers it ({@code var_export("1.1" == "1.10")} and so on). */
class PhpLooseTest {

    @ParameterizedTest(name = "\"{0}\" == \"{1}\" is {2}")
    @CsvSource({
            "1.1, 1.10, true",
            "01, 1, true",
            "1E1, 10, true",
            "1., 1, true",
            "1.0, 1, true",
            "1.1.1, 1.1, false",
            "1.1, 1.2, false",
            "C-1, C-01, false",
            "9223372036854775807, 9223372036854775806, false",
            "1E400, 2E400, false",
            "1E400, 1.0E400, false",
            "9223372036854775808, 9223372036854775809, false",
            "9223372036854775808, 9223372036854775808.0, true",
            "10000000000000000000000, 1E22, true",
            "1E-1, 0.1, true",
    })
    void comparesCodesAsPhpsLooseEqualityDoes(String a, String b, boolean equal) {
        assertThat(PhpLoose.equal(a, b)).isEqualTo(equal);
        assertThat(PhpLoose.equal(b, a)).isEqualTo(equal);
    }
}
