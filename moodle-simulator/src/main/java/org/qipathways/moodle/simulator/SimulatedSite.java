package org.qipathways.moodle.simulator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.qipathways.moodle.simulator.internal.Db;
import org.qipathways.moodle.simulator.internal.Dispatcher;
import org.qipathways.moodle.simulator.internal.Evidence;
import org.qipathways.moodle.simulator.internal.PhpArray;
import org.qipathways.moodle.simulator.internal.Site;
import org.qipathways.moodle.simulator.internal.WsError;

/**
 * The simulated site's data and settings. Read what a client did (rows of Moodle's tables by
 * name: {@code user}, {@code course}, {@code course_categories}, {@code cohort},
 * {@code cohort_members}, {@code user_enrolments}, {@code competency_framework}, {@code competency},
 * {@code competency_coursecomp}, {@code competency_template}...), seed what learners did (activity
 * completion, grades, competency ratings), and change site settings.
 * <pre>{@code
 * SimulatedSite site = sim.site();
 * long course = site.addCourse("Bronze e-learning", "BRZ-E", 1);
 * long learner = site.addUser("jdoe", "Jane", "Doe", "jane.doe@nhs.net");
 * site.enrol(learner, course, SimulatedSite.STUDENT);
 * long quiz = site.addActivity(course, "quiz", "Knowledge check", 2);
 * site.completeActivity(quiz, learner, 1, 1767225600);
 * site.find("user", "username", "jdoe").get().get("id");   // learner
 * }</pre>
 * Seeding goes through the simulator's own functions, so it obeys the same rules as requests.
 */
public final class SimulatedSite {

    /** Moodle's role id for students. */
    public static final long STUDENT = Site.ROLE_STUDENT;
    /** Moodle's role id for editing teachers (the seeder enrols facilitators with it). */
    static final long EDITING_TEACHER = Site.ROLE_EDITINGTEACHER;

    private final Site site;
    private final Dispatcher dispatcher;

    SimulatedSite(Site site, Dispatcher dispatcher) {
        this.site = site;
        this.dispatcher = dispatcher;
    }

    // ---- reading ---------------------------------------------------------------------------------

    /** Copies of every row of a table, in id order (an unknown table is empty). */
    public List<Map<String, Object>> rows(String table) {
        synchronized (site) {
            List<Map<String, Object>> out = new ArrayList<>();
            site.db.table(table).all().forEach(r -> out.add(new LinkedHashMap<>(r)));
            return out;
        }
    }

    /** A copy of the first row whose {@code column} equals {@code value} (compared as text). */
    public Optional<Map<String, Object>> find(String table, String column, Object value) {
        synchronized (site) {
            return site.db.table(table).first(r -> String.valueOf(r.get(column)).equals(String.valueOf(value)))
                    .map(LinkedHashMap::new);
        }
    }

    /** How many rows a table has. */
    public int count(String table) {
        synchronized (site) {
            return site.db.table(table).size();
        }
    }

    /** The usernames in a cohort, by the cohort's idnumber. */
    public List<String> cohortMembers(String cohortIdnumber) {
        synchronized (site) {
            Db.Row cohort = site.db.table("cohort").first(r -> cohortIdnumber.equals(r.str("idnumber")))
                    .orElseThrow(() -> new IllegalArgumentException("no cohort with idnumber " + cohortIdnumber));
            List<String> out = new ArrayList<>();
            site.db.table("cohort_members").where(r -> r.num("cohortid") == cohort.id())
                    .forEach(m -> out.add(site.db.table("user").mustGet(m.num("userid")).str("username")));
            return out;
        }
    }

    // ---- seeding ---------------------------------------------------------------------------------

    /** A user with manual authentication and a generated password; returns its id. */
    public long addUser(String username, String firstname, String lastname, String email) {
        PhpArray user = array("username", username, "firstname", firstname, "lastname", lastname, "email", email,
                "createpassword", true);
        return createdId(invoke("core_user_create_users", array("users", list(user))));
    }

    /** A course category under {@code parent} (0 for the top); returns its id. */
    public long addCategory(String name, String idnumber, long parent) {
        PhpArray cat = array("name", name, "idnumber", idnumber, "parent", parent);
        return createdId(invoke("core_course_create_categories", array("categories", list(cat))));
    }

    /** A course with completion enabled in a category; returns its id. */
    public long addCourse(String fullname, String shortname, long categoryId) {
        PhpArray course = array("fullname", fullname, "shortname", shortname, "categoryid", categoryId,
                "enablecompletion", 1L);
        return createdId(invoke("core_course_create_courses", array("courses", list(course))));
    }

