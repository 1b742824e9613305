package org.qipathways.moodle.simulator.internal;

import static org.qipathways.moodle.simulator.internal.Desc.defaultMany;
import static org.qipathways.moodle.simulator.internal.Desc.many;
import static org.qipathways.moodle.simulator.internal.Desc.optional;
import static org.qipathways.moodle.simulator.internal.Desc.required;
import static org.qipathways.moodle.simulator.internal.Desc.single;
import static org.qipathways.moodle.simulator.internal.Functions.num;
import static org.qipathways.moodle.simulator.internal.Functions.obj;
import static org.qipathways.moodle.simulator.internal.Functions.text;
import static org.qipathways.moodle.simulator.internal.ParamType.ALPHANUMEXT;
import static org.qipathways.moodle.simulator.internal.ParamType.INT;
import static org.qipathways.moodle.simulator.internal.ParamType.RAW;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Manual enrolments and course participants (ws-reference.md 2.6). */
final class EnrolFunctions {

    /** The roles the token's user may assign in courses: editing teacher, teacher, student. */
    private static final Set<Long> ASSIGNABLE = Set.of(Site.ROLE_EDITINGTEACHER, Site.ROLE_TEACHER, Site.ROLE_STUDENT);

    private EnrolFunctions() {
    }

    static void register(Functions.Registry r) {
        r.add("enrol_manual_enrol_users", single("enrolments", many(single(
                "roleid", required(INT),
                "userid", required(INT),
                "courseid", required(INT),
                "timestart", optional(INT),
                "timeend", optional(INT),
                "suspend", optional(INT)))), EnrolFunctions::enrol);
        r.add("enrol_manual_unenrol_users", single("enrolments", many(single(
                "userid", required(INT),
                "courseid", required(INT),
                "roleid", optional(INT)))), EnrolFunctions::unenrol);
        r.add("core_enrol_get_enrolled_users", single(
                "courseid", required(INT),
                "options", defaultMany(single("name", required(ALPHANUMEXT), "value", required(RAW)))),
                EnrolFunctions::enrolledUsers);
    }

    /**
     * All or nothing. Re-sending an enrolment updates it to exactly what is sent: active unless
     * {@code suspend=1}, dates 0 when not sent.
     */
    private static Object enrol(Functions.Call c) {
        Site s = c.site;
        return s.db.atomically(() -> {
            Db.Table ue = s.db.table("user_enrolments");
            Db.Table ra = s.db.table("role_assignments");
            for (Map<String, Object> e : c.list("enrolments")) {
                long courseId = num(e, "courseid", 0);
                long userId = num(e, "userid", 0);
                long roleId = num(e, "roleid", 0);
                course(s, courseId);
                s.require("enrol/manual:enrol");
                if (!ASSIGNABLE.contains(roleId)) {
                    throw WsError.moodle("wsusercannotassign", "You don't have the permission to assign this role ("
                            + roleId + ") to this user (" + userId + ") in this course(" + courseId + ").");
                }
                Db.Row instance = manualInstance(s, courseId);
                Db.Row user = s.db.table("user").mustGet(userId);
                if (user.flag("deleted") || !user.flag("confirmed") || userId == 1) {
                    throw WsError.moodle("invaliduser", "Invalid user");
                }
                Db.Row existing = ue.whereEquals("userid", userId).stream()
                        .filter(r -> r.num("enrolid") == instance.id()).findFirst().orElse(null);
                long status = num(e, "suspend", 0) == 1 ? 1 : 0;
                long start = num(e, "timestart", 0);
                long end = num(e, "timeend", 0);
                if (existing == null) {
                    ue.insert("enrolid", instance.id(), "userid", userId, "status", status, "timestart", start,
                            "timeend", end, "timecreated", s.now());
                } else {
                    existing.put("status", status);
                    existing.put("timestart", start);
                    existing.put("timeend", end);
                }
                long context = s.context(Site.CONTEXT_COURSE, courseId);
                if (ra.whereEquals("userid", userId).stream()
                        .noneMatch(r -> r.num("roleid") == roleId && r.num("contextid") == context)) {
                    ra.insert("roleid", roleId, "contextid", context, "userid", userId);
                }
            }
            return null;
        });
    }

