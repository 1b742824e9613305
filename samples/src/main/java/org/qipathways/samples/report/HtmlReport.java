package org.qipathways.samples.report;

import java.util.List;
import java.util.Set;
import org.qipathways.report.Disclosure;
import org.qipathways.report.ProgressionReport;
import org.qipathways.report.ReportTable;

/**
 * Lays a {@link ProgressionReport} out as one self-contained HTML page: inline CSS, charts as
 * inline SVG, no scripts, no fonts or images from anywhere. Every text from the report goes
 * through {@link #escape}: organisation codes, staff groups, regions, tier and requirement names
 * all come from input files.
 */
final class HtmlReport {

    /** Tables long enough to fold away under a summary line. */
    private static final Set<String> FOLDED = Set.of("achievements-by-month", "achievements-by-quarter", "by-organisation");

    /** Tables of this many columns or more get a cue, on a narrow screen, that they scroll sideways. */
    static final int WIDE_TABLE = 5;
    private static final java.util.regex.Pattern DATE = java.util.regex.Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private final ProgressionReport report;
    private final StringBuilder html = new StringBuilder(256 * 1024);

    private HtmlReport(ProgressionReport report) {
        this.report = report;
    }

    static String render(ProgressionReport report) {
        return new HtmlReport(report).page();
    }

    private String page() {
        boolean internal = report.disclosure().threshold() == 0 && report.disclosure().roundingBase() == 1;
        html.append("<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>Progression report: ").append(escape(report.programme())).append(", as of ")
                .append(report.asOf()).append("</title>\n<style>\n").append(CSS).append("</style>\n</head>\n<body>\n");
        html.append("<header><div class=\"wrap\">\n<p class=\"kicker\">QI Pathways progression report</p>\n<h1>")
                .append(escape(report.programme())).append("</h1>\n<p class=\"meta\">As of <strong>").append(report.asOf())
                .append("</strong> &middot; compared with ").append(report.comparedWith()).append(" &middot; <strong>")
                .append(number(report.learners())).append("</strong> learners</p>\n");
        if (report.organisation() != null) {
            html.append("<p class=\"meta\">Organisation: <strong>").append(escape(report.organisation()))
                    .append("</strong>, compared with the whole region</p>\n");
        }
        html.append("<p class=\"meta\">").append(text(report.certificates())).append("</p>\n");
        html.append("</div></header>\n<main class=\"wrap\">\n");

        html.append("<section class=\"disclosure").append(internal ? " internal" : "").append("\" id=\"disclosure\">\n<h2>")
                .append(internal ? "Not for publication: exact counts" : "Disclosure control").append("</h2>\n<p>")
                .append(escape(report.disclosure().method())).append("</p>\n</section>\n");

        cards();
        contents();

        ReportTable funnel = report.table("funnel");
        section(funnel, Charts.funnel(report), null);
        if (report.organisation() != null) {
            section(report.table("compared-with-region"), null, null);
        }
        for (String id : List.of("by-icb", "by-organisation", "funnel-plot", "by-staff-group", "by-band", "time-between-tiers",
                "stalled", "expiring", "certificates")) {
            if (id.equals("funnel-plot")) {
                if (report.tables().stream().anyMatch(t -> t.id().equals(id))) {
                    String svg = FunnelPlotSvg.render(report.funnelPlot());
                    section(report.table(id), svg, svg == null ? "<p class=\"withheld\">Plot withheld: no organisation, or"
                            + " not the region's rate, may be shown.</p>\n" : null);
                }
                continue;
            }
            section(report.table(id), null, null);
        }
        section(report.table("competency-coverage"), report.coverage().isEmpty() ? null : Charts.coverage(report), null);
        section(report.table("achievements-by-month"), null, spcCharts());
        section(report.table("achievements-by-quarter"), null, null);

        html.append("<section id=\"about\">\n<h2>About this report</h2>\n<ul>\n");
        for (String note : report.notes()) {
            html.append("<li>").append(text(note)).append("</li>\n");
        }
        html.append("<li>").append(escape(report.disclosure().method())).append("</li>\n");
        html.append("<li>Each table is also written as a CSV file beside this page; the numbers are the same.</li>\n");
        html.append("<li>Learner ids are used to count and never appear in this report.</li>\n");
        html.append("</ul>\n</section>\n</main>\n<footer class=\"wrap\">Made with QI Pathways (qip report).</footer>\n")
                .append("</body>\n</html>\n");
        return html.toString();
    }

