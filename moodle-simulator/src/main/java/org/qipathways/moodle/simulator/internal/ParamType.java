package org.qipathways.moodle.simulator.internal;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Moodle's {@code PARAM_*} types as web-service validation uses them: a value is accepted only if
 * cleaning it gives back the same text ({@code validate_param} compares the string forms).
 */
public enum ParamType {
    INT("int"), FLOAT("float"), BOOL("bool"), RAW("raw"), RAW_TRIMMED("raw_trimmed"), TEXT("text"),
    NOTAGS("notags"), USERNAME("username"), ALPHA("alpha"), ALPHANUM("alphanum"), ALPHANUMEXT("alphanumext"),
    PLUGIN("plugin"), AUTH("auth"), LANG("lang"), TIMEZONE("timezone"), COMPONENT("component");

    /** Installed authentication plugins of a standard Moodle. */
    static final Set<String> AUTHS = Set.of("cas", "db", "email", "ldap", "lti", "manual", "mnet", "nologin", "none",
            "oauth2", "shibboleth", "webservice");
    /** Installed language packs. */
    static final Set<String> LANGS = Set.of("en");

    private static final Pattern INTEGER = Pattern.compile("0|-?[1-9][0-9]{0,18}");
    private static final Pattern FLOATING = Pattern.compile("[+-]?[0-9]*\\.?[0-9]*(e[-+]?[0-9]+)?", Pattern.CASE_INSENSITIVE);
    private static final Pattern TAG = Pattern.compile("<[a-zA-Z/!?]");
    private static final Pattern MULTILANG = Pattern.compile("</?(span|lang)\\b[^>]*>", Pattern.CASE_INSENSITIVE);

    private final String phpName;

    ParamType(String phpName) {
        this.phpName = phpName;
    }

    /** The name Moodle prints in validation messages. */
    public String phpName() {
        return phpName;
    }

    /** Whether {@code value} (PHP's string form of the input) passes validation. */
    public boolean accepts(String value) {
        switch (this) {
            case INT:
                return INTEGER.matcher(value).matches();
            case FLOAT:
                return !value.isEmpty() && !value.equals(".") && FLOATING.matcher(value).matches();
            case BOOL:
                return value.equals("0") || value.equals("1");
            case RAW:
                return true;
            case RAW_TRIMMED:
                return value.equals(value.strip());
            case TEXT:
                return !TAG.matcher(MULTILANG.matcher(value).replaceAll("")).find();
            case NOTAGS:
                return !TAG.matcher(value).find();
            case USERNAME:
                return value.equals(value.strip().toLowerCase(Locale.ROOT)) && value.matches("[-.@_a-z0-9]*");
            case ALPHA:
                return value.matches("[a-zA-Z]*");
            case ALPHANUM:
                return value.matches("[a-zA-Z0-9]*");
            case ALPHANUMEXT:
                return value.matches("[a-zA-Z0-9_-]*");
            case PLUGIN:
            case COMPONENT:
                return value.isEmpty() || value.matches("[a-z][a-z0-9_]*[a-z0-9]");
            case AUTH:
                return value.isEmpty() || AUTHS.contains(value);
            case LANG:
                return value.isEmpty() || LANGS.contains(value);
            case TIMEZONE:
                return value.equals("99") || validZone(value);
            default:
                throw new AssertionError(this);
        }
    }

    private static boolean validZone(String value) {
        try {
            ZoneId.of(value);
            return value.contains("/") || value.equals("UTC");
        } catch (DateTimeException e) {
            return false;
        }
    }
}
