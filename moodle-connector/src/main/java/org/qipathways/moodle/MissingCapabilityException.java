package org.qipathways.moodle;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The token's user lacks a capability the call checks (errorcode {@code nopermissions}, or
 * {@code nopermission} from completion overrides). Moodle names the capability in words, in the
 * site's language, inside the message's parentheses.
 * <pre>{@code
 * e.moodleMessage();    // "Sorry, but you do not currently have permissions to do that (Create users)."
 * e.capabilityName();   // Optional[Create users]
 * }</pre>
 */
public class MissingCapabilityException extends MoodleErrorException {
    private static final long serialVersionUID = 1L;

    private static final Pattern LAST_PARENTHESES = Pattern.compile("\\(([^()]+)\\)[.\\s]*$");

    MissingCapabilityException(Reply reply, String hint) {
        super(reply, hint);
    }

    /** The capability's name as the message gives it, e.g. {@code Create users}. */
    public Optional<String> capabilityName() {
        Matcher m = LAST_PARENTHESES.matcher(moodleMessage());
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }
}
