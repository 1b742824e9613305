package org.qipathways.certification;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.qipathways.certification.jdbc.JdbcCertificateRegister;

/** An empty database for one test, on which any number of registers (connections) can be opened. */
interface Database extends AutoCloseable {

    /** The environment variable that names the PostgreSQL server the tests use. */
    String POSTGRES_URL = "QIP_TEST_POSTGRES_URL";

    /** The database's JDBC URL. */
    String url();

    /** A register on a new connection. */
    default JdbcCertificateRegister open() {
        return open(c -> c);
    }

    /** A register on a new connection, passed through {@code wrap} (to make it fail on purpose). */
    default JdbcCertificateRegister open(UnaryOperator<Connection> wrap) {
        return JdbcCertificateRegister.open(url(), () -> wrap.apply(DriverManager.getConnection(url())));
    }

    @Override
    void close();

    /** A new SQLite file in {@code dir}. */
    static Database sqlite(Path dir) {
        String url = "jdbc:sqlite:" + dir.resolve("register-" + UUID.randomUUID() + ".db");
        return new Database() {
            @Override
            public String url() {
                return url;
            }

            @Override
            public void close() {
            }
        };
    }

    /**
     * A new schema on the PostgreSQL server named by {@value #POSTGRES_URL}. Without it the test is
     * skipped, except on CI (CI=true), where it fails: .ci/run must have started a server.
     */
    static Database postgres() {
        String base = System.getenv(POSTGRES_URL);
        if (base == null || base.isBlank()) {
            String why = POSTGRES_URL + " is not set, so there is no PostgreSQL server to test the register on"
                    + " (.ci/run starts one: see .ci/postgres.sh)";
            if ("true".equals(System.getenv("CI"))) {
                Assertions.fail(why + "; on CI the PostgreSQL tests must run");
            }
            Assumptions.abort(why);
        }
        String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
        try (Connection c = DriverManager.getConnection(base); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a schema on " + POSTGRES_URL + ": " + e.getMessage(), e);
        }
        String url = base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        return new Database() {
            @Override
            public String url() {
                return url;
            }

            @Override
            public void close() {
                try (Connection c = DriverManager.getConnection(base); Statement s = c.createStatement()) {
                    s.execute("DROP SCHEMA " + schema + " CASCADE");
                } catch (SQLException e) {
                    throw new IllegalStateException("cannot drop schema " + schema + ": " + e.getMessage(), e);
                }
            }
        };
    }
}
