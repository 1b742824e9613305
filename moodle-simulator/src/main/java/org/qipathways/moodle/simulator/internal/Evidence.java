package org.qipathways.moodle.simulator.internal;

import static org.qipathways.moodle.simulator.internal.Functions.obj;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Competency evidence as Moodle keeps it: every rating, and every course completion linked to a
 * competency, is a row of {@code competency_evidence} against the user competency, and each one
 * stamps the user competency's {@code timemodified}; completing a plan archives the user
 * competencies into {@code competency_usercompplan}. Read from Moodle's
 * {@code competency/classes/api.php}: {@code add_evidence}, {@code observe_course_completed},
 * {@code complete_plan} ({@code archive_user_competencies_in_plan}).
 */
public final class Evidence {

    /** {@code evidence::ACTION_LOG}: no grade. */
    public static final long ACTION_LOG = 0;
    /** {@code evidence::ACTION_COMPLETE}: the competency's default grade, set only when there is none yet. */
    public static final long ACTION_COMPLETE = 2;
    /** {@code evidence::ACTION_OVERRIDE}: sets the grade. */
    public static final long ACTION_OVERRIDE = 3;

    /** {@code course_competency::OUTCOME_*}. */
    private static final long OUTCOME_NONE = 0;
    private static final long OUTCOME_EVIDENCE = 1;
    private static final long OUTCOME_RECOMMEND = 2;
    private static final long OUTCOME_COMPLETE = 3;

    private Evidence() {
    }

    /**
     * {@code api::add_evidence}: fetches or creates the user competency, applies the action to its
     * grade, saves it ({@code persistent::update} stamps {@code timemodified}, whatever the action,
     * a log included) and records the evidence. {@code time} stands for Moodle's {@code time()}: the
     * seeder writes histories at their events' times, not always in date order, so the user
     * competency keeps the latest of them (and was created at the earliest), as the same history
     * written in order would leave it.
     * Returns the evidence id.
     */
    public static long add(Site s, long userId, long competencyId, long contextId, long action, String descidentifier,
            String desca, Long grade, Boolean proficiency, Long actionUser, long time) {
        Db.Row comp = s.db.table("competency").mustGet(competencyId);
        Db.Row uc = userCompetency(s, userId, competencyId, time);
        Long ucGrade = null;
        Boolean ucProficiency = null;
        boolean setGrade = false;
        if (action == ACTION_COMPLETE) {
            if (grade != null) {
                throw WsError.coding("The grade MUST NOT be set with a 'completing' evidence.");
            }
            long[] def = defaultGrade(s, comp);
            grade = def[0];
            if (uc.get("grade") == null) {
                setGrade = true;
                ucGrade = grade;
                ucProficiency = def[1] == 1;
            }
        } else if (action == ACTION_OVERRIDE) {
            setGrade = true;
            ucGrade = grade;
            ucProficiency = grade == null ? null : proficiency;
        } else if (action == ACTION_LOG) {
            if (grade != null) {
                throw WsError.coding("The grade MUST NOT be set when 'logging' an evidence. Or use ACTION_SUGGEST instead.");
            }
        } else {
            throw WsError.coding("Unexpected action parameter when registering an evidence.");
        }
        if (setGrade) {
            uc.put("grade", ucGrade);
            uc.put("proficiency", ucProficiency);
        }
        uc.put("timemodified", Math.max(uc.num("timemodified"), time));
        // likewise made no later than its earliest evidence, as the history written in order would have made it
        uc.put("timecreated", Math.min(uc.num("timecreated"), time));
        uc.put("usermodified", s.tokenUser);
        return s.db.table("competency_evidence").insert("usercompetencyid", uc.id(), "contextid", contextId,
                "action", action, "actionuserid", actionUser, "descidentifier", descidentifier, "desccomponent",
                "core_competency", "desca", desca, "url", null, "grade", grade, "note", null, "timecreated", time,
                "timemodified", time, "usermodified", s.tokenUser);
    }