    /** Headline figures: learners holding each tier, and a year before. */
    private void cards() {
        html.append("<section class=\"cards\" aria-label=\"Headline figures\">\n");
        for (ProgressionReport.FunnelBar bar : report.funnel()) {
            html.append("<div class=\"card\"><p class=\"label\">").append(escape(bar.tier())).append(" held</p><p class=\"big\">")
                    .append(bar.now() == null ? Disclosure.WITHHELD : number(bar.now().toString()))
                    .append("</p><p class=\"sub\">a year earlier: ")
                    .append(bar.yearAgo() == null ? Disclosure.WITHHELD : number(bar.yearAgo().toString()))
                    .append("</p></div>\n");
        }
        html.append("</section>\n");
    }

    private void contents() {
        html.append("<nav aria-label=\"Contents\"><ul>\n");
        for (ReportTable t : report.tables()) {
            html.append("<li><a href=\"#").append(escape(t.id())).append("\">").append(escape(t.title())).append("</a></li>\n");
        }
        html.append("<li><a href=\"#about\">About this report</a></li>\n</ul></nav>\n");
    }

    private String spcCharts() {
        StringBuilder sb = new StringBuilder();
        sb.append("<p class=\"legend\">Read as an XmR chart: the solid line is the mean, the dashed lines the natural"
                + " process limits. Grey points show common-cause variation; <span class=\"improve\">blue</span>"
                + " points special-cause variation upwards (more achievements), <span class=\"concern\">orange</span>"
                + " points special-cause variation downwards. Special causes: a point outside the limits; "
                + org.qipathways.report.Xmr.SHIFT_LENGTH + " or more points in a row on one side of the mean; "
                + org.qipathways.report.Xmr.TREND_LENGTH + " or more points in a row rising or falling; two of three"
                + " points close to a limit.</p>\n");
        int i = 0;
        for (ProgressionReport.MonthlySeries s : report.achievements()) {
            sb.append("<h3>").append(escape(s.tier())).append(s.charted() ? ", by " + s.period().word() : "").append("</h3>\n");
            if (!s.charted()) {
                sb.append("<p class=\"withheld\">").append(text(s.note())).append("</p>\n");
            } else {
                sb.append("<p class=\"period\">").append(text(s.note())).append("</p>\n");
                sb.append("<div class=\"chart\">").append(s.xmr() != null ? Charts.spc(s, i) : Charts.run(s, i)).append("</div>\n");
            }
            i++;
        }
        return sb.toString();
    }

    private void section(ReportTable table, String chartSvg, String extraHtml) {
        html.append("<section id=\"").append(escape(table.id())).append("\">\n<h2>").append(escape(table.title()))
                .append("</h2>\n<p class=\"desc\">").append(text(table.description())).append("</p>\n");
        if (chartSvg != null) {
            html.append("<div class=\"chart\">").append(chartSvg).append("</div>\n");
        }
        if (extraHtml != null) {
            html.append(extraHtml);
        }
        boolean fold = FOLDED.contains(table.id());
        // One organisation's report is read for its place among the others: that table starts open.
        boolean open = table.id().equals("by-organisation") && report.organisation() != null;
        if (fold) {
            html.append(open ? "<details open>" : "<details>").append("<summary>The table (").append(table.rows().size()).append(" rows)</summary>\n");
        }
        table(table);
        if (fold) {
            html.append("</details>\n");
        }
        html.append("<p class=\"csv\">As CSV: <a href=\"").append(escape(table.id())).append(".csv\">")
                .append(escape(table.id())).append(".csv</a></p>\n</section>\n");
    }

