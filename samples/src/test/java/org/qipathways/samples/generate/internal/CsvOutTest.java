package org.qipathways.samples.generate.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class CsvOutTest {

    @Test
    void quotesOnlyValuesThatNeedIt() throws IOException {
        StringWriter text = new StringWriter();
        CsvOut out = new CsvOut(text);
        out.field("Nursing and Midwifery Registered").field("a, b").field("say \"no\"").field("two\nlines").field("");
        out.endRow();
        out.raw("x");
        out.endRow();
        out.flush();
        assertThat(text.toString())
                .isEqualTo("Nursing and Midwifery Registered,\"a, b\",\"say \"\"no\"\"\",\"two\nlines\",\r\nx\r\n");
    }

    @Test
    void rowsLongerThanItsBufferArriveWhole() throws IOException {
        StringWriter text = new StringWriter();
        CsvOut out = new CsvOut(text);
        String big = "v".repeat(100_000);
        for (int i = 0; i < 3; i++) {
            out.raw("id").raw(big);
            out.endRow();
        }
        out.flush();
        assertThat(text.toString()).isEqualTo(("id," + big + "\r\n").repeat(3));
    }

    @Test
    void learnerIdsHaveSevenDigitsOrAsManyAsTheLargestNeeds() {
        RegionWriter.LearnerIds small = new RegionWriter.LearnerIds(5_000);
        assertThat(small.next()).isEqualTo("L0000001");
        assertThat(small.next()).isEqualTo("L0000002");
        RegionWriter.LearnerIds huge = new RegionWriter.LearnerIds(12_000_000);
        assertThat(huge.next()).isEqualTo("L00000001");
    }
}
