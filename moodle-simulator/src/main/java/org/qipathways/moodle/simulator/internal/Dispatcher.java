package org.qipathways.moodle.simulator.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * What Moodle's REST server does with a request once PHP has parsed it
 * ({@code webservice/rest/server.php}): take out the reserved parameters, check the token, the
 * user and the function's place in the token's service, validate the parameters, run the function
 * and encode its result or its exception as JSON. One request at a time, like a database transaction.
 */
public final class Dispatcher {

    /** PHP's {@code json_encode} escapes slashes and non-ASCII characters; so do we. */
    static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonWriteFeature.ESCAPE_FORWARD_SLASHES)
            .enable(JsonWriteFeature.ESCAPE_NON_ASCII)
            .build();

    private static final Set<String> RESERVED = Set.of("wstoken", "wsfunction", "moodlewsrestformat",
            "moodlewssettingraw", "moodlewssettingfileurl", "moodlewssettingfilter", "moodlewssettinglang",
            "moodlewssettingtimezone");

    private final Site site;

    public Dispatcher(Site site) {
        this.site = site;
    }

    /**
     * The reply body for one REST request ({@code $_GET} and {@code $_POST} merged, POST winning),
     * as UTF-8: written straight to bytes, since bundled replies run to megabytes.
     */
    public byte[] rest(PhpArray request) {
        // as set_rest_format(): anything but json means XML
        boolean json = "json".equals(stringOf(request.get("moodlewsrestformat")));
        String token = stringOf(request.get("wstoken"));
        String function = stringOf(request.get("wsfunction"));
        PhpArray params = new PhpArray();
        request.forEach((k, v) -> {
            if (!RESERVED.contains(k)) {
                params.put(k, v);
            }
        });
        synchronized (site) {
            try {
                if (function != null) {
                    site.functionCalls.merge(function, 1L, Long::sum);
                }
                authenticate(token);
                Object result = run(function, params);
                return json ? jsonBytes(result) : utf8(xml(new WsError("moodle_exception", "xmlnotsimulated",
                        "The Moodle simulator answers results in JSON only: send moodlewsrestformat=json", null)));
            } catch (WsError e) {
                return json ? jsonBytes(e.toRest(site.debugging)) : utf8(xml(e));
            }
        }
    }

    /** The REST server's XML error ({@code generate_error} without the json format). */
    private String xml(WsError e) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\" ?>\n<EXCEPTION class=\"" + escape(e.exceptionClass()) + "\">\n"
                + "<ERRORCODE>" + escape(e.errorcode()) + "</ERRORCODE>\n<MESSAGE>" + escape(e.getMessage()) + "</MESSAGE>\n"
                + (site.debugging && e.debuginfo() != null ? "<DEBUGINFO>" + escape(e.debuginfo()) + "</DEBUGINFO>\n" : "")
                + "</EXCEPTION>\n";
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** Runs {@code function} as the token's user, bypassing HTTP: how the simulator seeds its own data. */
    public Object invoke(String function, PhpArray params) {
        synchronized (site) {
            return run(function, params);
        }
    }

    private void authenticate(String token) {
        Long userId = token == null ? null : site.tokens.get(token);
        if (userId == null) {
            throw new WsError("moodle_exception", "invalidtoken", "Invalid token - token not found", null);
        }
        Db.Row user = site.db.table("user").mustGet(userId);
        if (user.flag("deleted")) {
            throw WsError.moodle("wsaccessuserdeleted", "Refused web service access for deleted username: "
                    + user.str("username"));
        }
        if (user.flag("suspended")) {
            throw WsError.moodle("wsaccessusersuspended", "Refused web service access for suspended username: "
                    + user.str("username"));
        }
        if (site.maintenance) {
            throw WsError.moodle("sitemaintenance", "The site is undergoing maintenance and is currently not available");
        }
    }

    private Object run(String function, PhpArray params) {
        if (function == null || function.isEmpty()) {
            throw WsError.invalidParameter("Missing function name");
        }
        Functions.Function f = Functions.all().get(function);
        if (f == null) {
            throw WsError.missingRecord("external_functions");
        }
        if (site.missingFunctions.contains(function)) {
            throw new WsError("webservice_access_exception", "accessexception", "Access control exception",
                    "Access to the function " + function + "() is not allowed. There could be multiple reasons for"
                            + " this: 1. The service linked to the user token does not contain the function. 2. The"
                            + " service is user-restricted and the user is not listed. 3. The service is IP-restricted"
                            + " and the user IP is not listed. 4. The service is time-restricted and the time has"
                            + " expired. 5. The token is time-restricted and the time has expired. 6. The service"
                            + " requires a specific capability which the user does not have. 7. The function is called"
                            + " with username/password (no user token is sent) and none of the services has the"
                            + " function to allow the user. These settings can be found in Administration > Site"
                            + " administration > Server > Web services > External services and Manage tokens.");
        }
        Map<String, Object> validated = f.params().validate(params);
        return f.handler().handle(new Functions.Call(site, validated, this::inner));
    }

    /** One entry of a bundle: the function must be in the token's service; data and exception are JSON text. */
    private Map<String, Object> inner(String function, String jsonArguments) {
        Map<String, Object> response = new LinkedHashMap<>();
        if (function != null) {
            site.functionCalls.merge(function, 1L, Long::sum);
        }
        if (!Functions.all().containsKey(function) || site.missingFunctions.contains(function)) {
            Map<String, Object> exception = new LinkedHashMap<>();
            exception.put("errorcode", "accessexception");
            exception.put("module", "webservice");
            if (site.debugging) {
                exception.put("debuginfo", "Access to the function is not allowed.");
            }
            response.put("error", true);
            response.put("exception", json(exception));
            return response;
        }
        PhpArray args = new PhpArray();
        try {
            Object decoded = PhpArray.fromJson(JSON.readValue(jsonArguments, Object.class));
            if (decoded instanceof PhpArray a) {
                args = a;
            }
        } catch (JsonProcessingException e) {
            // json_decode gives null: the call runs without arguments
        }
        try {
            Object result = run(function, args);
            response.put("error", false);
            response.put("data", result == null ? null : json(result));
        } catch (WsError e) {
            response.put("error", true);
            response.put("exception", json(e.toBundled(site.debugging)));
        }
        return response;
    }

    private static byte[] jsonBytes(Object value) {
        try {
            return JSON.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String stringOf(Object v) {
        return v instanceof String s ? s : null;
    }
}
