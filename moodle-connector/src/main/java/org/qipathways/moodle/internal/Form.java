package org.qipathways.moodle.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Moodle's form encoding of nested arguments: PHP bracket names with explicit indexes
 * ({@code users[0][username]=jdoe}), booleans as {@code 1}/{@code 0}, numbers in plain decimal.
 * Null values and empty arrays produce no variable at all, which is how Moodle receives "absent".
 * <pre>{@code
 * Form.flatten(args);   // [users[0][username]=jdoe, users[0][firstname]=Jane, ...]
 * Form.encode(params);  // "users%5B0%5D%5Busername%5D=jdoe&..."
 * }</pre>
 */
public final class Form {

    /** One form variable: a PHP input variable once the request reaches the site. */
    public record Param(String name, String value) {
        /** Its encoded length in bytes, without the separating {@code &}. */
        public int encodedLength() {
            return encode(name).length() + 1 + encode(value).length();
        }
    }

    private Form() {
    }

    /** The variables for an object of named arguments, in the object's order. */
    public static List<Param> flatten(JsonNode args) {
        List<Param> out = new ArrayList<>();
        for (Map.Entry<String, JsonNode> f : args.properties()) {
            flatten(f.getKey(), f.getValue(), out);
        }
        return out;
    }

    /** The variables for {@code node} under the name {@code prefix}, appended to {@code out}. */
    public static void flatten(String prefix, JsonNode node, List<Param> out) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return;
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                flatten(prefix + "[" + i + "]", node.get(i), out);
            }
        } else if (node.isObject()) {
            for (Map.Entry<String, JsonNode> f : node.properties()) {
                flatten(prefix + "[" + f.getKey() + "]", f.getValue(), out);
            }
        } else if (node.isBoolean()) {
            // PHP's bool parameters accept exactly "1" and "0" over form encoding; "true" is refused
            out.add(new Param(prefix, node.booleanValue() ? "1" : "0"));
        } else {
            out.add(new Param(prefix, node.asText()));
        }
    }

    /** The request body for {@code params}, {@code application/x-www-form-urlencoded}. */
    public static String encode(List<Param> params) {
        StringBuilder b = new StringBuilder();
        for (Param p : params) {
            if (b.length() > 0) {
                b.append('&');
            }
            b.append(encode(p.name())).append('=').append(encode(p.value()));
        }
        return b.toString();
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
