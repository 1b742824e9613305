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

        /** The table holding this row, so a change inside a transaction can be undone; null while detached. */
        private transient Table owner;

        @Override
        public Object put(String column, Object value) {
            if (owner == null) {
                return super.put(column, value);
            }
            owner.changing(this);
            Object before = super.put(column, value);
            owner.reindex(this, column, before, value);
            return before;
        }

        @Override
        public Object remove(Object column) {
            if (owner == null) {
                return super.remove(column);
            }
            owner.changing(this);
            Object before = super.remove(column);
            owner.reindex(this, (String) column, before, null);
            return before;
        }

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
        private static final Row INSERTED = new Row();

        private final String name;
        private long next = 1;
        private Map<Long, Row> rows = new TreeMap<>();
        /** Inside a transaction: each touched row as it was before (INSERTED for new rows); null outside. */
        private Map<Long, Row> undo;

        Table(String name) {
            this.name = name;
        }

        /**
         * Rows by the text of one column's value (or of its lower case), per column asked about, each
         * list in id order. Kept up to date on every insert, change and delete (handlers look rows up
         * while they write, e.g. a user's enrolments while enrolling a thousand users), rebuilt only
         * after a rollback.
         */
        private final Map<String, Index> indexes = new java.util.HashMap<>();

        private final class Index {
            final String column;
            final boolean folded;
            final Map<String, List<Row>> rows = new java.util.HashMap<>();

            Index(String column, boolean folded) {
                this.column = column;
                this.folded = folded;
                for (Row r : Table.this.rows.values()) {
                    add(r);
                }
            }

            String key(Object value) {
                String text = String.valueOf(value);
                return folded ? text.toLowerCase(java.util.Locale.ROOT) : text;
            }

            List<Row> get(Object value) {
                return List.copyOf(rows.getOrDefault(key(value), List.of()));
            }

            void add(Row r) {
                List<Row> list = rows.computeIfAbsent(key(r.get(column)), k -> new ArrayList<>());
                // rows mostly arrive in id order, so this is usually an append
                int i = list.size();
                while (i > 0 && list.get(i - 1).id() > r.id()) {
                    i--;
                }
                list.add(i, r);
            }

            void remove(Row r, Object value) {
                String key = key(value);
                List<Row> list = rows.get(key);
                if (list == null) {
                    return;
                }
                // by id (the list is in id order), not equals(), which would compare rows column by column
                int lo = 0;
                int hi = list.size() - 1;
                while (lo <= hi) {
                    int mid = (lo + hi) >>> 1;
                    long id = list.get(mid).id();
                    if (id < r.id()) {
                        lo = mid + 1;
                    } else if (id > r.id()) {
                        hi = mid - 1;
                    } else {
                        list.remove(mid);
                        break;
                    }
                }
                if (list.isEmpty()) {
                    rows.remove(key);
                }
            }
        }

        /** The rows whose {@code column} has {@code value} (compared as text), in id order, through an index. */
        public List<Row> whereEquals(String column, Object value) {
            return indexes.computeIfAbsent(column, c -> new Index(c, false)).get(value);
        }

        /** The rows whose {@code column} has {@code value} compared as text ignoring case, as MySQL compares by default. */
        public List<Row> whereEqualsIgnoringCase(String column, Object value) {
            return indexes.computeIfAbsent("lower(" + column + ")", c -> new Index(column, true)).get(value);
        }

        void changing(Row r) {
            if (undo != null && rows.get(r.id()) == r) {
                undo.computeIfAbsent(r.id(), id -> r.copy());
            }
        }

        /** Moves a row whose {@code column} changed from {@code before} to {@code after} within that column's indexes. */
        void reindex(Row r, String column, Object before, Object after) {
            if (rows.get(r.id()) != r) {
                return;
            }
            for (Index index : indexes.values()) {
                if (index.column.equals(column) && !index.key(before).equals(index.key(after))) {
                    index.remove(r, before);
                    index.add(r);
                }
            }
        }

        private void add(long id, Row r) {
            if (undo != null) {
                undo.putIfAbsent(id, INSERTED);
            }
            r.owner = this;
            rows.put(id, r);
            indexes.values().forEach(index -> index.add(r));
        }

        private void removing(Row r) {
            if (undo != null) {
                undo.computeIfAbsent(r.id(), id -> r.copy());
            }
            indexes.values().forEach(index -> index.remove(r, r.get(index.column)));
            r.owner = null;
        }

        void begin() {
            undo = new java.util.HashMap<>();
        }

        void commit() {
            undo = null;
        }

        void rollback() {
            indexes.clear();
            Map<Long, Row> u = undo;
            undo = null;
            u.forEach((id, before) -> {
                Row now = rows.remove(id);
                if (now != null) {
                    now.owner = null;
                }
                if (before != INSERTED) {
                    before.owner = this;
                    rows.put(id, before);
                }
            });
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
            add(id, r);
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
            add(id, r);
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
            Row r = rows.get(id);
            if (r != null) {
                removing(r);
                rows.remove(id);
            }
        }

        public void deleteWhere(Predicate<Row> p) {
            rows.values().removeIf(r -> {
                if (p.test(r)) {
                    removing(r);
                    return true;
                }
                return false;
            });
        }

        public int size() {
            return rows.size();
        }

    }

    private final Map<String, Table> tables = new LinkedHashMap<>();

    private boolean inTransaction;

    /** The table called {@code name}, created empty on first use (inside a transaction, already journalling). */
    public synchronized Table table(String name) {
        return tables.computeIfAbsent(name, n -> {
            Table t = new Table(n);
            if (inTransaction) {
                t.begin();
            }
            return t;
        });
    }

    /**
     * Runs {@code work} as one delegated transaction: if it throws, every table is as before
     * (sequences excepted, as in a real database).
     */
    public synchronized <T> T atomically(Supplier<T> work) {
        // an undo log of the rows touched, not a copy of every table: sites hold tens of thousands of rows
        if (inTransaction) {
            return work.get();
        }
        inTransaction = true;
        tables.values().forEach(Table::begin);
        try {
            T result = work.get();
            tables.values().forEach(Table::commit);
            return result;
        } catch (RuntimeException e) {
            tables.values().forEach(Table::rollback);
            throw e;
        } finally {
            inTransaction = false;
        }
    }
}
