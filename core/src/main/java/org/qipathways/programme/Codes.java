package org.qipathways.programme;

/**
 * The shape of the stable codes that identify everything in a programme (units, tiers,
 * competencies, prior learning): they become Moodle idnumbers and appear in data files, so they
 * are short, upper-case and free of spaces.
 */
public final class Codes {
    /** Regular expression every code matches, e.g. {@code BRZ-QUIZ}, {@code C-MFI}, {@code GOLD}. */
    public static final String PATTERN = "[A-Z0-9][A-Z0-9._-]{0,39}";

    /** The sentence a problem report uses when a code does not match {@link #PATTERN}. */
    public static final String RULE =
            "must be 1-40 capital letters, digits, '.', '-' or '_', starting with a letter or digit (for example BRZ-QUIZ)";

    private Codes() {
    }
}
