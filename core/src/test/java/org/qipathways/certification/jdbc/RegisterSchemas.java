package org.qipathways.certification.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/** Registers as an earlier version of the library left them, to test the migrations from them. */
public final class RegisterSchemas {
    private RegisterSchemas() {
    }

    /** Creates the register's tables as they were at schema {@code version}, as that version's library did. */
    public static void createAtVersion(Connection c, int version) throws SQLException {
        Dialect dialect = Dialect.of(c.getMetaData().getDatabaseProductName());
        try (Statement s = c.createStatement()) {
            s.execute(dialect.schemaVersionTable());
        }
        for (int v = 1; v <= version; v++) {
            String script = Migrations.MIGRATIONS.get(v - 1);
            for (String sql : Migrations.statements(Migrations.read(dialect.folder + "/" + script))) {
                try (Statement s = c.createStatement()) {
                    s.execute(sql);
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO schema_version (version, description) VALUES (?, ?)")) {
                ps.setInt(1, v);
                ps.setString(2, script);
                ps.executeUpdate();
            }
        }
    }

    /** The schema version this library migrates registers to. */
    public static int current() {
        return Migrations.MIGRATIONS.size();
    }
}
