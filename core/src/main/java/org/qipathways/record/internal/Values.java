package org.qipathways.record.internal;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Set;
import org.qipathways.text.internal.SafeText;

/**
 * The checks on single values that both the records' constructors and the CSV readers apply, written
 * as plain character loops because readers run them on millions of cells.
 */
public final class Values {

    /** What a learner id may be, in words. */
    public static final String LEARNER_ID_RULE = "1-64 letters, digits, '.', '-' or '_'";

    /** What an organisation code may be, in words. */
    public static final String ORGANISATION_RULE = "an ODS code is 2-10 letters or digits, e.g. RHQ";

    /** What a band may be, in words. */
    public static final String BAND_RULE = "use 2-9 or 8a-8d, or leave it empty";

    private static final Set<String> BANDS = Set.of("2", "3", "4", "5", "6", "7", "8", "9", "8a", "8b", "8c", "8d");
    private static final int MAX_LEARNER_ID = 64;
    private static final int MAX_CODE = 40;

    private Values() {
    }

    /** Whether {@code s} is 1-64 of {@code A-Za-z0-9._-}. */
    public static boolean isLearnerId(String s) {
        int n = s.length();
        if (n == 0 || n > MAX_LEARNER_ID) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (!(isAsciiLetterOrDigit(c) || c == '.' || c == '-' || c == '_')) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code s} has the shape of {@link org.qipathways.programme.Codes#PATTERN}. */
    public static boolean isCode(String s) {
        int n = s.length();
        if (n == 0 || n > MAX_CODE) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            boolean ok = (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || (i > 0 && (c == '.' || c == '-' || c == '_'));
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** Whether every character of {@code s} is an ASCII letter or digit. */
    public static boolean isAsciiAlphanumeric(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (!isAsciiLetterOrDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Parses an ISO date {@code yyyy-MM-dd}.
     *
     * @return {@code null} when {@code s} does not have that shape
     * @throws DateTimeException when it has the shape but names no day of the calendar (2024-02-30)
     */
    public static LocalDate parseIsoDate(String s) {
        if (s.length() != 10 || s.charAt(4) != '-' || s.charAt(7) != '-') {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 7);
        int day = digits(s, 8, 10);
        if (year < 0 || month < 0 || day < 0) {
            return null;
        }
        return LocalDate.of(year, month, day);
    }

    /** The whole number {@code s} (1-3 digits, no sign) when it is at most {@code max}; -1 otherwise. */
    public static int parseSmallNumber(String s, int max) {
        if (s.isEmpty() || s.length() > 3) {
            return -1;
        }
        int n = digits(s, 0, s.length());
        return n <= max ? n : -1;
    }

    /** Throws {@link IllegalArgumentException} unless {@code learnerId} is a valid learner id. */
    public static String requireLearnerId(String learnerId) {
        if (learnerId == null || !isLearnerId(learnerId)) {
            throw new IllegalArgumentException("learner id " + SafeText.quote(learnerId) + " must be " + LEARNER_ID_RULE);
        }
        return learnerId;
    }

    /** The checks every learner event makes on the parts all events share. */
    public static void requireEvent(String learnerId, LocalDate date, String item) {
        requireLearnerId(learnerId);
        require(date, "date");
        if (item == null || !isCode(item)) {
            throw new IllegalArgumentException("item " + SafeText.quote(item)
                    + " must be a code: 1-40 capital letters, digits, '.', '-' or '_'");
        }
    }

    /** {@code code} in upper case when it is an ODS code; {@code null} otherwise. */
    public static String normaliseOrganisation(String code) {
        if (code == null || code.length() < 2 || code.length() > 10 || !isAsciiAlphanumeric(code)) {
            return null;
        }
        return code.toUpperCase(Locale.ROOT);
    }

    /** {@code band} in canonical form ({@code 8a}) when it is a band; {@code null} when blank or not a band. */
    public static String normaliseBand(String band) {
        if (band == null) {
            return null;
        }
        String b = band.strip().toLowerCase(Locale.ROOT);
        return BANDS.contains(b) ? b : null;
    }

    /** Throws {@link IllegalArgumentException} when {@code value} is {@code null}. */
    public static <T> T require(T value, String what) {
        if (value == null) {
            throw new IllegalArgumentException(what + " is required");
        }
        return value;
    }

    private static boolean isAsciiLetterOrDigit(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    private static int digits(String s, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }
}
