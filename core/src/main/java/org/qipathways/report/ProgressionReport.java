package org.qipathways.report;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import org.qipathways.progress.Evaluator;
import org.qipathways.record.Learner;
import org.qipathways.record.LearnerRecord;
import org.qipathways.report.internal.ReportBuilder;
import org.qipathways.report.internal.ReportEvaluation;

/**
 * The analysts' progression report on a programme, ready to publish: every table and chart
 * series already through small-number disclosure control, and no learner id anywhere in it.
 * Renderers (HTML, CSV) only lay it out; text in it comes from input files and must be escaped.
 * <pre>{@code
 * ReportInput input = ReportInput.evaluate(Evaluator.of(programme), records, learners, LocalDate.of(2026, 3, 31));
 * ProgressionReport report = ProgressionReport.of(input, Disclosure.NHS_DIGITAL);
 * report.table("funnel").rows();      // learners by status on each tier, now and a year ago
 * report.disclosure().method();       // the method, to print on the report
 * }</pre>
 *
 * <p>Tables, by id: {@code funnel}; {@code by-organisation}, {@code funnel-plot}, {@code by-icb}, {@code by-staff-group},
 * {@code by-band}; {@code time-between-tiers}; {@code stalled}; {@code expiring}; {@code certificates};
 * {@code competency-coverage}; {@code achievements-by-month}; {@code achievements-by-quarter}; and, for one
 * organisation's report, {@code compared-with-region} after the funnel. How each is counted is in its
 * description and in docs/report.md.
 *
 * @param programme      the programme's title
 * @param asOf           the report date
 * @param comparedWith   the date compared with: a year before {@code asOf}
 * @param disclosure     the disclosure control applied
 * @param learners       how many learners the report covers, as published
 * @param organisation   the one organisation the report is on, by name and code (the region being the
 *                       comparison); {@code null} when the report is on the whole region
 * @param certificates   what the certificate figures are based on, in a sentence: the register they were
 *                       read from, or that no register was given
 * @param notes          what the reader must know about the data, in sentences
 * @param tables         the tables, in reading order
 * @param funnel         for the funnel chart: learners holding each tier now and a year ago
 * @param funnelPlot     organisations compared on the second tier's rate among holders of the first, with
 *                       control limits; {@code null} when the programme has fewer than two tiers
 * @param coverageLevels for the coverage chart: the names of the proficiency levels, from "not evidenced" up
 * @param coverage       for the coverage chart: the share of learners at each level, per competency
 * @param achievements   for the SPC charts: first achievements per month (or quarter), per tier
 */