    /** Enrols a user in a course with a role (e.g. {@link #STUDENT}). */
    public void enrol(long userId, long courseId, long roleId) {
        invoke("enrol_manual_enrol_users", array("enrolments", list(array("roleid", roleId, "userid", userId,
                "courseid", courseId))));
    }

    /**
     * Many manual enrolments, each {@code {userId, courseId, roleId}}, through Moodle's own
     * enrol_manual_enrol_users in calls of a few thousand: seeding a large site one enrolment per call
     * would re-read every enrolment each time. For the seeder.
     */
    void enrolAll(List<long[]> enrolments) {
        for (int from = 0; from < enrolments.size(); from += BULK) {
            PhpArray batch = new PhpArray();
            for (long[] e : enrolments.subList(from, Math.min(enrolments.size(), from + BULK))) {
                batch.append(array("roleid", e[2], "userid", e[0], "courseid", e[1]));
            }
            invoke("enrol_manual_enrol_users", array("enrolments", batch));
        }
    }

    /** Suspends a user's enrolments in a course, as a teacher does on the participants page. */
    public void suspendEnrolment(long userId, long courseId) {
        synchronized (site) {
            site.db.table("course").mustGet(courseId);
            java.util.Set<Long> instances = new java.util.HashSet<>();
            site.db.table("enrol").where(r -> r.num("courseid") == courseId).forEach(r -> instances.add(r.id()));
            List<Db.Row> rows = site.db.table("user_enrolments")
                    .where(r -> r.num("userid") == userId && instances.contains(r.num("enrolid")));
            if (rows.isEmpty()) {
                throw new IllegalArgumentException("user " + userId + " is not enrolled in course " + courseId);
            }
            rows.forEach(r -> r.put("status", 1L));
        }
    }

    /**
     * An activity in a course; {@code tracking} is 0 none, 1 manual, 2 automatic. Returns the course
     * module id ({@code cmid}).
     */
    public long addActivity(long courseId, String modname, String name, int tracking) {
        synchronized (site) {
            site.db.table("course").mustGet(courseId);
            long instance = site.db.table(modname).insert("course", courseId, "name", name);
            return site.db.table("course_modules").insert("course", courseId, "modname", modname, "instance", instance,
                    "name", name, "completion", (long) tracking);
        }
    }

    /** Makes completing an activity a course-completion criterion (all criteria are required). */
    public void addCompletionCriterion(long courseId, long cmid) {
        synchronized (site) {
            site.db.table("course_completion_criteria").insert("course", courseId, "criteriatype", 4L,
                    "moduleinstance", cmid);
        }
    }

    /**
     * A user's completion state of an activity: 0 incomplete, 1 complete, 2 passed, 3 failed; {@code time} in Unix
     * seconds. Completing the last criterion of a course completes the course, and, as Moodle's
     * course-completed observer does, adds evidence to each competency linked to the course (which
     * stamps the user competency's {@code timemodified} with {@code time}).
     */
    public void completeActivity(long cmid, long userId, int state, long time) {
        completeActivities(List.of(new long[] {cmid, userId, state, time}));
    }

    /**
     * Many activity completion states at once, each {@code {cmid, userId, state, time}}; the last for
     * a pair wins, as {@link #completeActivity} called in turn would leave it. For the seeder.
     */
    void completeActivities(List<long[]> states) {
        synchronized (site) {
            Evidence.writeStates(site, states);
        }
    }

    /** Many grades at once, each {@code {itemId, userId, grade, time}}; the last for a pair wins. For the seeder. */
    void gradeAll(List<double[]> grades) {
        synchronized (site) {
            Map<String, double[]> last = new java.util.LinkedHashMap<>();
            for (double[] g : grades) {
                site.db.table("grade_items").mustGet((long) g[0]);
                last.put((long) g[0] + ":" + (long) g[1], g);
            }
            Db.Table t = site.db.table("grade_grades");
            t.deleteWhere(r -> last.containsKey(r.num("itemid") + ":" + r.num("userid")));
            for (double[] g : last.values()) {
                t.insert("itemid", (long) g[0], "userid", (long) g[1], "finalgrade", g[2], "timemodified", (long) g[3]);
            }
        }
    }

