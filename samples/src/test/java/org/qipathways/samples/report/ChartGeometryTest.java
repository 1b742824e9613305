package org.qipathways.samples.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.qipathways.report.Disclosure;
import org.qipathways.report.FunnelPlot;
import org.qipathways.report.ProgressionReport;
import org.qipathways.report.Xmr;

/**
 * The charts' geometry, read back from the SVG the code writes (no browser): a withheld share of a
 * stacked bar is drawn as a hatched segment marked {@code *} with words saying why, never as
 * nothing; and the XmR charts' labels (mean, process limits) and the funnel plot's organisation
 * codes keep clear of every data point, on ordinary and crowded data. A text's box is its
 * anchor (start, middle or end) and its width as Java's SansSerif measures it, widened a tenth, from 0.8 of the
 * font size above the baseline to 0.25 below; a point's box is its circle's or dot's square.
 * {@link ReportInBrowserTest} measures the same in a browser.
 */
class ChartGeometryTest {

    static final LocalDate AS_OF = LocalDate.of(2025, 3, 31);
    static final List<String> LEVELS = List.of("Not evidenced", "1 Aware", "2 Practitioner", "3 Leader");

    // ---- a withheld segment of a stacked bar ----

    @Test
    void aWithheldShareIsAHatchedSegmentMarkedWithAStarAndSaysWhy() {
        ProgressionReport report = coverage(Disclosure.NHS_DIGITAL,
                new ProgressionReport.CoverageBar("C-A", "Alpha", Arrays.asList(50.0, 30.0, null, 15.0)),
                new ProgressionReport.CoverageBar("C-B", "Beta", Arrays.asList(60.0, 40.0, 0.0, 0.0)));
        String html = Charts.coverage(report);
        for (String svg : svgs(html)) {
            String id = attr(svg.substring(0, svg.indexOf('>')), "id");
            assertThat(svg).as(id + ": a hatching pattern").contains("<pattern id='" + id + "-withheld'");
            List<double[]> hatched = rects(svg, "fill:url(#" + id + "-withheld)");
            // The legend's swatch is a path; the bars' segments are rects: one, on C-A's bar only.
            assertThat(hatched).as(id + ": hatched segments").hasSize(1);
            double[] seg = hatched.get(0);
            assertThat(seg[2]).as(id + ": the withheld segment's width").isGreaterThan(8);
            double[] bar = barOf(svg, seg);
            assertThat(seg[0] + seg[2]).as(id + ": the segment ends the bar").isCloseTo(bar[0] + bar[2], org.assertj.core.data.Offset.offset(0.5));
            assertThat(texts(svg)).as(id + ": the segment is marked *").anySatisfy(t -> {
                assertThat(t.text()).isEqualTo("*");
                assertThat(t.x()).isBetween(seg[0], seg[0] + seg[2]);
                assertThat(t.y()).isBetween(seg[1], seg[1] + seg[3] + 4);
            });
            assertThat(texts(svg)).extracting(Text::text).as(id + ": the legend").contains(CoverageChart.WITHHELD_SERIES);
            assertThat(svg).as(id + ": dashed outline").contains("stroke-dasharray:3.0,2.0");
            String desc = desc(svg);
            assertThat(desc).contains("2 Practitioner * (withheld)").contains("1 to 7 learners, too few to publish")
                    .contains("hatched segment marked *");
            assertThat(desc).as("a bar without a withheld share says nothing is withheld").contains("2 Practitioner 0.0%");
        }
    }

    @Test
    void aWithheldShareIsDrawnEvenWhenThePublishedSharesAddUpTo100() {
        // Percentages of rounded counts: 50 + 50 of a rounded 100, beside a withheld 1 to 7.
        ProgressionReport report = coverage(Disclosure.NHS_DIGITAL,
                new ProgressionReport.CoverageBar("C-A", "Alpha", Arrays.asList(50.0, 50.0, null, 0.0)));
        for (String svg : svgs(Charts.coverage(report))) {
            String id = attr(svg.substring(0, svg.indexOf('>')), "id");
            List<double[]> hatched = rects(svg, "fill:url(#" + id + "-withheld)");
            assertThat(hatched).as(id + ": the withheld segment is drawn, not a zero").hasSize(1);
            assertThat(hatched.get(0)[2]).as(id + ": its width").isGreaterThan(8);
            assertThat(texts(svg)).extracting(Text::text).contains("*");
        }
    }

    @Test
    void withNothingWithheldNoSegmentIsHatched() {
        ProgressionReport report = coverage(Disclosure.NHS_DIGITAL,
                new ProgressionReport.CoverageBar("C-A", "Alpha", Arrays.asList(50.0, 30.0, 20.0, 0.0)));
        String html = Charts.coverage(report);
        assertThat(html).doesNotContain("withheld)").doesNotContain(CoverageChart.WITHHELD_SERIES).doesNotContain("<pattern");
    }

