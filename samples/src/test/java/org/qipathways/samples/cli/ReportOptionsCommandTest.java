package org.qipathways.samples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qipathways.samples.cli.ReportCommandTest.readCsv;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qipathways.certification.Certificate;
import org.qipathways.certification.CertificateStatus;
import org.qipathways.certification.Certifier;
import org.qipathways.certification.jdbc.JdbcCertificateRegister;
import org.qipathways.programme.Programme;
import org.qipathways.record.EventsCsv;
import org.qipathways.record.LearnerRecord;
import org.qipathways.record.LearnersCsv;
import org.qipathways.record.ReadOptions;
import org.qipathways.samples.generate.RegionConfig;
import org.qipathways.samples.generate.RegionGenerator;

/** {@code qip report --register}, {@code --organisations} and {@code --organisation}, run as a user would. */
class ReportOptionsCommandTest {

    static final LocalDate AS_OF = LocalDate.of(2025, 3, 31);

    @TempDir
    static Path dir;
    static Path region;
    static Path register;

    @BeforeAll
    static void regionAndRegister() throws IOException {
        region = dir.resolve("region");
        RegionGenerator.of(new RegionConfig(2_000, 3, AS_OF)).writeTo(region);
        Programme programme = Programme.reference();
        List<LearnerRecord> records = new ArrayList<>(LearnerRecord.group(
                LearnersCsv.read(region.resolve("learners.csv"), ReadOptions.STRICT).rows(),
                EventsCsv.read(region.resolve("events.csv"), programme, ReadOptions.STRICT).rows()).values());
        register = dir.resolve("register.db");
        try (JdbcCertificateRegister r = JdbcCertificateRegister.open("jdbc:sqlite:" + register)) {
            Certifier.of(programme, r, Clock.systemUTC(), "test").certify(records, AS_OF);
        }
    }

    static QipRun report(Path out, String... more) {
        List<String> args = new ArrayList<>(List.of("report", "--events", region.resolve("events.csv").toString(),
                "--learners", region.resolve("learners.csv").toString(), "--as-of", AS_OF.toString(), "--out", out.toString()));
        args.addAll(List.of(more));
        return QipRun.qip(args.toArray(String[]::new));
    }

    @Test
    void certificatesAreCountedFromTheRegisterGivenAndTheReportSaysSo() throws IOException {
        Path out = dir.resolve("with-register");
        QipRun run = report(out, "--register", register.toString(), "--no-suppression");
        assertThat(run.exit()).as(run.err()).isZero();
        String html = Files.readString(out.resolve("report.html"));
        assertThat(html).contains("Certificates: counted from the certificate register " + register + ".")
                .doesNotContain("Certificates are not issued yet");

        // Learners certified and revoked per tier, counted again straight from the register.
        Map<String, Set<String>> certified = new HashMap<>();
        Map<String, Set<String>> revoked = new HashMap<>();
        try (JdbcCertificateRegister r = JdbcCertificateRegister.openForReading("jdbc:sqlite:" + register)) {
            for (Certificate c : r.certificates(Programme.reference().code())) {
                certified.computeIfAbsent(c.tier(), k -> new HashSet<>()).add(c.learnerId());
                if (c.status() == CertificateStatus.REVOKED) {
                    revoked.computeIfAbsent(c.tier(), k -> new HashSet<>()).add(c.learnerId());
                }
            }
        }
        List<List<String>> rows = readCsv(out.resolve("certificates.csv"));
        assertThat(rows.get(0)).containsExactly("Tier", "Learners certified", "Holding a valid certificate",
                "Expiring in the next 90 days", "Lapsed in the last 90 days", "Revoked");
        assertThat(rows).hasSize(4);
        String[] codes = {"BRONZE", "SILVER", "GOLD"};
        for (int t = 0; t < 3; t++) {
            assertThat(rows.get(1 + t).get(1)).as(codes[t]).isEqualTo(Integer.toString(certified.get(codes[t]).size()));
            assertThat(rows.get(1 + t).get(5)).as(codes[t])
                    .isEqualTo(Integer.toString(revoked.getOrDefault(codes[t], Set.of()).size()));
        }
        assertThat(Long.parseLong(rows.get(1).get(1))).as("a demo-sized register").isGreaterThan(500);
    }

    @Test
    void withoutARegisterTheReportSaysNoneWasGiven() throws IOException {
        Path out = dir.resolve("no-register");
        QipRun run = report(out);
        assertThat(run.exit()).as(run.err()).isZero();
        String html = Files.readString(out.resolve("report.html"));
        assertThat(html).contains("Certificates: no register given (qip report --register FILE), so no certificate is counted.")
                .contains("No certificate register was given (qip report --register FILE), so these are not certificates")
                .doesNotContain("Certificates are not issued yet");
        assertThat(readCsv(out.resolve("certificates.csv"))).hasSize(1);
    }

