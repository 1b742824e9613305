package org.qipathways.moodle;

/**
 * A site feature the call needs is switched off: competencies, completion, badges or web services (errorcode {@code competenciesarenotenabled}, {@code completionnotenabled}, {@code badgesdisabled}, {@code enablewsdescription}).
 * <pre>{@code
 * e.errorcode();   // "competenciesarenotenabled"
 * }</pre>
 */
public class FeatureDisabledException extends MoodleErrorException {
    private static final long serialVersionUID = 1L;

    FeatureDisabledException(Reply reply, String hint) {
        super(reply, hint);
    }
}
