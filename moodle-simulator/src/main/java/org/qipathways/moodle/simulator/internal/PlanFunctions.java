package org.qipathways.moodle.simulator.internal;

import static org.qipathways.moodle.simulator.internal.Competencies.CONTEXT;
import static org.qipathways.moodle.simulator.internal.Competencies.competency;
import static org.qipathways.moodle.simulator.internal.Competencies.competencyRow;
import static org.qipathways.moodle.simulator.internal.Competencies.context;
import static org.qipathways.moodle.simulator.internal.Competencies.contextName;
import static org.qipathways.moodle.simulator.internal.Competencies.contexts;
import static org.qipathways.moodle.simulator.internal.Competencies.frameworkRow;
import static org.qipathways.moodle.simulator.internal.Competencies.page;
import static org.qipathways.moodle.simulator.internal.Competencies.requireEnabled;
import static org.qipathways.moodle.simulator.internal.Competencies.sorted;
import static org.qipathways.moodle.simulator.internal.Desc.def;
import static org.qipathways.moodle.simulator.internal.Desc.optional;
import static org.qipathways.moodle.simulator.internal.Desc.required;
import static org.qipathways.moodle.simulator.internal.Desc.single;
import static org.qipathways.moodle.simulator.internal.Functions.num;
import static org.qipathways.moodle.simulator.internal.Functions.obj;
import static org.qipathways.moodle.simulator.internal.Functions.text;
import static org.qipathways.moodle.simulator.internal.ParamType.ALPHA;
import static org.qipathways.moodle.simulator.internal.ParamType.ALPHANUMEXT;
import static org.qipathways.moodle.simulator.internal.ParamType.BOOL;
import static org.qipathways.moodle.simulator.internal.ParamType.INT;
import static org.qipathways.moodle.simulator.internal.ParamType.RAW;
import static org.qipathways.moodle.simulator.internal.ParamType.TEXT;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Learning-plan templates and their competencies, and users' learning plans with their ratings
 * (ws-reference.md 2.7). Every call first checks that competencies are enabled.
 */
final class PlanFunctions {

    private PlanFunctions() {
    }

    static void register(Functions.Registry r) {
        r.add("core_competency_create_template", single("template", single(
                "shortname", required(TEXT),
                "description", def(RAW, ""),
                "descriptionformat", def(INT, 1L),
                "duedate", def(INT, 0L),
                "visible", def(BOOL, true),
                "contextid", optional(INT),
                "contextlevel", optional(ALPHA),
                "instanceid", optional(INT),
                "timecreated", optional(INT),
                "timemodified", optional(INT),
                "usermodified", optional(INT))), PlanFunctions::createTemplate);
        r.add("core_competency_read_template", single("id", required(INT)),
                c -> template(c.site, templateRow(c.site, c.num("id"))));
        r.add("core_competency_update_template", single("template", single(
                "id", required(INT),
                "shortname", optional(TEXT),
                "description", optional(RAW),
                "descriptionformat", optional(INT),
                "duedate", optional(INT),
                "visible", optional(BOOL),
                "timecreated", optional(INT),
                "timemodified", optional(INT),
                "usermodified", optional(INT))), PlanFunctions::updateTemplate);
        r.add("core_competency_list_templates", single(
                "sort", def(ALPHANUMEXT, ""),
                "order", def(ALPHA, ""),
                "skip", def(INT, 0L),
                "limit", def(INT, 0L),
                "context", CONTEXT,
                "includes", def(ALPHA, "children"),
                "onlyvisible", def(BOOL, false)), PlanFunctions::listTemplates);
        r.add("core_competency_add_competency_to_template", single("templateid", required(INT), "competencyid",
                required(INT)), PlanFunctions::addToTemplate);
        r.add("core_competency_remove_competency_from_template", single("templateid", required(INT), "competencyid",
                required(INT)), PlanFunctions::removeFromTemplate);
        r.add("core_competency_list_competencies_in_template", single("id", required(INT)),
                PlanFunctions::listInTemplate);
        r.add("core_competency_list_user_plans", single("userid", required(INT)), PlanFunctions::listUserPlans);
        r.add("core_competency_list_plan_competencies", single("id", required(INT)),
                PlanFunctions::listPlanCompetencies);
        r.add("tool_lp_data_for_user_competency_summary", single("userid", required(INT), "competencyid",
                required(INT)), PlanFunctions::userCompetencySummary);
    }

