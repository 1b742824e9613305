package org.qipathways.moodle.simulator.internal;

import static org.qipathways.moodle.simulator.internal.Desc.def;
import static org.qipathways.moodle.simulator.internal.Desc.many;
import static org.qipathways.moodle.simulator.internal.Desc.optional;
import static org.qipathways.moodle.simulator.internal.Desc.optionalMany;
import static org.qipathways.moodle.simulator.internal.Desc.required;
import static org.qipathways.moodle.simulator.internal.Desc.single;
import static org.qipathways.moodle.simulator.internal.Functions.obj;
import static org.qipathways.moodle.simulator.internal.Functions.text;
import static org.qipathways.moodle.simulator.internal.ParamType.ALPHA;
import static org.qipathways.moodle.simulator.internal.ParamType.ALPHANUMEXT;
import static org.qipathways.moodle.simulator.internal.ParamType.AUTH;
import static org.qipathways.moodle.simulator.internal.ParamType.BOOL;
import static org.qipathways.moodle.simulator.internal.ParamType.INT;
import static org.qipathways.moodle.simulator.internal.ParamType.LANG;
import static org.qipathways.moodle.simulator.internal.ParamType.NOTAGS;
import static org.qipathways.moodle.simulator.internal.ParamType.PLUGIN;
import static org.qipathways.moodle.simulator.internal.ParamType.RAW;
import static org.qipathways.moodle.simulator.internal.ParamType.RAW_TRIMMED;
import static org.qipathways.moodle.simulator.internal.ParamType.TEXT;
import static org.qipathways.moodle.simulator.internal.ParamType.TIMEZONE;
import static org.qipathways.moodle.simulator.internal.ParamType.USERNAME;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Users (ws-reference.md 2.2): create all or nothing, update per user with warnings, search by field. */
final class UserFunctions {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Set<String> INTERNAL_AUTHS = Set.of("manual", "email", "nologin", "none");
    private static final String[] TEXT_FIELDS = {"firstname", "lastname", "email", "idnumber", "institution",
        "department", "city", "country", "timezone", "description", "lang", "auth"};

    private UserFunctions() {
    }

    static void register(Functions.Registry r) {
        Desc customfields = optionalMany(single("type", required(ALPHANUMEXT), "value", required(RAW)));
        Desc preferences = optionalMany(single("type", required(RAW), "value", required(RAW)));
        r.add("core_user_create_users", single("users", many(single(
                "createpassword", optional(BOOL),
                "username", required(USERNAME),
                "auth", def(AUTH, "manual"),
                "password", optional(RAW),
                "firstname", required(NOTAGS),
                "lastname", required(NOTAGS),
                "email", required(RAW_TRIMMED),
                "maildisplay", optional(INT),
                "city", optional(NOTAGS),
                "country", optional(ALPHA),
                "timezone", optional(TIMEZONE),
                "description", optional(RAW),
                "firstnamephonetic", optional(NOTAGS),
                "lastnamephonetic", optional(NOTAGS),
                "middlename", optional(NOTAGS),
                "alternatename", optional(NOTAGS),
                "interests", optional(TEXT),
                "idnumber", def(RAW, ""),
                "institution", optional(TEXT),
                "department", optional(TEXT),
                "phone1", optional(NOTAGS),
                "phone2", optional(NOTAGS),
                "address", optional(NOTAGS),
                "lang", def(LANG, "en"),
                "calendartype", optional(PLUGIN),
                "theme", optional(PLUGIN),
                "mailformat", optional(INT),
                "customfields", customfields,
                "preferences", preferences))), UserFunctions::createUsers);
        r.add("core_user_update_users", single("users", many(single(
                "id", required(INT),
                "username", optional(USERNAME),
                "auth", optional(AUTH),
                "suspended", optional(BOOL),
                "password", optional(RAW),
                "firstname", optional(NOTAGS),
                "lastname", optional(NOTAGS),
                "email", optional(RAW_TRIMMED),
                "maildisplay", optional(INT),
                "city", optional(NOTAGS),
                "country", optional(ALPHA),
                "timezone", optional(TIMEZONE),
                "description", optional(RAW),
                "userpicture", optional(INT),
                "firstnamephonetic", optional(NOTAGS),
                "lastnamephonetic", optional(NOTAGS),
                "middlename", optional(NOTAGS),
                "alternatename", optional(NOTAGS),
                "interests", optional(TEXT),
                "idnumber", optional(RAW),
                "institution", optional(TEXT),
                "department", optional(TEXT),
                "phone1", optional(NOTAGS),
                "phone2", optional(NOTAGS),
                "address", optional(NOTAGS),
                "lang", optional(LANG),
                "calendartype", optional(PLUGIN),
                "theme", optional(PLUGIN),
                "mailformat", optional(INT),
                "customfields", customfields,
                "preferences", preferences))), UserFunctions::updateUsers);
        r.add("core_user_get_users_by_field", single("field", required(ALPHA), "values", many(required(RAW))),
                UserFunctions::getUsersByField);
    }

