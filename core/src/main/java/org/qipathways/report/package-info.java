/**
 * The analysts' progression report: funnel, breakdowns by organisation, ICB, staff group and band,
 * time between tiers, stalls, expiries, competency coverage and monthly achievements with an XmR
 * analysis, every count through small-number disclosure control. Pure: no I/O; renderers live elsewhere.
 * <pre>{@code
 * ReportInput input = ReportInput.evaluate(Evaluator.of(programme), records, learners, LocalDate.of(2026, 3, 31));
 * ProgressionReport report = ProgressionReport.of(input, Disclosure.NHS_DIGITAL);
 * report.table("funnel").rows();          // published cells: "*" for 1 to 7, others to the nearest 5
 * Xmr.of(12, 15, 11, 14, 13, 40, 12).points().get(5).specialCause();   // true
 * }</pre>
 * How each measure is counted is described in {@code docs/report.md}.
 */
package org.qipathways.report;
