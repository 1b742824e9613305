package org.qipathways.certification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class CertificateIdTest {

    @Test
    void derivedFromWhatItCertifiesElevenSymbolsOfTheAlphabet() {
        CertificateId a = CertificateId.derive("QIP-BSG", "GOLD", "L0001", LocalDate.of(2024, 3, 1));
        assertThat(a).isEqualTo(CertificateId.derive("QIP-BSG", "GOLD", "L0001", LocalDate.of(2024, 3, 1)));
        assertThat(a.value()).hasSize(11).matches("[0-9A-HJKMNP-TV-Z]{11}");
        assertThat(a).isNotEqualTo(CertificateId.derive("QIP-BSG", "GOLD", "L0001", LocalDate.of(2024, 3, 2)))
                .isNotEqualTo(CertificateId.derive("QIP-BSG", "GOLD", "L0002", LocalDate.of(2024, 3, 1)))
                .isNotEqualTo(CertificateId.derive("QIP-BSG", "SILVER", "L0001", LocalDate.of(2024, 3, 1)));
    }

    @Test
    void parsingForgivesCaseHyphensSpacesAndLookalikeLetters() {
        CertificateId id = new CertificateId("0123456789V".substring(0, 10) + check("0123456789"));
        String typed = id.value().toLowerCase().replace("0", "o").replace("1", "l");
        assertThat(CertificateId.parse(typed.substring(0, 5) + "-" + typed.substring(5, 8) + " " + typed.substring(8))).isEqualTo(id);
    }

    @Test
    void everySingleWrongSymbolAndEverySwapOfNeighboursIsCaught() {
        for (int n = 0; n < 300; n++) {
            String id = CertificateId.derive("P", "T", "L" + n, LocalDate.of(2024, 1, 1).plusDays(n)).value();
            for (int i = 0; i < id.length(); i++) {
                for (char c : CertificateId.ALPHABET.toCharArray()) {
                    if (c != id.charAt(i)) {
                        String typo = id.substring(0, i) + c + id.substring(i + 1);
                        assertThat(CertificateId.isValid(typo)).as(typo).isFalse();
                    }
                }
                if (i + 1 < id.length() && id.charAt(i) != id.charAt(i + 1)) {
                    String swapped = id.substring(0, i) + id.charAt(i + 1) + id.charAt(i) + id.substring(i + 2);
                    assertThat(CertificateId.isValid(swapped)).as(swapped).isFalse();
                }
            }
        }
    }

    @Test
    void badIdsSayWhatIsWrong() {
        assertThatThrownBy(() -> CertificateId.parse("ABC")).hasMessageContaining("has 3 symbols; a certificate id has 11");
        assertThatThrownBy(() -> CertificateId.parse("ABCDEFGHJKU")).hasMessageContaining("'U' at position 11");
        String id = CertificateId.derive("P", "T", "L", LocalDate.of(2024, 1, 1)).value();
        String typo = id.substring(0, 3) + (id.charAt(3) == 'X' ? 'Y' : 'X') + id.substring(4);
        assertThatThrownBy(() -> CertificateId.parse(typo)).hasMessageContaining("mistyped or two are swapped");
    }

    /** The check symbol found by trying each: exactly one makes a valid id. */
    private static char check(String data) {
        char found = 0;
        for (char c : CertificateId.ALPHABET.toCharArray()) {
            if (CertificateId.isValid(data + c)) {
                assertThat((int) found).as("only one check symbol fits").isZero();
                found = c;
            }
        }
        return found;
    }
}
