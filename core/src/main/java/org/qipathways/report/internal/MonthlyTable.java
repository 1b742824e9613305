package org.qipathways.report.internal;

import static org.qipathways.report.internal.ReportBuilder.MAX_MONTHS;
import static org.qipathways.report.internal.ReportBuilder.MIN_MONTHS;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.qipathways.progress.Progress;
import org.qipathways.record.LearnerRecord;
import org.qipathways.report.Disclosure;
import org.qipathways.report.ProgressionReport;
import org.qipathways.report.ReportTable;
import org.qipathways.report.ReportTable.Row;
import org.qipathways.report.Xmr;

/**
 * The report's achievements-per-month table and SPC chart series: first achievements of each tier
 * per complete calendar month (at most {@link ReportBuilder#MAX_MONTHS}), with the XmR mean,
 * process limits and special-cause variation as Making Data Count reads them, computed from the
 * published counts and withheld when there are too few months or a month's count is suppressed.
 */
final class MonthlyTable extends ReportTables {

    MonthlyTable(ReportBuilder b) {
        super(b);
    }

    // ---- achievements per month ----

    ReportTable achievementsByMonth(List<ProgressionReport.MonthlySeries> out) {
        YearMonth last = YearMonth.from(in.asOf());
        if (!in.asOf().equals(last.atEndOfMonth())) {
            last = last.minusMonths(1);
        }
        LocalDate firstEvent = null;
        for (LearnerRecord r : in.records()) {
            LocalDate f = firstEvent(r);
            if (f != null && (firstEvent == null || f.isBefore(firstEvent))) {
                firstEvent = f;
            }
        }
        YearMonth first = last.minusMonths(MAX_MONTHS - 1);
        if (firstEvent != null && YearMonth.from(firstEvent).isAfter(first)) {
            first = YearMonth.from(firstEvent);
        }
        List<YearMonth> months = new ArrayList<>();
        for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
            months.add(m);
        }
        Map<YearMonth, Integer> monthIndex = new LinkedHashMap<>();
        for (int i = 0; i < months.size(); i++) {
            monthIndex.put(months.get(i), i);
        }
        long[][] counts = new long[tiers.size()][months.size()];
        for (Progress p : in.now()) {
            for (int t = 0; t < tiers.size(); t++) {
                LocalDate a = p.tiers().get(t).achievedOn();
                if (a != null) {
                    Integer i = monthIndex.get(YearMonth.from(a));
                    if (i != null) {
                        counts[t][i]++;
                    }
                }
            }
        }
        List<Row> rows = new ArrayList<>();
        for (int t = 0; t < tiers.size(); t++) {
            String[] pub = d.publish(new long[][] {counts[t]}, Disclosure.Totals.NONE)[0];
            String withheld = null;
            Xmr xmr = null;
            if (months.size() < MIN_MONTHS) {
                withheld = "fewer than " + MIN_MONTHS + " complete months of data";
            } else if (Arrays.stream(counts[t]).anyMatch(d::suppresses)) {
                withheld = "some months have too few achievements to publish";
            } else {
                xmr = Xmr.of(Arrays.stream(counts[t]).mapToDouble(n -> d.round(n)).toArray());
            }
            out.add(new ProgressionReport.MonthlySeries(tiers.get(t).title(), months, Arrays.asList(pub), xmr, withheld));
            for (int i = 0; i < months.size(); i++) {
                List<String> cells = new ArrayList<>(List.of(months.get(i).toString(), tiers.get(t).title(), pub[i]));
                if (xmr == null) {
                    cells.addAll(List.of(Disclosure.WITHHELD, Disclosure.WITHHELD, Disclosure.WITHHELD, ""));
                } else {
                    cells.add(oneDecimal(xmr.mean()));
                    cells.add(oneDecimal(xmr.lowerLimit()));
                    cells.add(oneDecimal(xmr.upperLimit()));
                    cells.add(describe(xmr.points().get(i)));
                }
                rows.add(new Row(cells, false));
            }
        }
        return new ReportTable("achievements-by-month", "Achievements per month",
                "First achievements of each tier per complete calendar month, " + (months.isEmpty() ? "none"
                        : months.get(0) + " to " + months.get(months.size() - 1)) + ", with the XmR mean, natural process"
                        + " limits (mean \u00b1 2.66 \u00d7 mean moving range) and special-cause variation as NHS England's"
                        + " Making Data Count reads it, computed from the published counts.",
                List.of(label("Month"), label("Tier"), number("First achievements"), number("Mean"),
                        number("Lower process limit"), number("Upper process limit"), label("Special cause")), rows);
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
