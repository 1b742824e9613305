package org.qipathways.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.qipathways.programme.Programme;
import org.qipathways.progress.Evaluator;
import org.qipathways.record.EventsCsv;
import org.qipathways.record.Learner;
import org.qipathways.record.LearnerRecord;
import org.qipathways.record.LearnersCsv;
import org.qipathways.record.ReadOptions;

/**
 * The report's aggregates on eight learners whose every number was worked out by hand (see the
 * comments by each learner), first exactly ({@link Disclosure#NONE}), then under NHS Digital's rule.
 */
class ProgressionReportTest {

    static final LocalDate AS_OF = LocalDate.of(2025, 6, 30);

    static final String LEARNERS = """
            learner_id,organisation,staff_group,band,team,region
            A,RHQ,Nursing and Midwifery Registered,5,,South Yorkshire
            B,RHQ,Nursing and Midwifery Registered,6,,South Yorkshire
            C,RR8,,,,
            E,RR8,Nursing and Midwifery Registered,5,,West Yorkshire
            F,RHQ,Medical and Dental,,,South Yorkshire
            G,RCU,Allied Health Professionals,7,,South Yorkshire
            H,RR8,Allied Health Professionals,8A,,West Yorkshire
            """;

    static final String EVENTS = """
            learner_id,date,type,item,result
            A,2024-01-10,completed,BRZ-ELN,
            A,2024-01-12,assessed,BRZ-QUIZ,85
            A,2024-02-01,attended,SLV-IND,participant
            A,2024-04-30,evidence,SLV-PLAN,approved
            B,2024-09-01,completed,BRZ-ELN,
            B,2024-09-02,assessed,BRZ-QUIZ,72
            C,2025-03-01,completed,BRZ-ELN,
            C,2025-03-01,assessed,BRZ-QUIZ,90
            D,2023-05-05,prior_learning,IMP-FUNDAMENTALS,approved
            D,2024-11-01,attended,SLV-IND,participant
            F,2023-01-10,completed,BRZ-ELN,
            F,2023-01-10,assessed,BRZ-QUIZ,90
            F,2023-02-01,attended,SLV-IND,participant
            F,2023-03-01,evidence,SLV-PLAN,approved
            F,2023-04-01,attended,GLD-TTT-1,participant
            F,2023-04-02,attended,GLD-TTT-2,participant
            F,2023-05-01,attended,SLV-IND,facilitator
            F,2023-06-01,attended,SLV-TEAM-1,facilitator
            F,2023-06-15,attended,WS-VAR,participant
            F,2023-07-01,rated,C-COACH,3
            F,2023-07-15,evidence,GLD-PROJECT,approved
            G,2023-01-10,completed,BRZ-ELN,
            G,2023-01-10,assessed,BRZ-QUIZ,90
            G,2023-02-01,attended,SLV-IND,participant
            G,2023-03-01,evidence,SLV-PLAN,approved
            G,2023-03-10,attended,GLD-TTT-1,participant
            G,2023-03-11,attended,GLD-TTT-2,participant
            G,2023-03-20,attended,SLV-IND,facilitator
            G,2023-04-05,attended,SLV-TEAM-2,facilitator
            G,2023-04-06,attended,WS-BEH,participant
            G,2023-04-07,rated,C-COACH,3
            G,2023-05-10,evidence,GLD-PROJECT,approved
            H,2024-01-01,prior_learning,QSIR-FUNDAMENTALS,approved
            H,2024-06-01,attended,SLV-TEAM-1,participant
            """;
    // By hand, as of 2025-06-30 (a year ago: 2024-06-30):
    // A  Bronze 2024-01-12, Silver 2024-04-30 (109 days after Bronze; first event to Bronze 2 days).
    // B  Bronze in progress (quiz 72), last event 2024-09-02: stalled on the knowledge check.
    // C  Bronze 2025-03-01; no staff group, band or region.
    // D  not in the learners file; Bronze 2023-05-05 by prior learning; Silver in progress on the
    //    individual route since 2024-11-01: stalled.
    // E  in the learners file, no events: not started anywhere.
    // F  Bronze 2023-01-10, Silver 2023-03-01 (50 days), Gold 2023-07-15 (136 days), which expires
    //    2025-07-15, not renewed: expiring within 90 days.
    // G  the same path, Gold 2023-05-10 (70 days after Silver), expired 2025-05-10: lapsed within 90 days.
    // H  Bronze 2024-01-01 by prior learning; one Silver for Teams session 2024-06-01: stalled on the team route.