    private void table(ReportTable table) {
        if (table.columns().size() >= WIDE_TABLE) {
            // Shown on a narrow screen only (CSS), where such a table is wider than the page.
            html.append("<p class=\"hint\" aria-hidden=\"true\">Scroll the table sideways for all ")
                    .append(table.columns().size()).append(" columns &rarr;</p>\n");
        }
        html.append("<div class=\"scroll\" tabindex=\"0\" role=\"region\" aria-label=\"")
                .append(escape(table.title())).append(", table\"><table>\n<thead>");
        header(table.columns());
        html.append("</thead>\n<tbody>\n");
        if (table.rows().isEmpty()) {
            html.append("<tr><td colspan=\"").append(table.columns().size()).append("\">None.</td></tr>\n");
        }
        for (ReportTable.Row row : table.rows()) {
            html.append(row.total() ? "<tr class=\"total\">" : "<tr>");
            for (int i = 0; i < row.cells().size(); i++) {
                boolean numeric = table.columns().get(i).numeric();
                String cell = row.cells().get(i);
                String cls = numeric ? " class=\"num\"" : DATE.matcher(cell).matches() ? " class=\"date\"" : "";
                html.append("<td").append(cls).append('>').append(numeric ? number(cell) : escape(cell)).append("</td>");
            }
            html.append("</tr>\n");
        }
        html.append("</tbody>\n</table></div>\n");
    }

