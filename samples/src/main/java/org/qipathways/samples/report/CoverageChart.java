package org.qipathways.samples.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.category.DefaultCategoryDataset;
import org.qipathways.report.Disclosure;
import org.qipathways.report.ProgressionReport;

/**
 * The competency coverage chart: per competency, a horizontal bar stacked from the share of
 * learners at each level. A share withheld (too few people to publish) is drawn as what it is: a
 * hatched segment, outlined and marked {@code *}, named "Withheld (*)" in the legend, filling the
 * rest of the bar, and never narrower than {@value #MIN_WITHHELD}% of the axis, so that no bar ends
 * short, or shows a withheld share as nothing, without saying why.
 */
final class CoverageChart {

    static final String WITHHELD_SERIES = "Withheld (*)";
    /** The narrowest a withheld segment is drawn, in percent of the axis, even when the published shares already add up to 100. */
    static final double MIN_WITHHELD = 4;
    /**
     * The withheld segments' fill as JFreeChart draws it: a colour no other part of a chart uses,
     * replaced in the SVG by the hatching pattern (JFreeSVG writes no pattern fills itself).
     */
    private static final Color WITHHELD_MARK = new Color(0xFE, 0xFD, 0xFB);
    private static final String WITHHELD_FILL = "fill:rgb(254,253,251)";
    private static final Font REGULAR = new Font(Font.SANS_SERIF, Font.PLAIN, 13);

    private CoverageChart() {
    }

    /** Share of learners at each level, per competency: stacked horizontal bars, wide and narrow. */
    static String render(ProgressionReport report) {
        int h = 110 + 32 * report.coverage().size();
        return Charts.both(w -> chart(report, w), "chart-coverage", h, h + 40, "Competency coverage",
                ChartText.coverage(report), CoverageChart::hatched);
    }

    private static JFreeChart chart(ProgressionReport report, int width) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        boolean anyWithheld = report.coverage().stream().anyMatch(b -> b.percents().contains(null));
        double longest = 100;
        for (ProgressionReport.CoverageBar bar : report.coverage()) {
            double shown = 0;
            for (int level = 0; level < report.coverageLevels().size(); level++) {
                Double pct = bar.percents().get(level);
                data.addValue(pct, report.coverageLevels().get(level), bar.competency());
                shown += pct == null ? 0 : pct;
            }
            if (anyWithheld) {
                // Percentages of rounded counts can add up to 100 or more beside a withheld one: the
                // withheld segment is still drawn, wide enough to see, and the axis made long enough.
                double withheld = bar.percents().contains(null) ? Math.max(MIN_WITHHELD, 100 - shown) : 0;
                data.addValue(withheld, WITHHELD_SERIES, bar.competency());
                longest = Math.max(longest, shown + withheld);
            }
        }
        JFreeChart chart = ChartFactory.createStackedBarChart(null, null, "% of learners", data,
                PlotOrientation.HORIZONTAL, true, false, false);
        Charts.style(chart);
        CategoryPlot plot = chart.getCategoryPlot();
        StackedBarRenderer r = (StackedBarRenderer) plot.getRenderer();
        r.setBarPainter(new StandardBarPainter());
        r.setShadowVisible(false);
        int levels = report.coverageLevels().size();
        for (int i = 0; i < levels; i++) {
            r.setSeriesPaint(i, i == 0 ? Charts.LIGHT_GREY
                    : Charts.blend(Charts.NHS_PALE_BLUE, new Color(0x003087), (i - 1) / Math.max(1.0, levels - 2)));
        }
        if (anyWithheld) {
            r.setDrawBarOutline(true);
            for (int i = 0; i < levels; i++) {
                r.setSeriesOutlinePaint(i, r.getSeriesPaint(i));
            }
            r.setSeriesPaint(levels, WITHHELD_MARK);
            r.setSeriesOutlinePaint(levels, Charts.GREY);
            r.setSeriesOutlineStroke(levels, new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                    new float[] {3f, 2f}, 0f));
            // Each withheld segment marked *, as the table marks the cells.
            r.setSeriesItemLabelGenerator(levels, new StandardCategoryItemLabelGenerator() {
                @Override
                public String generateLabel(CategoryDataset dataset, int row, int column) {
                    Number v = dataset.getValue(row, column);
                    return v != null && v.doubleValue() > 0 ? Disclosure.WITHHELD : null;
                }
            });
            r.setSeriesItemLabelsVisible(levels, true);
            r.setSeriesItemLabelFont(levels, REGULAR);
            r.setSeriesItemLabelPaint(levels, Charts.TEXT);
        }
        plot.setRangeAxisLocation(org.jfree.chart.axis.AxisLocation.BOTTOM_OR_LEFT);
        plot.getRangeAxis().setRange(0, longest);
        if (width < Charts.WIDE) {
            // Competency codes, not titles, beside the bars: the titles would leave the bars no room.
            plot.getDomainAxis().setMaximumCategoryLabelWidthRatio(0.3f);
        }
        return chart;
    }

    /** One drawing with its withheld segments (and their legend swatch) hatched: grey diagonal lines on white. */
    static String hatched(String svg, String id) {
        if (!svg.contains(WITHHELD_FILL)) {
            return svg;
        }
        String pattern = id + "-withheld";
        String defs = "<pattern id='" + pattern + "' patternUnits='userSpaceOnUse' width='6' height='6'"
                + " patternTransform='rotate(45)'><rect width='6' height='6' fill='#fff'/>"
                + "<line x1='0' y1='0' x2='0' y2='6' stroke='#768692' stroke-width='1.5'/></pattern>";
        int at = svg.indexOf("<defs>");
        String withDefs = at < 0 ? svg.replaceFirst("(<svg[^>]*>)", "$1<defs>" + defs + "</defs>")
                : svg.substring(0, at + "<defs>".length()) + defs + svg.substring(at + "<defs>".length());
        return withDefs.replace(WITHHELD_FILL, "fill:url(#" + pattern + ")");
    }
}
