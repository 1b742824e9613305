package org.qipathways.samples.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Rectangle;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.text.SimpleDateFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.DateTickUnit;
import org.jfree.chart.axis.DateTickUnitType;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.time.Month;
import org.jfree.data.time.Quarter;
import org.jfree.data.time.RegularTimePeriod;
import org.jfree.data.time.TimeSeries;
import org.jfree.data.time.TimeSeriesCollection;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;
import org.qipathways.report.ProgressionReport;
import org.qipathways.report.Xmr;

/**
 * The report's charts, drawn by JFreeChart onto JFreeSVG's Graphics2D and returned as inline
 * {@code <svg>} elements. Text in them (tier and competency names) is escaped by JFreeSVG.
 */
final class Charts {

    // NHS identity colours, and Making Data Count's for special causes.
    static final Color NHS_BLUE = new Color(0x005EB8);
    static final Color NHS_PALE_BLUE = new Color(0x9BB9DE);
    static final Color GREY = new Color(0x768692);
    static final Color LIGHT_GREY = new Color(0xD8DDE0);
    static final Color TEXT = new Color(0x212B32);
    static final Color IMPROVEMENT = new Color(0x41B6E6);
    static final Color CONCERN = new Color(0xED8B00);

    /** Widths of the desktop and the phone drawing of each chart. */
    static final int WIDE = 760;
    static final int NARROW = 400;

    private static final Font SMALL = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    /** The XmR charts' height. */
    private static final int SPC_HEIGHT = 300;
    /** The height a marker's label takes (12 px text, with room): marker lines closer than this share one label. */
    private static final double LABEL_LINE = 17;
    private static final Font REGULAR = new Font(Font.SANS_SERIF, Font.PLAIN, 13);

    private Charts() {
    }