    /** A grade item for an activity of a course; returns its id. */
    public long addGradeItem(long courseId, long cmid, String itemname, double grademax) {
        synchronized (site) {
            Db.Row cm = site.db.table("course_modules").mustGet(cmid);
            return site.db.table("grade_items").insert("courseid", courseId, "itemtype", "mod", "itemname", itemname,
                    "itemmodule", cm.str("modname"), "iteminstance", cm.num("instance"), "idnumber", "", "grademax",
                    grademax, "cmid", cmid);
        }
    }

    /** A user's grade in a grade item; {@code time} in Unix seconds. */
    public void grade(long itemId, long userId, double grade, long time) {
        synchronized (site) {
            site.db.table("grade_items").mustGet(itemId);
            Db.Table t = site.db.table("grade_grades");
            t.deleteWhere(r -> r.num("itemid") == itemId && r.num("userid") == userId);
            t.insert("itemid", itemId, "userid", userId, "finalgrade", grade, "timemodified", time);
        }
    }

    /** A learning plan for a user, from a template or not; status 0 draft, 1 active, 2 complete. Returns its id. */
    public long addPlan(long userId, String name, Long templateId, int status) {
        synchronized (site) {
            site.db.table("user").mustGet(userId);
            return site.db.table("competency_plan").insert("name", name, "userid", userId, "templateid", templateId,
                    "status", (long) status, "duedate", 0L, "timecreated", site.now(), "timemodified", site.now(),
                    "usermodified", site.tokenUser);
        }
    }

    /**
     * A scale as a site administrator creates it in Site administration > Grades > Scales (web
     * services cannot create scales); {@code items} in order, lowest first. Returns its id.
     */
    public long addScale(String name, List<String> items) {
        if (items.isEmpty() || items.stream().anyMatch(i -> i.isBlank() || i.contains(","))) {
            throw new IllegalArgumentException("a scale has one or more items, none blank and none with a comma: " + items);
        }
        synchronized (site) {
            return site.db.table("scale").insert("name", name, "scale", String.join(",", items));
        }
    }

    /** A user's rating of a competency: {@code grade} is the 1-based scale item. */
    public void rate(long userId, long competencyId, int grade, boolean proficient) {
        rate(userId, competencyId, grade, proficient, site.now());
    }

    /**
     * A user's rating of a competency given at {@code time} (Unix seconds), as a teacher rates it:
     * {@code api::grade_competency}, an overriding evidence, which stamps the user competency's
     * {@code timemodified} with {@code time}.
     */
    public void rate(long userId, long competencyId, int grade, boolean proficient, long time) {
        synchronized (site) {
            Evidence.add(site, userId, competencyId, site.context(Site.CONTEXT_USER, userId), Evidence.ACTION_OVERRIDE,
                    "evidence_manualoverride", null, (long) grade, proficient, site.tokenUser, time);
        }
    }

    /**
     * Completes a learning plan at {@code time}, as a user or their manager does: Moodle archives
     * the plan's user competencies as they stand, and lists only those copies for the plan from then on.
     */
    public void completePlan(long planId, long time) {
        synchronized (site) {
            Evidence.completePlan(site, planId, time);
        }
    }

    /**
     * A teacher's rating of a user's competency in a course, at {@code time} (Unix seconds), as
     * competency/classes/api.php {@code grade_competency_in_course} makes it: the competency must be
     * one of the course's and the user enrolled in it, else {@code coding_exception}. The rating is
     * kept in the course ({@code competency_usercompcourse}) and, as {@code add_evidence} does for
     * {@code ACTION_OVERRIDE} in a course context, reaches the user's competency (what learning
     * plans show) only when {@code course_competency_settings::get_by_courseid} says
     * {@code pushratingstouserplans}: the course's row if it has one, else the site's
     * {@code pushcourseratingstouserplans} (course_competency_settings.php, its property's default).
     */
    public void rateInCourse(long userId, long courseId, long competencyId, int grade, boolean proficient, long time) {
        synchronized (site) {
            site.db.table("course").mustGet(courseId);
            site.db.table("competency").mustGet(competencyId);
            if (!site.db.table("competency_coursecomp").exists(r -> r.num("courseid") == courseId
                    && r.num("competencyid") == competencyId)) {
                throw new IllegalArgumentException("competency " + competencyId + " is not in course " + courseId
                        + " (Moodle: coding_exception, the competency does not belong to this course)");
            }
            boolean enrolled = site.db.table("enrol").whereEquals("courseid", courseId).stream()
                    .anyMatch(e -> site.db.table("user_enrolments").exists(ue -> ue.num("enrolid") == e.id()
                            && ue.num("userid") == userId));
            if (!enrolled) {
                throw new IllegalArgumentException("user " + userId + " is not enrolled in course " + courseId
                        + " (Moodle: coding_exception 'The competency may not be rated at this time.')");
            }
            Db.Table inCourse = site.db.table("competency_usercompcourse");
            inCourse.deleteWhere(r -> r.num("userid") == userId && r.num("courseid") == courseId
                    && r.num("competencyid") == competencyId);
            inCourse.insert("userid", userId, "courseid", courseId, "competencyid", competencyId,
                    "proficiency", proficient, "grade", (long) grade, "timecreated", time, "timemodified", time,
                    "usermodified", site.tokenUser);
            if (pushesRatingsToUserPlans(courseId)) {
                rate(userId, competencyId, grade, proficient, time);
            }
        }
    }

