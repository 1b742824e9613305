package org.qipathways.moodle;

/**
 * Moodle's reply does not account for every item sent: fewer results than items, or results for
 * other items. The usual cause is PHP dropping form variables past the site's
 * {@code max_input_vars}, which Moodle cannot notice; some items may have been applied, so read
 * back what exists before sending again.
 * <pre>{@code
 * catch (IncompleteReplyException e) {
 *     e.sent();        // 150
 *     e.accounted();   // 142
 * }
 * }</pre>
 */
public class IncompleteReplyException extends MoodleReplyException {
    private static final long serialVersionUID = 1L;

    private final int sent;
    private final int accounted;

    IncompleteReplyException(String function, String message, int sent, int accounted) {
        super(function, message, null);
        this.sent = sent;
        this.accounted = accounted;
    }

    /** Items sent in the request. */
    public int sent() {
        return sent;
    }

    /** Items the reply accounted for, in order, before the first mismatch. */
    public int accounted() {
        return accounted;
    }
}