    @Test
    void aMissingRegisterIsBadInputAndWritesNothing() {
        Path out = dir.resolve("missing-register");
        QipRun run = report(out, "--register", dir.resolve("no-such.db").toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(out).doesNotExist();
    }

    @Test
    void theOrganisationTableNamesOrganisationsFromAnOrganisationsFile() throws IOException {
        Path names = Files.writeString(dir.resolve("organisations.csv"),
                "organisation,name\nRHQ,Sheffield Teaching Hospitals NHS Foundation Trust\nrr8,\"Leeds Teaching Hospitals, NHS Trust\"\n",
                StandardCharsets.UTF_8);
        Path out = dir.resolve("names");
        QipRun run = report(out, "--organisations", names.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        List<List<String>> rows = readCsv(out.resolve("by-organisation.csv"));
        assertThat(rows.get(0).subList(0, 3)).containsExactly("Organisation (ODS code)", "Name", "Learners");
        assertThat(rows).anySatisfy(r -> assertThat(r.subList(0, 2))
                .containsExactly("RHQ", "Sheffield Teaching Hospitals NHS Foundation Trust"));
        assertThat(rows).anySatisfy(r -> assertThat(r.subList(0, 2)).containsExactly("RR8", "Leeds Teaching Hospitals, NHS Trust"));
        assertThat(rows).anySatisfy(r -> assertThat(r.subList(0, 2)).containsExactly("RWA", ""));
        assertThat(Files.readString(out.resolve("report.html"))).contains("<td>Sheffield Teaching Hospitals NHS Foundation Trust</td>");
    }

    @Test
    void namesComeFromAnOrganisationNameColumnOfLearnersCsv() throws IOException {
        Path learners = dir.resolve("learners-named.csv");
        List<String> lines = Files.readAllLines(region.resolve("learners.csv"));
        List<String> named = new ArrayList<>(List.of(lines.get(0) + ",organisation_name"));
        for (String line : lines.subList(1, lines.size())) {
            named.add(line + (line.contains(",RHQ,") ? ",Sheffield Teaching Hospitals" : ","));
        }
        Files.write(learners, named);
        Path out = dir.resolve("names-from-learners");
        QipRun run = QipRun.qip("report", "--events", region.resolve("events.csv").toString(), "--learners",
                learners.toString(), "--as-of", AS_OF.toString(), "--out", out.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(readCsv(out.resolve("by-organisation.csv")))
                .anySatisfy(r -> assertThat(r.subList(0, 2)).containsExactly("RHQ", "Sheffield Teaching Hospitals"));
    }

    @Test
    void oneOrganisationsReportHasTheRegionAsComparisonAndItsTableOpen() throws IOException {
        Path names = Files.writeString(dir.resolve("orgs.csv"), "organisation,name\nRHQ,Sheffield Teaching Hospitals NHS Foundation Trust\n");
        Path out = dir.resolve("rhq");
        QipRun run = report(out, "--organisations", names.toString(), "--organisation", "rhq", "--no-suppression");
        assertThat(run.exit()).as(run.err()).isZero();
        String html = Files.readString(out.resolve("report.html"));
        assertThat(html).contains("Organisation: <strong>Sheffield Teaching Hospitals NHS Foundation Trust (RHQ)</strong>,"
                + " compared with the whole region");
        assertThat(html).containsPattern("<section id=\"by-organisation\">[\\s\\S]*?<details open><summary>");

        long rhqLearners = Files.readAllLines(region.resolve("learners.csv")).stream().filter(l -> l.contains(",RHQ,")).count();
        List<List<String>> funnel = readCsv(out.resolve("funnel.csv"));
        assertThat(funnel.get(1).get(8)).isEqualTo(Long.toString(rhqLearners));
        List<List<String>> compared = readCsv(out.resolve("compared-with-region.csv"));
        assertThat(compared.get(0)).containsExactly("Tier", "Sheffield Teaching Hospitals NHS Foundation Trust (RHQ) achieved",
                "Sheffield Teaching Hospitals NHS Foundation Trust (RHQ) % achieved",
                "Sheffield Teaching Hospitals NHS Foundation Trust (RHQ) learners", "Region achieved", "Region % achieved",
                "Region learners");
        assertThat(compared.get(1).get(1)).isEqualTo(funnel.get(1).get(2));
        assertThat(compared.get(1).get(3)).isEqualTo(Long.toString(rhqLearners));
        assertThat(compared.get(1).get(6)).isEqualTo("2000");
        // The organisation table is the region's: every organisation, all 2,000 learners.
        List<List<String>> byOrg = readCsv(out.resolve("by-organisation.csv"));
        assertThat(byOrg.get(byOrg.size() - 1).subList(0, 3)).containsExactly("All learners", "", "2000");
    }

    @Test
    void theFunnelPlotComparesOrganisationsWithControlLimitsAndTheTableBehindIt() throws IOException {
        Path out = dir.resolve("funnel-plot");
        QipRun run = report(out);
        assertThat(run.exit()).as(run.err()).isZero();
        String html = Files.readString(out.resolve("report.html"));
        org.qipathways.samples.report.ReportWriterTestAccess.assertOpensOffline(html);
        List<List<String>> rows = readCsv(out.resolve("funnel-plot.csv"));
        assertThat(rows.get(0)).containsExactly("Organisation (ODS code)", "Name", "Bronze holders", "Of them holding Silver",
                "% holding Silver", "95% limits", "99.8% limits", "Position");
        List<String> region = rows.get(rows.size() - 1);
        assertThat(region.get(0)).isEqualTo("Region");
        double p = Double.parseDouble(region.get(3)) / Double.parseDouble(region.get(2));
        int plotted = 0;
        List<String> excluded = new ArrayList<>();
        for (List<String> row : rows.subList(1, rows.size() - 1)) {
            if (row.get(7).startsWith("not plotted")) {
                // Suppressed organisations are listed, with nothing computed from their counts.
                assertThat(List.of(row.get(2), row.get(3))).contains("*");
                assertThat(row.subList(4, 7)).containsOnly("*");
                excluded.add(row.get(0));
                continue;
            }
            plotted++;
            double n = Double.parseDouble(row.get(2));
            double x = Double.parseDouble(row.get(3));
            assertThat(n % 5).as("published counts are rounded").isZero();
            // The limits, worked again from the formula: p +/- z sqrt(p(1-p)/n).
            double half95 = 1.96 * Math.sqrt(p * (1 - p) / n);
            double half998 = 3.09 * Math.sqrt(p * (1 - p) / n);
            assertThat(row.get(5)).isEqualTo(pct(Math.max(0, p - half95)) + " to " + pct(Math.min(1, p + half95)));
            assertThat(row.get(6)).isEqualTo(pct(Math.max(0, p - half998)) + " to " + pct(Math.min(1, p + half998)));
            double rate = x / n;
            String expected = rate > p + half998 ? "above the 99.8% limit" : rate < p - half998 ? "below the 99.8% limit"
                    : rate > p + half95 ? "above the 95% limit" : rate < p - half95 ? "below the 95% limit" : "within the 95% limits";
            assertThat(row.get(7)).as(row.toString()).isEqualTo(expected);
            assertThat(html).contains(row.get(0) + ": " + (long) x + " of " + (long) n + ", " + row.get(4) + ", " + row.get(7));
        }
        assertThat(plotted).as("a 2,000-learner region has organisations to compare").isGreaterThan(5);
        String svg = html.substring(html.indexOf("<svg id=\"chart-funnel-plot\""));
        svg = svg.substring(0, svg.indexOf("</svg>"));
        assertThat(svg).contains("<desc id=\"funnel-plot-desc\">Silver holders among Bronze holders against the number of"
                + " Bronze holders, per organisation. Region: ");
        assertThat(svg.split("<circle ", -1)).hasSize(plotted + 1);
        String said = excluded.size() + (excluded.size() == 1 ? " organisation is" : " organisations are")
                + " not plotted because a count is too small to publish";
        assertThat(html).contains(said);
        if (!excluded.isEmpty()) {
            assertThat(svg).contains("Not plotted, a count being too small to publish: " + String.join(", ", excluded) + ".");
        }
    }

    static String pct(double rate) {
        return String.format(java.util.Locale.ROOT, "%.1f%%", 100 * rate);
    }

    @Test
    void anUnknownOrganisationIsAUsageErrorNamingTheCode() {
        Path out = dir.resolve("unknown");
        QipRun run = report(out, "--organisation", "ZZ9");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("--organisation ZZ9").contains("no learner").contains("has organisation ZZ9");
        assertThat(out).doesNotExist();
    }

    @Test
    void oneOrganisationWithExactSuppressedCountsIsRefused() {
        // Its own tables would show what the region's organisation table hides to protect another's count.
        Path out = dir.resolve("exact-one");
        QipRun run = report(out, "--organisation", "RHQ", "--rounding-base", "1");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("--organisation cannot be combined with --rounding-base 1");
        assertThat(out).doesNotExist();
    }

    @Test
    void aMissingOrganisationsFileIsBadInputAndWritesNothing() {
        Path out = dir.resolve("missing-names");
        QipRun run = report(out, "--organisations", dir.resolve("no-such.csv").toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("no-such.csv");
        assertThat(out).doesNotExist();
    }
}
