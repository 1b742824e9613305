package org.qipathways.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.qipathways.certification.Certificate;
import org.qipathways.certification.CertificateId;
import org.qipathways.certification.CertificateStatus;
import org.qipathways.programme.Programme;
import org.qipathways.progress.Evaluator;
import org.qipathways.record.EventsCsv;
import org.qipathways.record.Learner;
import org.qipathways.record.LearnerRecord;
import org.qipathways.record.LearnersCsv;
import org.qipathways.record.ReadOptions;

/** The certificates table from a register's certificates, one organisation's view, and names; worked by hand. */
class ReportCertificatesTest {

    static final LocalDate AS_OF = ProgressionReportTest.AS_OF;   // 2025-06-30
    static final String DIGEST = "sha256:" + "0".repeat(64);

    static ReportInput input() {
        Programme programme = Programme.reference();
        List<Learner> learners = LearnersCsv.read(new StringReader(ProgressionReportTest.LEARNERS), "learners.csv",
                ReadOptions.STRICT).rows();
        List<LearnerRecord> records = new ArrayList<>(LearnerRecord.group(learners, EventsCsv.read(
                new StringReader(ProgressionReportTest.EVENTS), "events.csv", programme, ReadOptions.STRICT).rows()).values());
        return ReportInput.evaluate(Evaluator.of(programme), records, learners, AS_OF);
    }

    static Certificate gold(String learner, LocalDate from, LocalDate until) {
        return Certificate.issue(CertificateId.derive("QIP", "GOLD", learner, from), learner, "QIP", "1", "GOLD", from, from,
                until, Instant.parse("2025-01-01T00:00:00Z"), null, DIGEST);
    }

    static Certificate bronze(String learner, LocalDate on) {
        return Certificate.issue(CertificateId.derive("QIP", "BRONZE", learner, on), learner, "QIP", "1", "BRONZE", on, on,
                null, Instant.parse("2025-01-01T00:00:00Z"), null, DIGEST);
    }

    @Test
    void certificatesAreCountedPerLearnerFromTheRegister() {
        List<Certificate> certs = List.of(
                bronze("A", LocalDate.of(2024, 1, 12)), bronze("C", LocalDate.of(2025, 3, 1)),
                bronze("F", LocalDate.of(2023, 1, 10)),
                bronze("G", LocalDate.of(2023, 1, 10)).withStatus(CertificateStatus.REVOKED, LocalDate.of(2025, 1, 1),
                        "evidence withdrawn", "test"),
                bronze("H", LocalDate.of(2026, 1, 1)),                                      // after the report date: not counted
                bronze("NOT-A-LEARNER", LocalDate.of(2024, 1, 1)),                          // not in this report
                gold("F", LocalDate.of(2023, 7, 15), LocalDate.of(2025, 7, 15)),            // valid, ends in 15 days
                gold("G", LocalDate.of(2023, 5, 10), LocalDate.of(2025, 5, 10)));           // ended 51 days ago
        ProgressionReport r = ProgressionReport.of(input(), Disclosure.NONE, ReportOptions.defaults()
                .withCertificates(ReportOptions.Certificates.of("the certificate register test.db", certs)));
        assertThat(r.certificates()).isEqualTo("Certificates: counted from the certificate register test.db.");
        assertThat(r.notes()).contains("Certificates: counted from the certificate register test.db.");
        List<List<String>> rows = r.table("certificates").rows().stream().map(ReportTable.Row::cells).toList();
        // Tier, certified, valid, expiring in 90 days, lapsed in the last 90, revoked.
        assertThat(rows).containsExactly(
                List.of("Bronze", "4", "3", "0", "0", "1"),
                List.of("Silver", "0", "0", "0", "0", "0"),
                List.of("Gold", "2", "1", "1", "1", "0"));
        assertThat(r.table("expiring").description()).startsWith("From the learners' records, not the register");
    }

    @Test
    void withoutARegisterTheReportSaysSoAndCountsNoCertificate() {
        ProgressionReport r = ProgressionReport.of(input(), Disclosure.NHS_DIGITAL);
        assertThat(r.certificates()).isEqualTo("Certificates: no register given (qip report --register FILE), so no"
                + " certificate is counted.");
        assertThat(r.table("certificates").rows()).isEmpty();
    }

    @Test
    void oneOrganisationsReportKeepsTheRegionForComparison() {
        ProgressionReport r = ProgressionReport.of(input(), Disclosure.NONE, ReportOptions.defaults()
                .withOrganisationNames(Map.of("RHQ", "Sheffield Teaching Hospitals")).withOrganisation("rhq"));
        assertThat(r.organisation()).isEqualTo("Sheffield Teaching Hospitals (RHQ)");
        // RHQ: A (Bronze, Silver), B (in progress), F (all three): 3 learners.
        assertThat(r.learners()).isEqualTo("3");
        assertThat(r.table("compared-with-region").rows().get(0).cells())
                .containsExactly("Bronze", "2", "66.7%", "3", "6", "75.0%", "8");
        // The organisation table is the region's, with the name beside the code.
        assertThat(r.table("by-organisation").rows()).extracting(row -> row.cells().subList(0, 3)).contains(
                List.of("RHQ", "Sheffield Teaching Hospitals", "3"), List.of("RR8", "", "3"), List.of("All learners", "", "8"));
        assertThatThrownBy(() -> ProgressionReport.of(input(), Disclosure.NONE, ReportOptions.defaults().withOrganisation("ZZ9")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ZZ9");
        assertThatThrownBy(() -> ProgressionReport.of(input(), new Disclosure(7, 1), ReportOptions.defaults().withOrganisation("RHQ")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("exact counts");
    }
}
