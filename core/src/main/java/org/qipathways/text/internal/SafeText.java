package org.qipathways.text.internal;

/**
 * Text from input made safe to print, and the control characters no input value may hold. It sits
 * below every other core package (records, definitions, frameworks all quote input in their
 * messages) so that none of them has to depend on another for it.
 */
public final class SafeText {

    private static final int MAX_QUOTED = 60;

    private SafeText() {
    }

    /**
     * {@code value} in single quotes for a message, shortened when long, with line breaks and every
     * other control character shown as an escape ({@link #printable}).
     */
    public static String quote(String value) {
        if (value == null) {
            return "null";
        }
        String v = value.length() > MAX_QUOTED ? value.substring(0, MAX_QUOTED) + "..." : value;
        return "'" + printable(v) + "'";
    }

    /**
     * {@code text} safe to print on a terminal or in a log: every control character (C0, DEL, C1)
     * is shown as an escape ({@code \n}, {@code \r}, {@code \t}, otherwise {@code \\u001b}), so
     * that input cannot move the cursor, recolour the screen or hide what a message says.
     */
    public static String printable(String text) {
        if (text == null) {
            return null;
        }
        int i = 0;
        while (i < text.length() && !Character.isISOControl(text.charAt(i))) {
            i++;
        }
        if (i == text.length()) {
            return text;
        }
        StringBuilder sb = new StringBuilder(text.length() + 16).append(text, 0, i);
        for (; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (Character.isISOControl(c)) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }

    /** {@code text} with the control characters {@link #controlCharacterAt} finds shown as escapes; tab and line breaks kept. */
    public static String printableKeepingLines(String text) {
        StringBuilder sb = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r') {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /**
     * The index of the first control character in {@code value} that no input value may hold:
     * any C0 character but tab and the line breaks a quoted CSV value may span, DEL, or a C1
     * character; -1 when there is none.
     */
    public static int controlCharacterAt(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r') {
                return i;
            }
        }
        return -1;
    }

    /** {@code c} as a code point in words, e.g. {@code U+001B}. */
    public static String codePoint(char c) {
        return String.format("U+%04X", (int) c);
    }
}