    /** One transaction for the batch: the first bad user rolls back every user before it. */
    private static Object createUsers(Functions.Call c) {
        Site s = c.site;
        s.require("moodle/user:create");
        Db.Table users = s.db.table("user");
        return s.db.atomically(() -> {
            List<Object> created = new ArrayList<>();
            for (Map<String, Object> u : c.list("users")) {
                for (String field : new String[] {"username", "firstname", "lastname"}) {
                    if (text(u, field).isBlank()) {
                        throw WsError.invalidParameter("The field " + field + " cannot be blank");
                    }
                }
                String username = text(u, "username");
                if (!users.whereEquals("username", username).isEmpty()) {
                    throw WsError.invalidParameter("Username already exists: " + username);
                }
                String auth = text(u, "auth");
                if (auth.equals("mnet") || auth.equals("webservice")) {
                    throw WsError.invalidParameter("Invalid authentication type: " + auth);
                }
                boolean internal = INTERNAL_AUTHS.contains(auth);
                boolean createPassword = Boolean.TRUE.equals(u.get("createpassword"));
                String password = text(u, "password");
                if (internal && (password == null || password.isEmpty()) && !createPassword) {
                    throw WsError.invalidParameter("Invalid password: you must provide a password, or set createpassword.");
                }
                String email = text(u, "email");
                if (!EMAIL.matcher(email).matches()) {
                    throw WsError.invalidParameter("Email address is invalid: " + email);
                }
                if (!s.allowAccountsSameEmail && users.whereEqualsIgnoringCase("email", email).stream()
                        .anyMatch(r -> !r.flag("deleted"))) {
                    throw WsError.invalidParameter("Email address already exists: " + email);
                }
                if (internal && password != null && !password.isEmpty() && !createPassword && s.passwordPolicy) {
                    String problem = passwordProblem(password);
                    if (problem != null) {
                        throw WsError.invalidParameter(problem);
                    }
                }
                Map<String, Object> row = Site.userRow(username, text(u, "firstname"), text(u, "lastname"), email);
                for (String field : TEXT_FIELDS) {
                    if (u.get(field) != null) {
                        row.put(field, text(u, field));
                    }
                }
                row.put("timecreated", s.now());
                long id = users.insert(row);
                s.context(Site.CONTEXT_USER, id);
                saveCustomFields(s, id, u);
                created.add(obj("id", id, "username", username));
            }
            return created;
        });
    }

    /** Moodle 5.1: each user in its own transaction; a problem becomes a warning and the rest go on. */
    private static Object updateUsers(Functions.Call c) {
        Site s = c.site;
        s.require("moodle/user:update");
        Db.Table users = s.db.table("user");
        List<Object> warnings = new ArrayList<>();
        for (Map<String, Object> u : c.list("users")) {
            long id = ((Number) u.get("id")).longValue();
            Db.Row existing = users.get(id).orElse(null);
            String code = null;
            String message = null;
            if (existing == null) {
                code = "invaliduserid";
                message = "Invalid user ID";
            } else if (existing.flag("deleted")) {
                code = "usernotupdateddeleted";
                message = "User is a deleted user";
            } else if (id == 1) {
                code = "usernotupdatedguest";
                message = "Cannot update guest account";
            } else if (id == 2) {
                code = "usernotupdatedadmin";
                message = "Cannot update admin accounts";
            } else if (u.get("email") != null && !text(u, "email").equals(existing.str("email"))) {
                String email = text(u, "email");
                if (!EMAIL.matcher(email).matches()) {
                    code = "useremailinvalid";
                    message = "Invalid email address";
                } else if (!s.allowAccountsSameEmail && emailTaken(s, email, id)) {
                    code = "useremailduplicate";
                    message = "Duplicate email address";
                }
            }
            if (code != null) {
                warnings.add(obj("item", "user", "itemid", id, "warningcode", code, "message", message));
                continue;
            }
            s.db.atomically(() -> {
                for (String field : TEXT_FIELDS) {
                    if (u.get(field) != null) {
                        existing.put(field, text(u, field));
                    }
                }
                if (u.get("username") != null) {
                    existing.put("username", text(u, "username"));
                }
                if (u.get("suspended") != null) {
                    existing.put("suspended", Boolean.TRUE.equals(u.get("suspended")) ? 1L : 0L);
                }
                saveCustomFields(s, id, u);
                return null;
            });
        }
        return obj("warnings", warnings);
    }

