package org.qipathways.samples.cli;

import org.qipathways.certification.RegisterException;
import org.qipathways.certification.jdbc.JdbcCertificateRegister;

/**
 * Opens the certificate register named by a {@code --register} option: a JDBC URL
 * ({@code jdbc:sqlite:FILE}, {@code jdbc:postgresql://HOST/DB?user=...}), or a plain file name, which
 * means a SQLite file.
 * <pre>{@code
 * try (JdbcCertificateRegister register = RegisterOption.open(url)) { ... }            // certify, revoke
 * try (JdbcCertificateRegister register = RegisterOption.openForReading(url)) { ... }  // verify, status-list
 * }</pre>
 */
final class RegisterOption {

    static final String DESCRIPTION = "The certificate register: a JDBC URL, jdbc:sqlite:FILE (created if missing) or"
            + " jdbc:postgresql://HOST[:PORT]/DB?user=U&password=P; a plain file name means a SQLite file.";

    /** For commands that only read: the register must exist. */
    static final String READ_DESCRIPTION = "The certificate register: a JDBC URL, jdbc:sqlite:FILE (which must exist:"
            + " it is never created) or jdbc:postgresql://HOST[:PORT]/DB?user=U&password=P; a plain file name means a SQLite file.";

    private RegisterOption() {
    }

    /** The register; a bad URL is bad input (exit 2), a database that cannot be reached a failure (exit 1). */
    static JdbcCertificateRegister open(String register) {
        try {
            return JdbcCertificateRegister.open(url(register));
        } catch (RegisterException e) {
            boolean usage = e.getMessage().contains("no JDBC driver") || e.getMessage().contains("use SQLite or PostgreSQL");
            throw usage ? QipException.badInput(e.getMessage(), e) : QipException.failed(e.getMessage(), e);
        }
    }

    /**
     * An existing register, read as it is: nothing is created, migrated or written. Any failure is bad
     * input (exit 2): a command that checks against the register must not look as if it had checked.
     */
    static JdbcCertificateRegister openForReading(String register) {
        try {
            return JdbcCertificateRegister.openForReading(url(register));
        } catch (RegisterException e) {
            throw QipException.badInput(e.getMessage(), e);
        }
    }

    private static String url(String register) {
        return register.startsWith("jdbc:") ? register : "jdbc:sqlite:" + register;
    }
}