    /** The user competency, created ({@code user_competency::create_relation}, unrated) when missing. */
    static Db.Row userCompetency(Site s, long userId, long competencyId, long time) {
        Db.Table t = s.db.table("competency_usercomp");
        return t.whereEquals("userid", userId).stream().filter(r -> r.num("competencyid") == competencyId).findFirst()
                .orElseGet(() -> t.mustGet(t.insert("userid", userId, "competencyid", competencyId, "status", 0L,
                        "reviewerid", null, "proficiency", null, "grade", null, "timecreated", time, "timemodified",
                        time, "usermodified", s.tokenUser)));
    }

    /**
     * {@code api::observe_course_completed}: evidence for every competency linked to the course with
     * an outcome, a log for "attach evidence" and "recommend", a completion for "complete".
     */
    public static void courseCompleted(Site s, long courseId, long userId, long time) {
        Db.Row course = s.db.table("course").mustGet(courseId);
        long context = s.context(Site.CONTEXT_COURSE, courseId);
        for (Db.Row link : s.db.table("competency_coursecomp").whereEquals("courseid", courseId)) {
            long outcome = link.num("ruleoutcome");
            if (outcome == OUTCOME_NONE) {
                continue;
            }
            long action = outcome == OUTCOME_COMPLETE ? ACTION_COMPLETE : ACTION_LOG;
            if (outcome != OUTCOME_EVIDENCE && outcome != OUTCOME_RECOMMEND && outcome != OUTCOME_COMPLETE) {
                throw WsError.coding("Unexpected rule outcome: " + outcome);
            }
            add(s, userId, link.num("competencyid"), context, action, "evidence_coursecompleted",
                    "\"" + course.str("shortname") + "\"", null, null, null, time);
        }
    }

    /**
     * Whether the user has completed the course, and when (the latest criterion's time), as
     * {@code get_course_completion_status} reports it; 0 when not complete or without criteria.
     */
    static long completedAt(Site s, long courseId, long userId, Map<Long, Db.Row> states) {
        List<Db.Row> criteria = s.db.table("course_completion_criteria").whereEquals("course", courseId);
        long when = 0;
        for (Db.Row c : criteria) {
            Db.Row st = states.get(c.num("moduleinstance"));
            if (st == null || st.num("completionstate") < 1) {
                return 0;
            }
            when = Math.max(when, st.num("timemodified"));
        }
        return when;
    }

    /** A user's activity states by course module. */
    static Map<Long, Db.Row> states(Site s, long userId) {
        Map<Long, Db.Row> out = new HashMap<>();
        for (Db.Row r : s.db.table("course_modules_completion").whereEquals("userid", userId)) {
            out.putIfAbsent(r.num("coursemoduleid"), r);
        }
        return out;
    }

    /**
     * Writes activity states ({@code {cmid, userId, state, time}}, the last for a pair wins) and,
     * for each course a user thereby completes, triggers what {@code \core\event\course_completed}
     * triggers: {@link #courseCompleted} at the completion time.
     */
    public static void writeStates(Site s, Collection<long[]> states) {
        Map<String, long[]> last = new java.util.LinkedHashMap<>();
        for (long[] st : states) {
            s.db.table("course_modules").mustGet(st[0]);
            last.put(st[0] + ":" + st[1], st);
        }
        // the courses and users whose completion may change, with whether each was complete before
        Map<String, long[]> pairs = new java.util.LinkedHashMap<>();
        for (long[] st : last.values()) {
            long course = s.db.table("course_modules").mustGet(st[0]).num("course");
            pairs.computeIfAbsent(course + ":" + st[1], k -> new long[] {course, st[1], 0});
        }
        for (long[] pair : pairs.values()) {
            pair[2] = completedAt(s, pair[0], pair[1], states(s, pair[1]));
        }
        Db.Table t = s.db.table("course_modules_completion");
        t.deleteWhere(r -> last.containsKey(r.num("coursemoduleid") + ":" + r.num("userid")));
        for (long[] st : last.values()) {
            t.insert("coursemoduleid", st[0], "userid", st[1], "completionstate", st[2], "timemodified", st[3],
                    "overrideby", null);
        }
        for (long[] pair : pairs.values()) {
            long when = completedAt(s, pair[0], pair[1], states(s, pair[1]));
            if (pair[2] == 0 && when > 0) {
                courseCompleted(s, pair[0], pair[1], when);
            }
        }
    }

