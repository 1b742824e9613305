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
import org.jfree.chart.renderer.category.StackedBarRenderer;
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
    static final String WITHHELD_SERIES = "Withheld (*)";

    private static final Font SMALL = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
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

    /** Share of learners at each level, per competency: stacked horizontal bars. */
    static String coverage(ProgressionReport report) {
        int h = 110 + 32 * report.coverage().size();
        return both(w -> coverageChart(report, w), "chart-coverage", h, h + 40, "Competency coverage",
                ChartText.coverage(report));
    }

    /**
     * The stacked bars; a share withheld (too few people to publish) is drawn as what it is: a white
     * segment, outlined, named "Withheld (*)" in the legend, filling the rest of the bar, so that no
     * bar ends short without saying why.
     */
    private static JFreeChart coverageChart(ProgressionReport report, int width) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        boolean anyWithheld = report.coverage().stream().anyMatch(b -> b.percents().contains(null));
        for (ProgressionReport.CoverageBar bar : report.coverage()) {
            double shown = 0;
            for (int level = 0; level < report.coverageLevels().size(); level++) {
                Double pct = bar.percents().get(level);
                data.addValue(pct, report.coverageLevels().get(level), bar.competency());
                shown += pct == null ? 0 : pct;
            }
            if (anyWithheld) {
                data.addValue(bar.percents().contains(null) ? Math.max(0, 100 - shown) : 0, WITHHELD_SERIES, bar.competency());
            }
        }
        JFreeChart chart = ChartFactory.createStackedBarChart(null, null, "% of learners", data,
                PlotOrientation.HORIZONTAL, true, false, false);
        style(chart);
        CategoryPlot plot = chart.getCategoryPlot();
        StackedBarRenderer r = (StackedBarRenderer) plot.getRenderer();
        r.setBarPainter(new StandardBarPainter());
        r.setShadowVisible(false);
        int levels = report.coverageLevels().size();
        for (int i = 0; i < levels; i++) {
            r.setSeriesPaint(i, i == 0 ? LIGHT_GREY : blend(NHS_PALE_BLUE, new Color(0x003087), (i - 1) / Math.max(1.0, levels - 2)));
        }
        if (anyWithheld) {
            r.setDrawBarOutline(true);
            for (int i = 0; i < levels; i++) {
                r.setSeriesOutlinePaint(i, r.getSeriesPaint(i));
            }
            r.setSeriesPaint(levels, Color.WHITE);
            r.setSeriesOutlinePaint(levels, GREY);
            r.setSeriesOutlineStroke(levels, new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                    new float[] {3f, 2f}, 0f));
        }
        plot.setRangeAxisLocation(org.jfree.chart.axis.AxisLocation.BOTTOM_OR_LEFT);
        NumberAxis axis = (NumberAxis) plot.getRangeAxis();
        axis.setRange(0, 100);
        if (width < WIDE) {
            // Competency codes, not titles, beside the bars: the titles would leave the bars no room.
            plot.getDomainAxis().setMaximumCategoryLabelWidthRatio(0.3f);
        }
        return chart;
    }

    /**
     * An XmR chart in the Making Data Count style: the series in grey with common-cause points
     * grey, special-cause points coloured (higher is an improvement here), the mean solid and the
     * process limits dashed.
     */
    static String spc(ProgressionReport.MonthlySeries series, int index) {
        return both(w -> spcChart(series, w), "chart-spc-" + index, 300, 300, "XmR chart: " + series.tier(), ChartText.spc(series));
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
        // Behind the series, so that no label hides a point.
        // The labels stand right of the last point, in a margin kept free of points for them, so that
        // none sits on a point; on the narrow drawing they are abbreviated to leave the points room.
        boolean narrow = width < WIDE;
        String upl = (narrow ? "UPL " : "Upper process limit ") + oneDecimal(xmr.upperLimit());
        String lpl = (narrow ? "LPL " : "Lower process limit ") + oneDecimal(xmr.lowerLimit());
        plot.addRangeMarker(marker(xmr.mean(), "Mean " + oneDecimal(xmr.mean()), false), Layer.BACKGROUND);
        plot.addRangeMarker(marker(xmr.upperLimit(), upl, true), Layer.BACKGROUND);
        int longest = upl.length();
        if (xmr.lowerLimit() > 0) {
            plot.addRangeMarker(marker(xmr.lowerLimit(), lpl, true), Layer.BACKGROUND);
            longest = Math.max(longest, lpl.length());
        }
        double labelPx = 7.0 * longest + 16;
        double plotPx = width - (narrow ? 130 : 100);
        plot.getDomainAxis().setUpperMargin(labelPx / (plotPx - labelPx));
        NumberAxis y = (NumberAxis) plot.getRangeAxis();
        y.setAutoRangeIncludesZero(true);
        y.setNumberFormatOverride(grouped());
        double top = xmr.upperLimit();
        for (Xmr.Point p : xmr.points()) {
            top = Math.max(top, p.value());
        }
        y.setRange(0, Math.max(1, top * 1.12));
        monthAxis((DateAxis) plot.getDomainAxis(), series, width);
        return chart;
    }

    /** The time axis of a series: UTC months, ticks as far apart as the width needs. */
    private static void monthAxis(DateAxis x, ProgressionReport.MonthlySeries series, int width) {
        x.setTimeZone(TimeZone.getTimeZone("UTC"));
        x.setDateFormatOverride(monthFormat());
        x.setTickUnit(new DateTickUnit(DateTickUnitType.MONTH, monthsPerTick(series, width)));
    }

    /** Months between date ticks: as few as leave each "MMM yyyy" label room (about 70 px) at this width. */
    private static int monthsPerTick(ProgressionReport.MonthlySeries series, int width) {
        int span = series.months().size() * series.period().months();
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
        m.setLabel(label);
        m.setLabelFont(SMALL);
        m.setLabelPaint(TEXT);
        m.setLabelBackgroundColor(new Color(255, 255, 255, 210));
        m.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
        m.setLabelTextAnchor(TextAnchor.BOTTOM_RIGHT);
        return m;
    }

    private static void style(JFreeChart chart) {
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
        return ChartText.labelled(svg(chart.apply(WIDE), id, WIDE, wideHeight), id, "wide", title, description)
                + ChartText.labelled(svg(chart.apply(NARROW), id + "-narrow", NARROW, narrowHeight), id + "-narrow", "narrow", title,
                        description);
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

    private static Color blend(Color a, Color b, double t) {
        return new Color((int) Math.round(a.getRed() + (b.getRed() - a.getRed()) * t),
                (int) Math.round(a.getGreen() + (b.getGreen() - a.getGreen()) * t),
                (int) Math.round(a.getBlue() + (b.getBlue() - a.getBlue()) * t));
    }
}
