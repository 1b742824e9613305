package org.qipathways.programme.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.qipathways.rules.Role;

/**
 * The fields of one map in a programme document, read with the types the format expects: text,
 * whole numbers, booleans, ISO 8601 periods, roles and lists of unit codes. A value of the wrong
 * type is reported to the {@link Reading} at its place and read as absent, so that reading goes on
 * and every problem of the document is found in one pass.
 */
final class Fields {
    private final Reading reading;
    final JsonNode node;
    private final String path;

    Fields(Reading reading, JsonNode node, String path) {
        this.reading = reading;
        this.node = node;
        this.path = path;
    }

    JsonNode get(String key) {
        return node.get(key);
    }

    private String at(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    String text(String key) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isValueNode()) {
            return v.asText();
        }
        reading.problem(at(key), "expected text, found " + Reading.describe(v));
        return null;
    }

    Integer integer(String key) {
        return reading.wholeNumber(node.get(key), at(key));
    }

    Integer required(String key, String meaning) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            reading.problem(at(key), "is required: " + meaning);
            return null;
        }
        return reading.wholeNumber(v, at(key));
    }

    boolean bool(String key, boolean absent) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            return absent;
        }
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        reading.problem(at(key), "expected true or false, found " + Reading.describe(v));
        return absent;
    }

    Period period(String key) {
        String s = text(key);
        if (s == null) {
            return null;
        }
        try {
            return Period.parse(s);
        } catch (DateTimeParseException e) {
            reading.problem(at(key), "expected an ISO 8601 period such as P2Y (2 years), P6M or P90D, found '" + s + "'");
            return null;
        }
    }

    Role role(String key) {
        String s = text(key);
        if (s == null) {
            return null;
        }
        Role r = Role.fromId(s);
        if (r == null) {
            reading.problem(at(key), "'" + s + "' is not a role; use participant, facilitator or any");
        }
        return r;
    }

    /** A list of codes; a single code is accepted as a list of one. */
    List<String> codes(String key) {
        JsonNode v = node.get(key);
        List<String> out = new ArrayList<>();
        if (v == null || v.isNull()) {
            return out;
        }
        if (v.isValueNode()) {
            out.add(v.asText());
            return out;
        }
        if (!v.isArray()) {
            reading.problem(at(key), "expected a list of unit codes, found " + Reading.describe(v));
            return out;
        }
        for (int i = 0; i < v.size(); i++) {
            JsonNode e = v.get(i);
            if (e.isValueNode() && !e.isNull()) {
                out.add(e.asText());
            } else {
                reading.problem(at(key) + "[" + i + "]", "expected a unit code, found " + Reading.describe(e));
            }
        }
        return out;
    }
}
