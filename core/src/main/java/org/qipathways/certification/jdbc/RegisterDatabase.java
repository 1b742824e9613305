package org.qipathways.certification.jdbc;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.qipathways.certification.RegisterException;

/**
 * The register's one connection with what every table of it needs: transactions in the database's
 * {@link Dialect}, the register's name for messages (never a password), whether it was opened only
 * to read, and errors that say which register failed and at what.
 */
final class RegisterDatabase {

    final Connection connection;
    final Dialect dialect;
    final String name;
    /** Opened for reading: nothing is migrated or written, and a missing file is not created. */
    final boolean readOnly;

    RegisterDatabase(Connection connection, Dialect dialect, String name, boolean readOnly) {
        this.connection = connection;
        this.dialect = dialect;
        this.name = name;
        this.readOnly = readOnly;
    }

    void begin() throws SQLException {
        dialect.begin(connection);
    }

    void commit() throws SQLException {
        dialect.commit(connection);
    }

    /** Rolls back, keeping a failure to do so with {@code cause} rather than hiding it. */
    void rollbackQuietly(Exception cause) {
        try {
            dialect.rollback(connection);
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    void requireWritable(String what) {
        if (readOnly) {
            throw new RegisterException("certificate register " + name + " was opened for reading: cannot " + what, null);
        }
    }

    /** The schema version the database is at. */
    int schemaVersion() {
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(version), 0) FROM schema_version")) {
            rs.next();
            return rs.getInt(1);
        } catch (SQLException e) {
            throw failed("read the schema version", e);
        }
    }

    /** Whether {@code e}, or an exception chained to it, is the database refusing a duplicate key. */
    boolean isUniqueViolation(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s) {
                for (SQLException n = s; n != null; n = n.getNextException()) {
                    if (dialect.isUniqueViolation(n)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    RegisterException failed(String what, SQLException e) {
        return new RegisterException("certificate register " + name + ": cannot " + what + ": " + e.getMessage(), e);
    }
}
