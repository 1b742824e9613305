package org.qipathways.moodle;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;

/**
 * A Moodle web-service token: the secret that signs the connector in. It is only ever sent in the
 * body of requests; {@link #toString()} hides it, and {@link #redact(String)} removes it from any
 * text before that text reaches a log, an exception or a file.
 * <pre>{@code
 * MoodleToken token = MoodleToken.of(System.getenv("MOODLE_TOKEN"));
 * String.valueOf(token);                 // "MoodleToken[redacted]"
 * token.redact("wstoken=" + secret);      // "wstoken=[redacted]"
 * }</pre>
 */
public final class MoodleToken {

    /** What replaces the token wherever it would otherwise be shown. */
    public static final String REDACTED = "[redacted]";

    private final String value;

    private MoodleToken(String value) {
        this.value = value;
    }

    /**
     * A token from its text. Moodle checks tokens as letters and digits only ({@code PARAM_ALPHANUM}),
     * so anything else is refused here, with a message that does not repeat the text.
     */
    public static MoodleToken of(String value) {
        Objects.requireNonNull(value, "token");
        if (value.isEmpty()) {
            throw new IllegalArgumentException("the Moodle token is empty");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
            if (!alnum) {
                throw new IllegalArgumentException("a Moodle token has letters and digits only; this one ("
                        + value.length() + " characters) has another character at position " + (i + 1)
                        + (Character.isWhitespace(c) ? " (white space: was it copied with a line break?)" : ""));
            }
        }
        return new MoodleToken(value);
    }

    /** The token itself, for the one place that puts it in a request. Never log or store it. */
    public String reveal() {
        return value;
    }

    /** {@code text} with every occurrence of this token replaced by {@value #REDACTED}; null stays null. */
    public String redact(String text) {
        return text == null ? null : text.replace(value, REDACTED);
    }

    @Override
    public boolean equals(Object o) {
        // constant time, as for any secret
        return o instanceof MoodleToken t && MessageDigest.isEqual(bytes(), t.bytes());
    }

    @Override
    public int hashCode() {
        return value.length();
    }

    @Override
    public String toString() {
        return "MoodleToken" + REDACTED;
    }

    private byte[] bytes() {
        return value.getBytes(StandardCharsets.US_ASCII);
    }
}
