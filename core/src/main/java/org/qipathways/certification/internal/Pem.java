package org.qipathways.certification.internal;

import java.util.Base64;

/** PEM armour (RFC 7468) around DER bytes: PKCS#8 private keys and X.509 public keys. */
public final class Pem {
    private Pem() {
    }

    /** {@code der} as a PEM block with this label, lines of 64 characters, ending in a line feed. */
    public static String encode(String label, byte[] der) {
        String body = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der);
        return "-----BEGIN " + label + "-----\n" + body + "\n-----END " + label + "-----\n";
    }

    /**
     * The bytes of the first PEM block with this label in {@code text}.
     *
     * @throws IllegalArgumentException when there is no such block or its body is not base 64
     */
    public static byte[] decode(String label, String text, String source) {
        String begin = "-----BEGIN " + label + "-----";
        String end = "-----END " + label + "-----";
        int b = text.indexOf(begin);
        int e = b < 0 ? -1 : text.indexOf(end, b);
        if (b < 0 || e < 0) {
            String found = text.contains("-----BEGIN ") ? text.substring(text.indexOf("-----BEGIN "), Math.min(text.length(),
                    text.indexOf("-----BEGIN ") + 40)).split("\n")[0] : "no PEM block";
            throw new IllegalArgumentException(source + ": expected a PEM block \"" + begin + "\", found " + found);
        }
        String body = text.substring(b + begin.length(), e).replaceAll("\\s", "");
        try {
            return Base64.getDecoder().decode(body);
        } catch (IllegalArgumentException ex) {
            throw new IllegalArgumentException(source + ": the " + label + " block is not valid base 64", ex);
        }
    }
}
