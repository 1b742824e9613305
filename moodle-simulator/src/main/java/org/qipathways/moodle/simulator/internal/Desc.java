package org.qipathways.moodle.simulator.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Moodle's external descriptions ({@code external_value}, {@code external_single_structure},
 * {@code external_multiple_structure}) and {@code external_api::validate_parameters}, with its
 * checks and its messages: unexpected keys, missing required keys, scalars that do not clean to
 * themselves, and the {@code key => ...} path to the faulty field.
 * <pre>{@code
 * Desc.Single users = single("users", many(single("username", required(USERNAME), "firstname", required(NOTAGS))));
 * Map<String, Object> params = users.validate(request);   // or throws WsError invalidparameter
 * }</pre>
 */
public sealed interface Desc {

    /** Whether a key must be sent, may be left out, or gets a default when left out. */
    enum Req { REQUIRED, OPTIONAL, DEFAULT }

    Req req();

    /** The default for {@link Req#DEFAULT}. */
    Object defaultValue();

    /** A scalar of one {@code PARAM_*} type. */
    record Value(ParamType type, Req req, Object defaultValue) implements Desc {
    }

    /** Named keys, each with its own description. */
    record Single(Map<String, Desc> keys, Req req) implements Desc {
        @Override
        public Object defaultValue() {
            return null;
        }

        /** Validates a whole parameter set against this structure (the function's parameters). */
        @SuppressWarnings("unchecked")
        public Map<String, Object> validate(PhpArray params) {
            return (Map<String, Object>) Desc.validate(this, params);
        }
    }

    /** A list of one description. */
    record Multiple(Desc content, Req req, Object defaultValue) implements Desc {
    }

    // ---- building --------------------------------------------------------------------------------

    static Value required(ParamType t) {
        return new Value(t, Req.REQUIRED, null);
    }

    static Value optional(ParamType t) {
        return new Value(t, Req.OPTIONAL, null);
    }

    static Value def(ParamType t, Object v) {
        return new Value(t, Req.DEFAULT, v);
    }

    /** A required structure from alternating names and descriptions. */
    static Single single(Object... namesAndDescs) {
        return single(Req.REQUIRED, namesAndDescs);
    }

    static Single optionalSingle(Object... namesAndDescs) {
        return single(Req.OPTIONAL, namesAndDescs);
    }

    private static Single single(Req req, Object... namesAndDescs) {
        Map<String, Desc> keys = new LinkedHashMap<>();
        for (int i = 0; i < namesAndDescs.length; i += 2) {
            keys.put((String) namesAndDescs[i], (Desc) namesAndDescs[i + 1]);
        }
        return new Single(keys, req);
    }

    static Multiple many(Desc content) {
        return new Multiple(content, Req.REQUIRED, null);
    }

    static Multiple optionalMany(Desc content) {
        return new Multiple(content, Req.OPTIONAL, null);
    }

    /** A list that is empty when left out. */
    static Multiple defaultMany(Desc content) {
        return new Multiple(content, Req.DEFAULT, new PhpArray());
    }

    // ---- validation ------------------------------------------------------------------------------

    /** {@code validate_parameters}: the cleaned value, with defaults filled in. */
    static Object validate(Desc desc, Object params) {
        if (desc instanceof Value v) {
            if (params == null) {
                return null;   // external_value allows null unless told otherwise
            }
            if (params instanceof PhpArray) {
                throw WsError.invalidParameter("Scalar type expected, array or object received.");
            }
            if (v.type() == ParamType.BOOL && (params instanceof Boolean || "0".equals(phpString(params))
                    || "1".equals(phpString(params)))) {
                return params instanceof Boolean b ? b : "1".equals(phpString(params));
            }
            String s = phpString(params);
            if (!v.type().accepts(s)) {
                throw WsError.invalidParameter("Invalid external api parameter: the value is \"" + s
                        + "\", the server was expecting \"" + v.type().phpName() + "\" type");
            }
            return typed(v.type(), s);
        }
        if (desc instanceof Single single) {
            if (!(params instanceof PhpArray given)) {
                throw WsError.invalidParameter("Only arrays accepted. The bad value is: '" + phpString(params) + "'");
            }
            Map<String, Object> result = new LinkedHashMap<>();
            Map<String, Object> rest = new LinkedHashMap<>(given);
            for (Map.Entry<String, Desc> k : single.keys().entrySet()) {
                String key = k.getKey();
                Desc sub = k.getValue();
                if (!rest.containsKey(key)) {
                    if (sub.req() == Req.REQUIRED) {
                        throw WsError.invalidParameter("Missing required key in single structure: " + key);
                    }
                    if (sub.req() == Req.DEFAULT) {
                        result.put(key, nested(key, sub, sub.defaultValue()));
                    }
                } else {
                    result.put(key, nested(key, sub, rest.get(key)));
                }
                rest.remove(key);
            }
            if (!rest.isEmpty()) {
                throw WsError.invalidParameter("Unexpected keys (" + String.join(", ", rest.keySet())
                        + ") detected in parameter array.");
            }
            return result;
        }
        Multiple many = (Multiple) desc;
        if (!(params instanceof PhpArray given)) {
            throw WsError.invalidParameter("Only arrays accepted. The bad value is: '" + phpString(params) + "'");
        }
        List<Object> result = new ArrayList<>();
        for (Object item : given.values()) {
            result.add(validate(many.content(), item));
        }
        return result;
    }

    private static Object nested(String key, Desc sub, Object value) {
        try {
            return validate(sub, value);
        } catch (WsError e) {
            throw WsError.invalidParameter(key + " => " + e.getMessage() + ": " + e.debuginfo());
        }
    }

    private static Object typed(ParamType t, String s) {
        switch (t) {
            case INT:
                return Long.parseLong(s);
            case FLOAT:
                return Double.parseDouble(s);
            case BOOL:
                return s.equals("1");
            default:
                return s;
        }
    }

    /** PHP's string form of a scalar: true is "1", false is "", whole floats have no decimals. */
    static String phpString(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof Boolean b) {
            return b ? "1" : "";
        }
        if (v instanceof Double d && d == Math.rint(d) && !Double.isInfinite(d)) {
            return Long.toString(d.longValue());
        }
        if (v instanceof PhpArray) {
            return "Array";
        }
        return String.valueOf(v);
    }
}
