package org.qipathways.moodle.simulator.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A Moodle exception as the REST server reports it: PHP class, error code, message in English and
 * debug information (sent only when the site's debugging is on).
 */
public final class WsError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String exceptionClass;
    private final String errorcode;
    private final String debuginfo;

    public WsError(String exceptionClass, String errorcode, String message, String debuginfo) {
        super(message, null, false, false);
        this.exceptionClass = exceptionClass;
        this.errorcode = errorcode;
        this.debuginfo = debuginfo;
    }

    /** {@code invalid_parameter_exception}: the message is fixed, the detail is debug information. */
    public static WsError invalidParameter(String debuginfo) {
        return new WsError("invalid_parameter_exception", "invalidparameter", "Invalid parameter value detected", debuginfo);
    }

    /** {@code moodle_exception} with a code and its English text. */
    public static WsError moodle(String errorcode, String message) {
        return new WsError("moodle_exception", errorcode, message, null);
    }

    /** {@code dml_missing_record_exception} for a {@code MUST_EXIST} lookup in {@code table}. */
    public static WsError missingRecord(String table) {
        String code;
        switch (table) {
            case "user":
                code = "invaliduser";
                break;
            case "course":
                code = "invalidcourseid";
                break;
            case "course_modules":
                code = "invalidcoursemodule";
                break;
            default:
                code = "invalidrecord";
        }
        String message = code.equals("invalidrecord") ? "Can't find data record in database table " + table + "."
                : code.equals("invaliduser") ? "Invalid user"
                : code.equals("invalidcourseid") ? "You are trying to use an invalid course ID"
                : "Invalid course module ID";
        return new WsError("dml_missing_record_exception", code, message, null);
    }

    /** {@code coding_exception}, as the competency API raises for rule violations. */
    public static WsError coding(String detail) {
        return new WsError("coding_exception", "codingerror",
                "Coding error detected, it must be fixed by a programmer: " + detail, null);
    }

    /** {@code core\invalid_persistent_exception}: field errors in the message and, keyed, in debuginfo. */
    public static WsError invalidPersistent(String field, String error) {
        return new WsError("core\\invalid_persistent_exception", "invalidpersistenterror", "Error: " + error,
                field + ": " + error);
    }

    public String errorcode() {
        return errorcode;
    }

    public String exceptionClass() {
        return exceptionClass;
    }

    public String debuginfo() {
        return debuginfo;
    }

    /** The REST server's JSON error object ({@code generate_error}). */
    public Map<String, Object> toRest(boolean debugging) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("exception", exceptionClass);
        m.put("errorcode", errorcode);
        m.put("message", getMessage());
        if (debugging && debuginfo != null) {
            m.put("debuginfo", debuginfo);
        }
        return m;
    }

    /**
     * The exception object {@code tool_mobile_call_external_functions} puts in a failed entry
     * ({@code get_exception_info} without {@code a}; debug fields only at developer level).
     */
    public Map<String, Object> toBundled(boolean debugging) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("message", getMessage());
        m.put("errorcode", errorcode);
        m.put("link", "");
        m.put("moreinfourl", "");
        if (debugging && debuginfo != null) {
            m.put("debuginfo", debuginfo);
        }
        return m;
    }
}
