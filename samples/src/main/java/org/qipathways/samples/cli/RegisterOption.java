package org.qipathways.samples.cli;

import org.qipathways.certification.RegisterException;
import org.qipathways.certification.jdbc.JdbcCertificateRegister;

/**
 * Opens the certificate register named by a {@code --register} option: a JDBC URL
 * ({@code jdbc:sqlite:FILE}, {@code jdbc:postgresql://HOST/DB?user=...}), or a plain file name, which
 * means a SQLite file.
 * <pre>{@code
 * try (JdbcCertificateRegister register = RegisterOption.open(url)) { ... }
 * }</pre>
 */
final class RegisterOption {

    static final String DESCRIPTION = "The certificate register: a JDBC URL, jdbc:sqlite:FILE (created if missing) or"
            + " jdbc:postgresql://HOST[:PORT]/DB?user=U&password=P; a plain file name means a SQLite file.";

    private RegisterOption() {
    }

    /** The register; a bad URL is bad input (exit 2), a database that cannot be reached a failure (exit 1). */
    static JdbcCertificateRegister open(String register) {
        String url = register.startsWith("jdbc:") ? register : "jdbc:sqlite:" + register;
        try {
            return JdbcCertificateRegister.open(url);
        } catch (RegisterException e) {
            boolean usage = e.getMessage().contains("no JDBC driver") || e.getMessage().contains("use SQLite or PostgreSQL");
            throw usage ? QipException.badInput(e.getMessage(), e) : QipException.failed(e.getMessage(), e);
        }
    }
}
