package org.qipathways.report;

import java.util.List;
import java.util.Objects;

/**
 * One table of a progression report, with its cells as they may be published: counts already
 * through the report's {@link Disclosure}, rates and statistics already withheld where they must
 * be. Renderers print the cells as they are; text in them came from input files, so renderers
 * must escape it.
 * <pre>{@code
 * ReportTable funnel = report.table("funnel");
 * funnel.columns().get(0).heading();     // "Tier"
 * funnel.rows().get(0).cells().get(0);   // "Bronze"
 * }</pre>
 *
 * @param id          a short name, also the CSV file's name without {@code .csv}
 * @param title       the table's heading
 * @param description what the table shows and how it is counted, in a sentence or two
 * @param columns     the columns, in order
 * @param rows        the rows, in order
 */
public record ReportTable(String id, String title, String description, List<Column> columns, List<Row> rows) {

    /**
     * A column, perhaps one of a group under a shared heading (e.g. the columns of one tier).
     *
     * @param group   the shared heading of neighbouring columns, e.g. {@code Bronze}; {@code null} when none
     * @param name    its own heading, e.g. {@code achieved}
     * @param numeric whether it holds numbers (counts, rates, days) rather than labels
     */
    public record Column(String group, String name, boolean numeric) {
        public Column {
            Objects.requireNonNull(name, "name");
        }

        /** The full heading, as a CSV header names the column: the group's heading, then the column's own. */
        public String heading() {
            return group == null ? name : group + " " + name;
        }
    }

    /**
     * A row.
     *
     * @param cells one per column
     * @param total whether it is a total (or subtotal) row
     */
    public record Row(List<String> cells, boolean total) {
        public Row {
            cells = List.copyOf(cells);
        }
    }

    public ReportTable {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(description, "description");
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
        for (Row r : rows) {
            if (r.cells().size() != columns.size()) {
                throw new IllegalArgumentException("table " + id + ": a row has " + r.cells().size() + " cells for "
                        + columns.size() + " columns");
            }
        }
    }
}
