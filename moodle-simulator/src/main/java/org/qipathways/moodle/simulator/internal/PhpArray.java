package org.qipathways.moodle.simulator.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A PHP array as request parsing builds it: ordered, keys kept as strings (PHP turns "0" and 0
 * into the same key, and so do we by writing integer keys as decimal text).
 */
public final class PhpArray extends LinkedHashMap<String, Object> {
    private static final long serialVersionUID = 1L;

    /** Appends with the next integer key, as PHP's {@code $a[] = $v}. */
    public void append(Object value) {
        long next = 0;
        for (String k : keySet()) {
            try {
                next = Math.max(next, Long.parseLong(k) + 1);
            } catch (NumberFormatException e) {
                // string keys do not move the next integer key
            }
        }
        put(Long.toString(next), value);
    }

    /** A PHP array from decoded JSON, as {@code json_decode($text, true)} makes one. */
    @SuppressWarnings("unchecked")
    public static Object fromJson(Object json) {
        if (json instanceof Map<?, ?> m) {
            PhpArray a = new PhpArray();
            m.forEach((k, v) -> a.put(String.valueOf(k), fromJson(v)));
            return a;
        }
        if (json instanceof List<?> l) {
            PhpArray a = new PhpArray();
            for (int i = 0; i < l.size(); i++) {
                a.put(Integer.toString(i), fromJson(l.get(i)));
            }
            return a;
        }
        if (json instanceof Integer i) {
            return i.longValue();
        }
        return json;
    }
}