    /**
     * {@code api::complete_plan}: {@code archive_user_competencies_in_plan} copies each of the plan's
     * user competencies (grade, proficiency; an unrated copy where there is none) into
     * {@code competency_usercompplan}, stamped, as {@code persistent::create} stamps it, with the
     * completion time; then the plan is complete.
     */
    public static void completePlan(Site s, long planId, long time) {
        Db.Row plan = s.db.table("competency_plan").mustGet(planId);
        if (plan.num("status") == 2) {
            throw WsError.coding("The plan is already completed.");
        }
        long userId = plan.num("userid");
        Db.Table archive = s.db.table("competency_usercompplan");
        long sortorder = 0;
        for (long competencyId : planCompetencies(s, plan)) {
            Db.Row uc = s.db.table("competency_usercomp").whereEquals("userid", userId).stream()
                    .filter(r -> r.num("competencyid") == competencyId).findFirst().orElse(null);
            archive.insert("userid", userId, "competencyid", competencyId, "proficiency",
                    uc == null ? null : uc.get("proficiency"), "grade", uc == null ? null : uc.get("grade"), "planid",
                    planId, "sortorder", sortorder++, "timecreated", time, "timemodified", time, "usermodified",
                    s.tokenUser);
        }
        plan.put("status", 2L);
        plan.put("timemodified", time);
    }

    /** {@code plan::get_competencies}: the template's when the plan is from one, else the plan's own. */
    static List<Long> planCompetencies(Site s, Db.Row plan) {
        List<Long> ids = new ArrayList<>();
        if (plan.get("templateid") != null) {
            s.db.table("competency_templatecomp").where(r -> r.num("templateid") == plan.num("templateid"))
                    .forEach(r -> ids.add(r.num("competencyid")));
        } else {
            s.db.table("competency_plancomp").where(r -> r.num("planid") == plan.id())
                    .forEach(r -> ids.add(r.num("competencyid")));
        }
        return ids;
    }

    private static final Pattern ITEM = Pattern.compile("\\{([^}]*)\\}");

    /**
     * {@code competency::get_default_grade}: the scale item marked {@code scaledefault} in the
     * competency's scale configuration, or its framework's; {grade, proficient (1/0)}.
     */
    static long[] defaultGrade(Site s, Db.Row comp) {
        Object config = comp.get("scaleid") != null && comp.get("scaleconfiguration") != null
                ? comp.get("scaleconfiguration")
                : s.db.table("competency_framework").mustGet(comp.num("competencyframeworkid")).get("scaleconfiguration");
        Matcher m = ITEM.matcher(String.valueOf(config));
        while (m.find()) {
            String item = m.group(1);
            if (field(item, "scaledefault") == 1) {
                return new long[] {field(item, "id"), field(item, "proficient") == 1 ? 1 : 0};
            }
        }
        return new long[] {1, 0};
    }

    private static long field(String item, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"?(\\d+)").matcher(item);
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    /** An evidence row as {@code evidence_exporter} exports it (core_competency/classes/external). */
    static Map<String, Object> exported(Db.Row e, List<String> scaleItems) {
        Object grade = e.get("grade");
        String gradename = grade == null ? "-" : scaleItems.get((int) ((Number) grade).longValue() - 1);
        return obj("usercompetencyid", e.num("usercompetencyid"), "contextid", e.num("contextid"), "action",
                e.num("action"), "actionuserid", e.get("actionuserid"), "descidentifier", e.str("descidentifier"),
                "desccomponent", e.str("desccomponent"), "desca", e.get("desca"), "url", e.get("url"), "grade", grade,
                "note", e.get("note"), "id", e.id(), "timecreated", e.num("timecreated"), "timemodified",
                e.num("timemodified"), "usermodified", e.num("usermodified"), "description",
                e.str("descidentifier"), "gradename", gradename, "userdate",
                java.time.Instant.ofEpochSecond(e.num("timecreated")).toString(), "candelete", true);
    }
}
