package org.qipathways.samples.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.qipathways.samples.cli.Qip;

/**
 * The report as a reader sees it: {@code report.html} of a synthetic region, laid out by headless
 * Chromium at 1400 px (a desktop) and 420 px (a phone) wide, and measured there by
 * {@code report-checks.js}: nothing sticks out of the page except inside a table's scroller, chart
 * text is at least 10 px as drawn, no chart label sits on a data point, every chart has a text
 * alternative with its numbers, no table cell wraps to one word a line and no date is split over
 * two lines. The report is put in an iframe of the exact width (a headless window is never
 * narrower than 500 px), and the checks write their findings as JSON into the page, which
 * {@code chromium --dump-dom} prints. Screenshots go to {@code target/report-in-browser/} for a
 * person to look at.
 *
 * <p>Skipped, saying why, where no {@code chromium} is installed ({@code apt-get install chromium};
 * CI's {@code .ci/run} installs it); {@code QIP_CHROMIUM} names another binary.
 */
class ReportInBrowserTest {

    private static final Path OUT = Path.of("target", "report-in-browser");
    private static final Map<Integer, JsonNode> CHECKS = new ConcurrentHashMap<>();
    private static final String RESULT = "<pre id=\"qip-checks\">";
    private static String chromium;
    private static String reportHtml;

    @BeforeAll
    static void writeTheReport() throws IOException {
        chromium = findChromium();
        assumeTrue(chromium != null, "chromium is not installed (apt-get install chromium, or set QIP_CHROMIUM):"
                + " the report is not checked in a browser");
        Path region = OUT.resolve("region");
        Path report = OUT.resolve("report");
        Files.createDirectories(OUT);
        assertThat(qip("generate", "--learners", "4000", "--seed", "3", "--end", "2026-11-01", "--out", region.toString()))
                .isZero();
        int exit = qip("report", "--events", region.resolve("events.csv").toString(), "--learners",
                region.resolve("learners.csv").toString(), "--organisations", region.resolve("organisations.csv").toString(),
                "--as-of", "2026-11-01", "--out", report.toString());
        assertThat(exit).isZero();
        reportHtml = Files.readString(report.resolve(ReportWriter.HTML_FILE));
    }

    @ParameterizedTest(name = "{0} px")
    @ValueSource(ints = {1400, 420})
    void nothingSticksOutOfThePageButInsideATablesScroller(int width) throws Exception {
        JsonNode c = checks(width);
        assertThat(c.get("scrollWidth").asInt()).as("the page's width at %d px", width).isLessThanOrEqualTo(c.get("viewport").asInt());
        assertThat(list(c, "overflow")).as("elements wider than the page, outside a scroller").isEmpty();
    }

    @ParameterizedTest(name = "{0} px")
    @ValueSource(ints = {1400, 420})
    void chartTextIsAtLeastTenPixels(int width) throws Exception {
        JsonNode c = checks(width);
        assertThat(c.get("svgs").asInt()).as("charts shown").isGreaterThanOrEqualTo(5);
        assertThat(c.get("texts").asInt()).as("texts in the charts").isGreaterThan(50);
        assertThat(list(c, "smallText")).as("chart text under 10 px as drawn").isEmpty();
    }

    @ParameterizedTest(name = "{0} px")
    @ValueSource(ints = {1400, 420})
    void noChartLabelSitsOnADataPoint(int width) throws Exception {
        assertThat(list(checks(width), "overlaps")).isEmpty();
    }

    @ParameterizedTest(name = "{0} px")
    @ValueSource(ints = {1400, 420})
    void everyChartHasATextAlternativeWithItsNumbers(int width) throws Exception {
        assertThat(list(checks(width), "noAlternative")).as("charts without role=img and a title or desc with numbers").isEmpty();
    }

    @ParameterizedTest(name = "{0} px")
    @ValueSource(ints = {1400, 420})
    void tablesReadAcrossAndDatesStayWhole(int width) throws Exception {
        JsonNode c = checks(width);
        assertThat(list(c, "oneWordPerLine")).as("cells wrapped to one word a line").isEmpty();
        assertThat(list(c, "splitDates")).as("dates broken over two lines").isEmpty();
    }

    private static int qip(String... args) {
        java.io.StringWriter log = new java.io.StringWriter();
        picocli.CommandLine cli = Qip.commandLine();
        cli.setOut(new java.io.PrintWriter(log, true));
        cli.setErr(new java.io.PrintWriter(log, true));
        int exit = cli.execute(args);
        assertThat(exit).as(log.toString()).isZero();
        return exit;
    }

    /** The checks' findings at one width, from one run of the browser (then a screenshot). */
    private static JsonNode checks(int width) throws Exception {
        JsonNode cached = CHECKS.get(width);
        if (cached != null) {
            return cached;
        }
        String script;
        try (InputStream in = ReportInBrowserTest.class.getResourceAsStream("report-checks.js")) {
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Path page = OUT.resolve("checks-" + width + ".html");
        Files.writeString(page, framed(width, 900, "<script>\n" + script + "\n</script>\n"), StandardCharsets.UTF_8);
        String dom = run("--window-size=" + Math.max(width, 500) + ",900", "--dump-dom", page.toUri().toString());
        // The last such element: the script's own text names it too.
        int start = dom.lastIndexOf(RESULT);
        assertThat(start).as("the checks' results in the page chromium dumped").isNotNegative();
        String json = dom.substring(start + RESULT.length(), dom.indexOf("</pre>", start));
        JsonNode result = new ObjectMapper().readTree(json.replace("&lt;", "<").replace("&gt;", ">")
                .replace("&nbsp;", "\u00a0").replace("&amp;", "&"));
        CHECKS.put(width, result);

        Path shot = OUT.resolve("screen-" + width + ".html");
        Files.writeString(shot, framed(width, 1600, ""), StandardCharsets.UTF_8);
        run("--window-size=" + Math.max(width, 500) + ",1600",
                "--screenshot=" + OUT.resolve("report-" + width + "px.png").toAbsolutePath(), shot.toUri().toString());
        return result;
    }

    /** A page holding the report in an iframe exactly {@code width} px wide. */
    private static String framed(int width, int height, String after) {
        return "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"></head><body style=\"margin:0\">\n"
                + "<iframe id=\"report\" style=\"border:0;display:block;width:" + width + "px;height:" + height
                + "px\" srcdoc=\"" + HtmlReport.escape(reportHtml) + "\"></iframe>\n" + after + "</body></html>\n";
    }

    private static String run(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(chromium, "--headless", "--no-sandbox", "--disable-gpu",
                "--hide-scrollbars", "--virtual-time-budget=5000"));
        cmd.addAll(List.of(args));
        Path log = OUT.resolve("chromium.log");
        Process p = new ProcessBuilder(cmd).redirectError(log.toFile()).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
        }
        assertThat(p.exitValue()).as("chromium's exit; its messages are in %s", log).isZero();
        return new String(out, StandardCharsets.UTF_8);
    }

    private static List<String> list(JsonNode c, String key) {
        List<String> items = new ArrayList<>();
        c.get(key).forEach(n -> items.add(n.asText()));
        return items;
    }

    private static String findChromium() {
        String named = System.getenv("QIP_CHROMIUM");
        if (named != null && !named.isBlank()) {
            return Files.isExecutable(Path.of(named)) ? named : null;
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            for (String name : List.of("chromium", "chromium-browser")) {
                if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, name))) {
                    return Path.of(dir, name).toString();
                }
            }
        }
        return null;
    }
}
