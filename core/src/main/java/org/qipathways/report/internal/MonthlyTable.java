package org.qipathways.report.internal;

import static org.qipathways.report.internal.ReportBuilder.MAX_MONTHS;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.qipathways.report.Disclosure;
import org.qipathways.report.ProgressionReport;
import org.qipathways.report.ReportTable;
import org.qipathways.report.ReportTable.Row;
import org.qipathways.report.Xmr;

/**
 * The report's achievements-per-month and per-quarter tables and SPC chart series: first
 * achievements of each tier per complete calendar month (at most {@link ReportBuilder#MAX_MONTHS}),
 * or per quarter when months are too small to publish ({@link PeriodSeries}), with the XmR mean,
 * process limits and special-cause variation as Making Data Count reads them, computed from the
 * published counts and withheld when there are too few periods or a period's count is suppressed.
 */
final class MonthlyTable extends ReportTables {

    MonthlyTable(ReportBuilder b) {
        super(b);
    }

    // ---- achievements per month ----

    /** The monthly table, then the quarterly one; the charts go to {@code out}. */
    List<ReportTable> achievements(List<ProgressionReport.MonthlySeries> out) {
        YearMonth last = YearMonth.from(asOf);
        if (!asOf.equals(last.atEndOfMonth())) {
            last = last.minusMonths(1);
        }
        LocalDate firstEvent = c.firstEvent;
        YearMonth first = last.minusMonths(MAX_MONTHS - 1);
        if (firstEvent != null && YearMonth.from(firstEvent).isAfter(first)) {
            first = YearMonth.from(firstEvent);
        }
        List<YearMonth> months = new ArrayList<>();
        for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
            months.add(m);
        }
        List<YearMonth> quarters = PeriodSeries.quarters(firstEvent == null ? null : YearMonth.from(firstEvent), last);
        YearMonth from = quarters.isEmpty() || first.isBefore(quarters.get(0)) ? first : quarters.get(0);
        Map<YearMonth, Integer> monthIndex = new LinkedHashMap<>();
        for (YearMonth m = from; !m.isAfter(last); m = m.plusMonths(1)) {
            monthIndex.put(m, monthIndex.size());
        }
        long[][] counts = new long[tiers.size()][monthIndex.size()];
        for (Map.Entry<YearMonth, Integer> m : monthIndex.entrySet()) {
            long[] achieved = c.achievedByMonth.get(m.getKey());
            if (achieved != null) {
                for (int t = 0; t < tiers.size(); t++) {
                    counts[t][m.getValue()] = achieved[t];
                }
            }
        }
        PeriodSeries periods = new PeriodSeries(d, months, quarters, monthIndex);
        List<Row> monthRows = new ArrayList<>();
        List<Row> quarterRows = new ArrayList<>();
        for (int t = 0; t < tiers.size(); t++) {
            String tier = tiers.get(t).title();
            PeriodSeries.Result r = periods.of(tier, counts[t]);
            ProgressionReport.MonthlySeries s = r.series();
            out.add(s);
            Xmr monthly = s.period() == ProgressionReport.Period.MONTH ? s.xmr() : null;
            for (int i = 0; i < months.size(); i++) {
                monthRows.add(new Row(cells(months.get(i).toString(), tier, r.months()[i], monthly, i), false));
            }
            if (r.quarters() != null) {
                for (int q = 0; q < quarters.size(); q++) {
                    quarterRows.add(new Row(cells(ProgressionReport.Period.QUARTER.label(quarters.get(q)), tier,
                            r.quarters()[q], s.xmr(), q), false));
                }
            }
        }
        String xmrWords = ", with the XmR mean, natural process limits (mean \u00b1 2.66 \u00d7 mean moving range) and"
                + " special-cause variation as NHS England's Making Data Count reads it, computed from the published counts";
        ReportTable byMonth = new ReportTable("achievements-by-month", "Achievements per month",
                "First achievements of each tier per complete calendar month, " + (months.isEmpty() ? "none"
                        : months.get(0) + " to " + months.get(months.size() - 1)) + xmrWords
                        + ". A tier whose monthly counts are too small to publish has no monthly analysis (*); its chart is"
                        + " by quarter when the quarters may be published.", columns("Month"), monthRows);
        ReportTable byQuarter = new ReportTable("achievements-by-quarter", "Achievements per quarter",
                "For tiers whose monthly counts are too small to publish: first achievements per calendar quarter, the last"
                        + " complete quarters up to " + PeriodSeries.MAX_QUARTERS + " (three years)" + xmrWords
                        + "; the analysis is withheld (*) when a quarter's count is too small to publish too, or there are"
                        + " fewer than " + PeriodSeries.MIN_QUARTERS + " quarters.", columns("Quarter"), quarterRows);
        return List.of(byMonth, byQuarter);
    }

    private static List<String> cells(String period, String tier, String count, Xmr xmr, int i) {
        List<String> cells = new ArrayList<>(List.of(period, tier, count));
        if (xmr == null) {
            cells.addAll(List.of(Disclosure.WITHHELD, Disclosure.WITHHELD, Disclosure.WITHHELD, ""));
        } else {
            cells.add(oneDecimal(xmr.mean()));
            cells.add(oneDecimal(xmr.lowerLimit()));
            cells.add(oneDecimal(xmr.upperLimit()));
            cells.add(describe(xmr.points().get(i)));
        }
        return cells;
    }

    private static List<ReportTable.Column> columns(String period) {
        return List.of(label(period), label("Tier"), number("First achievements"), number("Mean"),
                number("Lower process limit"), number("Upper process limit"), label("Special cause"));
    }

    static String describe(Xmr.Point p) {
        if (!p.specialCause()) {
            return "";
        }
        List<String> why = new ArrayList<>();
        for (Xmr.Rule r : p.rules()) {
            why.add(switch (r) {
                case OUTSIDE_LIMITS -> "outside the process limits";
                case SHIFT -> "run of " + Xmr.SHIFT_LENGTH + "+ on one side of the mean";
                case TREND -> "trend of " + Xmr.TREND_LENGTH + "+ " + (p.direction() == Xmr.Direction.HIGH ? "rising" : "falling");
                case NEAR_LIMIT -> "2 of 3 near a process limit";
            });
        }
        return (p.direction() == Xmr.Direction.HIGH ? "high: " : "low: ") + String.join("; ", why);
    }

    private static String oneDecimal(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
