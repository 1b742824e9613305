package org.qipathways.samples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qipathways.samples.generate.RegionConfig;
import org.qipathways.samples.generate.RegionGenerator;

/** {@code qip report}, run in-process as a user would run it. */
class ReportCommandTest {

    @TempDir
    Path dir;

    static QipRun qip(String... args) {
        return QipRun.qip(args);
    }

    Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    static final String EVENTS = """
            learner_id,date,type,item,result
            LRN-SECRET-1,2024-01-10,completed,BRZ-ELN,
            LRN-SECRET-1,2024-01-12,assessed,BRZ-QUIZ,85
            LRN-SECRET-2,2024-01-10,completed,BRZ-ELN,
            LRN-SECRET-2,2024-01-11,assessed,BRZ-QUIZ,90
            LRN-SECRET-3,2024-02-01,prior_learning,QSIR-FUNDAMENTALS,approved
            """;

    /** Text a spreadsheet would run, or a browser would execute, in every free-text column. */
    static final String HOSTILE_LEARNERS = """
            learner_id,organisation,staff_group,band,team,region,organisation_name
            LRN-SECRET-1,RHQ,<script>alert(1)</script>,5,,"=HYPERLINK(""http://evil.example/"",""click"")",<b onclick=alert(4)>Trust</b>
            LRN-SECRET-2,RHQ,"+cmd|' /C calc'!A0",5,,-2+3,<b onclick=alert(4)>Trust</b>
            LRN-SECRET-3,RR8,@SUM(1+1),6,,"<img src=x onerror=alert(2)>","=1+2"
            """;

    @Test
    void aHostileNameIsInertInTheHtmlAndTheCsv() throws IOException {
        Path events = write("events.csv", EVENTS);
        Path learners = write("learners.csv", HOSTILE_LEARNERS);
        Path programme = write("programme.yaml", referenceYaml()
                .replace("  - code: BRONZE\n    title: Bronze\n", "  - code: BRONZE\n    title: \"Bronze <script>alert(3)</script>\"\n")
                .replace("{code: C-SYSTEMS, title: Understanding systems and processes}",
                        "{code: C-SYSTEMS, title: '=HYPERLINK(\"http://evil.example/\",\"x\")'}"));
        Path out = dir.resolve("report");
        // Exact counts, so that every name shows up in the tables.
        QipRun run = qip("report", "--events", events.toString(), "--learners", learners.toString(), "--programme",
                programme.toString(), "--as-of", "2025-03-31", "--no-suppression", "--out", out.toString());
        assertThat(run.exit()).as(run.err()).isZero();

        String html = Files.readString(out.resolve("report.html"));
        org.qipathways.samples.report.ReportWriterTestAccess.assertOpensOffline(html);
        assertThat(html).doesNotContainIgnoringCase("<script").doesNotContainIgnoringCase("<img")
                .doesNotContainIgnoringCase("<b onclick")
                // Organisation names, in the organisation table and the funnel plot's points and description.
                .contains("<td>&lt;b onclick=alert(4)&gt;Trust&lt;/b&gt;</td>")
                .contains("<title>RHQ &lt;b onclick=alert(4)&gt;Trust&lt;/b&gt;: 0 of 2")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .contains("Bronze &lt;script&gt;alert(3)&lt;/script&gt;")
                .contains("&lt;img src=x onerror=alert(2)&gt;")
                .contains("=HYPERLINK(&quot;http://evil.example/&quot;,&quot;click&quot;)");
        // The tier's name is in the funnel chart too, escaped by the SVG writer.
        String svg = html.substring(html.indexOf("<svg"), html.indexOf("</svg>"));
        assertThat(svg).contains("Bronze &lt;script&gt;alert(3)&lt;/script&gt;");

        Map<String, List<List<String>>> csv = readCsvs(out);
        List<String> allCells = csv.values().stream().flatMap(List::stream).flatMap(List::stream).toList();
        assertThat(allCells).as("no cell a spreadsheet would run").noneMatch(c -> !c.isEmpty()
                && "=+-@\t\r".indexOf(c.charAt(0)) >= 0 && !c.matches("-?\\d+(\\.\\d+)?"));
        assertThat(allCells).contains("'=HYPERLINK(\"http://evil.example/\",\"click\")", "'+cmd|' /C calc'!A0", "'-2+3",
                "'@SUM(1+1)", "'=HYPERLINK(\"http://evil.example/\",\"x\")", "<script>alert(1)</script>", "'=1+2");

        // Learner ids are for counting only.
        for (Path f : listFiles(out)) {
            assertThat(Files.readString(f)).as(f.toString()).doesNotContain("SECRET");
        }
    }

