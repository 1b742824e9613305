package org.qipathways.certification.internal;

import java.math.BigInteger;

/** Base 58 with the Bitcoin alphabet, as multibase {@code z} (base58btc) uses it in did:key. */
public final class Base58 {
    private static final String ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    private static final BigInteger BASE = BigInteger.valueOf(58);

    private Base58() {
    }

    public static String encode(byte[] bytes) {
        StringBuilder sb = new StringBuilder();
        BigInteger n = new BigInteger(1, bytes);
        while (n.signum() > 0) {
            BigInteger[] qr = n.divideAndRemainder(BASE);
            sb.append(ALPHABET.charAt(qr[1].intValue()));
            n = qr[0];
        }
        for (int i = 0; i < bytes.length && bytes[i] == 0; i++) {
            sb.append('1');
        }
        return sb.reverse().toString();
    }
}
