package org.qipathways.moodle;

/**
 * A reply longer than {@link MoodleConfig#maxReplyBytes()}: refused before it fills memory. For a
 * bundle of reads the client sends the calls again in smaller bundles; a single call's reply this
 * large reaches the caller.
 * <pre>{@code
 * catch (ReplyTooLargeException e) {
 *     e.limit();   // 16777216
 * }
 * }</pre>
 */
public final class ReplyTooLargeException extends MoodleReplyException {
    private static final long serialVersionUID = 1L;
    private final long limit;

    /** For connectors built on this client; messages must not contain the token. */
    public ReplyTooLargeException(String function, String message, long limit) {
        super(function, message, null);
        this.limit = limit;
    }

    /** The limit the reply went over, in bytes. */
    public long limit() {
        return limit;
    }
}
