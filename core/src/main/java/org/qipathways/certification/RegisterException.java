package org.qipathways.certification;

/**
 * The certificate register could not do what was asked: it cannot be reached or opened, its schema
 * is newer than this library, or a write failed (and was rolled back).
 * <pre>{@code
 * try (CertificateRegister register = JdbcCertificateRegister.open("jdbc:sqlite:register.db")) {
 *     ...
 * } catch (RegisterException e) {
 *     log.error("certificates not updated: {}", e.getMessage());
 * }
 * }</pre>
 */
public class RegisterException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** A failure described by {@code message}. */
    public RegisterException(String message, Throwable cause) {
        super(message, cause);
    }
}