    /**
     * The header: one row, or two when columns are grouped (the group's heading spanning its
     * columns above their own headings; ungrouped headings span both rows).
     */
    private void header(List<ReportTable.Column> columns) {
        boolean grouped = columns.stream().anyMatch(c -> c.group() != null);
        html.append("<tr>");
        for (int i = 0; i < columns.size(); i++) {
            ReportTable.Column c = columns.get(i);
            String cls = c.numeric() ? " class=\"num\"" : "";
            if (c.group() == null) {
                html.append("<th").append(cls).append(grouped ? " rowspan=\"2\"" : "").append('>').append(escape(c.name()))
                        .append("</th>");
                continue;
            }
            int span = 1;
            while (i + span < columns.size() && c.group().equals(columns.get(i + span).group())) {
                span++;
            }
            html.append("<th class=\"group\" colspan=\"").append(span).append("\">").append(escape(c.group())).append("</th>");
            i += span - 1;
        }
        html.append("</tr>\n");
        if (grouped) {
            html.append("<tr>");
            for (ReportTable.Column c : columns) {
                if (c.group() != null) {
                    html.append("<th class=\"num sub\">").append(escape(capitalised(c.name()))).append("</th>");
                }
            }
            html.append("</tr>\n");
        }
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** A whole number with thousands separators; anything else escaped as it is. */
    static String number(String cell) {
        if (cell.matches("\\d{4,}")) {
            StringBuilder sb = new StringBuilder(cell);
            for (int i = sb.length() - 3; i > 0; i -= 3) {
                sb.insert(i, ',');
            }
            return sb.toString();
        }
        return escape(cell);
    }

    /** Running text as HTML character data, each date in it kept on one line. */
    static String text(String s) {
        return DATE.matcher(escape(s)).replaceAll("<span class=\"nowrap\">$0</span>");
    }

    /** Text as HTML character data or a quoted attribute value. */
    static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    // NHS identity colours; Arial first, as NHS digital services fall back to it; local fonts only.
    private static final String CSS = """
            *{box-sizing:border-box}
            body{margin:0;font-family:Arial,"Helvetica Neue",Helvetica,sans-serif;color:#212b32;background:#f0f4f5;line-height:1.45;font-size:16px}
            .wrap{max-width:1180px;margin:0 auto;padding:0 24px}
            header{background:#005eb8;color:#fff;padding:18px 0 14px}
            header h1{margin:2px 0 4px;font-size:28px;line-height:1.2}
            .kicker{margin:0;font-size:14px;letter-spacing:.02em;opacity:.9}
            .meta{margin:0;font-size:16px}
            section{background:#fff;margin:16px 0;padding:16px 20px;border-radius:4px}
            h2{font-size:22px;margin:0 0 6px}
            h3{font-size:18px;margin:18px 0 4px}
            .desc,.legend{margin:0 0 10px;color:#4c6272;max-width:900px}
            .disclosure{border-left:8px solid #005eb8;padding:10px 16px}
            .disclosure h2{font-size:17px;margin:0 0 2px}
            .disclosure p{margin:0}
            .disclosure.internal{border-left-color:#d5281b;background:#fdecea}
            .cards{display:flex;gap:12px;background:none;padding:0;margin:12px 0}
            .card{flex:1;background:#fff;border-radius:4px;padding:10px 16px;border-top:4px solid #005eb8}
            .card p{margin:0}
            .card .label{font-size:15px;color:#4c6272}
            .card .big{font-size:34px;font-weight:bold;line-height:1.2}
            .card .sub{font-size:14px;color:#4c6272}
            nav{background:#fff;border-radius:4px;padding:8px 20px;font-size:14px}
            nav ul{margin:0;padding:0;list-style:none;display:flex;flex-wrap:wrap;gap:4px 18px}
            a{color:#005eb8}
            .chart svg{max-width:100%;height:auto;display:block}
            .chart svg.narrow{display:none}
            .scroll{overflow-x:auto;background:linear-gradient(to right,#fff 30%,rgba(255,255,255,0)) left/40px 100% no-repeat local,linear-gradient(to left,#fff 30%,rgba(255,255,255,0)) right/40px 100% no-repeat local,radial-gradient(farthest-side at 0 50%,rgba(33,43,50,.25),rgba(33,43,50,0)) left/14px 100% no-repeat scroll,radial-gradient(farthest-side at 100% 50%,rgba(33,43,50,.25),rgba(33,43,50,0)) right/14px 100% no-repeat scroll}
            .scroll:focus{outline:2px solid #ffeb3b}
            .hint{display:none;margin:4px 0 0;font-size:13px;color:#4c6272}
            table{border-collapse:collapse;font-size:14px;margin:6px 0}
            th,td{padding:4px 10px;border-bottom:1px solid #d8dde0;text-align:left;vertical-align:top}
            th{background:#f0f4f5;font-weight:bold;vertical-align:bottom}
            th.group{text-align:center;border-bottom:2px solid #768692}
            th.sub{font-weight:normal;font-size:13px}
            td:first-child{min-width:9em}
            td{min-width:10em}
            td.num{min-width:0}
            td.date,.nowrap{white-space:nowrap;min-width:0}
            .num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
            tr.total td{font-weight:bold;border-top:2px solid #768692}
            details summary{cursor:pointer;color:#005eb8;margin:6px 0}
            .csv{font-size:13px;color:#4c6272;margin:6px 0 0}
            .withheld{color:#4c6272;font-style:italic}
            .period{color:#4c6272;margin:0 0 4px;max-width:900px}
            .improve{color:#0072c6;font-weight:bold}
            .concern{color:#b35c00;font-weight:bold}
            footer{color:#4c6272;font-size:13px;padding-bottom:24px}
            @media (max-width:860px){.chart svg.wide{display:none}.chart svg.narrow{display:block}
            #funnel-plot .chart{overflow-x:auto}#chart-funnel-plot{min-width:760px;max-width:none}}
            @media (max-width:600px){
            .wrap{padding:0 8px}
            section{padding:12px 10px;margin:10px 0}
            header h1{font-size:24px}
            .cards{flex-wrap:wrap}
            .card{flex:1 1 8em}
            .hint{display:block}
            }
            """;
}