    /** Learners holding each tier now and a year ago: horizontal bars. */
    static String funnel(ProgressionReport report) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        String now = "as of " + report.asOf();
        String before = "a year earlier (" + report.comparedWith() + ")";
        for (ProgressionReport.FunnelBar bar : report.funnel()) {
            data.addValue(bar.now(), now, bar.tier());
            data.addValue(bar.yearAgo(), before, bar.tier());
        }
        JFreeChart chart = ChartFactory.createBarChart(null, null, "Learners holding the tier", data,
                PlotOrientation.HORIZONTAL, true, false, false);
        style(chart);
        CategoryPlot plot = chart.getCategoryPlot();
        BarRenderer r = (BarRenderer) plot.getRenderer();
        r.setBarPainter(new StandardBarPainter());
        r.setShadowVisible(false);
        r.setItemMargin(0.05);
        r.setSeriesPaint(0, NHS_BLUE);
        r.setSeriesPaint(1, NHS_PALE_BLUE);
        r.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}", grouped()));
        r.setDefaultItemLabelsVisible(true);
        r.setDefaultItemLabelFont(SMALL);
        r.setDefaultItemLabelPaint(TEXT);
        plot.setRangeAxisLocation(org.jfree.chart.axis.AxisLocation.BOTTOM_OR_LEFT);
        plot.getRangeAxis().setUpperMargin(0.12);
        ((NumberAxis) plot.getRangeAxis()).setNumberFormatOverride(grouped());
        int h = 90 + 70 * report.funnel().size();
        return both(w -> chart, "chart-funnel", h, h + 20, "Learners holding each tier", ChartText.funnel(report));
    }

    /** Share of learners at each level, per competency: stacked horizontal bars (see {@link CoverageChart}). */
    static String coverage(ProgressionReport report) {
        return CoverageChart.render(report);
    }

    /**
     * An XmR chart in the Making Data Count style: the series in grey with common-cause points
     * grey, special-cause points coloured (higher is an improvement here), the mean solid and the
     * process limits dashed.
     */
    static String spc(ProgressionReport.MonthlySeries series, int index) {
        return both(w -> spcChart(series, w), "chart-spc-" + index, SPC_HEIGHT, SPC_HEIGHT, "XmR chart: " + series.tier(),
                ChartText.spc(series));
    }

    private static JFreeChart spcChart(ProgressionReport.MonthlySeries series, int width) {
        Xmr xmr = series.xmr();
        TimeSeries line = new TimeSeries(series.tier());
        TimeSeries common = new TimeSeries("Common cause");
        TimeSeries higher = new TimeSeries("Special cause, improvement (higher)");
        TimeSeries lower = new TimeSeries("Special cause, concern (lower)");
        for (int i = 0; i < series.months().size(); i++) {
            RegularTimePeriod month = period(series, i);
            Xmr.Point p = xmr.points().get(i);
            line.add(month, p.value());
            (!p.specialCause() ? common : p.direction() == Xmr.Direction.HIGH ? higher : lower).add(month, p.value());
        }
        TimeSeriesCollection data = new TimeSeriesCollection(TimeZone.getTimeZone("UTC"));
        for (TimeSeries s : List.of(line, common, higher, lower)) {
            data.addSeries(s);
        }
        JFreeChart chart = ChartFactory.createTimeSeriesChart(null, null,
                "First achievements per " + series.period().word(), data, true, false, false);
        style(chart);
        XYPlot plot = chart.getXYPlot();
        // The series is a grey line; the points on it are drawn as three series of their own,
        // coloured as Making Data Count colours variation.
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer();
        Shape dot = new Ellipse2D.Double(-3.5, -3.5, 7, 7);
        Color[] colours = {GREY, GREY, IMPROVEMENT, CONCERN};
        for (int i = 0; i < colours.length; i++) {
            r.setSeriesPaint(i, colours[i]);
            r.setSeriesLinesVisible(i, i == 0);
            r.setSeriesShapesVisible(i, i > 0);
            r.setSeriesShape(i, dot);
            r.setSeriesStroke(i, new BasicStroke(1.5f));
        }
        r.setSeriesVisibleInLegend(0, false);
        plot.setRenderer(r);
        NumberAxis y = (NumberAxis) plot.getRangeAxis();
        y.setAutoRangeIncludesZero(true);
        y.setNumberFormatOverride(grouped());
        double top = xmr.upperLimit();
        for (Xmr.Point p : xmr.points()) {
            top = Math.max(top, p.value());
        }
        // Counts are whole numbers: whole ticks (a chart of zeros would otherwise read 0, 0, 0, 1, 1).
        y.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        y.setRange(0, Math.max(1, top * 1.12));
        monthAxis((DateAxis) plot.getDomainAxis(), series, width);
        // The labels stand right of the last point, in a margin kept free of points for them, so that
        // none sits on a point; on the narrow drawing they are abbreviated to leave the points room.
        // Behind the series, so that no label hides a point.
        boolean narrow = width < WIDE;
        List<String> labels = new ArrayList<>();
        String mean = "Mean " + oneDecimal(xmr.mean());
        boolean hasLower = xmr.lowerLimit() > 0;
        if ((xmr.upperLimit() - xmr.mean()) * pixelsPerUnit(chart, width, SPC_HEIGHT) < LABEL_LINE) {
            // The limits (as near the mean above as below) too close to the mean for a label each: one label says all three.
            String limits = hasLower ? (narrow ? ", PL " : ", process limits ") + oneDecimal(xmr.lowerLimit()) + " to "
                    + oneDecimal(xmr.upperLimit()) : (narrow ? ", UPL " : ", upper process limit ") + oneDecimal(xmr.upperLimit());
            plot.addRangeMarker(marker(xmr.mean(), mean + limits, false), Layer.BACKGROUND);
            plot.addRangeMarker(marker(xmr.upperLimit(), null, true), Layer.BACKGROUND);
            if (hasLower) {
                plot.addRangeMarker(marker(xmr.lowerLimit(), null, true), Layer.BACKGROUND);
            }
            labels.add(mean + limits);
        } else {
            String upl = (narrow ? "UPL " : "Upper process limit ") + oneDecimal(xmr.upperLimit());
            plot.addRangeMarker(marker(xmr.mean(), mean, false), Layer.BACKGROUND);
            plot.addRangeMarker(marker(xmr.upperLimit(), upl, true), Layer.BACKGROUND);
            labels.add(upl);
            if (hasLower) {
                String lpl = (narrow ? "LPL " : "Lower process limit ") + oneDecimal(xmr.lowerLimit());
                plot.addRangeMarker(marker(xmr.lowerLimit(), lpl, true), Layer.BACKGROUND);
                labels.add(lpl);
            }
        }
        int longest = labels.stream().mapToInt(String::length).max().orElse(0);
        double labelPx = 7.0 * longest + 16;
        double plotPx = width - (narrow ? 130 : 100);
        plot.getDomainAxis().setUpperMargin(labelPx / (plotPx - labelPx));
        // Again: the labels' margin lengthens the time axis, so its ticks are spaced for that length.
        monthAxis((DateAxis) plot.getDomainAxis(), series, width);
        return chart;
    }

    /**
     * Pixels per unit of the value axis as {@code chart} is drawn at this size: drawn once to measure
     * its plot area (which the legend's lines and the axes set), the markers' labels not yet added.
     */
    private static double pixelsPerUnit(JFreeChart chart, int width, int height) {
        org.jfree.chart.ChartRenderingInfo info = new org.jfree.chart.ChartRenderingInfo();
        chart.draw(new SVGGraphics2D(width, height), new Rectangle(0, 0, width, height), info);
        NumberAxis y = (NumberAxis) chart.getXYPlot().getRangeAxis();
        return info.getPlotInfo().getDataArea().getHeight() / (y.getUpperBound() - y.getLowerBound());
    }

    /** The time axis of a series: UTC months, ticks as far apart as the width needs. */
    private static void monthAxis(DateAxis x, ProgressionReport.MonthlySeries series, int width) {
        x.setTimeZone(TimeZone.getTimeZone("UTC"));
        x.setDateFormatOverride(monthFormat());
        x.setTickUnit(new DateTickUnit(DateTickUnitType.MONTH, monthsPerTick(series, width, 1 + x.getLowerMargin() + x.getUpperMargin())));
    }

    /** Months between date ticks: as few as leave each "MMM yyyy" label room (about 70 px) at this width. */
    private static int monthsPerTick(ProgressionReport.MonthlySeries series, int width, double margins) {
        int span = (int) Math.ceil(series.months().size() * series.period().months() * margins);
        int fit = Math.max(1, (width - 90) / 70);
        for (int m : new int[] {2, 3, 6, 12}) {
            if (m >= series.period().months() && span / m <= fit) {
                return m;
            }
        }
        return 24;
    }

    /**
     * A run chart of the published periods only: the series as a grey line with points, broken where
     * a period is withheld, each withheld period shaded and marked {@code *}; no mean or limits.
     */
    static String run(ProgressionReport.MonthlySeries series, int index) {
        return both(w -> runChart(series, w), "chart-run-" + index, 260, 260, "Run chart: " + series.tier(), ChartText.run(series));
    }

    private static JFreeChart runChart(ProgressionReport.MonthlySeries series, int width) {
        TimeSeries line = new TimeSeries(series.tier());
        TimeSeries shown = new TimeSeries("Published " + series.period().word());
        java.util.List<RegularTimePeriod> withheld = new java.util.ArrayList<>();
        double top = 1;
        for (int i = 0; i < series.months().size(); i++) {
            RegularTimePeriod period = period(series, i);
            String cell = series.counts().get(i);
            if (org.qipathways.report.Disclosure.WITHHELD.equals(cell)) {
                line.add(period, (Number) null);
                withheld.add(period);
            } else {
                double v = Double.parseDouble(cell);
                line.add(period, v);
                shown.add(period, v);
                top = Math.max(top, v);
            }
        }
        TimeSeriesCollection data = new TimeSeriesCollection(TimeZone.getTimeZone("UTC"));
        data.addSeries(line);
        data.addSeries(shown);
        JFreeChart chart = ChartFactory.createTimeSeriesChart(null, null,
                "First achievements per " + series.period().word(), data, true, false, false);
        style(chart);
        XYPlot plot = chart.getXYPlot();
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer();
        Shape dot = new Ellipse2D.Double(-3.5, -3.5, 7, 7);
        for (int i = 0; i < 2; i++) {
            r.setSeriesPaint(i, GREY);
            r.setSeriesLinesVisible(i, i == 0);
            r.setSeriesShapesVisible(i, i == 1);
            r.setSeriesShape(i, dot);
            r.setSeriesStroke(i, new BasicStroke(1.5f));
        }
        r.setSeriesVisibleInLegend(0, false);
        plot.setRenderer(r);
        for (RegularTimePeriod p : withheld) {
            org.jfree.chart.plot.IntervalMarker m = new org.jfree.chart.plot.IntervalMarker(p.getFirstMillisecond(),
                    p.getLastMillisecond(), LIGHT_GREY);
            m.setLabel(org.qipathways.report.Disclosure.WITHHELD);
            m.setLabelFont(REGULAR);
            m.setLabelPaint(TEXT);
            m.setLabelAnchor(RectangleAnchor.TOP);
            m.setLabelTextAnchor(TextAnchor.TOP_CENTER);
            plot.addDomainMarker(m, Layer.BACKGROUND);
        }
        NumberAxis y = (NumberAxis) plot.getRangeAxis();
        y.setNumberFormatOverride(grouped());
        y.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        y.setRange(0, top * 1.2);
        monthAxis((DateAxis) plot.getDomainAxis(), series, width);
        return chart;
    }

    private static RegularTimePeriod period(ProgressionReport.MonthlySeries series, int i) {
        java.time.YearMonth start = series.months().get(i);
        return series.period() == ProgressionReport.Period.QUARTER
                ? new Quarter((start.getMonthValue() - 1) / 3 + 1, start.getYear())
                : new Month(start.getMonthValue(), start.getYear());
    }

    private static ValueMarker marker(double value, String label, boolean dashed) {
        ValueMarker m = new ValueMarker(value);
        m.setPaint(dashed ? GREY : TEXT);
        m.setStroke(dashed ? new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f)
                : new BasicStroke(1.2f));
        if (label == null) {
            return m;
        }
        m.setLabel(label);
        m.setLabelFont(SMALL);
        m.setLabelPaint(TEXT);
        m.setLabelBackgroundColor(new Color(255, 255, 255, 210));
        m.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
        m.setLabelTextAnchor(TextAnchor.BOTTOM_RIGHT);
        return m;
    }

    static void style(JFreeChart chart) {
        StandardChartTheme theme = (StandardChartTheme) StandardChartTheme.createJFreeTheme();
        theme.setExtraLargeFont(REGULAR);
        theme.setLargeFont(REGULAR);
        theme.setRegularFont(SMALL);
        theme.setSmallFont(SMALL);
        theme.setChartBackgroundPaint(Color.WHITE);
        theme.setPlotBackgroundPaint(Color.WHITE);
        theme.setDomainGridlinePaint(LIGHT_GREY);
        theme.setRangeGridlinePaint(LIGHT_GREY);
        theme.setAxisLabelPaint(TEXT);
        theme.setTickLabelPaint(TEXT);
        theme.setLegendItemPaint(TEXT);
        theme.apply(chart);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        chart.setPadding(new RectangleInsets(4, 4, 4, 8));
        chart.getPlot().setOutlineVisible(false);
        if (chart.getLegend() != null) {
            chart.getLegend().setFrame(org.jfree.chart.block.BlockBorder.NONE);
        }
        if (chart.getPlot() instanceof XYPlot xy) {
            xy.setDomainGridlinesVisible(false);
        }
    }

    /**
     * The chart twice: {@value #WIDE} wide for a desktop and {@value #NARROW} wide for a phone, where
     * the wide one scaled down would shrink its text under 10 px; the page's CSS shows one of them.
     * Each has the title and description.
     */
    private static String both(java.util.function.IntFunction<JFreeChart> chart, String id, int wideHeight, int narrowHeight,
            String title, String description) {
        return both(chart, id, wideHeight, narrowHeight, title, description, (svg, svgId) -> svg);
    }

    /** As {@link #both(java.util.function.IntFunction, String, int, int, String, String)}, each drawing (and its id) passed through {@code after}. */
    static String both(java.util.function.IntFunction<JFreeChart> chart, String id, int wideHeight, int narrowHeight,
            String title, String description, java.util.function.BinaryOperator<String> after) {
        String narrowId = id + "-narrow";
        return ChartText.labelled(after.apply(svg(chart.apply(WIDE), id, WIDE, wideHeight), id), id, "wide", title, description)
                + ChartText.labelled(after.apply(svg(chart.apply(NARROW), narrowId, NARROW, narrowHeight), narrowId), narrowId,
                        "narrow", title, description);
    }

    private static String svg(JFreeChart chart, String id, int width, int height) {
        SVGGraphics2D g2 = new SVGGraphics2D(width, height);
        // Two decimals are a hundredth of a pixel: more only makes the page bigger.
        DecimalFormat dp = new DecimalFormat("0.##", DecimalFormatSymbols.getInstance(Locale.ROOT));
        g2.setGeomDoubleConverter(dp::format);
        // Several charts share one page: keep their clip-path and gradient ids apart.
        g2.setDefsKeyPrefix(id + "-");
        chart.draw(g2, new Rectangle(0, 0, width, height));
        return g2.getSVGElement(id, true, new ViewBox(0, 0, width, height), null, null);
    }

    private static NumberFormat grouped() {
        return new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.UK));
    }

    private static SimpleDateFormat monthFormat() {
        SimpleDateFormat f = new SimpleDateFormat("MMM yyyy", Locale.UK);
        f.setTimeZone(TimeZone.getTimeZone("UTC"));
        return f;
    }

    private static String oneDecimal(double v) {
        return ChartText.oneDecimal(v);
    }

    static Color blend(Color a, Color b, double t) {
        return new Color((int) Math.round(a.getRed() + (b.getRed() - a.getRed()) * t),
                (int) Math.round(a.getGreen() + (b.getGreen() - a.getGreen()) * t),
                (int) Math.round(a.getBlue() + (b.getBlue() - a.getBlue()) * t));
    }
}