    @Test
    void withExactCountsTheTextSaysAShareCanBeHiddenToProtectAnother() {
        ProgressionReport report = coverage(new Disclosure(7, 1),
                new ProgressionReport.CoverageBar("C-A", "Alpha", Arrays.asList(50.0, null, null, 15.0)));
        assertThat(desc(svgs(Charts.coverage(report)).get(0))).contains("1 to 7 learners, too few to publish, or hidden so that");
    }

    static ProgressionReport coverage(Disclosure d, ProgressionReport.CoverageBar... bars) {
        return new ProgressionReport("Reference", AS_OF, AS_OF.minusYears(1), d, "100", null, "no register", List.of(),
                List.of(), List.of(), null, LEVELS, List.of(bars), List.of());
    }

    /** The widest rect of the bar's row ending where the bar ends: its segments' union. */
    private static double[] barOf(String svg, double[] seg) {
        double left = Double.MAX_VALUE;
        double right = 0;
        for (double[] r : rects(svg, "fill:")) {
            if (Math.abs(r[1] - seg[1]) < 0.01 && Math.abs(r[3] - seg[3]) < 0.01) {
                left = Math.min(left, r[0]);
                right = Math.max(right, r[0] + r[2]);
            }
        }
        return new double[] {left, seg[1], right - left, seg[3]};
    }

    // ---- XmR charts: the mean's and limits' labels ----

    static List<double[]> xmrShapes() {
        double[] steady = new double[24];
        double[] risingToTheEnd = new double[24];
        double[] flatThenSpike = new double[24];
        double[] crowdedAtTheMean = new double[24];
        double[] zigzag = new double[24];
        for (int i = 0; i < 24; i++) {
            steady[i] = 20 + (i % 5) * 3;
            risingToTheEnd[i] = 5 + i * 2;
            flatThenSpike[i] = i == 23 ? 60 : 12;
            crowdedAtTheMean[i] = i % 2 == 0 ? 30 : 31;
            zigzag[i] = i % 2 == 0 ? 2 : 40;
        }
        double[] zeros = new double[24];
        double[] quarters = {40, 55, 38, 61, 47, 52, 44, 58};
        return List.of(steady, risingToTheEnd, flatThenSpike, crowdedAtTheMean, zigzag, zeros, quarters);
    }

