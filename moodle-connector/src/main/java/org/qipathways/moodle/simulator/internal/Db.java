package org.qipathways.moodle.simulator.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The simulator's tables, named as Moodle's ({@code user}, {@code course}, {@code cohort_members}...).
 * Ids come from a per-table sequence that starts at 1 and never goes back, as in MySQL and
 * PostgreSQL: a rolled-back insert still uses up its id.
 */
public final class Db {

    /** A row: column name to value (Long, Boolean, Double or String). */
    public static final class Row extends LinkedHashMap<String, Object> {
        private static final long serialVersionUID = 1L;

        public long id() {
            return (Long) get("id");
        }

        public long num(String column) {
            Object v = get(column);
            return v == null ? 0 : ((Number) v).longValue();
        }

        public String str(String column) {
            Object v = get(column);
            return v == null ? null : String.valueOf(v);
        }

        public boolean flag(String column) {
            Object v = get(column);
            return v instanceof Boolean b ? b : v instanceof Number n && n.longValue() != 0;
        }

        Row copy() {
            Row r = new Row();
            r.putAll(this);
            return r;
        }
    }

    /** One table with its id sequence. */
    public static final class Table {
        private final String name;
        private long next = 1;
        private Map<Long, Row> rows = new TreeMap<>();

        Table(String name) {
            this.name = name;
        }

        public String name() {
            return name;
        }

        /** Inserts a row from alternating column names and values; returns the new id. */
        public long insert(Object... columnsAndValues) {
            Row r = new Row();
            long id = next++;
            r.put("id", id);
            for (int i = 0; i < columnsAndValues.length; i += 2) {
                r.put((String) columnsAndValues[i], columnsAndValues[i + 1]);
            }
            rows.put(id, r);
            return id;
        }

        /** Inserts a row built by the caller; returns the new id. */
        public long insert(Map<String, Object> values) {
            Row r = new Row();
            long id = next++;
            r.put("id", id);
            values.forEach((k, v) -> {
                if (!k.equals("id")) {
                    r.put(k, v);
                }
            });
            rows.put(id, r);
            return id;
        }

        public Optional<Row> get(long id) {
            return Optional.ofNullable(rows.get(id));
        }

        /** The row, or Moodle's {@code dml_missing_record_exception} for this table. */
        public Row mustGet(long id) {
            Row r = rows.get(id);
            if (r == null) {
                throw WsError.missingRecord(name);
            }
            return r;
        }

        public List<Row> all() {
            return new ArrayList<>(rows.values());
        }

        public List<Row> where(Predicate<Row> p) {
            List<Row> out = new ArrayList<>();
            for (Row r : rows.values()) {
                if (p.test(r)) {
                    out.add(r);
                }
            }
            return out;
        }

        public Optional<Row> first(Predicate<Row> p) {
            return rows.values().stream().filter(p).findFirst();
        }

        public boolean exists(Predicate<Row> p) {
            return rows.values().stream().anyMatch(p);
        }

        public void delete(long id) {
            rows.remove(id);
        }

        public void deleteWhere(Predicate<Row> p) {
            rows.values().removeIf(p);
        }

        public int size() {
            return rows.size();
        }

        Map<Long, Row> snapshot() {
            Map<Long, Row> copy = new TreeMap<>();
            rows.forEach((id, r) -> copy.put(id, r.copy()));
            return copy;
        }

        void restore(Map<Long, Row> snapshot) {
            rows = snapshot;
        }
    }

    private final Map<String, Table> tables = new LinkedHashMap<>();

    /** The table called {@code name}, created empty on first use. */
    public synchronized Table table(String name) {
        return tables.computeIfAbsent(name, Table::new);
    }

    /**
     * Runs {@code work} as one delegated transaction: if it throws, every table is as before
     * (sequences excepted, as in a real database).
     */
    public synchronized <T> T atomically(Supplier<T> work) {
        Map<String, Map<Long, Row>> before = new LinkedHashMap<>();
        tables.forEach((name, t) -> before.put(name, t.snapshot()));
        try {
            return work.get();
        } catch (RuntimeException e) {
            tables.forEach((name, t) -> t.restore(before.getOrDefault(name, new TreeMap<>())));
            throw e;
        }
    }
}
