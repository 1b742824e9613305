package org.qipathways.certification.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/** What differs between the databases the register supports: transactions, locks, errors, migrations. */
enum Dialect {
    SQLITE("sqlite") {
        @Override
        void prepare(Connection c, boolean readOnly) throws SQLException {
            try (Statement s = c.createStatement()) {
                // WAL lets readers go on while one run writes; the busy timeout makes a second writer wait
                // for the first instead of failing at once. Choosing the journal mode is a write: a reader
                // takes the database as it is.
                if (!readOnly) {
                    s.execute("PRAGMA journal_mode=WAL");
                }
                s.execute("PRAGMA busy_timeout=" + BUSY_TIMEOUT_MS);
                s.execute("PRAGMA foreign_keys=ON");
            }
        }

        @Override
        void begin(Connection c) throws SQLException {
            // IMMEDIATE takes the write lock at the start, so a transaction never fails half way to
            // upgrade a read lock while another run writes; the busy timeout makes it wait its turn.
            try (Statement s = c.createStatement()) {
                s.execute("BEGIN IMMEDIATE");
            }
        }

        @Override
        void commit(Connection c) throws SQLException {
            try (Statement s = c.createStatement()) {
                s.execute("COMMIT");
            }
        }

        @Override
        void rollback(Connection c) throws SQLException {
            try (Statement s = c.createStatement()) {
                s.execute("ROLLBACK");
            } catch (SQLException e) {
                if (!String.valueOf(e.getMessage()).contains("no transaction is active")) {
                    throw e;
                }
            }
        }

        @Override
        void lockForMigration(Connection c) {
            // BEGIN IMMEDIATE already holds the database's write lock.
        }

        @Override
        String schemaVersionTable() {
            return "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL PRIMARY KEY,"
                    + " description VARCHAR(200) NOT NULL, applied_at VARCHAR(40) NOT NULL DEFAULT CURRENT_TIMESTAMP)";
        }

        @Override
        boolean isUniqueViolation(SQLException e) {
            // SQLITE_CONSTRAINT_PRIMARYKEY (1555) and SQLITE_CONSTRAINT_UNIQUE (2067); the driver may report
            // only the primary code SQLITE_CONSTRAINT (19), with the kind in its message
            String m = String.valueOf(e.getMessage());
            return e.getErrorCode() == 1555 || e.getErrorCode() == 2067
                    || m.contains("SQLITE_CONSTRAINT_PRIMARYKEY") || m.contains("SQLITE_CONSTRAINT_UNIQUE")
                    || e.getErrorCode() == 19 && m.contains("UNIQUE constraint failed");
        }
    },

    POSTGRESQL("postgresql") {
        @Override
        void prepare(Connection c, boolean readOnly) {
        }

        @Override
        void begin(Connection c) throws SQLException {
            c.setAutoCommit(false);
        }

        @Override
        void commit(Connection c) throws SQLException {
            c.commit();
            c.setAutoCommit(true);
        }

        @Override
        void rollback(Connection c) throws SQLException {
            if (!c.getAutoCommit()) {
                c.rollback();
                c.setAutoCommit(true);
            }
        }

        @Override
        void lockForMigration(Connection c) throws SQLException {
            // Two runs starting on a new database at once must not both create the tables.
            try (Statement s = c.createStatement()) {
                s.execute("SELECT pg_advisory_xact_lock(" + MIGRATION_LOCK + ")");
            }
        }

        @Override
        String schemaVersionTable() {
            return "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL PRIMARY KEY,"
                    + " description VARCHAR(200) NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP)";
        }

        @Override
        boolean isUniqueViolation(SQLException e) {
            return "23505".equals(e.getSQLState());
        }
    };

    /** How long a SQLite writer waits for another one before giving up. */
    static final int BUSY_TIMEOUT_MS = 60_000;

    /** The PostgreSQL advisory lock that serialises migrations ("qipcert"). */
    static final long MIGRATION_LOCK = 0x7169706365727474L;

    /** The folder of this dialect's migration scripts, beside this class. */
    final String folder;

    Dialect(String folder) {
        this.folder = folder;
    }

    /** Sets up a new connection; {@code readOnly} for one that must not write. */
    abstract void prepare(Connection c, boolean readOnly) throws SQLException;

    /** Starts a write transaction. */
    abstract void begin(Connection c) throws SQLException;

    abstract void commit(Connection c) throws SQLException;

    /** Rolls back the transaction, if one is open. */
    abstract void rollback(Connection c) throws SQLException;

    /** Inside a transaction: waits until no one else migrates. */
    abstract void lockForMigration(Connection c) throws SQLException;

    abstract String schemaVersionTable();

    /** Whether {@code e} (not its chain) says a unique or primary key was violated. */
    abstract boolean isUniqueViolation(SQLException e);

    /** The dialect of a database, from its product name. */
    static Dialect of(String productName) {
        String p = productName.toLowerCase(Locale.ROOT);
        if (p.contains("sqlite")) {
            return SQLITE;
        }
        if (p.contains("postgres")) {
            return POSTGRESQL;
        }
        return null;
    }
}
