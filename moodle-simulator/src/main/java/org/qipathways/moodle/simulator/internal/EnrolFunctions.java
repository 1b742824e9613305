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
        Db.Row course = course(s, courseId);
        boolean onlyActive = false;
        long from = 0;
        long limit = 0;
        String sortBy = "id";
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
                default:
                    // userfields, withcapability, groupid: accepted, no effect here
            }
        }
        long now = s.now();
        boolean active = onlyActive;
        List<Long> instances = s.db.table("enrol").whereEquals("courseid", courseId).stream().map(Db.Row::id).toList();
        List<Db.Row> users = new ArrayList<>();
        for (Db.Row ue : s.db.table("user_enrolments").where(r -> instances.contains(r.num("enrolid")))) {
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
        for (int i = (int) from; i < users.size() && (limit == 0 || out.size() < limit); i++) {
            Db.Row u = users.get(i);
            List<Object> roles = new ArrayList<>();
            for (Db.Row ra : assignments.getOrDefault(u.id(), List.of())) {
                Db.Row role = s.db.table("role").mustGet(ra.num("roleid"));
                roles.add(obj("roleid", role.id(), "name", role.str("name"), "shortname", role.str("shortname"),
                        "sortorder", 0));
            }
            out.add(obj("id", u.id(), "username", u.str("username"), "firstname", u.str("firstname"),
                    "lastname", u.str("lastname"), "fullname", Site.fullname(u), "email", u.str("email"),
                    "idnumber", u.str("idnumber"), "firstaccess", 0, "lastaccess", 0, "lastcourseaccess", 0,
                    "roles", roles, "enrolledcourses", List.of(obj("id", courseId, "fullname", course.str("fullname"),
                            "shortname", course.str("shortname")))));
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
