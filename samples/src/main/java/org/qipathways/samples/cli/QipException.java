package org.qipathways.samples.cli;

/**
 * A command stopped for a reason its user can act on; the message is printed as it is, without a
 * stack trace, and the command exits with {@link #exitCode()}.
 * <pre>{@code
 * throw QipException.badInput("cannot read the programme file p.yaml: no such file");
 * }</pre>
 */
final class QipException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int exitCode;

    private QipException(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    /** The input is wrong or missing (exit code 2). */
    static QipException badInput(String message) {
        return new QipException(ExitCodes.BAD_INPUT, message, null);
    }

    /** The input is wrong or unreadable, because of {@code cause} (exit code 2). */
    static QipException badInput(String message, Throwable cause) {
        return new QipException(ExitCodes.BAD_INPUT, message, cause);
    }

    /** The job could not be done (exit code 1). */
    static QipException failed(String message, Throwable cause) {
        return new QipException(ExitCodes.FAILED, message, cause);
    }

    int exitCode() {
        return exitCode;
    }
}
