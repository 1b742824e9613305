package org.qipathways.report.internal;

import static org.qipathways.report.internal.ReportBuilder.MIN_MONTHS;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.qipathways.report.Disclosure;
import org.qipathways.report.ProgressionReport.MonthlySeries;
import org.qipathways.report.ProgressionReport.Period;
import org.qipathways.report.Xmr;

/**
 * One tier's achievements chart: an XmR chart by month when every month's count may be published;
 * else by calendar quarter: an XmR chart when every quarter's count may be published and there are
 * at least {@link #MIN_QUARTERS}, else a run chart of the published quarters, the withheld ones
 * marked and no limits drawn. The chart's note says which period it uses, and what is withheld and
 * why. Months and quarters are published together, so that with exact counts (rounding base 1) a quarter's total and two of its
 * months never give the third month away: each quarter is a line of the disclosure control, its
 * three months and their total.
 */
final class PeriodSeries {

    /** The quarters a quarterly chart covers, at most: three years. */
    static final int MAX_QUARTERS = 12;
    /** Fewer complete quarters than this give no quarterly chart: two years. */
    static final int MIN_QUARTERS = 8;

    /** The chart, and the published cells of the monthly and quarterly tables. */
    record Result(MonthlySeries series, String[] months, String[] quarters) {
    }

    private final Disclosure d;
    private final List<YearMonth> months;
    private final List<YearMonth> quarters;
    private final Map<YearMonth, Integer> monthIndex;

    /**
     * @param months     the monthly window, oldest first
     * @param quarters   the first month of each complete quarter of the quarterly window, oldest first
     * @param monthIndex every month counted (both windows), to its index in the counts
     */
    PeriodSeries(Disclosure d, List<YearMonth> months, List<YearMonth> quarters, Map<YearMonth, Integer> monthIndex) {
        this.d = d;
        this.months = months;
        this.quarters = quarters;
        this.monthIndex = monthIndex;
    }

    /** The chart of one tier from its first achievements per month (indexed as {@code monthIndex}). */
    Result of(String tier, long[] perMonth) {
        long[] monthly = new long[months.size()];
        for (int i = 0; i < months.size(); i++) {
            monthly[i] = perMonth[monthIndex.get(months.get(i))];
        }
        long small = Arrays.stream(monthly).filter(d::suppresses).count();
        if (months.size() < MIN_MONTHS) {
            String why = "fewer than " + MIN_MONTHS + " complete months of data";
            return new Result(new MonthlySeries(tier, Period.MONTH, months, Arrays.asList(publishAlone(monthly)), null, why,
                    "Chart withheld: " + why + "."), publishAlone(monthly), null);
        }
        if (small == 0) {
            String[] pub = publishAlone(monthly);
            Xmr xmr = Xmr.of(Arrays.stream(monthly).mapToDouble(d::round).toArray());
            return new Result(new MonthlySeries(tier, Period.MONTH, months, Arrays.asList(pub), xmr, null,
                    "By month: each point is one complete calendar month, " + span(Period.MONTH, months) + "."), pub, null);
        }
        String byMonth = small + " of " + months.size() + " months had " + smallRange() + " first achievements, too few to"
                + " publish month by month";
        // Quarters and the months in them, published together.
        long[][] matrix = new long[quarters.size()][4];
        for (int q = 0; q < quarters.size(); q++) {
            for (int m = 0; m < 3; m++) {
                matrix[q][m] = perMonth[monthIndex.get(quarters.get(q).plusMonths(m))];
                matrix[q][3] += matrix[q][m];
            }
        }
        String[][] pub = d.publish(matrix, Disclosure.Totals.LAST_COLUMN);
        String[] monthCells = publishAlone(monthly);
        for (int q = 0; q < quarters.size(); q++) {
            for (int m = 0; m < 3; m++) {
                int i = months.indexOf(quarters.get(q).plusMonths(m));
                if (i >= 0) {
                    monthCells[i] = pub[q][m];
                }
            }
        }
        String[] quarterCells = new String[quarters.size()];
        long smallQuarters = 0;
        for (int q = 0; q < quarters.size(); q++) {
            quarterCells[q] = pub[q][3];
            if (Disclosure.WITHHELD.equals(quarterCells[q])) {
                smallQuarters++;
            }
        }
        String by = small + " of " + months.size() + " months had " + smallRange() + " first achievements, too few to"
                + " publish month by month, so each point is a calendar quarter (three months added up), "
                + span(Period.QUARTER, quarters) + ".";
        if (quarters.isEmpty()) {
            String why = byMonth + ", and there is no complete quarter of data to add them up into";
            return new Result(new MonthlySeries(tier, Period.QUARTER, quarters, List.of(), null, why,
                    "Chart withheld: " + why + "."), monthCells, quarterCells);
        }
        List<String> cells = Arrays.asList(quarterCells);
        if (quarters.size() >= MIN_QUARTERS && smallQuarters == 0) {
            Xmr xmr = Xmr.of(Arrays.stream(matrix).mapToDouble(row -> d.round(row[3])).toArray());
            return new Result(new MonthlySeries(tier, Period.QUARTER, quarters, cells, xmr, null, "By quarter: " + by
                    + " The months stay in the monthly table, the small ones shown as " + Disclosure.WITHHELD + "."),
                    monthCells, quarterCells);
        }
        String limits = smallQuarters > 0
                ? " " + smallQuarters + " of " + quarters.size() + " quarters still had " + smallRange()
                        + (smallQuarters == 1 ? " and is" : " and are") + " withheld (marked " + Disclosure.WITHHELD
                        + ", no point drawn). This is a run chart of the published quarters only: no mean or process"
                        + " limits, since they would be computed without the withheld quarters and mislead."
                : " With fewer than " + MIN_QUARTERS + " quarters there are too few points for process limits: this is a"
                        + " run chart, without mean or limits.";
        return new Result(new MonthlySeries(tier, Period.QUARTER, quarters, cells, null, null, "By quarter: " + by + limits),
                monthCells, quarterCells);
    }

    private String[] publishAlone(long[] counts) {
        return d.publish(new long[][] {counts}, Disclosure.Totals.NONE)[0];
    }

    private String smallRange() {
        return d.threshold() == 1 ? "1" : "1 to " + d.threshold();
    }

    private static String span(Period period, List<YearMonth> starts) {
        if (starts.isEmpty()) {
            return "none";
        }
        return period.label(starts.get(0)) + " to " + period.label(starts.get(starts.size() - 1));
    }

    /**
     * The first month of each complete calendar quarter ending by {@code last}, at most
     * {@link #MAX_QUARTERS}, none before {@code first}'s quarter (any, when {@code first} is null).
     */
    static List<YearMonth> quarters(YearMonth first, YearMonth last) {
        YearMonth end = last.minusMonths(last.getMonthValue() % 3);
        List<YearMonth> out = new ArrayList<>();
        YearMonth firstQuarter = first == null ? null : first.minusMonths((first.getMonthValue() - 1) % 3);
        for (YearMonth q = end.minusMonths(2); out.size() < MAX_QUARTERS; q = q.minusMonths(3)) {
            if (firstQuarter != null && q.isBefore(firstQuarter)) {
                break;
            }
            out.add(0, q);
        }
        return out;
    }
}
