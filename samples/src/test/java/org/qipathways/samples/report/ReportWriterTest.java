package org.qipathways.samples.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qipathways.programme.Programme;
import org.qipathways.progress.Evaluator;
import org.qipathways.record.EventsCsv;
import org.qipathways.record.LearnerRecord;
import org.qipathways.record.ReadOptions;
import org.qipathways.report.Disclosure;
import org.qipathways.report.ProgressionReport;
import org.qipathways.report.ReportInput;

/** The files {@link ReportWriter} writes: CSV cells a spreadsheet will not run, a self-contained page, no half report. */
class ReportWriterTest {

    @TempDir
    Path dir;

    @Test
    void cellsThatWouldStartAFormulaGetAQuoteInFront() {
        assertThat(ReportWriter.cell("=HYPERLINK(\"http://evil.example\",\"x\")"))
                .isEqualTo("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\"");
        assertThat(ReportWriter.cell("+cmd|' /C calc'!A0")).isEqualTo("'+cmd|' /C calc'!A0");
        assertThat(ReportWriter.cell("-2+3")).isEqualTo("'-2+3");
        assertThat(ReportWriter.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(ReportWriter.cell("\tx")).isEqualTo("'\tx");
        assertThat(ReportWriter.cell("\rx")).isEqualTo("\"'\rx\"");
        // Numbers are numbers, not formulas.
        assertThat(ReportWriter.cell("-3")).isEqualTo("-3");
        assertThat(ReportWriter.cell("-0.7")).isEqualTo("-0.7");
        assertThat(ReportWriter.cell("12.5%")).isEqualTo("12.5%");
        // RFC 4180 quoting.
        assertThat(ReportWriter.cell("Measurement, run and SPC charts")).isEqualTo("\"Measurement, run and SPC charts\"");
        assertThat(ReportWriter.cell("a \"b\"")).isEqualTo("\"a \"\"b\"\"\"");
        assertThat(ReportWriter.cell("line\nbreak")).isEqualTo("\"line\nbreak\"");
        assertThat(ReportWriter.cell("")).isEmpty();
    }

    @Test
    void writesAPageATableAsCsvEachAndANote() throws IOException {
        Path out = dir.resolve("report");
        List<Path> files = ReportWriter.write(report(Disclosure.NHS_DIGITAL), out);
        assertThat(files.get(0)).isEqualTo(out.resolve("report.html"));
        assertThat(files).extracting(p -> p.getFileName().toString()).contains("funnel.csv", "by-organisation.csv",
                "by-icb.csv", "by-staff-group.csv", "by-band.csv", "time-between-tiers.csv", "stalled.csv", "expiring.csv",
                "competency-coverage.csv", "achievements-by-month.csv", "about.txt");
        assertThat(Files.readString(out.resolve("funnel.csv")))
                .startsWith("Tier,As of,Achieved (held),% achieved,In progress,Lapsed,Revoked,Not started,Learners\r\n");
        assertThat(Files.readString(out.resolve("about.txt"))).contains("As of: 2025-06-30")
                .contains(Disclosure.NHS_DIGITAL.method());
        try (Stream<Path> all = Files.list(out)) {
            assertThat(all.map(p -> p.getFileName().toString())).as("no temporary files left").noneMatch(n -> n.startsWith("."));
        }
    }

    @Test
    void thePageIsSelfContained() throws IOException {
        ReportWriter.write(report(Disclosure.NHS_DIGITAL), dir);
        String html = Files.readString(dir.resolve("report.html"));
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<svg").contains("<style>");
        assertOpensOffline(html);
        assertThat(html).contains("As of <strong>2025-06-30</strong>").contains(Disclosure.NHS_DIGITAL.method());
    }

    @Test
    void exactCountsAreMarkedNotForPublication() throws IOException {
        ReportWriter.write(report(Disclosure.NONE), dir);
        assertThat(Files.readString(dir.resolve("report.html"))).contains("Not for publication")
                .contains(Disclosure.NONE.method());
    }

    @Test
    void aFailedWriteLeavesNoHalfReport() throws IOException {
        Path out = dir.resolve("report");
        // A directory where a table should go: moving the table into place fails.
        Files.createDirectories(out.resolve("funnel.csv").resolve("in-the-way"));
        assertThatThrownBy(() -> ReportWriter.write(report(Disclosure.NHS_DIGITAL), out)).isInstanceOf(IOException.class);
        try (Stream<Path> all = Files.list(out)) {
            assertThat(all.map(p -> p.getFileName().toString())).containsExactly("funnel.csv");
        }
    }

    /** No scripts, and nothing fetched from anywhere: no http(s) or protocol-relative src, href, url() or @import. */
    static void assertOpensOffline(String html) {
        assertThat(html).doesNotContainIgnoringCase("<script").doesNotContainIgnoringCase("<link")
                .doesNotContainIgnoringCase("<iframe").doesNotContainIgnoringCase("@import")
                .doesNotContainIgnoringCase("@font-face").doesNotContainIgnoringCase("javascript:");
        assertThat(html).doesNotContainPattern("(?i)(src|href)\\s*=\\s*[\"']?\\s*(https?:|//)");
        assertThat(html).doesNotContainPattern("(?i)url\\(\\s*[\"']?\\s*(https?:|//)");
    }

    static ProgressionReport report(Disclosure disclosure) {
        Programme programme = Programme.reference();
        String events = """
                learner_id,date,type,item,result
                L1,2024-01-10,completed,BRZ-ELN,
                L1,2024-01-12,assessed,BRZ-QUIZ,85
                L2,2023-05-05,prior_learning,IMP-FUNDAMENTALS,approved
                L2,2024-11-01,attended,SLV-IND,participant
                """;
        List<LearnerRecord> records = new ArrayList<>(LearnerRecord.group(List.of(), EventsCsv.read(new StringReader(events),
                "events.csv", programme, ReadOptions.STRICT).rows()).values());
        return ProgressionReport.of(ReportInput.evaluate(Evaluator.of(programme), records, List.of(),
                LocalDate.of(2025, 6, 30)), disclosure);
    }
}
