package org.qipathways.moodle;

/**
 * The token may not do this: the function is not in its service, the token expired, its user is suspended, has not accepted the site policy, or cannot enter the target (errorcode {@code accessexception}, {@code wsaccessuser*}, {@code sitepolicynotagreed}, {@code requireloginerror} and others).
 * <pre>{@code
 * e.errorcode();   // "accessexception"
 * }</pre>
 */
public class MoodleAccessException extends MoodleErrorException {
    private static final long serialVersionUID = 1L;

    MoodleAccessException(Reply reply, String hint) {
        super(reply, hint);
    }
}