public record ProgressionReport(String programme, LocalDate asOf, LocalDate comparedWith, Disclosure disclosure,
                                String learners, String organisation, String certificates, List<String> notes,
                                List<ReportTable> tables, List<FunnelBar> funnel, FunnelPlot funnelPlot,
                                List<String> coverageLevels, List<CoverageBar> coverage, List<MonthlySeries> achievements) {

    /**
     * Learners holding a tier (status ACHIEVED), now and a year ago, as published.
     *
     * @param tier    the tier's title
     * @param now     the published count; {@code null} when suppressed
     * @param yearAgo the published count a year ago; {@code null} when suppressed
     */
    public record FunnelBar(String tier, Long now, Long yearAgo) {
    }

    /**
     * The share of learners at each proficiency level of one competency.
     *
     * @param competency the competency's code
     * @param title      the competency's title
     * @param percents   per level, from "not evidenced" up, the percentage computed from published
     *                   counts; {@code null} where withheld
     */
    public record CoverageBar(String competency, String title, List<Double> percents) {
        public CoverageBar {
            // List.copyOf refuses nulls, and withheld shares are null
            percents = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(percents));
        }
    }

    /** The length of the periods an achievements chart counts over. */
    public enum Period {
        /** Complete calendar months. */
        MONTH(1),
        /** Calendar quarters (January to March, April to June, ...), three months added up. */
        QUARTER(3);

        private final int months;

        Period(int months) {
            this.months = months;
        }

        /** How many months one period spans. */
        public int months() {
            return months;
        }

        /** The period's name in running text: "month" or "quarter". */
        public String word() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        /** How the period starting in {@code first} is named in tables: {@code 2025-04}, or {@code 2025 Apr-Jun}. */
        public String label(YearMonth first) {
            if (this == MONTH) {
                return first.toString();
            }
            YearMonth end = first.plusMonths(months - 1);
            return first.getYear() + " " + shortName(first) + "-" + shortName(end);
        }

        /** Fixed three-letter names: the JDK's locale data has changed them ("Sept") between versions. */
        private static final String[] SHORT_NAMES = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
                "Nov", "Dec"};

        private static String shortName(YearMonth m) {
            return SHORT_NAMES[m.getMonthValue() - 1];
        }
    }

    /**
     * First achievements of one tier per period (calendar month, or quarter when months are too small
     * to publish), and their XmR analysis.
     *
     * @param tier     the tier's title
     * @param period   what one point counts over: a month, or a quarter
     * @param months   the first month of each period covered, oldest first
     * @param counts   the published count per period
     * @param xmr      the XmR analysis of the published counts; {@code null} when there is none: the chart is
     *                 withheld, or a run chart of the published periods (some withheld, or too few for limits)
     * @param withheld why the chart is withheld altogether; {@code null} when there is a chart
     * @param note     for the reader: which period the chart uses, and what is withheld and why
     */
    public record MonthlySeries(String tier, Period period, List<YearMonth> months, List<String> counts, Xmr xmr,
                                String withheld, String note) {
        public MonthlySeries {
            Objects.requireNonNull(period, "period");
            Objects.requireNonNull(note, "note");
            months = List.copyOf(months);
            counts = List.copyOf(counts);
            if (xmr != null && withheld != null) {
                throw new IllegalArgumentException("a withheld chart has no analysis");
            }
        }

        /** Whether there is a chart to draw: an XmR chart, or a run chart of the published periods. */
        public boolean charted() {
            return withheld == null;
        }

        /** The periods as tables name them, e.g. {@code 2025-04} or {@code 2025 Apr-Jun}. */
        public List<String> labels() {
            return months.stream().map(period::label).toList();
        }
    }

    public ProgressionReport {
        Objects.requireNonNull(disclosure, "disclosure");
        Objects.requireNonNull(certificates, "certificates");
        notes = List.copyOf(notes);
        tables = List.copyOf(tables);
        funnel = List.copyOf(funnel);
        coverageLevels = List.copyOf(coverageLevels);
        coverage = List.copyOf(coverage);
        achievements = List.copyOf(achievements);
    }

    /** The report on {@code input}, with {@code disclosure} applied to every count and statistic. */
    public static ProgressionReport of(ReportInput input, Disclosure disclosure) {
        return of(input, disclosure, ReportOptions.defaults());
    }

    /**
     * The report on {@code input} as {@code options} ask: organisation names, one organisation's
     * learners with the region as comparison, certificates from a register.
     *
     * @throws IllegalArgumentException when the organisation asked for has no learner in the input
     */
    public static ProgressionReport of(ReportInput input, Disclosure disclosure, ReportOptions options) {
        return ReportBuilder.build(input, disclosure, Objects.requireNonNull(options, "options"));
    }

    /**
     * Evaluates {@code records} as of {@code asOf} and a year before, on {@code threads} threads, and
     * reports on them as {@code options} ask: the same report as
     * {@code of(ReportInput.evaluate(evaluator, records, learners, asOf), disclosure, options)}, built
     * while evaluating, without keeping any learner's progress (for regions too large to hold every
     * learner's explanation in memory, twice).
     * <pre>{@code
     * ProgressionReport report = ProgressionReport.evaluate(Evaluator.of(programme), records, learners,
     *         LocalDate.of(2026, 3, 31), 2, Disclosure.NHS_DIGITAL, ReportOptions.defaults());
     * }</pre>
     *
     * @throws IllegalArgumentException when the organisation asked for has no learner in the input
     */
    public static ProgressionReport evaluate(Evaluator evaluator, List<LearnerRecord> records, List<Learner> learners,
                                             LocalDate asOf, int threads, Disclosure disclosure, ReportOptions options) {
        Objects.requireNonNull(asOf, "asOf");
        return ReportEvaluation.report(Objects.requireNonNull(evaluator, "evaluator"), List.copyOf(records),
                List.copyOf(learners), asOf, threads, Objects.requireNonNull(disclosure, "disclosure"),
                Objects.requireNonNull(options, "options"));
    }

    /** The table with this id. */
    public ReportTable table(String id) {
        for (ReportTable t : tables) {
            if (t.id().equals(id)) {
                return t;
            }
        }
        throw new NoSuchElementException("no table " + id + " in this report");
    }
}