    static ProgressionReport exact;
    static ProgressionReport nhs;

    @BeforeAll
    static void report() {
        Programme programme = Programme.reference();
        List<Learner> learners = LearnersCsv.read(new StringReader(LEARNERS), "learners.csv", ReadOptions.STRICT).rows();
        List<LearnerRecord> records = new ArrayList<>(LearnerRecord.group(learners,
                EventsCsv.read(new StringReader(EVENTS), "events.csv", programme, ReadOptions.STRICT).rows()).values());
        ReportInput input = ReportInput.evaluate(Evaluator.of(programme), records, learners, AS_OF);
        exact = ProgressionReport.of(input, Disclosure.NONE);
        nhs = ProgressionReport.of(input, Disclosure.NHS_DIGITAL);
    }

    static List<LearnerRecord> records(String events) {
        return new ArrayList<>(LearnerRecord.group(List.of(), EventsCsv.read(new StringReader(events), "events.csv",
                Programme.reference(), ReadOptions.STRICT).rows()).values());
    }

    static List<List<String>> rows(ProgressionReport report, String table) {
        return report.table(table).rows().stream().map(ReportTable.Row::cells).toList();
    }

    @Test
    void funnelNowAndAYearAgo() {
        ReportTable funnel = exact.table("funnel");
        assertThat(funnel.columns()).extracting(ReportTable.Column::heading).containsExactly("Tier", "As of", "Achieved (held)",
                "% achieved", "In progress", "Lapsed", "Revoked", "Not started", "Learners");
        assertThat(rows(exact, "funnel")).containsExactly(
                List.of("Bronze", "2025-06-30", "6", "75.0%", "1", "0", "0", "1", "8"),
                List.of("Bronze", "2024-06-30", "5", "62.5%", "0", "0", "0", "3", "8"),
                List.of("Silver", "2025-06-30", "3", "37.5%", "2", "0", "0", "3", "8"),
                List.of("Silver", "2024-06-30", "3", "37.5%", "1", "0", "0", "4", "8"),
                List.of("Gold", "2025-06-30", "1", "12.5%", "0", "1", "0", "6", "8"),
                List.of("Gold", "2024-06-30", "2", "25.0%", "0", "0", "0", "6", "8"));
        assertThat(exact.funnel()).containsExactly(new ProgressionReport.FunnelBar("Bronze", 6L, 5L),
                new ProgressionReport.FunnelBar("Silver", 3L, 3L), new ProgressionReport.FunnelBar("Gold", 1L, 2L));
        assertThat(exact.learners()).isEqualTo("8");
        assertThat(exact.comparedWith()).isEqualTo(LocalDate.of(2024, 6, 30));
    }

    @Test
    void byBandInPayOrderWithTheUnknownLast() {
        assertThat(rows(exact, "by-band")).containsExactly(
                // band, learners, then per tier: achieved, %, in progress
                List.of("5", "2", "1", "50.0%", "0", "1", "50.0%", "0", "0", "0.0%", "0"),
                List.of("6", "1", "0", "0.0%", "1", "0", "0.0%", "0", "0", "0.0%", "0"),
                List.of("7", "1", "1", "100.0%", "0", "1", "100.0%", "0", "0", "0.0%", "0"),
                List.of("8a", "1", "1", "100.0%", "0", "0", "0.0%", "1", "0", "0.0%", "0"),
                List.of("(no band, or not recorded)", "2", "2", "100.0%", "0", "1", "50.0%", "0", "1", "50.0%", "0"),
                List.of("(not in the learners file)", "1", "1", "100.0%", "0", "0", "0.0%", "1", "0", "0.0%", "0"),
                List.of("All learners", "8", "6", "75.0%", "1", "3", "37.5%", "2", "1", "12.5%", "0"));
        assertThat(exact.table("by-band").rows().get(6).total()).isTrue();
        assertThat(exact.table("by-band").columns()).extracting(ReportTable.Column::heading).startsWith("Band", "Learners",
                "Bronze achieved", "Bronze % achieved", "Bronze in progress", "Silver achieved");
    }

