package org.qipathways.moodle;

import java.util.Optional;

/**
 * Something went wrong talking to Moodle. The subclasses say what: the site could not be reached
 * ({@link MoodleTransportException}), its reply could not be understood ({@link MoodleReplyException}),
 * or Moodle refused the call ({@link MoodleErrorException} and its subclasses, which keep Moodle's
 * {@code errorcode}).
 *
 * <p>Messages name the function, say what happened and what to do; they never contain the token.
 * <pre>{@code
 * try {
 *     client.createUsers(users);
 * } catch (MoodleErrorException e) {
 *     log.warn("{} refused: {}", e.function().orElse("?"), e.errorcode());
 * } catch (MoodleException e) {
 *     log.warn("Moodle unavailable: {}", e.getMessage());
 * }
 * }</pre>
 */
public abstract class MoodleException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String function;
    private volatile int itemsApplied;

    MoodleException(String function, String message, Throwable cause) {
        super(message, cause);
        this.function = function;
    }

    /** The web-service function that failed, when the failure belongs to one. */
    public Optional<String> function() {
        return Optional.ofNullable(function);
    }

    /**
     * For a call that was split into several requests: how many leading items had already been
     * applied by earlier requests when this one failed (0 when the first request failed).
     */
    public int itemsApplied() {
        return itemsApplied;
    }

    void itemsApplied(int n) {
        this.itemsApplied = n;
    }

    @Override
    public String getMessage() {
        String m = super.getMessage();
        return itemsApplied == 0 ? m
                : m + " (the call was split into several requests; the first " + itemsApplied
                        + " items were applied by earlier ones)";
    }
}
