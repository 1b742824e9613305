package org.qipathways.certification;

/**
 * Another writer changed the register first: a certificate to add already exists, or a certificate
 * no longer has the status a change expected. Nothing of the update was written; read again and retry.
 * <pre>{@code
 * try {
 *     register.apply(update);
 * } catch (RegisterConflictException e) {
 *     // reload the learners' certificates, plan again
 * }
 * }</pre>
 */
public class RegisterConflictException extends RegisterException {
    private static final long serialVersionUID = 1L;

    /** A conflict described by {@code message}. */
    public RegisterConflictException(String message, Throwable cause) {
        super(message, cause);
    }
}