    @Test
    void theFunnelMatchesAnIndependentCountOfQipEvaluate() throws IOException {
        LocalDate asOf = LocalDate.of(2025, 3, 31);
        Path region = dir.resolve("region");
        RegionGenerator.of(new RegionConfig(2_000, 7, asOf)).writeTo(region);
        String events = region.resolve("events.csv").toString();
        String learners = region.resolve("learners.csv").toString();

        Map<String, Long> now = countStatuses(events, learners, asOf);
        Map<String, Long> before = countStatuses(events, learners, asOf.minusYears(1));

        Path exact = dir.resolve("exact");
        QipRun run = qip("report", "--events", events, "--learners", learners, "--as-of", asOf.toString(), "--no-suppression",
                "--out", exact.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.err()).contains("report on 2,000 learners as of 2025-03-31").contains("13 CSV tables");
        Path published = dir.resolve("published");
        assertThat(qip("report", "--events", events, "--learners", learners, "--as-of", asOf.toString(),
                "--out", published.toString()).exit()).isZero();

        String[] statuses = {"ACHIEVED", "IN_PROGRESS", "LAPSED", "REVOKED", "NOT_STARTED"};
        List<List<String>> exactRows = readCsv(exact.resolve("funnel.csv"));
        List<List<String>> publishedRows = readCsv(published.resolve("funnel.csv"));
        assertThat(exactRows).hasSize(1 + 6);
        long bronzeHeld = 0;
        for (int i = 1; i < exactRows.size(); i++) {
            List<String> row = exactRows.get(i);
            String tier = row.get(0).toUpperCase(java.util.Locale.ROOT);
            Map<String, Long> counts = row.get(1).equals(asOf.toString()) ? now : before;
            // Columns: tier, as of, achieved, % achieved, in progress, lapsed, revoked, not started, learners
            int[] column = {2, 4, 5, 6, 7};
            for (int s = 0; s < statuses.length; s++) {
                long expected = counts.getOrDefault(tier + " " + statuses[s], 0L);
                assertThat(Long.parseLong(row.get(column[s]))).as(row + " " + statuses[s]).isEqualTo(expected);
                assertThat(publishedRows.get(i).get(column[s])).as("published " + row + " " + statuses[s])
                        .isEqualTo(nhsDigital(expected));
            }
            assertThat(row.get(8)).isEqualTo("2000");
            if (i == 1) {
                bronzeHeld = Long.parseLong(row.get(2));
            }
        }
        assertThat(bronzeHeld).as("a region with a real funnel").isGreaterThan(500);
        // The breakdowns add up to the same learners.
        List<List<String>> byIcb = readCsv(exact.resolve("by-icb.csv"));
        List<String> all = byIcb.get(byIcb.size() - 1);
        assertThat(all.subList(0, 3)).containsExactly("All learners", "2000", Long.toString(bronzeHeld));
        assertThat(byIcb.subList(1, byIcb.size() - 1).stream().mapToLong(r -> Long.parseLong(r.get(1))).sum()).isEqualTo(2000);
    }

