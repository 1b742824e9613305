package org.qipathways.moodle.simulator.internal;

import static org.qipathways.moodle.simulator.internal.Competencies.competency;
import static org.qipathways.moodle.simulator.internal.Competencies.competencyRow;
import static org.qipathways.moodle.simulator.internal.Competencies.frameworkRow;
import static org.qipathways.moodle.simulator.internal.Competencies.requireEnabled;
import static org.qipathways.moodle.simulator.internal.Desc.required;
import static org.qipathways.moodle.simulator.internal.Desc.single;
import static org.qipathways.moodle.simulator.internal.Functions.obj;
import static org.qipathways.moodle.simulator.internal.ParamType.BOOL;
import static org.qipathways.moodle.simulator.internal.ParamType.INT;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Course competencies: the competencies a course gives evidence of, their rule outcomes and the
 * course's competency settings (ws-reference.md 2.7). Every call first checks that competencies
 * are enabled.
 */
final class CourseCompetencyFunctions {

    private CourseCompetencyFunctions() {
    }

    static void register(Functions.Registry r) {
        r.add("core_competency_add_competency_to_course", single("courseid", required(INT), "competencyid", required(INT)),
                CourseCompetencyFunctions::addToCourse);
        r.add("core_competency_remove_competency_from_course", single("courseid", required(INT), "competencyid",
                required(INT)), CourseCompetencyFunctions::removeFromCourse);
        r.add("core_competency_list_course_competencies", single("id", required(INT)),
                CourseCompetencyFunctions::listCourseCompetencies);
        r.add("core_competency_set_course_competency_ruleoutcome", single("coursecompetencyid", required(INT),
                "ruleoutcome", required(INT)), CourseCompetencyFunctions::setRuleOutcome);
        r.add("core_competency_update_course_competency_settings", single("courseid", required(INT),
                "settings", single("pushratingstouserplans", required(BOOL))), CourseCompetencyFunctions::updateSettings);
    }

    private static Object addToCourse(Functions.Call c) {
        Site s = c.site;
        requireEnabled(s);
        long courseId = c.num("courseid");
        s.db.table("course").mustGet(courseId);
        Db.Row comp = competencyRow(s, c.num("competencyid"));
        s.require("moodle/competency:coursecompetencymanage");
        if (!frameworkRow(s, comp.num("competencyframeworkid")).flag("visible")) {
            throw WsError.coding("A competency from a hidden framework cannot be added to a course.");
        }
        Db.Table links = s.db.table("competency_coursecomp");
        if (links.exists(r -> r.num("courseid") == courseId && r.num("competencyid") == comp.id())) {
            return false;
        }
        long sortorder = links.where(r -> r.num("courseid") == courseId).size();
        links.insert("courseid", courseId, "competencyid", comp.id(), "sortorder", sortorder, "ruleoutcome", 1L,
                "timecreated", s.now(), "timemodified", s.now(), "usermodified", s.tokenUser);
        return true;
    }

    private static Object removeFromCourse(Functions.Call c) {
        Site s = c.site;
        requireEnabled(s);
        long courseId = c.num("courseid");
        long competencyId = c.num("competencyid");
        s.db.table("course").mustGet(courseId);
        s.require("moodle/competency:coursecompetencymanage");
        Db.Table links = s.db.table("competency_coursecomp");
        Db.Row link = links.first(r -> r.num("courseid") == courseId && r.num("competencyid") == competencyId)
                .orElseThrow(() -> WsError.coding("The competency does not belong to this course: " + competencyId
                        + ", " + courseId));
        links.delete(link.id());
        return true;
    }

    private static Object listCourseCompetencies(Functions.Call c) {
        Site s = c.site;
        requireEnabled(s);
        long courseId = c.num("id");
        s.db.table("course").mustGet(courseId);
        s.require("moodle/competency:coursecompetencyview");
        List<Object> out = new ArrayList<>();
        List<Db.Row> links = new ArrayList<>(s.db.table("competency_coursecomp").whereEquals("courseid", courseId));
        links.sort(Comparator.comparingLong(r -> r.num("sortorder")));
        for (Db.Row link : links) {
            out.add(obj("competency", competency(competencyRow(s, link.num("competencyid"))),
                    "coursecompetency", obj("id", link.id(), "courseid", courseId, "competencyid", link.num("competencyid"),
                            "sortorder", link.num("sortorder"), "ruleoutcome", link.num("ruleoutcome"),
                            "timecreated", link.num("timecreated"), "timemodified", link.num("timemodified"),
                            "usermodified", link.num("usermodified")),
                    "coursemodules", List.of()));
        }
        return out;
    }

    private static Object setRuleOutcome(Functions.Call c) {
        Site s = c.site;
        requireEnabled(s);
        Db.Row link = s.db.table("competency_coursecomp").mustGet(c.num("coursecompetencyid"));
        s.require("moodle/competency:coursecompetencymanage");
        long outcome = c.num("ruleoutcome");
        if (outcome < 0 || outcome > 3) {
            throw WsError.invalidPersistent("ruleoutcome", "Invalid data");
        }
        link.put("ruleoutcome", outcome);
        link.put("timemodified", s.now());
        return true;
    }

    private static Object updateSettings(Functions.Call c) {
        Site s = c.site;
        requireEnabled(s);
        long courseId = c.num("courseid");
        s.db.table("course").mustGet(courseId);
        s.require("moodle/competency:coursecompetencyconfigure");
        // competency/classes/api.php update_course_competency_settings: the course's one row
        // (course_competency_settings::get_by_courseid) is updated, or made when it has none
        boolean push = Boolean.TRUE.equals(c.map("settings").get("pushratingstouserplans"));
        Db.Table settings = s.db.table("competency_coursecompsetting");
        java.util.Optional<Db.Row> row = settings.first(r -> r.num("courseid") == courseId);
        if (row.isPresent()) {
            row.get().put("pushratingstouserplans", push);
            row.get().put("timemodified", s.now());
        } else {
            settings.insert("courseid", courseId, "pushratingstouserplans", push, "timecreated", s.now(),
                    "timemodified", s.now(), "usermodified", s.tokenUser);
        }
        return true;
    }
}
