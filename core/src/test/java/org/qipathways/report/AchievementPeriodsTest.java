package org.qipathways.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntUnaryOperator;
import org.junit.jupiter.api.Test;
import org.qipathways.programme.Programme;
import org.qipathways.progress.Evaluator;
import org.qipathways.record.EventsCsv;
import org.qipathways.record.LearnerRecord;
import org.qipathways.record.ReadOptions;

/**
 * The achievements charts when months are too small to publish: by quarter, saying so, with the
 * small-number rule intact in both the monthly and the quarterly table.
 */
class AchievementPeriodsTest {

    static final LocalDate AS_OF = LocalDate.of(2025, 6, 30);

    /** Bronze first achieved by {@code perMonth.applyAsInt(i)} learners in the i-th of the 36 months to June 2025. */
    static ReportInput region(IntUnaryOperator perMonth) {
        StringBuilder csv = new StringBuilder("learner_id,date,type,item,result\n");
        YearMonth first = YearMonth.from(AS_OF).minusMonths(35);
        int n = 0;
        for (int i = 0; i < 36; i++) {
            LocalDate day = first.plusMonths(i).atDay(10);
            for (int k = 0; k < perMonth.applyAsInt(i); k++) {
                String id = "L" + (++n);
                csv.append(id).append(',').append(day).append(",completed,BRZ-ELN,\n");
                csv.append(id).append(',').append(day).append(",assessed,BRZ-QUIZ,90\n");
            }
        }
        Programme programme = Programme.reference();
        List<LearnerRecord> records = new ArrayList<>(LearnerRecord.group(List.of(),
                EventsCsv.read(new StringReader(csv.toString()), "events.csv", programme, ReadOptions.STRICT).rows()).values());
        return ReportInput.evaluate(Evaluator.of(programme), records, List.of(), AS_OF);
    }

    @Test
    void monthsTooSmallToPublishAreChartedByQuarter() {
        // 3, 4 or 5 a month: every month suppressed, every quarter 12 (published as 10).
        ProgressionReport r = ProgressionReport.of(region(i -> 3 + i % 3), Disclosure.NHS_DIGITAL);
        ProgressionReport.MonthlySeries bronze = r.achievements().get(0);
        assertThat(bronze.period()).isEqualTo(ProgressionReport.Period.QUARTER);
        assertThat(bronze.xmr()).isNotNull();
        assertThat(bronze.labels()).hasSize(12).startsWith("2022 Jul-Sep").endsWith("2025 Apr-Jun");
        assertThat(bronze.counts()).containsOnly("10");
        assertThat(bronze.note()).startsWith("By quarter: 24 of 24 months had 1 to 7 first achievements, too few to publish"
                + " month by month, so each point is a calendar quarter (three months added up), 2022 Jul-Sep to 2025 Apr-Jun.");
        // The months are still listed, suppressed, without an analysis; the quarters carry it.
        List<ReportTable.Row> months = r.table("achievements-by-month").rows();
        assertThat(months.get(0).cells()).containsExactly("2023-07", "Bronze", "*", "*", "*", "*", "");
        List<ReportTable.Row> quarters = r.table("achievements-by-quarter").rows();
        assertThat(quarters).hasSize(12);
        assertThat(quarters.get(11).cells()).containsExactly("2025 Apr-Jun", "Bronze", "10", "10.0", "10.0", "10.0", "");
        // Silver and Gold have no achievements: monthly charts of zeros, as before.
        assertThat(r.achievements().get(1).period()).isEqualTo(ProgressionReport.Period.MONTH);
    }

    @Test
    void publishableMonthsStayMonthly() {
        ProgressionReport r = ProgressionReport.of(region(i -> 10), Disclosure.NHS_DIGITAL);
        ProgressionReport.MonthlySeries bronze = r.achievements().get(0);
        assertThat(bronze.period()).isEqualTo(ProgressionReport.Period.MONTH);
        assertThat(bronze.months()).hasSize(24);
        assertThat(bronze.note()).startsWith("By month: each point is one complete calendar month, 2023-07 to 2025-06.");
        assertThat(r.table("achievements-by-quarter").rows()).isEmpty();
    }

    @Test
    void quartersStillTooSmallAreMarkedNotDrawnAndGetNoLimits() {
        // One achievement every third month: quarters of 1, suppressed; every sixth quarter has 9.
        ProgressionReport r = ProgressionReport.of(region(i -> i % 18 == 0 ? 9 : i % 3 == 0 ? 1 : 0), Disclosure.NHS_DIGITAL);
        ProgressionReport.MonthlySeries bronze = r.achievements().get(0);
        assertThat(bronze.charted()).isTrue();
        assertThat(bronze.xmr()).isNull();
        assertThat(bronze.counts()).containsExactly("10", "*", "*", "*", "*", "*", "10", "*", "*", "*", "*", "*");
        assertThat(bronze.note()).contains("10 of 12 quarters still had 1 to 7 and are withheld (marked *, no point drawn)."
                + " This is a run chart of the published quarters only: no mean or process limits");
    }

    @Test
    void withExactCountsAQuarterAndTwoOfItsMonthsDoNotGiveTheThirdAway() {
        // Threshold 7, no rounding: months 10, 3, 10 make 23. The 3 is suppressed, and with the quarter's
        // total shown one of the 10s must go too, or 23 - 10 - 10 would give it away.
        ProgressionReport r = ProgressionReport.of(region(i -> i % 3 == 1 ? 3 : 10), new Disclosure(7, 1));
        assertThat(r.achievements().get(0).period()).isEqualTo(ProgressionReport.Period.QUARTER);
        List<ReportTable.Row> months = r.table("achievements-by-month").rows();
        for (int q = 0; q < 8; q++) {
            List<String> three = List.of(months.get(3 * q).cells().get(2), months.get(3 * q + 1).cells().get(2),
                    months.get(3 * q + 2).cells().get(2));
            assertThat(three).as("quarter " + q).filteredOn("*"::equals).hasSize(2);
        }
        assertThat(r.table("achievements-by-quarter").rows()).allSatisfy(row -> assertThat(row.cells().get(2)).isEqualTo("23"));
    }
}
