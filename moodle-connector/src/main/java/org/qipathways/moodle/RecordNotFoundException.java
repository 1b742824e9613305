package org.qipathways.moodle;

/**
 * Something named in the call does not exist (errorcode {@code invalidrecord}, {@code invaliduser}, {@code invalidcourseid}, {@code unknowcategory} and the like).
 * <pre>{@code
 * e.errorcode();   // "invaliduser"
 * }</pre>
 */
public class RecordNotFoundException extends MoodleErrorException {
    private static final long serialVersionUID = 1L;

    RecordNotFoundException(Reply reply, String hint) {
        super(reply, hint);
    }
}