    @Test
    void byOrganisationIcbAndStaffGroup() {
        // Names are given with ReportOptions; without them the name column is empty.
        assertThat(rows(exact, "by-organisation")).extracting(r -> r.subList(0, 4)).containsExactly(
                List.of("RCU", "", "1", "1"), List.of("RHQ", "", "3", "2"), List.of("RR8", "", "3", "2"),
                List.of("(not in the learners file)", "", "1", "1"), List.of("All learners", "", "8", "6"));
        assertThat(rows(exact, "by-icb")).extracting(r -> r.subList(0, 2)).containsExactly(
                List.of("South Yorkshire", "4"), List.of("West Yorkshire", "2"), List.of("(not in the learners file)", "1"),
                List.of("(not recorded)", "1"), List.of("All learners", "8"));
        assertThat(rows(exact, "by-staff-group")).extracting(r -> r.subList(0, 2)).containsExactly(
                List.of("Allied Health Professionals", "2"), List.of("Medical and Dental", "1"),
                List.of("Nursing and Midwifery Registered", "3"), List.of("(not in the learners file)", "1"),
                List.of("(not recorded)", "1"), List.of("All learners", "8"));
    }

    @Test
    void timeFromOneTierToTheNext() {
        assertThat(rows(exact, "time-between-tiers")).containsExactly(
                List.of("First event", "Bronze", "6", "0", "0", "0"),       // 0, 0, 0, 0, 0, 2
                List.of("Bronze", "Silver", "3", "50", "50", "80"),         // 50, 50, 109: upper quartile 79.5
                List.of("Silver", "Gold", "2", "103", "87", "120"));        // 70, 136: quartiles 86.5 and 119.5
    }

    @Test
    void stallsAreGroupedByTheRequirementInTheProgrammesWords() {
        assertThat(rows(exact, "stalled")).containsExactly(
                List.of("Bronze", "Bronze online course and knowledge check > Bronze knowledge check: best score 80 or more", "1"),
                List.of("Bronze", "All stalled on Bronze", "1"),
                List.of("Silver", "Silver for Individuals", "1"),
                List.of("Silver", "Silver for Teams > at least 2 of the 3 Silver for Teams sessions", "1"),
                List.of("Silver", "All stalled on Silver", "2"),
                List.of("Gold", "All stalled on Gold", "0"));
        // Scores and dates from a learner's own record never make a group.
        assertThat(exact.table("stalled").toString()).doesNotContain("72").doesNotContain("2024-");
    }

    @Test
    void expiringAndLapsedTiers() {
        assertThat(rows(exact, "expiring")).containsExactly(List.of("Gold", "1", "1"));
        assertThat(exact.table("expiring").description()).contains("No certificate register was given");
    }

    @Test
    void competencyCoverage() {
        List<List<String>> rows = rows(exact, "competency-coverage");
        // C-MFI: level 0 B, D, E, H; level 1 C; level 2 A; level 3 F, G.
        assertThat(rows.get(1)).containsExactly("C-MFI", "Model for improvement and PDSA", "8",
                "4", "50.0%", "1", "12.5%", "1", "12.5%", "2", "25.0%");
        // C-COACH: rated 3 for F and G only.
        assertThat(rows.get(7)).containsExactly("C-COACH", "Teaching and coaching improvement", "8",
                "6", "75.0%", "0", "0.0%", "0", "0.0%", "2", "25.0%");
        assertThat(exact.coverageLevels()).containsExactly("Not evidenced", "1 Aware", "2 Practitioner", "3 Leader");
        assertThat(exact.coverage().get(1).percents()).containsExactly(50.0, 12.5, 12.5, 25.0);
    }

    @Test
    void firstAchievementsPerCompleteMonth() {
        ProgressionReport.MonthlySeries bronze = exact.achievements().get(0);
        // The 24 complete months to June 2025, complete on the report date.
        assertThat(bronze.months()).hasSize(24);
        assertThat(bronze.months().get(0)).isEqualTo(YearMonth.of(2023, 7));
        assertThat(bronze.months().get(23)).isEqualTo(YearMonth.of(2025, 6));
        assertThat(bronze.counts().get(6)).isEqualTo("2");      // A and H, January 2024
        assertThat(bronze.counts().get(20)).isEqualTo("1");     // C, March 2025
        assertThat(bronze.counts().stream().mapToInt(Integer::parseInt).sum()).isEqualTo(3);
        assertThat(bronze.xmr().mean()).isEqualTo(3 / 24.0);
        assertThat(rows(exact, "achievements-by-month")).hasSize(3 * 24)
                // moving ranges 2, 2, 1, 1 over 23: mean 6/23; limits 0.125 -/+ 2.66 x 0.261
                .contains(List.of("2024-01", "Bronze", "2", "0.1", "-0.6", "0.8", "high: outside the process limits"));
    }

