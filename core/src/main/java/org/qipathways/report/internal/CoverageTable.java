package org.qipathways.report.internal;

import java.util.ArrayList;
import java.util.List;
import org.qipathways.competency.Competency;
import org.qipathways.competency.CompetencyFramework;
import org.qipathways.competency.ProficiencyLevel;
import org.qipathways.report.Disclosure;
import org.qipathways.report.ProgressionReport;
import org.qipathways.report.ReportTable;
import org.qipathways.report.ReportTable.Column;
import org.qipathways.report.ReportTable.Row;

/**
 * The report's competency coverage table: for each competency of the framework, how many learners
 * are at each level of its scale on the report date (the highest level evidenced by units or
 * assessor ratings) and their share of all learners, with the bars of the coverage chart.
 */
final class CoverageTable extends ReportTables {

    CoverageTable(ReportBuilder b) {
        super(b);
    }

    // ---- competency coverage ----

    ReportTable coverage(List<String> levelNames, List<ProgressionReport.CoverageBar> bars) {
        CompetencyFramework framework = programme.framework();
        List<Competency> competencies = framework.competencies();
        int maxLevel = framework.scale().maxLevel();
        long[][] matrix = c.coverage;
        String[][] pub = d.publish(matrix, Disclosure.Totals.LAST_COLUMN);
        levelNames.add("Not evidenced");
        for (ProficiencyLevel l : framework.scale().levels()) {
            levelNames.add(l.level() + " " + l.name());
        }
        List<Column> cols = new ArrayList<>();
        cols.add(label("Competency"));
        cols.add(label("Title"));
        cols.add(number("Learners"));
        for (String level : levelNames) {
            cols.add(new Column(level, "learners", true));
            cols.add(new Column(level, "%", true));
        }
        // Each "%" column is over every competency's learners: one precision for all its rows.
        long[] wholes = new long[competencies.size()];
        for (int i = 0; i < competencies.size(); i++) {
            wholes[i] = matrix[i][maxLevel + 1];
        }
        int decimals = d.rateDecimals(wholes);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < competencies.size(); i++) {
            Competency comp = competencies.get(i);
            List<String> cells = new ArrayList<>(List.of(comp.code(), comp.title(), pub[i][maxLevel + 1]));
            List<Double> percents = new ArrayList<>();
            for (int level = 0; level <= maxLevel; level++) {
                String rate = rate(pub[i][level], matrix[i][level], matrix[i][maxLevel + 1], decimals);
                cells.add(pub[i][level]);
                cells.add(rate);
                percents.add(Disclosure.WITHHELD.equals(rate) ? null
                        : 100.0 * d.round(matrix[i][level]) / d.round(matrix[i][maxLevel + 1]));
            }
            rows.add(new Row(cells, false));
            bars.add(new ProgressionReport.CoverageBar(comp.code(), comp.title(), percents));
        }
        return new ReportTable("competency-coverage", "Competency coverage",
                "Learners at each level of the " + framework.scale().name() + " scale in each competency on " + asOf
                        + " (the highest level evidenced by units or assessor ratings), and their share of all learners.",
                cols, rows);
    }
}