    @ParameterizedTest
    @MethodSource("xmrShapes")
    void theMeanAndLimitLabelsSitOnNoPoint(double[] values) {
        boolean quarterly = values.length == 8;
        List<YearMonth> months = new ArrayList<>();
        List<String> counts = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            months.add(YearMonth.of(2023, 4).plusMonths((long) i * (quarterly ? 3 : 1)));
            counts.add(String.format(Locale.ROOT, "%.0f", values[i]));
        }
        ProgressionReport.MonthlySeries series = new ProgressionReport.MonthlySeries("Bronze",
                quarterly ? ProgressionReport.Period.QUARTER : ProgressionReport.Period.MONTH, months, counts, Xmr.of(values),
                null, "note");
        List<String> svgs = svgs(Charts.spc(series, 0));
        assertThat(svgs).hasSize(2);
        for (String svg : svgs) {
            List<double[]> points = dots(svg);
            assertThat(points).as("a dot per point (and the legend's)").hasSizeGreaterThanOrEqualTo(values.length);
            List<Text> labels = texts(svg).stream().filter(t -> t.text().matches("(Mean|Upper process limit|Lower process limit|UPL|LPL) .*"))
                    .toList();
            assertThat(labels).extracting(Text::text).as("the mean and the upper limit are labelled")
                    .anyMatch(s -> s.startsWith("Mean "))
                    .anyMatch(s -> s.matches("(?i).*(upper process limit|UPL|process limits|PL) \\d.*"));
            assertClear(labels, points, svg);
            // Limits too near the mean for a label each share the mean's: the labels never overlap each other.
            assertApart(labels);
            // The labels' margin lengthens the time axis: its dates still keep apart.
            assertApart(texts(svg).stream().filter(t -> t.text().matches("[A-Z][a-z]{2,3} \\d{4}")).toList());
            // Whole-number ticks, each once (a chart of zeros once read 0, 0, 0, 1, 1 up its axis).
            List<String> ticks = texts(svg).stream().filter(t -> t.text().matches("[\\d,.]+")).map(Text::text).toList();
            assertThat(ticks).as("the count axis").isNotEmpty().doesNotHaveDuplicates().allMatch(t -> t.matches("[\\d,]+"));
        }
    }

    // ---- the funnel plot's organisation codes ----

    static List<List<FunnelPlot.Point>> funnelShapes() {
        List<FunnelPlot.Point> spread = new ArrayList<>();
        String[] codes = {"RHQ", "RR8", "RCU", "RFF", "RWW", "RMM", "RXF", "RP5", "R0B", "RAE"};
        for (int i = 0; i < codes.length; i++) {
            long n = 100 + 140L * i;
            spread.add(point(codes[i], n, Math.round(n * (0.2 + 0.02 * (i % 4)))));
        }
        // Crowded: 24 organisations of nearly the same size and rate, on top of each other.
        List<FunnelPlot.Point> crowded = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            long n = 400 + 5L * (i % 6);
            crowded.add(point(String.format(Locale.ROOT, "RW%d", i), n, Math.round(n * 0.25) + (i % 4) * 5L));
        }
        // Small and large, rates far apart, some at 0% and 100%.
        List<FunnelPlot.Point> extremes = List.of(point("RMW", 10, 0), point("RWM", 10, 10), point("RHQ", 3000, 750),
                point("RR8", 2990, 760), point("RCU", 20, 5), point("RXW", 15, 15));
        return List.of(spread, crowded, extremes);
    }

    @ParameterizedTest
    @MethodSource("funnelShapes")
    void organisationCodesSitOnNoPoint(List<FunnelPlot.Point> points) {
        long x = points.stream().mapToLong(FunnelPlot.Point::x).sum();
        long n = points.stream().mapToLong(FunnelPlot.Point::n).sum();
        FunnelPlot plot = new FunnelPlot("Silver holders among Bronze holders", "Bronze holders", (double) x / n,
                String.format(Locale.ROOT, "%.1f%%", 100.0 * x / n), points, List.of());
        String svg = FunnelPlotSvg.render(plot);
        List<double[]> circles = circles(svg);
        assertThat(circles).as("a circle per organisation").hasSize(points.size());
        List<String> codes = points.stream().map(FunnelPlot.Point::code).toList();
        List<Text> labels = texts(svg).stream().filter(t -> codes.contains(t.text())).toList();
        assertThat(labels).as("codes drawn").isNotEmpty();
        assertClear(labels, circles, svg);
        assertApart(labels);
        // A code left off still has its tooltip, and the description names it.
        for (FunnelPlot.Point p : points) {
            assertThat(svg).contains("<title>" + p.code() + ": ");
            assertThat(desc(svg)).contains(p.code() + ": " + p.x() + " of " + p.n());
        }
    }

    @Test
    void onASpreadOfOrganisationsEveryCodeIsDrawn() {
        List<FunnelPlot.Point> points = funnelShapes().get(0);
        long x = points.stream().mapToLong(FunnelPlot.Point::x).sum();
        long n = points.stream().mapToLong(FunnelPlot.Point::n).sum();
        String svg = FunnelPlotSvg.render(new FunnelPlot("Silver holders among Bronze holders", "Bronze holders", (double) x / n,
                "22%", points, List.of()));
        assertThat(texts(svg)).extracting(Text::text).containsAll(points.stream().map(FunnelPlot.Point::code).toList());
    }

    static FunnelPlot.Point point(String code, long n, long x) {
        double p = (double) x / n;
        return new FunnelPlot.Point(code, "", n, x, String.format(Locale.ROOT, "%.0f%%", 100 * p), "within the 95% limits");
    }

    // ---- reading the SVG ----

    record Text(String text, double x, double y, double size, String attrs) {
        /** The glyphs' box: the measured width, widened a tenth, from 0.8 of the size above the baseline to 0.25 below. */
        double[] box() {
            Font font = new Font(Font.SANS_SERIF, Font.PLAIN, (int) Math.round(size));
            double w = font.getStringBounds(text, new FontRenderContext(null, true, true)).getWidth() * 1.1;
            double left = attrs.contains("text-anchor=\"end") || attrs.contains("text-anchor='end") ? x - w
                    : attrs.contains("text-anchor=\"middle") || attrs.contains("text-anchor='middle") ? x - w / 2 : x;
            return new double[] {left, y - 0.8 * size, left + w, y + 0.25 * size};
        }
    }

    private static void assertClear(List<Text> labels, List<double[]> points, String svg) {
        for (Text t : labels) {
            assertThat(t.attrs()).as("%s is not transformed", t.text()).doesNotContain("transform");
            for (double[] p : points) {
                assertThat(overlaps(t.box(), p)).as("'%s' at %.1f,%.1f over a point at %.1f,%.1f", t.text(), t.x(), t.y(),
                        (p[0] + p[2]) / 2, (p[1] + p[3]) / 2).isFalse();
            }
        }
    }

    private static void assertApart(List<Text> labels) {
        for (int i = 0; i < labels.size(); i++) {
            for (int j = i + 1; j < labels.size(); j++) {
                assertThat(overlaps(labels.get(i).box(), labels.get(j).box())).as("'%s' and '%s' overlap", labels.get(i).text(),
                        labels.get(j).text()).isFalse();
            }
        }
    }

    private static boolean overlaps(double[] a, double[] b) {
        return a[0] < b[2] && a[2] > b[0] && a[1] < b[3] && a[3] > b[1];
    }

    /** Each top-level {@code <svg>...</svg>} element. */
    static List<String> svgs(String html) {
        List<String> out = new ArrayList<>();
        for (int at = html.indexOf("<svg"); at >= 0; at = html.indexOf("<svg", at + 1)) {
            out.add(html.substring(at, html.indexOf("</svg>", at) + 6));
        }
        return out;
    }

    static String desc(String svg) {
        Matcher m = Pattern.compile("<desc[^>]*>([^<]*)</desc>").matcher(svg);
        assertThat(m.find()).as("a <desc>").isTrue();
        return HtmlReportText.unescape(m.group(1));
    }

    static List<Text> texts(String svg) {
        List<Text> out = new ArrayList<>();
        Matcher m = Pattern.compile("<text([^>]*)>([^<]*)</text>").matcher(svg);
        while (m.find()) {
            String a = m.group(1);
            double size = a.contains("font-size") ? Double.parseDouble(a.replaceAll(".*font-size[:=]\\s*['\"]?([0-9.]+).*", "$1")) : 12;
            if (!a.matches(".*\\sx=.*")) {
                continue; // placed by a transform: the axis titles
            }
            out.add(new Text(HtmlReportText.unescape(m.group(2)), Double.parseDouble(attr(a, "x")), Double.parseDouble(attr(a, "y")),
                    size, a));
        }
        return out;
    }

    /** Rects whose style contains {@code style}: x, y, width, height. */
    static List<double[]> rects(String svg, String style) {
        List<double[]> out = new ArrayList<>();
        Matcher m = Pattern.compile("<rect([^>]*)/>").matcher(svg);
        while (m.find()) {
            String a = m.group(1);
            if (a.contains("style='" + style)) {
                out.add(new double[] {Double.parseDouble(attr(a, "x")), Double.parseDouble(attr(a, "y")),
                        Double.parseDouble(attr(a, "width")), Double.parseDouble(attr(a, "height"))});
            }
        }
        return out;
    }

    /** The funnel plot's circles, as boxes. */
    static List<double[]> circles(String svg) {
        List<double[]> out = new ArrayList<>();
        Matcher m = Pattern.compile("<circle([^>]*)>").matcher(svg);
        while (m.find()) {
            double cx = Double.parseDouble(attr(m.group(1), "cx"));
            double cy = Double.parseDouble(attr(m.group(1), "cy"));
            double r = Double.parseDouble(attr(m.group(1), "r"));
            out.add(new double[] {cx - r, cy - r, cx + r, cy + r});
        }
        return out;
    }

    /** JFreeSVG's dots: filled closed paths of curves, 4 to 12 px across, as boxes (a circle's curves' control points span its square). */
    static List<double[]> dots(String svg) {
        List<double[]> out = new ArrayList<>();
        Matcher m = Pattern.compile("<g style='fill:[^']*stroke:none'(?: clip-path='[^']*')?><path d='([^']*C[^']*)'/></g>").matcher(svg);
        while (m.find()) {
            double[] box = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
            String[] nums = m.group(1).replaceAll("[MCLZ]", " ").trim().split("[ ,]+");
            for (int i = 0; i + 1 < nums.length; i += 2) {
                double px = Double.parseDouble(nums[i]);
                double py = Double.parseDouble(nums[i + 1]);
                box[0] = Math.min(box[0], px);
                box[1] = Math.min(box[1], py);
                box[2] = Math.max(box[2], px);
                box[3] = Math.max(box[3], py);
            }
            double w = box[2] - box[0];
            if (w >= 4 && w <= 12 && box[3] - box[1] >= 4 && box[3] - box[1] <= 12) {
                out.add(box);
            }
        }
        return out;
    }

    static String attr(String attrs, String name) {
        Matcher m = Pattern.compile("(?:^|\\s)" + name + "=['\"]([^'\"]*)['\"]").matcher(attrs);
        assertThat(m.find()).as("attribute %s in %s", name, attrs).isTrue();
        return m.group(1);
    }

    /** The few entities the report's SVG text uses. */
    static final class HtmlReportText {
        private HtmlReportText() {
        }

        static String unescape(String s) {
            return s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&");
        }
    }
}