    @Test
    void theChartStartsWithTheFirstEventWhenThatIsLessThanTwoYearsBack() {
        ProgressionReport r = ProgressionReport.of(ReportInput.evaluate(Evaluator.of(Programme.reference()), records(EVENTS),
                List.of(), LocalDate.of(2024, 6, 30)), Disclosure.NONE);
        List<YearMonth> months = r.achievements().get(0).months();
        assertThat(months.get(0)).isEqualTo(YearMonth.of(2023, 1));
        assertThat(months).hasSize(18);
        assertThat(r.achievements().get(0).xmr()).isNotNull();
    }

    @Test
    void aReportDateInsideAMonthEndsTheChartAtTheMonthBefore() {
        ProgressionReport r = ProgressionReport.of(ReportInput.evaluate(Evaluator.of(Programme.reference()), records(EVENTS),
                List.of(), LocalDate.of(2025, 6, 29)), Disclosure.NONE);
        List<YearMonth> months = r.achievements().get(0).months();
        assertThat(months.get(months.size() - 1)).isEqualTo(YearMonth.of(2025, 5));
    }

    @Test
    void underTheNhsRuleNoCountFromOneToSevenIsShown() {
        assertThat(nhs.learners()).isEqualTo("10");
        assertThat(rows(nhs, "funnel").get(0)).containsExactly("Bronze", "2025-06-30", "*", "*", "*", "0", "0", "*", "10");
        assertThat(rows(nhs, "time-between-tiers").get(0)).containsExactly("First event", "Bronze", "*", "*", "*", "*");
        for (ReportTable t : nhs.tables()) {
            for (ReportTable.Row row : t.rows()) {
                for (int i = 0; i < row.cells().size(); i++) {
                    if (t.columns().get(i).numeric()) {
                        assertThat(row.cells().get(i)).as(t.id() + " " + row).matches("\\*|0|0%|10|-?\\d+\\.\\d");
                    }
                }
            }
        }
        // Months too small, and quarters too: run charts of what may be shown, no limits, saying why.
        assertThat(nhs.achievements()).allSatisfy(s -> {
            assertThat(s.xmr()).isNull();
            assertThat(s.note()).contains("too few to publish month by month");
        });
        assertThat(nhs.funnel().get(0)).isEqualTo(new ProgressionReport.FunnelBar("Bronze", null, null));
    }

    @Test
    void everyColumnOfPercentagesHasOnePrecision() {
        // RR8: 1,000 learners, 500 of them holding Bronze (50%); RHQ: 3,500, all holding it (100%); no
        // one holds Silver. All learners: 4,000 of 4,500 (88.9%). Under NHS rounding the organisations'
        // rates alone are whole percents (under 4,000 learners) and the total's one decimal: one column
        // would read "100%", "50%", "88.9%"; and the funnel plot "0%" for each organisation but "0.0%"
        // for the region (4,000 Bronze holders).
        StringBuilder learners = new StringBuilder("learner_id,organisation,staff_group,band,team,region\n");
        StringBuilder events = new StringBuilder("learner_id,date,type,item,result\n");
        for (int i = 0; i < 4500; i++) {
            String id = String.format(java.util.Locale.ROOT, "L%04d", i);
            learners.append(id).append(i < 1000 ? ",RR8" : ",RHQ").append(",,,,\n");
            if (i < 500 || i >= 1000) {
                events.append(id).append(",2024-01-10,completed,BRZ-ELN,\n").append(id).append(",2024-01-12,assessed,BRZ-QUIZ,85\n");
            }
        }
        Programme programme = Programme.reference();
        List<Learner> people = LearnersCsv.read(new StringReader(learners.toString()), "learners.csv", ReadOptions.STRICT).rows();
        List<LearnerRecord> records = new ArrayList<>(LearnerRecord.group(people,
                EventsCsv.read(new StringReader(events.toString()), "events.csv", programme, ReadOptions.STRICT).rows()).values());
        ProgressionReport r = ProgressionReport.of(ReportInput.evaluate(Evaluator.of(programme), records, people, AS_OF),
                Disclosure.NHS_DIGITAL);
        assertThat(rows(r, "by-organisation")).extracting(row -> row.get(4)).containsExactly("100%", "50%", "89%");
        assertThat(rows(r, "funnel-plot")).extracting(row -> row.get(4)).containsExactly("0%", "0%", "0%");
        assertThat(r.funnelPlot().regionalText()).isEqualTo("0%");
        assertOnePrecisionPerColumn(r);
        assertOnePrecisionPerColumn(nhs);
        assertOnePrecisionPerColumn(exact);
    }