    /** The course's {@code pushratingstouserplans}: its own setting, or the site's default when it has none. */
    public boolean pushesRatingsToUserPlans(long courseId) {
        synchronized (site) {
            return site.db.table("competency_coursecompsetting").first(r -> r.num("courseid") == courseId)
                    .map(r -> r.flag("pushratingstouserplans")).orElse(site.pushCourseRatingsToUserPlans);
        }
    }

    // ---- settings --------------------------------------------------------------------------------

    /** Takes a capability from the token's user (e.g. {@code moodle/user:create}): calls needing it fail with {@code nopermissions}. */
    public void denyCapability(String capability) {
        site.deniedCapabilities.add(Objects.requireNonNull(capability));
    }

    /** Gives a capability back. */
    public void allowCapability(String capability) {
        site.deniedCapabilities.remove(capability);
    }

    /** Leaves a function out of the token's service ({@code accessexception}) or puts it back. */
    public void serviceHasFunction(String function, boolean has) {
        if (has) {
            site.missingFunctions.remove(function);
        } else {
            site.missingFunctions.add(function);
        }
    }

    /** Whether competencies are enabled site-wide (default yes). */
    public void competenciesEnabled(boolean on) {
        site.competenciesEnabled = on;
    }

    /**
     * The site's {@code core_competency | pushcourseratingstouserplans} (default yes): whether a
     * course rating reaches learning plans in courses without their own setting.
     */
    public void pushCourseRatingsToUserPlans(boolean on) {
        site.pushCourseRatingsToUserPlans = on;
    }

    /** Whether completion tracking is enabled site-wide (default yes). */
    public void completionEnabled(boolean on) {
        site.completionEnabled = on;
    }

    /** Maintenance mode: every call fails with {@code sitemaintenance}. */
    public void maintenance(boolean on) {
        site.maintenance = on;
    }

    /** Whether errors carry {@code debuginfo}. */
    public void debugging(boolean on) {
        site.debugging = on;
    }

    /** Whether two accounts may share an e-mail address (Moodle's {@code allowaccountssameemail}, default no). */
    public void allowAccountsSameEmail(boolean on) {
        site.allowAccountsSameEmail = on;
    }

    /** Suspends or reactivates the token's user ({@code wsaccessusersuspended}). */
    public void suspendTokenUser(boolean suspended) {
        synchronized (site) {
            site.db.table("user").mustGet(site.tokenUser).put("suspended", suspended ? 1L : 0L);
        }
    }

    /** The id of the token's user. */
    public long tokenUserId() {
        return site.tokenUser;
    }

    // ---- helpers ---------------------------------------------------------------------------------

    private Object invoke(String function, PhpArray params) {
        try {
            return dispatcher.invoke(function, params);
        } catch (WsError e) {
            throw new IllegalArgumentException("seeding the simulator failed: " + function + ": " + e.errorcode()
                    + ": " + e.getMessage() + (e.debuginfo() == null ? "" : " (" + e.debuginfo() + ")"), e);
        }
    }

    @SuppressWarnings("unchecked")
    private static long createdId(Object created) {
        return ((Number) ((Map<String, Object>) ((List<Object>) created).get(0)).get("id")).longValue();
    }

    /** Enrolments per call when seeding in bulk. */
    private static final int BULK = 2000;

    private static PhpArray array(Object... keysAndValues) {
        PhpArray a = new PhpArray();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            Object v = keysAndValues[i + 1];
            a.put((String) keysAndValues[i], v instanceof Boolean b ? (b ? "1" : "0") : v instanceof PhpArray ? v
                    : String.valueOf(v));
        }
        return a;
    }

    private static PhpArray list(PhpArray... items) {
        PhpArray a = new PhpArray();
        for (PhpArray item : items) {
            a.append(item);
        }
        return a;
    }
}