    // ---- templates -------------------------------------------------------------------------------

    private static Object createTemplate(Functions.Call c) {
        Site s = c.site;
        requireEnabled(s);
        Map<String, Object> t = c.map("template");
        long contextId = context(s, t);
        s.require("moodle/competency:templatemanage");
        long duedate = num(t, "duedate", 0);
        checkDuedate(s, duedate);
        Db.Table templates = s.db.table("competency_template");
        long id = templates.insert("shortname", text(t, "shortname"), "description", text(t, "description"),
                "descriptionformat", num(t, "descriptionformat", 1), "duedate", duedate, "visible",
                Boolean.TRUE.equals(t.get("visible")), "contextid", contextId, "timecreated", s.now(),
                "timemodified", s.now(), "usermodified", s.tokenUser);
        return template(s, templates.mustGet(id));
    }

    private static Object updateTemplate(Functions.Call c) {
        Site s = c.site;
        requireEnabled(s);
        Map<String, Object> t = c.map("template");
        Db.Row row = templateRow(s, num(t, "id", 0));
        s.require("moodle/competency:templatemanage");
        if (t.get("duedate") != null && num(t, "duedate", 0) != row.num("duedate")) {
            checkDuedate(s, num(t, "duedate", 0));
            row.put("duedate", num(t, "duedate", 0));
        }
        for (String k : new String[] {"shortname", "description"}) {
            if (t.get(k) != null) {
                row.put(k, text(t, k));
            }
        }
        if (t.get("visible") != null) {
            row.put("visible", Boolean.TRUE.equals(t.get("visible")));
        }
        row.put("timemodified", s.now());
        return true;
    }

    private static void checkDuedate(Site s, long duedate) {
        if (duedate != 0 && duedate < s.now() - 600) {
            throw WsError.invalidPersistent("duedate", "The due date cannot be set in the past.");
        }
    }

    private static Object listTemplates(Functions.Call c) {
        Site s = c.site;
        requireEnabled(s);
        s.require("moodle/competency:templateview");
        Set<Long> contexts = contexts(s, c.map("context"), c.str("includes"));
        boolean onlyVisible = c.flag("onlyvisible");
        List<Object> out = new ArrayList<>();
        for (Db.Row r : sorted(s.db.table("competency_template").all(), c.str("sort"), c.str("order"))) {
            if (contexts.contains(r.num("contextid")) && (!onlyVisible || r.flag("visible"))) {
                out.add(template(s, r));
            }
        }
        return page(out, c.num("skip"), c.num("limit"));
    }

    private static Object addToTemplate(Functions.Call c) {
        Site s = c.site;
        requireEnabled(s);
        Db.Row template = templateRow(s, c.num("templateid"));
        Db.Row comp = competencyRow(s, c.num("competencyid"));
        s.require("moodle/competency:templatemanage");
        if (!frameworkRow(s, comp.num("competencyframeworkid")).flag("visible")) {
            throw WsError.coding("A competency from a hidden framework cannot be added to a learning plan template.");
        }
        Db.Table links = s.db.table("competency_templatecomp");
        if (links.exists(r -> r.num("templateid") == template.id() && r.num("competencyid") == comp.id())) {
            return false;
        }
        links.insert("templateid", template.id(), "competencyid", comp.id(), "sortorder",
                (long) links.where(r -> r.num("templateid") == template.id()).size());
        return true;
    }

    private static Object removeFromTemplate(Functions.Call c) {
        Site s = c.site;
        requireEnabled(s);
        long templateId = c.num("templateid");
        long competencyId = c.num("competencyid");
        templateRow(s, templateId);
        s.require("moodle/competency:templatemanage");
        Db.Table links = s.db.table("competency_templatecomp");
        Db.Row link = links.first(r -> r.num("templateid") == templateId && r.num("competencyid") == competencyId)
                .orElseThrow(() -> WsError.coding("The competency does not belong to this template: " + competencyId
                        + ", " + templateId));
        links.delete(link.id());
        return true;
    }