    /** In every table, each column of percentages shows all its published rows to one number of decimals. */
    static void assertOnePrecisionPerColumn(ProgressionReport report) {
        for (ReportTable t : report.tables()) {
            for (int c = 0; c < t.columns().size(); c++) {
                java.util.Set<Integer> decimals = new java.util.TreeSet<>();
                List<String> cells = new ArrayList<>();
                for (ReportTable.Row row : t.rows()) {
                    String cell = row.cells().get(c);
                    if (cell.matches("\\d+(\\.\\d+)?%")) {
                        cells.add(cell);
                        decimals.add(cell.contains(".") ? cell.length() - cell.indexOf('.') - 2 : 0);
                    }
                }
                assertThat(decimals).as("%s, column %s: %s", t.id(), t.columns().get(c).heading(), cells).hasSizeLessThanOrEqualTo(1);
            }
        }
    }

    @Test
    void aRateIsWithheldWhenItsCountIsSuppressedToProtectAnother() {
        // Threshold 1, no rounding. Silver a year ago: achieved 3, in progress 1, not started 4, of 8.
        // The 1 alone would follow from 8 - 3 - 4, so the 3 goes too, and its rate with it.
        Programme programme = Programme.reference();
        List<Learner> learners = LearnersCsv.read(new StringReader(LEARNERS), "learners.csv", ReadOptions.STRICT).rows();
        List<LearnerRecord> records = new ArrayList<>(LearnerRecord.group(learners,
                EventsCsv.read(new StringReader(EVENTS), "events.csv", programme, ReadOptions.STRICT).rows()).values());
        ProgressionReport r = ProgressionReport.of(ReportInput.evaluate(Evaluator.of(programme), records, learners, AS_OF),
                new Disclosure(1, 1));
        assertThat(rows(r, "funnel").get(3)).containsExactly("Silver", "2024-06-30", "*", "*", "*", "0", "0", "4", "8");
    }

    @Test
    void noLearnerIdAppearsAnywhere() {
        // The ids here are single letters; look for the longer ones a trust would use instead.
        Programme programme = Programme.reference();
        String events = EVENTS.replaceAll("(?m)^([A-H]),", "LEARNER-$1-SECRET,");
        List<LearnerRecord> records = new ArrayList<>(LearnerRecord.group(List.of(),
                EventsCsv.read(new StringReader(events), "events.csv", programme, ReadOptions.STRICT).rows()).values());
        ProgressionReport r = ProgressionReport.of(ReportInput.evaluate(Evaluator.of(programme), records, List.of(), AS_OF),
                Disclosure.NONE);
        assertThat(r.toString()).doesNotContain("SECRET");
    }

    @Test
    void inputsThatDoNotFitTogetherAreRefused() {
        Programme programme = Programme.reference();
        Evaluator evaluator = Evaluator.of(programme);
        List<LearnerRecord> records = new ArrayList<>(LearnerRecord.group(List.of(),
                EventsCsv.read(new StringReader(EVENTS), "events.csv", programme, ReadOptions.STRICT).rows()).values());
        assertThatThrownBy(() -> new ReportInput(programme, AS_OF, evaluator.evaluateAll(records, AS_OF),
                evaluator.evaluateAll(records, AS_OF), List.of(), records))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("expected 2025-06-30 and 2024-06-30");
        assertThatThrownBy(() -> new ReportInput(programme, AS_OF, evaluator.evaluateAll(records, AS_OF),
                evaluator.evaluateAll(records, AS_OF.minusYears(1)), List.of(), records.subList(1, records.size())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no record for learner");
    }
}