    private static Object unenrol(Functions.Call c) {
        Site s = c.site;
        return s.db.atomically(() -> {
            Db.Table ue = s.db.table("user_enrolments");
            Db.Table ra = s.db.table("role_assignments");
            for (Map<String, Object> e : c.list("enrolments")) {
                long courseId = num(e, "courseid", 0);
                long userId = num(e, "userid", 0);
                course(s, courseId);
                s.require("enrol/manual:unenrol");
                Db.Row instance = manualInstance(s, courseId);
                s.db.table("user").mustGet(userId);
                ue.whereEquals("userid", userId).stream().filter(r -> r.num("enrolid") == instance.id())
                        .forEach(r -> ue.delete(r.id()));
                long context = s.context(Site.CONTEXT_COURSE, courseId);
                ra.whereEquals("userid", userId).stream().filter(r -> r.num("contextid") == context)
                        .forEach(r -> ra.delete(r.id()));
            }
            return null;
        });
    }

    private static Object enrolledUsers(Functions.Call c) {
        Site s = c.site;
        long courseId = c.num("courseid");
        course(s, courseId);   // the context error for a course that does not exist
        boolean onlyActive = false;
        long from = 0;
        long limit = 0;
        String sortBy = "id";
        Set<String> fields = USER_FIELDS;
        boolean descending = false;
        for (Map<String, Object> o : c.list("options")) {
            String value = text(o, "value");
            switch (text(o, "name")) {
                case "onlyactive":
                    onlyActive = !value.equals("0") && !value.isEmpty();
                    if (onlyActive) {
                        s.require("moodle/course:enrolreview");
                    }
                    break;
                case "limitfrom":
                    from = parse(value);
                    break;
                case "limitnumber":
                    limit = parse(value);
                    break;
                case "sortby":
                    if (!Set.of("id", "firstname", "lastname", "siteorder").contains(value)) {
                        throw WsError.invalidParameter("Invalid value for sortby parameter (value: " + value + ")");
                    }
                    sortBy = value.equals("siteorder") ? "id" : value;
                    break;
                case "sortdirection":
                    descending = value.equalsIgnoreCase("DESC");
                    break;
                case "userfields":
                    fields = userFields(value);
                    break;
                default:
                    // withcapability, groupid: accepted, no effect here
            }
        }
        long now = s.now();
        boolean active = onlyActive;
        List<Long> instances = s.db.table("enrol").whereEquals("courseid", courseId).stream().map(Db.Row::id).toList();
        List<Db.Row> users = new ArrayList<>();
        List<Db.Row> enrolments = new ArrayList<>();
        instances.forEach(i -> enrolments.addAll(s.db.table("user_enrolments").whereEquals("enrolid", i)));
        for (Db.Row ue : enrolments) {
            boolean isActive = ue.num("status") == 0 && (ue.num("timestart") == 0 || ue.num("timestart") <= now)
                    && (ue.num("timeend") == 0 || ue.num("timeend") > now);
            if (!active || isActive) {
                s.db.table("user").get(ue.num("userid")).filter(u -> !u.flag("deleted")).ifPresent(users::add);
            }
        }
        String key = sortBy;
        Comparator<Db.Row> order = key.equals("id") ? Comparator.comparingLong(Db.Row::id) : Comparator.comparing(u -> u.str(key));
        users.sort(descending ? order.reversed() : order);
        long context = s.context(Site.CONTEXT_COURSE, courseId);
        List<Object> out = new ArrayList<>();
        // one pass over the role assignments rather than one per user: courses have thousands of learners
        Map<Long, List<Db.Row>> assignments = new java.util.HashMap<>();
        s.db.table("role_assignments").where(r -> r.num("contextid") == context)
                .forEach(r -> assignments.computeIfAbsent(r.num("userid"), k -> new ArrayList<>()).add(r));
        Set<String> wanted = fields;
        Map<Long, List<Object>> coursesOf = wanted.contains("enrolledcourses") ? coursesOfUsers(s) : Map.of();
        for (int i = (int) from; i < users.size() && (limit == 0 || out.size() < limit); i++) {
            Db.Row u = users.get(i);
            // user/lib.php user_get_user_details(): id and fullname always, the rest only when asked for
            Map<String, Object> d = new java.util.LinkedHashMap<>();
            d.put("id", u.id());
            putIf(d, wanted, "username", u.str("username"));
            putIf(d, wanted, "firstname", u.str("firstname"));
            putIf(d, wanted, "lastname", u.str("lastname"));
            d.put("fullname", Site.fullname(u));
            putIf(d, wanted, "email", u.str("email"));
            if (!u.str("idnumber").isEmpty()) {   // "&& $user->idnumber": an empty idnumber is left out
                putIf(d, wanted, "idnumber", u.str("idnumber"));
            }
            putIf(d, wanted, "firstaccess", 0);
            putIf(d, wanted, "lastaccess", 0);
            putIf(d, wanted, "lastcourseaccess", 0);
            if (wanted.contains("roles")) {
                List<Object> roles = new ArrayList<>();
                for (Db.Row ra : assignments.getOrDefault(u.id(), List.of())) {
                    Db.Row role = s.db.table("role").mustGet(ra.num("roleid"));
                    roles.add(obj("roleid", role.id(), "name", role.str("name"), "shortname", role.str("shortname"),
                            "sortorder", 0));
                }
                d.put("roles", roles);
            }
            if (wanted.contains("enrolledcourses") && coursesOf.containsKey(u.id())) {
                // every course the user is enrolled in (enrol_get_users_courses), not only this one
                d.put("enrolledcourses", coursesOf.get(u.id()));
            }
            out.add(d);
        }
        return out;
    }

