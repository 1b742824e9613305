package org.qipathways.certification;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A certificate's identifier: ten Crockford base-32 symbols and a check symbol, short enough to read
 * out over the phone and checked against typos.
 *
 * <p>The id is derived from what the certificate is for (programme, tier, learner and the first day
 * of its validity), so two certify runs working on the same data at the same time derive the same id
 * and meet on the register's unique key instead of issuing twice. The check symbol is Damm's
 * algorithm over GF(32): every single wrong symbol and every swap of two neighbouring symbols is
 * detected. Parsing forgives case, hyphens and spaces, and reads O as 0 and I or L as 1.
 * <pre>{@code
 * CertificateId id = CertificateId.derive("QIP-REF", "GOLD", "L0001", LocalDate.of(2024, 3, 1));
 * id.toString();                      // e.g. "7KQ2M9XH4CT"
 * CertificateId.parse("7kq2m-9xh4c-t"); // the same id
 * }</pre>
 *
 * @param value the eleven symbols, upper case, check symbol last
 */
public record CertificateId(String value) {

    /** The 32 symbols in order of their values: digits and letters without I, L, O and U. */
    public static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    /** Symbols before the check symbol. */
    public static final int DATA_LENGTH = 10;

    /** The whole id, check symbol included. */
    public static final int LENGTH = DATA_LENGTH + 1;

    /**
     * Checks the value.
     *
     * @throws IllegalArgumentException when it is not eleven symbols of the alphabet with a correct
     *                                  check symbol
     */
    public CertificateId {
        Objects.requireNonNull(value, "value");
        String problem = problem(value);
        if (problem != null) {
            throw new IllegalArgumentException("certificate id \"" + value + "\" " + problem);
        }
    }

    /** The id of the certificate for {@code learnerId}'s {@code tier} of a programme, valid from {@code validFrom}. */
    public static CertificateId derive(String programmeCode, String tier, String learnerId, LocalDate validFrom) {
        String name = "qipathways-certificate/1\n" + programmeCode + "\n" + tier + "\n" + learnerId + "\n" + validFrom;
        byte[] hash;
        try {
            hash = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform must provide SHA-256", e);
        }
        long bits = 0;
        for (int i = 0; i < 8; i++) {
            bits = (bits << 8) | (hash[i] & 0xff);
        }
        char[] symbols = new char[LENGTH];
        for (int i = 0; i < DATA_LENGTH; i++) {
            // the top 50 bits, five at a time
            symbols[i] = ALPHABET.charAt((int) (bits >>> (59 - 5 * i)) & 31);
        }
        symbols[DATA_LENGTH] = ALPHABET.charAt(checkValue(new String(symbols, 0, DATA_LENGTH)));
        return new CertificateId(new String(symbols));
    }

    /**
     * Reads an id as a person typed it: case, hyphens and spaces do not matter, O reads as 0, I and L as 1.
     *
     * @throws IllegalArgumentException when it is not a valid id, saying why (a wrong length, a symbol
     *                                  that is not in the alphabet, a typo caught by the check symbol)
     */
    public static CertificateId parse(String text) {
        Objects.requireNonNull(text, "text");
        StringBuilder sb = new StringBuilder(LENGTH);
        for (int i = 0; i < text.length(); i++) {
            char c = Character.toUpperCase(text.charAt(i));
            if (c == '-' || c == ' ') {
                continue;
            }
            sb.append(c == 'O' ? '0' : c == 'I' || c == 'L' ? '1' : c);
        }
        return new CertificateId(sb.toString());
    }

    /** Whether {@code text} parses as an id. */
    public static boolean isValid(String text) {
        try {
            parse(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return value;
    }

    private static String problem(String value) {
        if (value.length() != LENGTH) {
            return "has " + value.length() + " symbols; a certificate id has " + LENGTH;
        }
        for (int i = 0; i < LENGTH; i++) {
            if (ALPHABET.indexOf(value.charAt(i)) < 0) {
                return "has '" + value.charAt(i) + "' at position " + (i + 1) + ", which is not one of " + ALPHABET;
            }
        }
        int interim = 0;
        for (int i = 0; i < LENGTH; i++) {
            interim = step(interim, ALPHABET.indexOf(value.charAt(i)));
        }
        return interim == 0 ? null : "fails its check symbol: a symbol is mistyped or two are swapped";
    }

    /** The check symbol's value for ten data symbols. */
    private static int checkValue(String data) {
        int interim = 0;
        for (int i = 0; i < data.length(); i++) {
            interim = step(interim, ALPHABET.indexOf(data.charAt(i)));
        }
        // step(interim, c) == 0 exactly when c == alpha * interim
        return timesAlpha(interim);
    }

    /**
     * Damm's quasigroup on GF(32): x * y = alpha x + y. It is totally anti-symmetric because
     * (c*x)*y = (c*y)*x gives (alpha + 1)(x + y) = 0, so x = y.
     */
    private static int step(int interim, int symbol) {
        return timesAlpha(interim) ^ symbol;
    }

    /** Multiplication by the generator alpha in GF(2^5) built on x^5 + x^2 + 1. */
    private static int timesAlpha(int x) {
        int y = x << 1;
        return (y & 0x20) != 0 ? (y ^ 0x25) : y;
    }

}
