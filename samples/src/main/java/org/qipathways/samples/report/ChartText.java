package org.qipathways.samples.report;

import static org.qipathways.samples.report.HtmlReport.escape;

import java.util.Locale;
import org.qipathways.report.Disclosure;
import org.qipathways.report.ProgressionReport;
import org.qipathways.report.Xmr;

/**
 * The text alternatives of the charts: a title and a description giving every number drawn, put
 * into each {@code <svg>} (with {@code role="img"}) so that a screen reader reads the chart as
 * one image with these words, and anyone can check the chart against them.
 */
final class ChartText {

    private ChartText() {
    }

    /** {@code svg} (one {@code <svg ...>} element) with {@code role="img"}, a {@code <title>} and a {@code <desc>}. */
    static String labelled(String svg, String id, String cls, String title, String description) {
        int end = svg.indexOf('>');
        if (!svg.startsWith("<svg") || end < 0) {
            throw new IllegalArgumentException("not an svg element");
        }
        return svg.substring(0, end) + " class=\"" + cls + "\" role=\"img\" aria-labelledby=\"" + id + "-title " + id + "-desc\">" + "<title id=\"" + id
                + "-title\">" + escape(title) + "</title><desc id=\"" + id + "-desc\">" + escape(description) + "</desc>"
                + svg.substring(end + 1);
    }

    static String funnel(ProgressionReport report) {
        StringBuilder sb = new StringBuilder("Learners holding each tier as of ").append(report.asOf()).append(", and a year earlier (")
                .append(report.comparedWith()).append("): ");
        for (ProgressionReport.FunnelBar bar : report.funnel()) {
            sb.append(bar.tier()).append(' ').append(count(bar.now())).append(" (a year earlier ").append(count(bar.yearAgo()))
                    .append("); ");
        }
        return end(sb);
    }

    static String coverage(ProgressionReport report) {
        StringBuilder sb = new StringBuilder("Percentage of learners at each level, per competency");
        boolean anyWithheld = report.coverage().stream().anyMatch(b -> b.percents().contains(null));
        if (anyWithheld) {
            sb.append("; * is a share withheld (").append(withheldWhy(report.disclosure()))
                    .append("), drawn as a hatched segment marked * at the end of the bar");
        }
        sb.append(": ");
        for (ProgressionReport.CoverageBar bar : report.coverage()) {
            sb.append(bar.competency()).append(' ').append(bar.title()).append(": ");
            for (int level = 0; level < report.coverageLevels().size(); level++) {
                Double pct = bar.percents().get(level);
                sb.append(level > 0 ? ", " : "").append(report.coverageLevels().get(level)).append(' ')
                        .append(pct == null ? Disclosure.WITHHELD + " (withheld)" : String.format(Locale.ROOT, "%.1f%%", pct));
            }
            sb.append("; ");
        }
        return end(sb);
    }

    /** Why a share is withheld, in words, under this disclosure control. */
    static String withheldWhy(Disclosure d) {
        String few = d.threshold() <= 1 ? "1 learner" : "1 to " + d.threshold() + " learners";
        return few + ", too few to publish"
                + (d.roundingBase() == 1 ? ", or hidden so that such a count cannot be worked out from the others" : "");
    }

    static String spc(ProgressionReport.MonthlySeries series) {
        Xmr xmr = series.xmr();
        StringBuilder sb = new StringBuilder("XmR chart of first achievements of ").append(series.tier()).append(" per ")
                .append(series.period().word()).append(": mean ").append(oneDecimal(xmr.mean())).append(", upper process limit ")
                .append(oneDecimal(xmr.upperLimit()));
        if (xmr.lowerLimit() > 0) {
            sb.append(", lower process limit ").append(oneDecimal(xmr.lowerLimit()));
        }
        sb.append(". ");
        for (int i = 0; i < series.months().size(); i++) {
            Xmr.Point p = xmr.points().get(i);
            sb.append(series.labels().get(i)).append(' ').append(series.counts().get(i));
            if (p.specialCause()) {
                sb.append(" (special cause, ").append(p.direction() == Xmr.Direction.HIGH ? "higher" : "lower").append(')');
            }
            sb.append("; ");
        }
        return end(sb);
    }

    static String run(ProgressionReport.MonthlySeries series) {
        StringBuilder sb = new StringBuilder("Run chart of first achievements of ").append(series.tier()).append(" per ")
                .append(series.period().word()).append(" (* withheld): ");
        for (int i = 0; i < series.months().size(); i++) {
            sb.append(series.labels().get(i)).append(' ').append(series.counts().get(i)).append("; ");
        }
        return end(sb);
    }

    static String oneDecimal(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    private static String count(Long n) {
        return n == null ? Disclosure.WITHHELD : HtmlReport.number(n.toString());
    }

    private static String end(StringBuilder sb) {
        sb.setLength(sb.length() - 2);
        return sb.append('.').toString();
    }
}
