package org.qipathways.moodle.simulator.internal;

import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The simulated site: its settings, its tables, who the token's user is, and which capabilities and
 * functions it lacks. Everything a handler needs besides its parameters.
 */
public final class Site {

    public static final int CONTEXT_SYSTEM = 10;
    public static final int CONTEXT_USER = 30;
    public static final int CONTEXT_COURSECAT = 40;
    public static final int CONTEXT_COURSE = 50;
    public static final long ROLE_EDITINGTEACHER = 3;
    public static final long ROLE_TEACHER = 4;
    public static final long ROLE_STUDENT = 5;

    /** Capability names in words, as Moodle's English language pack gives them in error messages. */
    private static final Map<String, String> CAPABILITY_NAMES = Map.ofEntries(
            Map.entry("moodle/user:create", "Create users"),
            Map.entry("moodle/user:update", "Update user profiles"),
            Map.entry("moodle/user:viewdetails", "View user profiles"),
            Map.entry("moodle/user:viewalldetails", "View user full information"),
            Map.entry("moodle/category:manage", "Manage course categories"),
            Map.entry("moodle/course:create", "Create courses"),
            Map.entry("moodle/course:update", "Update course settings"),
            Map.entry("moodle/course:visibility", "Hide/show courses"),
            Map.entry("moodle/cohort:manage", "Create, delete and move cohorts"),
            Map.entry("moodle/cohort:assign", "Add and remove cohort members"),
            Map.entry("moodle/cohort:view", "View site-wide cohorts"),
            Map.entry("enrol/manual:enrol", "Enrol users"),
            Map.entry("enrol/manual:unenrol", "Unenrol users from the course"),
            Map.entry("moodle/course:enrolreview", "Review course enrolments"),
            Map.entry("moodle/competency:competencymanage", "Manage competency frameworks"),
            Map.entry("moodle/competency:competencyview", "View competency framework"),
            Map.entry("moodle/competency:coursecompetencymanage", "Manage course competencies"),
            Map.entry("moodle/competency:coursecompetencyview", "View course competencies"),
            Map.entry("moodle/competency:coursecompetencyconfigure", "Configure course competency settings"),
            Map.entry("moodle/competency:templatemanage", "Manage learning plan templates"),
            Map.entry("moodle/competency:templateview", "View learning plan templates"),
            Map.entry("moodle/competency:planview", "View all learning plans"),
            Map.entry("moodle/competency:usercompetencyview", "View user competency"),
            Map.entry("report/completion:view", "View course completion report"),
            Map.entry("report/progress:view", "View activity completion reports"),
            Map.entry("moodle/grade:viewall", "View grades of other users"));

    public final Db db = new Db();
    public final Clock clock;
    public final Set<String> deniedCapabilities = ConcurrentHashMap.newKeySet();
    public final Set<String> missingFunctions = ConcurrentHashMap.newKeySet();
    public final Map<String, Long> tokens = new ConcurrentHashMap<>();
    /** How many times each function was asked for over HTTP, bundled calls counted by their own names. */
    public final Map<String, Long> functionCalls = new ConcurrentHashMap<>();

    public volatile String siteName = "QI Academy (Moodle simulator)";
    public volatile String release = "5.1+ (Build: 20251205)";
    public volatile String version = "2025100600.13";
    public volatile String wwwroot = "http://127.0.0.1";
    public volatile boolean debugging;
    public volatile boolean competenciesEnabled = true;
    public volatile boolean completionEnabled = true;
    public volatile boolean badgesEnabled = true;
    public volatile boolean maintenance;
    public volatile boolean allowAccountsSameEmail;
    public volatile boolean passwordPolicy = true;
    /**
     * {@code core_competency | pushcourseratingstouserplans}: the default of each course's
     * {@code pushratingstouserplans} (admin/settings/competency.php: a checkbox, on by default).
     */
    public volatile boolean pushCourseRatingsToUserPlans = true;
    public volatile int maxInputVars = 1000;
    public volatile long postMaxSize = 8L * 1024 * 1024;

    /** The token's user. */
    public volatile long tokenUser;