    private static Object listInTemplate(Functions.Call c) {
        Site s = c.site;
        requireEnabled(s);
        long templateId = templateRow(s, c.num("id")).id();
        s.require("moodle/competency:templateview");
        List<Object> out = new ArrayList<>();
        List<Db.Row> links = s.db.table("competency_templatecomp").where(r -> r.num("templateid") == templateId);
        links.sort(Comparator.comparingLong(r -> r.num("sortorder")));
        for (Db.Row link : links) {
            out.add(competency(competencyRow(s, link.num("competencyid"))));
        }
        return out;
    }

    // ---- plans -----------------------------------------------------------------------------------

    private static Object listUserPlans(Functions.Call c) {
        Site s = c.site;
        requireEnabled(s);
        long userId = c.num("userid");
        s.db.table("user").mustGet(userId);
        s.require("moodle/competency:planview");
        List<Object> out = new ArrayList<>();
        for (Db.Row p : s.db.table("competency_plan").whereEquals("userid", userId)) {
            out.add(plan(p));
        }
        return out;
    }

    /**
     * A plan's competencies with the user's ratings; a plan from a template takes the template's
     * competencies. While the plan is open, the live user competency ({@code usercompetency});
     * once complete, only the copy archived when it was completed ({@code usercompetencyplan}),
     * which later ratings do not change (competency/classes/external.php
     * {@code list_plan_competencies}, api.php {@code list_plan_competencies}).
     */
    private static Object listPlanCompetencies(Functions.Call c) {
        Site s = c.site;
        requireEnabled(s);
        Db.Row plan = s.db.table("competency_plan").mustGet(c.num("id"));
        s.require("moodle/competency:planview");
        boolean complete = plan.num("status") == 2;
        long userId = plan.num("userid");
        List<Object> out = new ArrayList<>();
        for (long competencyId : Evidence.planCompetencies(s, plan)) {
            Map<String, Object> entry = obj("competency", competency(competencyRow(s, competencyId)));
            if (complete) {
                Map<String, Object> archived = s.db.table("competency_usercompplan").whereEquals("planid", plan.id())
                        .stream().filter(r -> r.num("competencyid") == competencyId).findFirst()
                        .map(r -> obj("id", r.id(), "userid", userId, "competencyid", competencyId, "proficiency",
                                r.get("proficiency"), "grade", r.get("grade"), "planid", plan.id(), "sortorder",
                                r.num("sortorder"), "timecreated", r.num("timecreated"), "timemodified",
                                r.num("timemodified"), "usermodified", r.num("usermodified")))
                        .orElse(obj("id", 0, "userid", userId, "competencyid", competencyId, "proficiency", null,
                                "grade", null, "planid", plan.id(), "sortorder", 0, "timecreated", 0,
                                "timemodified", 0, "usermodified", 0));
                entry.put("usercompetencyplan", archived);
            } else {
                Map<String, Object> rating = s.db.table("competency_usercomp").whereEquals("userid", userId).stream()
                        .filter(r -> r.num("competencyid") == competencyId).findFirst()
                        .map(PlanFunctions::userCompetency)
                        .orElse(obj("id", 0, "userid", userId, "competencyid", competencyId, "status", 0, "reviewerid",
                                null, "proficiency", null, "grade", null, "timecreated", 0, "timemodified", 0,
                                "usermodified", 0));
                entry.put("usercompetency", rating);
            }
            out.add(entry);
        }
        return out;
    }

