package org.qipathways.moodle.simulator.internal;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * PHP's parsing of a query string or an {@code application/x-www-form-urlencoded} body into
 * {@code $_GET} / {@code $_POST}, including {@code max_input_vars}. From php-src
 * {@code main/php_variables.c}: variables are read in order; for the query string PHP stops before
 * registering variable number {@code max_input_vars + 1}, while the POST handler registers a
 * variable and only then counts it, so a body keeps {@code max_input_vars + 1} variables. Either
 * way the rest are dropped silently, with only a warning in the server log.
 */
public final class PhpForm {

    /** What parsing kept, and how many variables were dropped. */
    public record Parsed(PhpArray vars, int dropped) {
    }

    private PhpForm() {
    }

    /** {@code $_GET} from a query string. */
    public static Parsed query(String query, int maxInputVars) {
        return parse(query, maxInputVars);
    }

    /** {@code $_POST} from a form body. */
    public static Parsed body(String body, int maxInputVars) {
        return parse(body, maxInputVars + 1);
    }

    private static Parsed parse(String text, int keep) {
        PhpArray vars = new PhpArray();
        if (text == null || text.isEmpty()) {
            return new Parsed(vars, 0);
        }
        int count = 0;
        int dropped = 0;
        for (String pair : text.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            if (count >= keep) {
                dropped++;
                continue;
            }
            count++;
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            register(vars, name, value);
        }
        return new Parsed(vars, dropped);
    }

    /** {@code php_register_variable_ex}: bracket names build nested arrays; later values win. */
    static void register(PhpArray vars, String rawName, String value) {
        String name = rawName.stripLeading();
        int bracket = name.indexOf('[');
        String base = bracket < 0 ? name : name.substring(0, bracket);
        base = base.replace(' ', '_').replace('.', '_');
        if (base.isEmpty()) {
            return;
        }
        if (bracket < 0 || name.indexOf(']', bracket) < 0) {
            vars.put(bracket < 0 ? base : base + "_" + name.substring(bracket + 1), value);
            return;
        }
        PhpArray target = vars;
        String key = base;
        int i = bracket;
        while (i < name.length() && name.charAt(i) == '[') {
            int close = name.indexOf(']', i);
            if (close < 0) {
                break;
            }
            Object existing = key == null ? null : target.get(key);
            PhpArray child;
            if (existing instanceof PhpArray a) {
                child = a;
            } else {
                child = new PhpArray();
                if (key == null) {
                    target.append(child);
                } else {
                    target.put(key, child);
                }
            }
            target = child;
            String index = name.substring(i + 1, close);
            key = index.isEmpty() ? null : index;
            i = close + 1;
        }
        if (key == null) {
            target.append(value);
        } else {
            target.put(key, value);
        }
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }
}