    public Site(Clock clock) {
        this.clock = clock;
        install();
    }

    /** What a fresh Moodle has: the system context, guest and admin, the front page, Category 1, roles, scales. */
    private void install() {
        Db.Table context = db.table("context");
        context.insert("contextlevel", (long) CONTEXT_SYSTEM, "instanceid", 0L);
        Db.Table user = db.table("user");
        long guest = user.insert(userRow("guest", "Guest user", " ", "root@localhost"));
        long admin = user.insert(userRow("admin", "Admin", "User", "admin@example.org"));
        context(CONTEXT_USER, guest);
        context(CONTEXT_USER, admin);
        long front = db.table("course").insert("category", 0L, "fullname", siteName, "shortname", "simulator",
                "idnumber", "", "summary", "", "format", "site", "visible", 1L, "startdate", 0L, "enddate", 0L,
                "enablecompletion", 0L);
        context(CONTEXT_COURSE, front);
        long category = db.table("course_categories").insert("name", "Category 1", "idnumber", "", "description", "",
                "parent", 0L, "sortorder", 10000L, "coursecount", 0L, "visible", 1L, "depth", 1L, "path", "/1");
        context(CONTEXT_COURSECAT, category);
        Db.Table role = db.table("role");
        for (String[] r : new String[][] {{"manager", "Manager"}, {"coursecreator", "Course creator"},
                {"editingteacher", "Teacher"}, {"teacher", "Non-editing teacher"}, {"student", "Student"},
                {"guest", "Guest"}, {"user", "Authenticated user"}, {"frontpage", "Authenticated user on site home"}}) {
            role.insert("shortname", r[0], "name", r[1]);
        }
        Db.Table scale = db.table("scale");
        scale.insert("name", "Separate and Connected ways of knowing", "scale",
                "Mostly separate knowing,Separate and connected,Mostly connected knowing");
        scale.insert("name", "Default competence scale", "scale", "Not yet competent,Competent");
        long integration = user.insert(userRow("wsconnector", "Integration", "User", "wsconnector@example.org"));
        context(CONTEXT_USER, integration);
        tokenUser = integration;
    }

    /** A new user row with Moodle's defaults. */
    public static Map<String, Object> userRow(String username, String firstname, String lastname, String email) {
        Db.Row r = new Db.Row();
        r.put("username", username);
        r.put("auth", "manual");
        r.put("confirmed", 1L);
        r.put("deleted", 0L);
        r.put("suspended", 0L);
        r.put("mnethostid", 1L);
        r.put("firstname", firstname);
        r.put("lastname", lastname);
        r.put("email", email);
        r.put("idnumber", "");
        r.put("institution", "");
        r.put("department", "");
        r.put("lang", "en");
        r.put("timezone", "99");
        return r;
    }

    /** The context of an instance at a level, created if missing. */
    public long context(int level, long instance) {
        Db.Table t = db.table("context");
        return t.whereEquals("instanceid", instance).stream().filter(r -> r.num("contextlevel") == level).findFirst()
                .map(Db.Row::id).orElseGet(() -> t.insert("contextlevel", (long) level, "instanceid", instance));
    }

    public long systemContext() {
        return context(CONTEXT_SYSTEM, 0);
    }

    /** Seconds since the epoch, from the simulator's clock. */
    public long now() {
        return clock.instant().getEpochSecond();
    }

    /** Whether the token's user holds {@code capability}: all unless denied. */
    public boolean has(String capability) {
        return !deniedCapabilities.contains(capability);
    }

    /** {@code require_capability}: Moodle's {@code required_capability_exception} when denied. */
    public void require(String capability) {
        if (!has(capability)) {
            throw new WsError("required_capability_exception", "nopermissions",
                    "Sorry, but you do not currently have permissions to do that ("
                            + CAPABILITY_NAMES.getOrDefault(capability, capability) + ").", null);
        }
    }

    /** The full name Moodle shows for a user row. */
    public static String fullname(Db.Row u) {
        return (u.str("firstname") + " " + u.str("lastname")).strip();
    }
}
