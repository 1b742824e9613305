package org.qipathways.samples.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.qipathways.record.SpreadsheetSafe;
import org.qipathways.report.ProgressionReport;
import org.qipathways.report.ReportTable;

/**
 * Writes a {@link ProgressionReport} into a directory: {@value #HTML_FILE}, one self-contained
 * page with the charts as inline SVG (opens offline: no scripts, no external fonts or images),
 * one CSV file per table, and {@value #ABOUT_FILE} with the date and the disclosure method.
 * <pre>{@code
 * ProgressionReport report = ProgressionReport.of(input, Disclosure.NHS_DIGITAL);
 * List<Path> files = ReportWriter.write(report, Path.of("report"));   // report/report.html, report/funnel.csv, ...
 * }</pre>
 *
 * <p>Everything is written to a temporary directory inside the target first and moved into place
 * only when complete, so a failure leaves no half report (and no new directory) behind. Text from
 * input files is escaped in the HTML; in the CSV files, a cell that a spreadsheet would run as a
 * formula (starting with {@code = + - @}, a tab or a carriage return) is prefixed with {@code '},
 * and cells are quoted as RFC 4180 says.
 */
public final class ReportWriter {

    /** The page's file name. */
    public static final String HTML_FILE = "report.html";
    /** The plain-text note beside the tables: date, method, notes. */
    public static final String ABOUT_FILE = "about.txt";

    private ReportWriter() {
    }

    /**
     * Writes the report into {@code dir}, creating it when needed and replacing files of the same
     * names; other files in it are left alone.
     *
     * @return the files written, the page first
     */
    public static List<Path> write(ProgressionReport report, Path dir) throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        files.put(HTML_FILE, HtmlReport.render(report));
        for (ReportTable t : report.tables()) {
            files.put(t.id() + ".csv", csv(t));
        }
        files.put(ABOUT_FILE, about(report));

        boolean existed = Files.isDirectory(dir);
        Files.createDirectories(dir);
        Path tmp = Files.createTempDirectory(dir, ".qip-report-");
        List<Path> written = new ArrayList<>();
        try {
            for (Map.Entry<String, String> f : files.entrySet()) {
                Files.writeString(tmp.resolve(f.getKey()), f.getValue(), StandardCharsets.UTF_8);
            }
            // The page last, so that a page on disk always has its tables beside it.
            List<String> order = new ArrayList<>(files.keySet());
            order.remove(HTML_FILE);
            order.add(HTML_FILE);
            for (String name : order) {
                Files.move(tmp.resolve(name), dir.resolve(name), StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.ATOMIC_MOVE);
            }
            for (String name : files.keySet()) {
                written.add(dir.resolve(name));
            }
        } catch (IOException | RuntimeException e) {
            deleteTree(tmp);
            if (!existed) {
                deleteTree(dir);
            }
            throw e;
        }
        Files.delete(tmp);
        return written;
    }

    /** One table as CSV: a header row, then the rows, CRLF line ends. */
    static String csv(ReportTable table) {
        StringBuilder sb = new StringBuilder(4096);
        List<String> header = table.columns().stream().map(ReportTable.Column::heading).toList();
        line(sb, header);
        for (ReportTable.Row r : table.rows()) {
            line(sb, r.cells());
        }
        return sb.toString();
    }

    private static void line(StringBuilder sb, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(cell(cells.get(i)));
        }
        sb.append("\r\n");
    }

    /**
     * A CSV cell that a spreadsheet shows as text: a leading {@code = + - @}, tab or carriage
     * return (which would start a formula) gets a {@code '} before it, unless the cell is a plain
     * number; then quoted per RFC 4180 when it holds a comma, a quote or a line break.
     */
    static String cell(String value) {
        return SpreadsheetSafe.cell(value);
    }

    private static String about(ProgressionReport report) {
        StringBuilder sb = new StringBuilder();
        sb.append("QI Pathways progression report\n");
        sb.append("Programme: ").append(report.programme()).append('\n');
        sb.append("As of: ").append(report.asOf()).append("; compared with ").append(report.comparedWith()).append('\n');
        sb.append("Learners: ").append(report.learners()).append('\n');
        if (report.organisation() != null) {
            sb.append("Organisation: ").append(report.organisation()).append(", compared with the whole region\n");
        }
        sb.append(report.certificates()).append("\n\n");
        sb.append("Disclosure control: ").append(report.disclosure().method()).append("\n\n");
        for (String note : report.notes()) {
            sb.append("- ").append(note).append('\n');
        }
        sb.append("\nTables:\n");
        for (ReportTable t : report.tables()) {
            sb.append("- ").append(t.id()).append(".csv: ").append(t.title()).append(". ").append(t.description()).append('\n');
        }
        return sb.toString();
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException | UncheckedIOException e) {
            // Best effort: the original failure is the one to report.
        }
    }
}
