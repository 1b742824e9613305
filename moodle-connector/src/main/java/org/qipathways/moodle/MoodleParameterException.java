package org.qipathways.moodle;

/**
 * Moodle rejected a parameter: a type, a missing required field, a duplicate username or e-mail, an invalid competency field (errorcode {@code invalidparameter}, {@code errorinvalidparam}, {@code invalidpersistenterror}, {@code criteriaerror}).
 * <pre>{@code
 * e.debugInfo();   // Optional[users => Invalid parameter value detected: Missing required key in single structure: email] when the site debugs
 * }</pre>
 */
public class MoodleParameterException extends MoodleErrorException {
    private static final long serialVersionUID = 1L;

    MoodleParameterException(Reply reply, String hint) {
        super(reply, hint);
    }
}
