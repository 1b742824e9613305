package org.qipathways.samples.report;

import static org.qipathways.samples.report.HtmlReport.escape;

import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.util.Locale;
import org.qipathways.report.FunnelPlot;

/**
 * A {@link FunnelPlot} as inline SVG, written by hand: the regional rate as a solid line, the 95%
 * limits dashed and the 99.8% limits dotted, narrowing as the number of people grows, and one
 * labelled point per organisation (grey within the 95% limits, blue above, orange below). Its
 * {@code <desc>} gives every number drawn, for screen readers and for anyone checking the plot.
 */
final class FunnelPlotSvg {

    private static final int WIDTH = 760;
    private static final int HEIGHT = 420;
    private static final int LEFT = 64;
    private static final int RIGHT = 24;
    private static final int TOP = 20;
    private static final int BOTTOM = 56;

    private static final Font LABEL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 11);

    private final FunnelPlot plot;
    private final StringBuilder svg = new StringBuilder(16 * 1024);
    private final java.util.List<double[]> placed = new java.util.ArrayList<>();
    private double nMax;
    private double yMin;
    private double yMax;

    private FunnelPlotSvg(FunnelPlot plot) {
        this.plot = plot;
    }

    /** The plot, or {@code null} when there is nothing to plot (no regional rate, or no organisation). */
    static String render(FunnelPlot plot) {
        if (plot == null || Double.isNaN(plot.regionalRate()) || plot.points().isEmpty()) {
            return null;
        }
        return new FunnelPlotSvg(plot).draw();
    }

    private String draw() {
        double p = plot.regionalRate();
        long nLow = Long.MAX_VALUE;
        double lo = p;
        double hi = p;
        for (FunnelPlot.Point pt : plot.points()) {
            nMax = Math.max(nMax, pt.n());
            nLow = Math.min(nLow, pt.n());
            lo = Math.min(lo, pt.rate());
            hi = Math.max(hi, pt.rate());
        }
        nMax *= 1.08;
        double nStart = Math.max(1, nLow * 0.6);
        lo = Math.min(lo, FunnelPlot.limit(p, nStart, FunnelPlot.Z_998, false));
        hi = Math.max(hi, FunnelPlot.limit(p, nStart, FunnelPlot.Z_998, true));
        yMin = Math.max(0, Math.floor((lo - 0.05) * 10) / 10);
        yMax = Math.min(1, Math.ceil((hi + 0.05) * 10) / 10);

        svg.append("<svg id=\"chart-funnel-plot\" xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH)
                .append("\" height=\"").append(HEIGHT).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
                .append("\" role=\"img\" aria-labelledby=\"funnel-plot-title funnel-plot-desc\">\n");
        svg.append("<title id=\"funnel-plot-title\">Funnel plot: ").append(escape(plot.measure())).append(", by organisation</title>\n");
        svg.append("<desc id=\"funnel-plot-desc\">").append(escape(description())).append("</desc>\n");
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>\n");
        axes();
        curve(FunnelPlot.Z_998, true, nStart, "4 3");
        curve(FunnelPlot.Z_998, false, nStart, "4 3");
        curve(FunnelPlot.Z_95, true, nStart, "8 5");
        curve(FunnelPlot.Z_95, false, nStart, "8 5");
        svg.append("<line x1=\"").append(f(x(nStart))).append("\" y1=\"").append(f(y(p))).append("\" x2=\"").append(f(x(nMax)))
                .append("\" y2=\"").append(f(y(p))).append("\" stroke=\"#212b32\" stroke-width=\"1.2\"/>\n");
        for (FunnelPlot.Point pt : plot.points()) {
            String colour = pt.position().startsWith("above") ? "#0072c6" : pt.position().startsWith("below") ? "#b35c00" : "#768692";
            svg.append("<circle cx=\"").append(f(x(pt.n()))).append("\" cy=\"").append(f(y(pt.rate()))).append("\" r=\"4.5\" fill=\"")
                    .append(colour).append("\"><title>").append(escape(pt.code() + (pt.name().isEmpty() ? "" : " " + pt.name())
                            + ": " + pt.x() + " of " + pt.n() + ", " + pt.rateText() + ", " + pt.position()))
                    .append("</title></circle>\n");
            double[] at = labelPlace(pt);
            if (at != null) {
                // Left of the point the text ends at its anchor, so however wide the glyphs are drawn it stops short of the point.
                svg.append("<text x=\"").append(f(at[0])).append("\" y=\"").append(f(at[1]))
                        .append(at[2] < 0 ? "\" text-anchor=\"end" : "")
                        .append("\" font-size=\"11\" fill=\"#4c6272\">").append(escape(pt.code())).append("</text>\n");
            }
        }
        legend();
        svg.append("</svg>");
        return svg.toString();
    }

    /**
     * Where a point's code goes: the text's anchor, its baseline, and which side (1 right of the
     * point, the anchor the text's start; -1 left, the anchor its end): right and above it, or right
     * below, left above, left below, whichever first keeps clear of every point and of the labels
     * placed before; {@code null} when none does (the point keeps its tooltip, and the table and the
     * description name it).
     */
    private double[] labelPlace(FunnelPlot.Point pt) {
        double cx = x(pt.n());
        double cy = y(pt.rate());
        double w = textWidth(pt.code());
        double h = 11;
        double[][] candidates = {{cx + 6, cy - 5, 1}, {cx + 6, cy + 5 + h, 1}, {cx - 6, cy - 5, -1}, {cx - 6, cy + 5 + h, -1}};
        for (double[] c : candidates) {
            double left = c[2] > 0 ? c[0] : c[0] - w;
            double[] box = {left - 1, c[1] - h, left + w + 1, c[1] + 3};
            boolean clear = box[0] >= LEFT && box[2] <= WIDTH - RIGHT && box[1] >= TOP && box[3] <= HEIGHT - BOTTOM;
            for (FunnelPlot.Point other : plot.points()) {
                double ox = x(other.n());
                double oy = y(other.rate());
                clear &= !(ox + 5 > box[0] && ox - 5 < box[2] && oy + 5 > box[1] && oy - 5 < box[3]);
            }
            for (double[] b : placed) {
                clear &= !(b[2] > box[0] && b[0] < box[2] && b[3] > box[1] && b[1] < box[3]);
            }
            if (clear) {
                placed.add(box);
                return c;
            }
        }
        return null;
    }

    /**
     * A code's width at 11 px, as Java's sans-serif measures it with a fifth to spare for a
     * browser's wider font; at least 7.5 px a character. (A fixed 7.5 px a character put wide codes
     * such as RWW on the point to their right.)
     */
    private static double textWidth(String code) {
        double measured = LABEL_FONT.getStringBounds(code, new FontRenderContext(null, true, true)).getWidth();
        return Math.max(7.5 * code.length(), measured * 1.2);
    }

    /** Every number drawn, in sentences. */
    String description() {
        StringBuilder sb = new StringBuilder();
        sb.append(plot.measure()).append(" against the number of ").append(plot.denominator()).append(", per organisation. Region: ")
                .append(plot.regionalText()).append(". Control limits p \u00b1 z\u221a(p(1\u2212p)/n), z = 1.96 (95%) and 3.09 (99.8%). ");
        for (FunnelPlot.Point pt : plot.points()) {
            sb.append(pt.code()).append(": ").append(pt.x()).append(" of ").append(pt.n()).append(", ").append(pt.rateText())
                    .append(", ").append(pt.position()).append("; ");
        }
        sb.setLength(sb.length() - 2);
        sb.append('.');
        if (!plot.excluded().isEmpty()) {
            sb.append(" Not plotted, a count being too small to publish: ").append(String.join(", ", plot.excluded())).append('.');
        }
        return sb.toString();
    }

    private void axes() {
        int bottom = HEIGHT - BOTTOM;
        svg.append("<g font-size=\"12\" fill=\"#212b32\">\n");
        svg.append("<line x1=\"").append(LEFT).append("\" y1=\"").append(bottom).append("\" x2=\"").append(WIDTH - RIGHT)
                .append("\" y2=\"").append(bottom).append("\" stroke=\"#768692\"/>\n");
        svg.append("<line x1=\"").append(LEFT).append("\" y1=\"").append(TOP).append("\" x2=\"").append(LEFT)
                .append("\" y2=\"").append(bottom).append("\" stroke=\"#768692\"/>\n");
        double step = niceStep(nMax / 5);
        for (double n = 0; n <= nMax; n += step) {
            svg.append("<text x=\"").append(f(x(n))).append("\" y=\"").append(bottom + 16).append("\" text-anchor=\"middle\">")
                    .append(String.format(Locale.UK, "%,.0f", n)).append("</text>\n");
        }
        for (double r = yMin; r <= yMax + 1e-9; r += 0.1) {
            svg.append("<line x1=\"").append(LEFT).append("\" y1=\"").append(f(y(r))).append("\" x2=\"").append(WIDTH - RIGHT)
                    .append("\" y2=\"").append(f(y(r))).append("\" stroke=\"#eef0f1\"/>\n");
            svg.append("<text x=\"").append(LEFT - 6).append("\" y=\"").append(f(y(r) + 4)).append("\" text-anchor=\"end\">")
                    .append(String.format(Locale.ROOT, "%.0f%%", 100 * r)).append("</text>\n");
        }
        svg.append("<text x=\"").append((LEFT + WIDTH - RIGHT) / 2).append("\" y=\"").append(HEIGHT - 18)
                .append("\" text-anchor=\"middle\">").append(escape(capitalised(plot.denominator()))).append("</text>\n");
        svg.append("<text transform=\"translate(16 ").append((TOP + bottom) / 2).append(") rotate(-90)\" text-anchor=\"middle\">")
                .append(escape(capitalised(plot.measure().replaceFirst(" among .*", "")))).append(" (%)</text>\n");
        svg.append("</g>\n");
    }

    private void curve(double z, boolean upper, double nStart, String dash) {
        svg.append("<polyline fill=\"none\" stroke=\"#768692\" stroke-width=\"1.2\" stroke-dasharray=\"").append(dash)
                .append("\" points=\"");
        for (int i = 0; i <= 80; i++) {
            double n = nStart + (nMax - nStart) * i / 80.0;
            double r = Math.max(yMin, Math.min(yMax, FunnelPlot.limit(plot.regionalRate(), n, z, upper)));
            svg.append(f(x(n))).append(',').append(f(y(r))).append(' ');
        }
        svg.append("\"/>\n");
    }

    private void legend() {
        int y0 = HEIGHT - 4;
        svg.append("<g font-size=\"11\" fill=\"#4c6272\">")
                .append("<text x=\"").append(LEFT).append("\" y=\"").append(y0).append("\">Solid: region ")
                .append(escape(plot.regionalText())).append(" \u00b7 dashed: 95% limits \u00b7 dotted: 99.8% limits \u00b7 ")
                .append("blue: above, orange: below the 95% limit</text></g>\n");
    }

    private double x(double n) {
        return LEFT + (WIDTH - LEFT - RIGHT) * n / nMax;
    }

    private double y(double rate) {
        return TOP + (HEIGHT - TOP - BOTTOM) * (yMax - rate) / (yMax - yMin);
    }

    private static double niceStep(double raw) {
        double mag = Math.pow(10, Math.floor(Math.log10(Math.max(raw, 1))));
        for (double m : new double[] {1, 2, 5, 10}) {
            if (m * mag >= raw) {
                return m * mag;
            }
        }
        return 10 * mag;
    }

    private static String f(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