    /**
     * The fields user_get_user_details() knows (user/lib.php user_get_default_fields()); the
     * simulator keeps fewer of them, and leaves out those it has no value for.
     */
    private static final Set<String> USER_FIELDS = Set.of("id", "username", "fullname", "firstname", "lastname",
            "email", "address", "phone1", "phone2", "icq", "skype", "yahoo", "aim", "msn", "department",
            "institution", "interests", "firstaccess", "lastaccess", "auth", "confirmed", "idnumber", "lang",
            "theme", "timezone", "mailformat", "description", "descriptionformat", "city", "url", "country",
            "profileimageurlsmall", "profileimageurl", "customfields", "groups", "roles", "preferences",
            "enrolledcourses", "suspended", "lastcourseaccess");

    /**
     * The {@code userfields} option: enrol/externallib.php get_enrolled_users() explodes it on
     * commas and cleans each name as PARAM_ALPHANUMEXT; user_get_user_details() throws
     * {@code invaliduserfield} for a name it does not know.
     */
    private static Set<String> userFields(String value) {
        Set<String> out = new java.util.HashSet<>();
        for (String f : value.split(",", -1)) {
            String name = f.replaceAll("[^a-zA-Z0-9_-]", "");
            if (!USER_FIELDS.contains(name)) {
                throw WsError.moodle("invaliduserfield", "Invalid user field: " + name);
            }
            out.add(name);
        }
        return out;
    }

    private static void putIf(Map<String, Object> d, Set<String> wanted, String field, Object value) {
        if (wanted.contains(field)) {
            d.put(field, value);
        }
    }

    /** Each user's courses, as enrolledcourses lists them: id, fullname, shortname. */
    private static Map<Long, List<Object>> coursesOfUsers(Site s) {
        Map<Long, Long> courseOfInstance = new java.util.HashMap<>();
        s.db.table("enrol").where(r -> true).forEach(r -> courseOfInstance.put(r.id(), r.num("courseid")));
        Map<Long, List<Object>> out = new java.util.HashMap<>();
        // enrol_get_users_courses($userid, true): active enrolments only
        for (Db.Row ue : s.db.table("user_enrolments").where(r -> r.num("status") == 0)) {
            s.db.table("course").get(courseOfInstance.getOrDefault(ue.num("enrolid"), -1L)).ifPresent(course ->
                    out.computeIfAbsent(ue.num("userid"), k -> new ArrayList<>()).add(obj("id", course.id(),
                            "fullname", course.str("fullname"), "shortname", course.str("shortname"))));
        }
        return out;
    }

    /** The course, or the context error Moodle gives for a course that does not exist. */
    static Db.Row course(Site s, long courseId) {
        return s.db.table("course").get(courseId)
                .orElseThrow(() -> WsError.invalidParameter("Context does not exist"));
    }

    private static Db.Row manualInstance(Site s, long courseId) {
        return s.db.table("enrol").first(r -> r.num("courseid") == courseId && r.str("enrol").equals("manual")
                && r.num("status") == 0).orElseThrow(() -> WsError.moodle("wsnoinstance",
                "Manual enrolment plugin instance doesn't exist or is disabled for the course (id = " + courseId + ")"));
    }

    private static long parse(String value) {
        if (!ParamType.INT.accepts(value)) {
            throw WsError.invalidParameter("Invalid option value: " + value);
        }
        return Long.parseLong(value);
    }
}
