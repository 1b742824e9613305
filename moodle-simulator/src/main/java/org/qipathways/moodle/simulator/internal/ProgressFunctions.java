package org.qipathways.moodle.simulator.internal;

import static org.qipathways.moodle.simulator.internal.Desc.def;
import static org.qipathways.moodle.simulator.internal.Desc.required;
import static org.qipathways.moodle.simulator.internal.Desc.single;
import static org.qipathways.moodle.simulator.internal.Functions.obj;
import static org.qipathways.moodle.simulator.internal.ParamType.INT;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What learners did: course and activity completion, one user per call, and a course's grade
 * items for every gradable user (ws-reference.md 2.8 and 2.9). The data is seeded through
 * {@code SimulatedSite}.
 */
final class ProgressFunctions {

    private ProgressFunctions() {
    }

    static void register(Functions.Registry r) {
        r.add("core_completion_get_course_completion_status", single("courseid", required(INT), "userid", required(INT)),
                ProgressFunctions::courseCompletion);
        r.add("core_completion_get_activities_completion_status", single("courseid", required(INT), "userid",
                required(INT)), ProgressFunctions::activitiesCompletion);
        r.add("gradereport_user_get_grade_items", single("courseid", required(INT), "userid", def(INT, 0L),
                "groupid", def(INT, 0L)), ProgressFunctions::gradeItems);
    }

    /** Course completion from its criteria (activity completion, all required). */
    private static Object courseCompletion(Functions.Call c) {
        Site s = c.site;
        Db.Row course = s.db.table("course").mustGet(c.num("courseid"));
        long userId = c.num("userid");
        s.db.table("user").mustGet(userId);
        if (!s.completionEnabled || course.num("enablecompletion") == 0) {
            throw WsError.moodle("completionnotenabled", "Completion is not enabled");
        }
        if (userId != s.tokenUser) {
            s.require("report/completion:view");
        }
        if (!enrolled(s, course.id(), userId)) {
            throw WsError.moodle("usernotenroled", "User is not enrolled in this course");
        }
        List<Db.Row> criteria = s.db.table("course_completion_criteria").whereEquals("course", course.id());
        if (criteria.isEmpty()) {
            throw WsError.moodle("nocriteriaset", "No criteria set for this course");
        }
        List<Object> completions = new ArrayList<>();
        boolean all = true;
        for (Db.Row criterion : criteria) {
            long cmid = criterion.num("moduleinstance");
            Db.Row done = activityState(s, cmid, userId);
            boolean complete = done != null && done.num("completionstate") >= 1;
            all &= complete;
            Db.Row cm = s.db.table("course_modules").mustGet(cmid);
            completions.add(obj("type", 4, "title", "Activity completion", "status", complete ? "Yes" : "No",
                    "complete", complete, "timecompleted", complete ? done.num("timemodified") : null,
                    "details", obj("type", "Activity completion", "criteria", cm.str("name"),
                            "requirement", "Marking yourself complete", "status", complete ? "Yes" : "No")));
        }
        return obj("completionstatus", obj("completed", all, "aggregation", 1, "completions", completions),
                "warnings", List.of());
    }

    private static Object activitiesCompletion(Functions.Call c) {
        Site s = c.site;
        Db.Row course = s.db.table("course").mustGet(c.num("courseid"));
        long userId = c.num("userid");
        s.db.table("user").mustGet(userId);
        if (userId != s.tokenUser) {
            s.require("report/progress:view");
        }
        if (!enrolled(s, course.id(), userId)) {
            throw WsError.moodle("usernotenroled", "User is not enrolled in this course");
        }
        List<Object> statuses = new ArrayList<>();
        if (s.completionEnabled && course.num("enablecompletion") == 1) {
            // the user's states read once, not once per activity: session courses hold hundreds of activities
            Map<Long, Db.Row> states = new java.util.HashMap<>();
            for (Db.Row r : s.db.table("course_modules_completion").whereEquals("userid", userId)) {
                states.putIfAbsent(r.num("coursemoduleid"), r);
            }
            for (Db.Row cm : s.db.table("course_modules").whereEquals("course", course.id())) {
                if (cm.num("completion") <= 0) {
                    continue;
                }
                Db.Row done = states.get(cm.id());
                statuses.add(new ActivityStatus(cm.id(), cm.str("modname"), cm.num("instance"),
                        done == null ? 0 : done.num("completionstate"), done == null ? 0 : done.num("timemodified"),
                        cm.num("completion"), done == null ? null : done.get("overrideby"), false, true,
                        cm.num("completion") == 2, true, true, List.of()));
            }
        }
        return obj("statuses", statuses, "warnings", List.of());
    }

    /**
     * One entry of {@code statuses}, in Moodle's field order. A record rather than a map: session
     * courses list hundreds of activities per user, and the demo reads tens of thousands of users.
     */
    record ActivityStatus(long cmid, String modname, long instance, long state, long timecompleted, long tracking,
            Object overrideby, boolean valueused, boolean hascompletion, boolean isautomatic, boolean istrackeduser,
            boolean uservisible, List<Object> details) {
    }