    @Test
    void aSmallRegionGetsQuarterlyChartsWhereMonthsAreTooSmall() throws IOException {
        LocalDate asOf = LocalDate.of(2025, 3, 31);
        Path region = dir.resolve("region");
        RegionGenerator.of(new RegionConfig(200, 1, asOf)).writeTo(region);
        Path out = dir.resolve("report");
        QipRun run = qip("report", "--events", region.resolve("events.csv").toString(), "--learners",
                region.resolve("learners.csv").toString(), "--as-of", asOf.toString(), "--out", out.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        String html = Files.readString(out.resolve("report.html"));

        // Every tier that has any first achievement in the last three years gets a chart, by month or by quarter.
        List<List<String>> quarters = readCsv(out.resolve("achievements-by-quarter.csv"));
        List<List<String>> months = readCsv(out.resolve("achievements-by-month.csv"));
        for (String tier : List.of("Bronze", "Silver", "Gold")) {
            boolean any = Stream.concat(months.stream(), quarters.stream()).skip(1)
                    .anyMatch(r -> r.get(1).equals(tier) && !r.get(2).equals("0"));
            if (any) {
                assertThat(html).as(tier).containsPattern("<h3>" + tier + ", by (month|quarter)</h3>\n<p class=\"period\">");
            }
        }
        // With 200 learners, no tier has every month publishable: the charts are by quarter, and say why.
        assertThat(html).contains("<h3>Bronze, by quarter</h3>", "<h3>Silver, by quarter</h3>", "<h3>Gold, by quarter</h3>")
                .containsPattern("By quarter: \\d+ of 24 months had 1 to 7 first achievements, too few to publish month by"
                        + " month, so each point is a calendar quarter \\(three months added up\\), 2022 Apr-Jun to 2025 Jan-Mar.")
                // Where quarters are still too small they are marked, not drawn, and no limits are computed without them.
                .containsPattern("\\d+ of 12 quarters still had 1 to 7 and are withheld \\(marked \\*, no point drawn\\)."
                        + " This is a run chart of the published quarters only")
                .doesNotContain("Chart withheld");
        // Each chart is drawn twice, for a wide and a narrow screen: three charts, each with its wide drawing.
        assertThat(html.split("<svg id=.chart-(spc|run)-\\d+['\"]", -1)).hasSize(1 + 3);
        assertThat(quarters.get(0)).containsExactly("Quarter", "Tier", "First achievements", "Mean", "Lower process limit",
                "Upper process limit", "Special cause");
        assertThat(quarters.get(1).get(0)).isEqualTo("2022 Apr-Jun");
        assertThat(quarters.get(12).get(0)).isEqualTo("2025 Jan-Mar");
        // Suppression intact: no count from 1 to 7 anywhere, every other count a multiple of 5.
        for (List<List<String>> table : List.of(months, quarters)) {
            for (List<String> row : table.subList(1, table.size())) {
                assertThat(row.get(2)).as(row.toString()).matches("\\*|0|\\d*[05]");
            }
        }
        assertThat(html).doesNotContain("Chart withheld: some months have too few");
    }

    @Test
    void aThresholdOnlyRuleIsStatedOnTheReport() throws IOException {
        Path events = write("events.csv", EVENTS);
        Path learners = write("learners.csv", HOSTILE_LEARNERS);
        Path out = dir.resolve("report");
        QipRun run = qip("report", "--events", events.toString(), "--learners", learners.toString(), "--as-of", "2025-03-31",
                "--suppression-threshold", "9", "--rounding-base", "1", "--out", out.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(Files.readString(out.resolve("report.html"))).contains("Counts of 1 to 9 people are shown as *")
                .contains("next smallest count");
        assertThat(run.err()).contains("Counts of 1 to 9 people");
    }

    @Test
    void learnersAreRequired() throws IOException {
        Path events = write("events.csv", EVENTS);
        QipRun run = qip("report", "--events", events.toString(), "--out", dir.resolve("r").toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("--learners");
        assertThat(dir.resolve("r")).doesNotExist();
    }

    @Test
    void suppressionOptionsThatContradictEachOtherAreRefused() throws IOException {
        Path events = write("events.csv", EVENTS);
        Path learners = write("learners.csv", HOSTILE_LEARNERS);
        String[] base = {"report", "--events", events.toString(), "--learners", learners.toString(), "--out",
                dir.resolve("r").toString()};
        QipRun both = qip(concat(base, "--no-suppression", "--rounding-base", "5"));
        assertThat(both.exit()).isEqualTo(2);
        assertThat(both.err()).contains("--no-suppression cannot be combined");
        QipRun negative = qip(concat(base, "--suppression-threshold", "-1"));
        assertThat(negative.exit()).isEqualTo(2);
        assertThat(negative.err()).contains("--suppression-threshold must be 0 or more");
        QipRun zero = qip(concat(base, "--rounding-base", "0"));
        assertThat(zero.exit()).isEqualTo(2);
        assertThat(dir.resolve("r")).doesNotExist();
    }

    @Test
    void badInputWritesNothing() throws IOException {
        Path events = write("events.csv", EVENTS + "LRN-4,2024-13-01,completed,BRZ-ELN,\n");
        Path learners = write("learners.csv", HOSTILE_LEARNERS);
        QipRun run = qip("report", "--events", events.toString(), "--learners", learners.toString(), "--out",
                dir.resolve("r").toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("events.csv:7: date");
        assertThat(dir.resolve("r")).doesNotExist();
    }

    // ---- helpers ----

    /** Learners per "TIER STATUS", counted from qip evaluate's CSV. */
    Map<String, Long> countStatuses(String events, String learners, LocalDate asOf) throws IOException {
        Path status = dir.resolve("status-" + asOf + ".csv");
        QipRun run = qip("evaluate", "--events", events, "--learners", learners, "--as-of", asOf.toString(), "--out",
                status.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        Map<String, Long> counts = new HashMap<>();
        List<List<String>> rows = readCsv(status);
        assertThat(rows.get(0)).startsWith("learner_id", "tier", "status");
        for (List<String> row : rows.subList(1, rows.size())) {
            counts.merge(row.get(1) + " " + row.get(2), 1L, Long::sum);
        }
        return counts;
    }

    /** NHS Digital's rule, written out again rather than borrowed from the code under test. */
    static String nhsDigital(long n) {
        return n == 0 ? "0" : n <= 7 ? "*" : Long.toString(5 * Math.round(n / 5.0));
    }

    static String referenceYaml() throws IOException {
        try (InputStream in = ReportCommandTest.class.getResourceAsStream("/org/qipathways/programme/reference-programme.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static String[] concat(String[] a, String... b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    static List<Path> listFiles(Path d) throws IOException {
        try (Stream<Path> s = Files.list(d)) {
            return s.sorted().toList();
        }
    }

    static Map<String, List<List<String>>> readCsvs(Path d) throws IOException {
        Map<String, List<List<String>>> all = new HashMap<>();
        for (Path f : listFiles(d)) {
            if (f.toString().endsWith(".csv")) {
                all.put(f.getFileName().toString(), readCsv(f));
            }
        }
        return all;
    }

    /** A small RFC 4180 reader: quoted fields with doubled quotes, CRLF or LF line ends. */
    static List<List<String>> readCsv(Path f) throws IOException {
        String text = Files.readString(f);
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                row.add(cell.toString());
                cell.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else {
                cell.append(c);
            }
        }
        if (cell.length() > 0 || !row.isEmpty()) {
            row.add(cell.toString());
            rows.add(row);
        }
        return rows;
    }
}
