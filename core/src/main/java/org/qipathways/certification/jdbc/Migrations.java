package org.qipathways.certification.jdbc;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.qipathways.certification.RegisterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The register's schema: the versioned migration scripts beside this class (one folder per
 * {@link Dialect}), applied in order and recorded in {@code schema_version}, and the check a register
 * opened to read passes instead.
 */
final class Migrations {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcCertificateRegister.class);

    /** The migration scripts, in order: script n brings the schema to version n. */
    static final List<String> MIGRATIONS = List.of("V1__certificate_register.sql", "V2__status_list.sql");

    private Migrations() {
    }

    /** Brings the schema to the newest version in one transaction, holding the dialect's migration lock. */
    static void migrate(RegisterDatabase db) throws SQLException {
        db.begin();
        try {
            db.dialect.lockForMigration(db.connection);
            try (Statement s = db.connection.createStatement()) {
                s.execute(db.dialect.schemaVersionTable());
            }
            int current;
            try (Statement s = db.connection.createStatement();
                 ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(version), 0) FROM schema_version")) {
                rs.next();
                current = rs.getInt(1);
            }
            if (current > MIGRATIONS.size()) {
                throw new RegisterException("the certificate register " + db.name + " is at schema version " + current
                        + ", newer than this version of QI Pathways knows (" + MIGRATIONS.size() + "): upgrade it", null);
            }
            for (int v = current + 1; v <= MIGRATIONS.size(); v++) {
                String script = MIGRATIONS.get(v - 1);
                for (String sql : statements(read(db.dialect.folder + "/" + script))) {
                    try (Statement s = db.connection.createStatement()) {
                        s.execute(sql);
                    }
                }
                try (PreparedStatement ps = db.connection.prepareStatement(
                        "INSERT INTO schema_version (version, description) VALUES (?, ?)")) {
                    ps.setInt(1, v);
                    ps.setString(2, script);
                    ps.executeUpdate();
                }
                LOG.info("certificate register {}: schema migrated to version {} ({})", db.name, v, script);
            }
            db.commit();
        } catch (SQLException | RuntimeException e) {
            db.rollbackQuietly(e);
            throw e;
        }
    }

    /** For a register opened to read: that it is one, at a schema version this library knows. */
    static void checkReadable(RegisterDatabase db) throws SQLException {
        boolean known;
        try (ResultSet rs = db.connection.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
            known = false;
            while (rs.next()) {
                known |= "schema_version".equalsIgnoreCase(rs.getString("TABLE_NAME"));
            }
        }
        if (!known) {
            throw new RegisterException("cannot read the certificate register " + db.name
                    + ": it is not a certificate register (it has no schema_version table); check the URL", null);
        }
        int current = db.schemaVersion();
        if (current > MIGRATIONS.size()) {
            throw new RegisterException("the certificate register " + db.name + " is at schema version " + current
                    + ", newer than this version of QI Pathways knows (" + MIGRATIONS.size() + "): upgrade it", null);
        }
    }

    static String read(String resource) {
        try (InputStream in = Migrations.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("migration " + resource + " is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Splits a script into statements: each ends with ';' at the end of a line outside $$ quotes; -- comments dropped. */
    static List<String> statements(String script) {
        List<String> out = new ArrayList<>();
        StringBuilder sb = new StringBuilder();
        boolean dollar = false;
        for (String line : script.split("\r?\n")) {
            String t = line.strip();
            if (!dollar && (t.isEmpty() || t.startsWith("--"))) {
                continue;
            }
            int at = 0;
            while ((at = line.indexOf("$$", at)) >= 0) {
                dollar = !dollar;
                at += 2;
            }
            sb.append(line).append('\n');
            if (!dollar && t.endsWith(";")) {
                String sql = sb.toString().strip();
                out.add(sql.substring(0, sql.length() - 1));
                sb.setLength(0);
            }
        }
        if (!sb.toString().isBlank()) {
            throw new IllegalStateException("migration script ends inside a statement: " + sb);
        }
        return out;
    }
}
