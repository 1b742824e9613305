package org.qipathways.record.internal;

import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One number per distinct item code, for {@link PackedEvents}: codes are a small set (the units,
 * competencies, prior-learning codes and tiers of the programmes in use), so a learner's events can
 * hold a number where each event held a reference. The table only grows, and stops at
 * {@link #CAPACITY} codes; after that {@link #number} answers -1 and records keep their events as
 * objects.
 */
final class Codes {

    /** The most codes numbered: 16 bits of a packed event. */
    static final int CAPACITY = 1 << 16;

    private static final ConcurrentHashMap<String, Integer> NUMBERS = new ConcurrentHashMap<>();
    private static volatile String[] codes = new String[64];
    private static int size;

    private Codes() {
    }

    /** The number of {@code code}, numbering it when new; -1 when the table is full. */
    static int number(String code) {
        Integer n = NUMBERS.get(code);
        return n != null ? n : add(code);
    }

    /** The code numbered {@code n}: the first instance of it that was numbered. */
    static String code(int n) {
        return codes[n];
    }

    private static synchronized int add(String code) {
        Integer n = NUMBERS.get(code);
        if (n != null) {
            return n;
        }
        if (size == CAPACITY) {
            return -1;
        }
        String[] c = codes;
        if (size == c.length) {
            c = Arrays.copyOf(c, c.length * 2);
        }
        c[size] = code;
        codes = c;   // publishes the code before its number can be read from NUMBERS
        NUMBERS.put(code, size);
        return size++;
    }
}