    /**
     * {@code tool_lp_data_for_user_competency_summary} (admin/tool/lp/classes/external.php): the
     * live user competency, made unrated if missing ({@code api::get_user_competency}), with all
     * its evidence, newest first ({@code api::list_evidence}: timecreated DESC), each with its
     * action and grade, as {@code user_competency_summary_exporter} exports them.
     */
    private static Object userCompetencySummary(Functions.Call c) {
        Site s = c.site;
        requireEnabled(s);
        long userId = c.num("userid");
        Db.Row user = s.db.table("user").mustGet(userId);
        Db.Row comp = competencyRow(s, c.num("competencyid"));
        Db.Row uc = Evidence.userCompetency(s, userId, comp.id(), s.now());
        s.require("moodle/competency:usercompetencyview");
        Db.Row framework = frameworkRow(s, comp.num("competencyframeworkid"));
        long scaleId = comp.get("scaleid") != null ? comp.num("scaleid") : framework.num("scaleid");
        List<String> items = List.of(s.db.table("scale").mustGet(scaleId).str("scale").split(","));
        List<Db.Row> evidence = new ArrayList<>(s.db.table("competency_evidence").whereEquals("usercompetencyid", uc.id()));
        evidence.sort(Comparator.comparingLong((Db.Row r) -> r.num("timecreated")).thenComparingLong(Db.Row::id).reversed());
        List<Object> exported = new ArrayList<>();
        evidence.forEach(e -> exported.add(Evidence.exported(e, items)));
        Map<String, Object> usercompetency = userCompetency(uc);
        Object grade = uc.get("grade");
        usercompetency.put("gradename", grade == null ? "-" : items.get((int) ((Number) grade).longValue() - 1));
        boolean grader = s.has("moodle/competency:competencygrade");
        return obj("showrelatedcompetencies", true, "cangrade", grader, "cansuggest", false, "cangradeorsuggest", grader,
                "competency", obj("competency", competency(comp), "framework", obj("id", framework.id(), "shortname",
                        framework.str("shortname"), "idnumber", framework.str("idnumber")), "linkedcourses", List.of(),
                        "relatedcompetencies", List.of(), "hasrelatedcompetencies", false, "scaleid", scaleId,
                        "scaleconfiguration", framework.get("scaleconfiguration"), "taxonomyterm", "Competency"),
                "user", obj("id", user.id(), "fullname", Site.fullname(user), "idnumber", user.str("idnumber"),
                        "email", user.str("email")),
                "usercompetency", usercompetency, "evidence", exported);
    }

    private static Map<String, Object> userCompetency(Db.Row r) {
        return obj("id", r.id(), "userid", r.num("userid"), "competencyid", r.num("competencyid"), "status",
                r.num("status"), "reviewerid", null, "proficiency", r.get("proficiency"), "grade", r.get("grade"),
                "timecreated", r.num("timecreated"), "timemodified", r.num("timemodified"), "usermodified",
                r.num("usermodified"));
    }

    // ---- records ---------------------------------------------------------------------------------

    private static Db.Row templateRow(Site s, long id) {
        requireEnabled(s);
        return s.db.table("competency_template").mustGet(id);
    }

    private static Map<String, Object> template(Site s, Db.Row r) {
        long plans = s.db.table("competency_plan").where(p -> p.get("templateid") != null && p.num("templateid") == r.id()).size();
        String contextName = contextName(s, r.num("contextid"));
        return obj("id", r.id(), "shortname", r.str("shortname"), "description", r.str("description"),
                "descriptionformat", r.num("descriptionformat"), "duedate", r.num("duedate"), "visible",
                r.flag("visible"), "contextid", r.num("contextid"), "timecreated", r.num("timecreated"),
                "timemodified", r.num("timemodified"), "usermodified", r.num("usermodified"), "cohortscount", 0,
                "planscount", plans, "canmanage", true, "canread", true, "contextname", contextName,
                "contextnamenoprefix", contextName);
    }

    private static Map<String, Object> plan(Db.Row p) {
        return obj("id", p.id(), "name", p.str("name"), "description", "", "descriptionformat", 1, "userid",
                p.num("userid"), "templateid", p.get("templateid"), "origtemplateid", null, "status", p.num("status"),
                "duedate", p.num("duedate"), "reviewerid", null, "timecreated", p.num("timecreated"),
                "timemodified", p.num("timemodified"), "usermodified", p.num("usermodified"));
    }
}
