package org.qipathways.samples.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.qipathways.programme.Programme;
import org.qipathways.progress.Evaluator;
import org.qipathways.record.EventsCsv;
import org.qipathways.record.Learner;
import org.qipathways.record.LearnerRecord;
import org.qipathways.record.LearnersCsv;
import org.qipathways.record.ReadOptions;
import org.qipathways.report.Disclosure;
import org.qipathways.report.ProgressionReport;
import org.qipathways.report.ReportInput;
import org.qipathways.report.ReportOptions;
import org.qipathways.report.ReportTable;
import org.qipathways.samples.generate.RegionConfig;
import org.qipathways.samples.generate.RegionGenerator;

/**
 * The report built while evaluating ({@link ProgressionReport#evaluate}: statuses only, the stalled
 * learners again with their explanations) is the report built from every learner's full progress,
 * on a generated region: whole, exact and under NHS Digital's rule, and one organisation's.
 */
class StreamingReportTest {

    static final LocalDate AS_OF = LocalDate.of(2026, 3, 31);
    static final Evaluator EVALUATOR = Evaluator.of(Programme.reference());
    static List<Learner> learners;
    static List<LearnerRecord> records;
    static ReportInput full;

    @BeforeAll
    static void generateARegion() throws IOException {
        StringWriter learnersCsv = new StringWriter();
        StringWriter eventsCsv = new StringWriter();
        RegionGenerator.of(new RegionConfig(3_000, 7, AS_OF.plusMonths(2))).writeTo(learnersCsv, eventsCsv);
        Programme programme = EVALUATOR.programme();
        learners = LearnersCsv.read(new StringReader(learnersCsv.toString()), "learners.csv", ReadOptions.STRICT).rows();
        records = new ArrayList<>(LearnerRecord.group(learners, EventsCsv.read(new StringReader(eventsCsv.toString()),
                "events.csv", programme, ReadOptions.STRICT).rows()).values());
        full = ReportInput.evaluate(EVALUATOR, records, learners, AS_OF);
    }

    @Test
    void theRegionsReportIsTheSameWithExactCounts() {
        ProgressionReport streamed = streamed(Disclosure.NONE, ReportOptions.defaults());
        assertThat(streamed).isEqualTo(ProgressionReport.of(full, Disclosure.NONE));
        // the comparison has something to compare: learners stalled on several requirements, on two threads
        ReportTable stalled = streamed.table("stalled");
        assertThat(stalled.rows().stream().filter(r -> !r.total())).hasSizeGreaterThan(3);
        assertThat(stalled.rows().stream().filter(ReportTable.Row::total).mapToLong(r -> Long.parseLong(r.cells().get(2))).sum())
                .isGreaterThan(50);
    }

    @Test
    void theRegionsReportIsTheSameUnderTheSmallNumberRule() {
        ReportOptions options = ReportOptions.defaults().withCertificates(ReportOptions.Certificates.of("no register", List.of()));
        assertThat(streamed(Disclosure.NHS_DIGITAL, options)).isEqualTo(ProgressionReport.of(full, Disclosure.NHS_DIGITAL, options));
    }

    @Test
    void oneOrganisationsReportIsTheSame() {
        String code = learners.get(0).organisation();
        ReportOptions options = ReportOptions.defaults().withOrganisation(code)
                .withOrganisationNames(RegionGenerator.organisationNames());
        ProgressionReport streamed = streamed(Disclosure.NHS_DIGITAL, options);
        assertThat(streamed.organisation()).contains(code);
        assertThat(streamed).isEqualTo(ProgressionReport.of(full, Disclosure.NHS_DIGITAL, options));
    }

    private static ProgressionReport streamed(Disclosure disclosure, ReportOptions options) {
        return ProgressionReport.evaluate(EVALUATOR, records, learners, AS_OF, 2, disclosure, options);
    }
}
