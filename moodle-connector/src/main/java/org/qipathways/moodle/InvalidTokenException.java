package org.qipathways.moodle;

/**
 * The site does not know the token (errorcode {@code invalidtoken}).
 * <pre>{@code
 * InvalidTokenException e = ...; e.errorcode();   // "invalidtoken"
 * }</pre>
 */
public class InvalidTokenException extends MoodleErrorException {
    private static final long serialVersionUID = 1L;

    InvalidTokenException(Reply reply, String hint) {
        super(reply, hint);
    }
}