    /**
     * Users whose field matches; a value that does not clean to itself fails the call, and a user
     * whose searched field the token's user may not see is left out.
     */
    private static Object getUsersByField(Functions.Call c) {
        Site s = c.site;
        String field = c.str("field");
        ParamType type;
        switch (field) {
            case "id":
                type = ParamType.INT;
                break;
            case "username":
                type = ParamType.USERNAME;
                break;
            case "idnumber":
            case "email":
                type = ParamType.RAW;
                break;
            default:
                throw WsError.invalidParameter("Field name must be one of: id, idnumber, username, email");
        }
        @SuppressWarnings("unchecked")
        List<Object> values = (List<Object>) c.params.get("values");
        for (Object v : values) {
            if (!type.accepts(String.valueOf(v))) {
                throw WsError.invalidParameter("The field '" + field + "' value is invalid: " + v);
            }
        }
        boolean allDetails = s.has("moodle/user:viewalldetails");
        if (!allDetails && (field.equals("username") || field.equals("idnumber"))) {
            return List.of();
        }
        List<Object> found = new ArrayList<>();
        java.util.Set<String> wanted = new java.util.HashSet<>();
        values.forEach(v -> wanted.add(field.equals("email") ? String.valueOf(v).toLowerCase(Locale.ROOT) : String.valueOf(v)));
        for (Db.Row u : s.db.table("user").all()) {
            if (u.flag("deleted")) {
                continue;
            }
            String value = field.equals("id") ? Long.toString(u.id()) : u.str(field);
            boolean match = value != null && wanted.contains(field.equals("email") ? value.toLowerCase(Locale.ROOT) : value);
            if (match) {
                found.add(describe(s, u, allDetails));
            }
        }
        return found;
    }

    static Map<String, Object> describe(Site s, Db.Row u, boolean allDetails) {
        Map<String, Object> d = obj("id", u.id(), "fullname", Site.fullname(u));
        if (allDetails) {
            d.put("username", u.str("username"));
        }
        d.put("firstname", u.str("firstname"));
        d.put("lastname", u.str("lastname"));
        d.put("email", u.str("email"));
        if (allDetails) {
            d.put("idnumber", u.str("idnumber"));
        }
        d.put("institution", u.str("institution"));
        d.put("department", u.str("department"));
        d.put("auth", u.str("auth"));
        d.put("suspended", u.flag("suspended"));
        d.put("confirmed", u.flag("confirmed"));
        d.put("lang", u.str("lang"));
        d.put("timezone", u.str("timezone"));
        d.put("profileimageurl", s.wwwroot + "/theme/image.php/boost/core/1/u/f1");
        List<Object> fields = new ArrayList<>();
        for (Db.Row f : s.db.table("user_info_data").where(r -> r.num("userid") == u.id())) {
            fields.add(obj("type", "text", "value", f.str("data"), "displayvalue", f.str("data"),
                    "name", f.str("shortname"), "shortname", f.str("shortname")));
        }
        if (!fields.isEmpty()) {
            d.put("customfields", fields);
        }
        return d;
    }

    private static void saveCustomFields(Site s, long userId, Map<String, Object> u) {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> fields = (List<Map<String, Object>>) u.get("customfields");
        if (fields == null) {
            return;
        }
        Db.Table data = s.db.table("user_info_data");
        for (Map<String, Object> f : fields) {
            String shortname = text(f, "type");
            data.deleteWhere(r -> r.num("userid") == userId && r.str("shortname").equals(shortname));
            data.insert("userid", userId, "shortname", shortname, "data", text(f, "value"));
        }
    }

    private static void checkEmail(Site s, String email) {
        if (!EMAIL.matcher(email).matches()) {
            throw WsError.invalidParameter("Email address is invalid: " + email);
        }
        if (!s.allowAccountsSameEmail && emailTaken(s, email, -1)) {
            throw WsError.invalidParameter("Email address already exists: " + email);
        }
    }

    private static boolean emailTaken(Site s, String email, long exceptId) {
        String lower = email.toLowerCase(Locale.ROOT);
        return s.db.table("user").exists(r -> r.id() != exceptId && !r.flag("deleted")
                && r.str("email").toLowerCase(Locale.ROOT).equals(lower));
    }

    /** Moodle's default password policy: 8 characters, a digit, a lower and an upper case letter, a symbol. */
    private static String passwordProblem(String p) {
        List<String> problems = new ArrayList<>();
        if (p.length() < 8) {
            problems.add("Passwords must be at least 8 characters long.");
        }
        if (!p.matches(".*[0-9].*")) {
            problems.add("Passwords must have at least 1 digit(s).");
        }
        if (!p.matches(".*[a-z].*")) {
            problems.add("Passwords must have at least 1 lower case letter(s).");
        }
        if (!p.matches(".*[A-Z].*")) {
            problems.add("Passwords must have at least 1 upper case letter(s).");
        }
        if (p.matches("[a-zA-Z0-9]*")) {
            problems.add("The password must have at least 1 special character(s) such as *, -, or #.");
        }
        return problems.isEmpty() ? null : String.join(" ", problems);
    }
}
