package org.qipathways.moodle;

/**
 * The site answered, but not with a reply Moodle's REST server would give: an HTML page, PHP
 * warnings around the JSON, cut-off JSON, an empty body (web services or the REST protocol switched
 * off), or JSON of the wrong shape.
 * <pre>{@code
 * catch (MoodleReplyException e) {
 *     e.getMessage();   // "core_user_create_users: the site answered with an HTML page (title: 'Error'), not JSON ..."
 * }
 * }</pre>
 */
public class MoodleReplyException extends MoodleException {
    private static final long serialVersionUID = 1L;

    /** For connectors built on this client; messages must not contain the token. */
    public MoodleReplyException(String function, String message, Throwable cause) {
        super(function, message, cause);
    }
}
