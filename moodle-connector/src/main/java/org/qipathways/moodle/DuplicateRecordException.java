package org.qipathways.moodle;

/**
 * A record with the same unique key already exists (errorcode {@code shortnametaken}, {@code courseidnumbertaken}, {@code categoryidnumbertaken}, {@code idnumbertaken}).
 * <pre>{@code
 * e.moodleMessage();   // "Short name is already used for another course (BRZ-E)"
 * }</pre>
 */
public class DuplicateRecordException extends MoodleErrorException {
    private static final long serialVersionUID = 1L;

    DuplicateRecordException(Reply reply, String hint) {
        super(reply, hint);
    }
}
