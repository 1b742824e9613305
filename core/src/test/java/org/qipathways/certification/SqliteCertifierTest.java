package org.qipathways.certification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qipathways.certification.jdbc.JdbcCertificateRegister;

/** The certifier and the register on SQLite, the embedded default. */
class SqliteCertifierTest extends CertifierContract {

    @TempDir
    Path dir;

    @Override
    Database newDatabase() {
        return Database.sqlite(dir);
    }

    @Test
    void readingARegisterThatIsNotThereSaysSoAndCreatesNoFile() {
        Path typo = dir.resolve("regsiter.db");
        assertThatThrownBy(() -> JdbcCertificateRegister.openForReading("jdbc:sqlite:" + typo))
                .isInstanceOf(RegisterException.class)
                .hasMessageContaining("cannot read the certificate register jdbc:sqlite:" + typo)
                .hasMessageContaining("there is no file " + typo)
                .hasMessageContaining("never creates one");
        assertThat(typo).doesNotExist();
        assertThatThrownBy(() -> JdbcCertificateRegister.openForReading("jdbc:sqlite:" + dir))
                .hasMessageContaining("it is a directory");
    }

    @Test
    void readingADatabaseThatIsNotARegisterIsRefused() throws SQLException {
        Path other = dir.resolve("other.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + other); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE notes (t TEXT)");
        }
        assertThatThrownBy(() -> JdbcCertificateRegister.openForReading("jdbc:sqlite:" + other))
                .isInstanceOf(RegisterException.class).hasMessageContaining("is not a certificate register");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + other); Statement s = c.createStatement()) {
            assertThat(s.executeQuery("SELECT COUNT(*) FROM sqlite_master WHERE name = 'certificate'").getInt(1))
                    .as("and made none of it").isZero();
        }
    }

    @Test
    void theFileOfASqliteUrlIsFoundWithOrWithoutOptions() throws Exception {
        Path file = dir.resolve("r.db");
        JdbcCertificateRegister.open("jdbc:sqlite:" + file).close();
        try (JdbcCertificateRegister r = JdbcCertificateRegister.openForReading("jdbc:sqlite:file:" + file + "?busy_timeout=100")) {
            assertThat(r.schemaVersion()).isEqualTo(2);
        }
        assertThat(Files.size(file)).isPositive();
    }
}
