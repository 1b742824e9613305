package org.qipathways.moodle;

import java.util.OptionalInt;

/**
 * The site could not be reached, or answered with an HTTP error instead of Moodle's reply: refused
 * or dropped connections, timeouts, certificate problems, redirects and 4xx/5xx statuses.
 * <pre>{@code
 * catch (MoodleTransportException e) {
 *     e.httpStatus();   // OptionalInt[503], or empty when no reply came
 *     e.attempts();     // 4: the retries were used up
 * }
 * }</pre>
 */
public class MoodleTransportException extends MoodleException {
    private static final long serialVersionUID = 1L;

    private final Integer httpStatus;
    private final int attempts;

    /** For connectors built on this client; messages must not contain the token. */
    public MoodleTransportException(String function, String message, Throwable cause, Integer httpStatus, int attempts) {
        super(function, message, cause);
        this.httpStatus = httpStatus;
        this.attempts = attempts;
    }

    /** The HTTP status of the last reply, if one came. */
    public OptionalInt httpStatus() {
        return httpStatus == null ? OptionalInt.empty() : OptionalInt.of(httpStatus);
    }

    /** How many times the request was sent (or tried to be). */
    public int attempts() {
        return attempts;
    }
}