    /** Every enrolled user's grades (or one user's), the course total first. */
    private static Object gradeItems(Functions.Call c) {
        Site s = c.site;
        Db.Row course = s.db.table("course").mustGet(c.num("courseid"));
        long only = c.num("userid");
        if (only != s.tokenUser) {
            s.require("moodle/grade:viewall");
        }
        List<Db.Row> users = new ArrayList<>();
        if (only != 0) {
            Db.Row u = s.db.table("user").mustGet(only);
            if (!enrolled(s, course.id(), only)) {
                throw WsError.moodle("notenrolled", "User is not enrolled in this course");
            }
            users.add(u);
        } else {
            List<Long> instances = s.db.table("enrol").whereEquals("courseid", course.id()).stream()
                    .map(Db.Row::id).toList();
            java.util.Set<Long> enrolledIds = new java.util.HashSet<>();
            s.db.table("user_enrolments").where(r -> instances.contains(r.num("enrolid")))
                    .forEach(r -> enrolledIds.add(r.num("userid")));
            for (Db.Row u : s.db.table("user").all()) {
                if (!u.flag("deleted") && enrolledIds.contains(u.id())) {
                    users.add(u);
                }
            }
        }
        // the course's grades by item and user, read once rather than once per user and item
        Map<String, Db.Row> grades = new java.util.HashMap<>();
        // one user's call reads that user's grades only: a large course's grades are read per user
        (only != 0 ? s.db.table("grade_grades").whereEquals("userid", only) : s.db.table("grade_grades").all())
                .forEach(g -> grades.put(g.num("itemid") + ":" + g.num("userid"), g));
        Db.Table gradeItems = s.db.table("grade_items");
        List<Db.Row> items = gradeItems.whereEquals("courseid", course.id()).stream().filter(r -> !"course".equals(r.str("itemtype"))).toList();
        long courseItem = gradeItems.first(r -> r.num("courseid") == course.id() && "course".equals(r.str("itemtype")))
                .map(Db.Row::id).orElseGet(() -> gradeItems.insert("courseid", course.id(), "itemtype", "course",
                        "iteminstance", course.id(), "idnumber", "", "grademax", 0.0));
        List<Object> usergrades = new ArrayList<>();
        for (Db.Row u : users) {
            List<Object> gradeitems = new ArrayList<>();
            double total = 0;
            double totalMax = 0;
            boolean anyGrade = false;
            long lastGraded = 0;
            for (Db.Row item : items) {
                Db.Row grade = grades.get(item.id() + ":" + u.id());
                Double raw = grade == null ? null : (Double) grade.get("finalgrade");
                if (raw != null) {
                    total += raw;
                    anyGrade = true;
                    lastGraded = Math.max(lastGraded, grade.num("timemodified"));
                }
                totalMax += (Double) item.get("grademax");
                gradeitems.add(gradeItem(item, raw, grade == null ? null : grade.num("timemodified")));
            }
            Map<String, Object> courseTotal = obj("id", courseItem, "itemname", null, "itemtype", "course",
                    "itemmodule", null, "iteminstance", course.id(), "itemnumber", 0, "idnumber", "", "categoryid", null,
                    "outcomeid", null, "scaleid", null, "locked", false, "graderaw", anyGrade ? total : null,
                    "gradedatesubmitted", null, "gradedategraded", anyGrade ? lastGraded : null, "gradeishidden", false,
                    "gradeislocked", false, "gradeisoverridden", false, "gradeformatted", anyGrade ? format(total) : "-",
                    "grademin", 0.0, "grademax", totalMax, "percentageformatted", anyGrade && totalMax > 0
                            ? format(100 * total / totalMax) + " %" : "-", "feedback", "", "feedbackformat", 0);
            gradeitems.add(courseTotal);
            usergrades.add(obj("courseid", course.id(), "courseidnumber", course.str("idnumber"), "userid", u.id(),
                    "userfullname", Site.fullname(u), "useridnumber", u.str("idnumber"), "maxdepth", 2,
                    "gradeitems", gradeitems));
        }
        return obj("usergrades", usergrades, "warnings", List.of());
    }

    private static Map<String, Object> gradeItem(Db.Row item, Double raw, Long graded) {
        double max = (Double) item.get("grademax");
        return obj("id", item.id(), "itemname", item.str("itemname"), "itemtype", item.str("itemtype"),
                "itemmodule", item.str("itemmodule"), "iteminstance", item.num("iteminstance"), "itemnumber", 0,
                "idnumber", item.str("idnumber"), "categoryid", null, "outcomeid", null, "scaleid", null,
                "locked", false, "cmid", item.get("cmid"), "weightraw", null, "graderaw", raw,
                "gradedatesubmitted", null, "gradedategraded", raw == null ? null : graded, "gradeishidden", false,
                "gradeislocked", false, "gradeisoverridden", false, "gradeformatted", raw == null ? "-" : format(raw),
                "grademin", 0.0, "grademax", max, "percentageformatted",
                raw == null || max == 0 ? "-" : format(100 * raw / max) + " %", "feedback", "", "feedbackformat", 0);
    }

    private static String format(double v) {
        return String.format(java.util.Locale.ROOT, "%.2f", v);
    }

    private static Db.Row activityState(Site s, long cmid, long userId) {
        return s.db.table("course_modules_completion").whereEquals("userid", userId).stream()
                .filter(r -> r.num("coursemoduleid") == cmid).findFirst().orElse(null);
    }

    /** Whether the user has an enrolment in the course. */
    static boolean enrolled(Site s, long courseId, long userId) {
        List<Long> instances = s.db.table("enrol").whereEquals("courseid", courseId).stream().map(Db.Row::id).toList();
        return s.db.table("user_enrolments").whereEquals("userid", userId).stream()
                .anyMatch(r -> instances.contains(r.num("enrolid")));
    }
}
