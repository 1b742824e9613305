package org.qipathways.moodle.simulator.internal;

import static org.qipathways.moodle.simulator.internal.Desc.def;
import static org.qipathways.moodle.simulator.internal.Desc.many;
import static org.qipathways.moodle.simulator.internal.Desc.optional;
import static org.qipathways.moodle.simulator.internal.Desc.required;
import static org.qipathways.moodle.simulator.internal.Desc.single;
import static org.qipathways.moodle.simulator.internal.Functions.num;
import static org.qipathways.moodle.simulator.internal.Functions.obj;
import static org.qipathways.moodle.simulator.internal.Functions.text;
import static org.qipathways.moodle.simulator.internal.ParamType.ALPHA;
import static org.qipathways.moodle.simulator.internal.ParamType.ALPHANUM;
import static org.qipathways.moodle.simulator.internal.ParamType.ALPHANUMEXT;
import static org.qipathways.moodle.simulator.internal.ParamType.BOOL;
import static org.qipathways.moodle.simulator.internal.ParamType.INT;
import static org.qipathways.moodle.simulator.internal.ParamType.RAW;
import static org.qipathways.moodle.simulator.internal.ParamType.TEXT;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Competency frameworks, competencies, course competencies, learning-plan templates and plans
 * (ws-reference.md 2.7). One object per call; every call first checks that competencies are enabled.
 */
final class CompetencyFunctions {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> TAXONOMIES = Set.of("behaviour", "competency", "concept", "domain", "indicator",
            "level", "outcome", "practice", "proficiency", "skill", "value");
    private static final Set<String> FILTER_COLUMNS = Set.of("id", "shortname", "description", "sortorder", "idnumber",
            "parentid", "competencyframeworkid");
    private static final String IN_USE = "This ID number is already in use";

    private CompetencyFunctions() {
    }

    static void register(Functions.Registry r) {
        Desc context = single("contextid", def(INT, 0L), "contextlevel", def(ALPHANUM, ""), "instanceid", def(INT, 0L));
        r.add("core_competency_create_competency_framework", single("competencyframework", single(
                "shortname", required(TEXT),
                "idnumber", required(RAW),
                "description", def(RAW, ""),
                "descriptionformat", def(INT, 1L),
                "visible", def(BOOL, true),
                "scaleid", required(INT),
                "scaleconfiguration", required(RAW),
                "contextid", optional(INT),
                "contextlevel", optional(ALPHA),
                "instanceid", optional(INT),
                "taxonomies", def(RAW, ""),
                "timecreated", optional(INT),
                "timemodified", optional(INT),
                "usermodified", optional(INT))), CompetencyFunctions::createFramework);
        r.add("core_competency_read_competency_framework", single("id", required(INT)),
                c -> framework(c.site, frameworkRow(c.site, c.num("id"))));
        r.add("core_competency_update_competency_framework", single("competencyframework", single(
                "id", required(INT),
                "shortname", optional(TEXT),
                "idnumber", optional(RAW),
                "description", optional(RAW),
                "descriptionformat", optional(INT),
                "visible", optional(BOOL),
                "scaleid", optional(INT),
                "scaleconfiguration", optional(RAW),
                "taxonomies", optional(RAW),
                "timecreated", optional(INT),
                "timemodified", optional(INT),
                "usermodified", optional(INT))), CompetencyFunctions::updateFramework);
        r.add("core_competency_list_competency_frameworks", single(
                "sort", def(ALPHANUMEXT, "shortname"),
                "order", def(ALPHA, ""),
                "skip", def(INT, 0L),
                "limit", def(INT, 0L),
                "context", context,
                "includes", def(ALPHA, "children"),
                "onlyvisible", def(BOOL, false),
                "query", def(RAW, "")), CompetencyFunctions::listFrameworks);
        r.add("core_competency_get_scale_values", single("scaleid", required(INT)), CompetencyFunctions::scaleValues);
        r.add("core_competency_create_competency", single("competency", single(
                "shortname", required(TEXT),
                "idnumber", required(RAW),
                "description", def(RAW, ""),
                "descriptionformat", def(INT, 1L),
                "sortorder", optional(INT),
                "parentid", def(INT, 0L),
                "path", optional(RAW),
                "ruleoutcome", def(INT, 0L),
                "ruletype", optional(RAW),
                "ruleconfig", optional(RAW),
                "scaleid", optional(INT),
                "scaleconfiguration", optional(RAW),
                "competencyframeworkid", def(INT, 0L),
                "timecreated", optional(INT),
                "timemodified", optional(INT),
                "usermodified", optional(INT))), CompetencyFunctions::createCompetency);
        r.add("core_competency_read_competency", single("id", required(INT)),
                c -> competency(competencyRow(c.site, c.num("id"))));
        r.add("core_competency_update_competency", single("competency", single(
                "id", required(INT),
                "shortname", optional(TEXT),
                "idnumber", optional(RAW),
                "description", optional(RAW),
                "descriptionformat", optional(INT),
                "sortorder", optional(INT),
                "parentid", optional(INT),
                "path", optional(RAW),
                "ruleoutcome", optional(INT),
                "ruletype", optional(RAW),
                "ruleconfig", optional(RAW),
                "scaleid", optional(INT),
                "scaleconfiguration", optional(RAW),
                "competencyframeworkid", optional(INT),
                "timecreated", optional(INT),
                "timemodified", optional(INT),
                "usermodified", optional(INT))), CompetencyFunctions::updateCompetency);
        r.add("core_competency_list_competencies", single(
                "filters", many(single("column", required(ALPHANUMEXT), "value", required(RAW))),
                "sort", def(ALPHANUMEXT, ""),
                "order", def(ALPHA, ""),
                "skip", def(INT, 0L),
                "limit", def(INT, 0L)), CompetencyFunctions::listCompetencies);
        r.add("core_competency_set_parent_competency", single("competencyid", required(INT), "parentid", required(INT)),
                CompetencyFunctions::setParent);
        r.add("core_competency_add_competency_to_course", single("courseid", required(INT), "competencyid", required(INT)),
                CompetencyFunctions::addToCourse);
        r.add("core_competency_remove_competency_from_course", single("courseid", required(INT), "competencyid",
                required(INT)), CompetencyFunctions::removeFromCourse);
        r.add("core_competency_list_course_competencies", single("id", required(INT)),
                CompetencyFunctions::listCourseCompetencies);
        r.add("core_competency_set_course_competency_ruleoutcome", single("coursecompetencyid", required(INT),
                "ruleoutcome", required(INT)), CompetencyFunctions::setRuleOutcome);
        r.add("core_competency_update_course_competency_settings", single("courseid", required(INT),
                "settings", single("pushratingstouserplans", required(BOOL))), CompetencyFunctions::updateSettings);
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
                "usermodified", optional(INT))), CompetencyFunctions::createTemplate);
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
                "usermodified", optional(INT))), CompetencyFunctions::updateTemplate);
        r.add("core_competency_list_templates", single(
                "sort", def(ALPHANUMEXT, ""),
                "order", def(ALPHA, ""),
                "skip", def(INT, 0L),
                "limit", def(INT, 0L),
                "context", context,
                "includes", def(ALPHA, "children"),
                "onlyvisible", def(BOOL, false)), CompetencyFunctions::listTemplates);
        r.add("core_competency_add_competency_to_template", single("templateid", required(INT), "competencyid",
                required(INT)), CompetencyFunctions::addToTemplate);
        r.add("core_competency_remove_competency_from_template", single("templateid", required(INT), "competencyid",
                required(INT)), CompetencyFunctions::removeFromTemplate);
        r.add("core_competency_list_competencies_in_template", single("id", required(INT)),
                CompetencyFunctions::listInTemplate);
        r.add("core_competency_list_user_plans", single("userid", required(INT)), CompetencyFunctions::listUserPlans);
        r.add("core_competency_list_plan_competencies", single("id", required(INT)),
                CompetencyFunctions::listPlanCompetencies);
    }

    /** {@code api::require_enabled}. */
    static void requireEnabled(Site s) {
        if (!s.competenciesEnabled) {
            throw WsError.moodle("competenciesarenotenabled", "Competencies are not enabled on this site.");
        }
    }

    // ---- frameworks ------------------------------------------------------------------------------

    private static Object createFramework(Functions.Call c) {
        Site s = c.site;
        requireEnabled(s);
        Map<String, Object> f = c.map("competencyframework");
        long contextId = context(s, f);
        s.require("moodle/competency:competencymanage");
        Db.Table frameworks = s.db.table("competency_framework");
        String idnumber = text(f, "idnumber");
        if (frameworks.exists(r -> r.str("idnumber").equals(idnumber))) {
            throw WsError.invalidPersistent("idnumber", IN_USE);
        }
        long scaleId = num(f, "scaleid", 0);
        checkScale(s, scaleId, text(f, "scaleconfiguration"));
        checkTaxonomies(text(f, "taxonomies"));
        long id = frameworks.insert("shortname", text(f, "shortname"), "idnumber", idnumber, "description",
                text(f, "description"), "descriptionformat", num(f, "descriptionformat", 1), "visible",
                Boolean.TRUE.equals(f.get("visible")), "scaleid", scaleId, "scaleconfiguration",
                text(f, "scaleconfiguration"), "contextid", contextId, "taxonomies", text(f, "taxonomies"),
                "timecreated", s.now(), "timemodified", s.now(), "usermodified", s.tokenUser);
        return framework(s, frameworks.mustGet(id));
    }

    private static Object updateFramework(Functions.Call c) {
        Site s = c.site;
        requireEnabled(s);
        Map<String, Object> f = c.map("competencyframework");
        Db.Row row = frameworkRow(s, num(f, "id", 0));
        s.require("moodle/competency:competencymanage");
        if (f.get("idnumber") != null) {
            String idnumber = text(f, "idnumber");
            if (s.db.table("competency_framework").exists(r -> r.id() != row.id() && r.str("idnumber").equals(idnumber))) {
                throw WsError.invalidPersistent("idnumber", IN_USE);
            }
            row.put("idnumber", idnumber);
        }
        if (f.get("scaleconfiguration") != null || f.get("scaleid") != null) {
            long scaleId = num(f, "scaleid", row.num("scaleid"));
            String config = f.get("scaleconfiguration") != null ? text(f, "scaleconfiguration") : row.str("scaleconfiguration");
            checkScale(s, scaleId, config);
            row.put("scaleid", scaleId);
            row.put("scaleconfiguration", config);
        }
        if (f.get("taxonomies") != null) {
            checkTaxonomies(text(f, "taxonomies"));
            row.put("taxonomies", text(f, "taxonomies"));
        }
        for (String k : new String[] {"shortname", "description"}) {
            if (f.get(k) != null) {
                row.put(k, text(f, k));
            }
        }
        if (f.get("visible") != null) {
            row.put("visible", Boolean.TRUE.equals(f.get("visible")));
        }
        row.put("timemodified", s.now());
        return true;
    }

    private static Object listFrameworks(Functions.Call c) {
        Site s = c.site;
        requireEnabled(s);
        s.require("moodle/competency:competencyview");
        Set<Long> contexts = contexts(s, c.map("context"), c.str("includes"));
        boolean onlyVisible = c.flag("onlyvisible");
        String query = c.str("query");
        List<Object> out = new ArrayList<>();
        for (Db.Row r : sorted(s.db.table("competency_framework").all(), c.str("sort"), c.str("order"))) {
            if (contexts.contains(r.num("contextid")) && (!onlyVisible || r.flag("visible"))
                    && (query.isEmpty() || r.str("shortname").contains(query) || r.str("idnumber").contains(query))) {
                out.add(framework(s, r));
            }
        }
        return page(out, c.num("skip"), c.num("limit"));
    }

    private static Object scaleValues(Functions.Call c) {
        Db.Row scale = c.site.db.table("scale").mustGet(c.num("scaleid"));
        String[] items = scale.str("scale").split(",");
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < items.length; i++) {
            out.add(obj("id", i + 1, "name", items[i].strip()));
        }
        return out;
    }

    /** {@code competency_framework::validate_scaleconfiguration}. */
    private static void checkScale(Site s, long scaleId, String configuration) {
        Db.Row scale = s.db.table("scale").get(scaleId).orElseThrow(
                () -> WsError.invalidPersistent("scaleid", "Invalid scale"));
        int items = scale.str("scale").split(",").length;
        String bad = "The scale needs to be configured by selecting default and proficient items.";
        JsonNode config;
        try {
            config = JSON.readTree(configuration);
        } catch (Exception e) {
            throw WsError.invalidPersistent("scaleconfiguration", bad);
        }
        if (config == null || !config.isArray() || config.size() < 2
                || !config.get(0).path("scaleid").asText().equals(Long.toString(scaleId))) {
            throw WsError.invalidPersistent("scaleconfiguration", bad);
        }
        boolean hasDefault = false;
        boolean hasProficient = false;
        for (int i = 1; i < config.size(); i++) {
            JsonNode item = config.get(i);
            int id = item.path("id").asInt(0);
            if (id < 1 || id > items) {
                throw WsError.invalidPersistent("scaleconfiguration", bad);
            }
            hasDefault |= item.path("scaledefault").asInt(0) == 1;
            hasProficient |= item.path("proficient").asInt(0) == 1;
        }
        if (!hasDefault || !hasProficient) {
            throw WsError.invalidPersistent("scaleconfiguration", bad);
        }
    }

    private static void checkTaxonomies(String taxonomies) {
        if (taxonomies == null || taxonomies.isEmpty()) {
            return;
        }
        for (String t : taxonomies.split(",")) {
            if (!t.isEmpty() && !TAXONOMIES.contains(t)) {
                throw WsError.invalidPersistent("taxonomies", "Invalid data");
            }
        }
    }

    // ---- competencies ----------------------------------------------------------------------------

    private static Object createCompetency(Functions.Call c) {
        Site s = c.site;
        requireEnabled(s);
        Map<String, Object> comp = c.map("competency");
        long frameworkId = num(comp, "competencyframeworkid", 0);
        Db.Row fw = s.db.table("competency_framework").get(frameworkId).orElseThrow(
                () -> WsError.invalidPersistent("competencyframeworkid", "Invalid data"));
        s.require("moodle/competency:competencymanage");
        Db.Table comps = s.db.table("competency");
        String idnumber = text(comp, "idnumber");
        if (comps.exists(r -> r.num("competencyframeworkid") == frameworkId && r.str("idnumber").equals(idnumber))) {
            throw WsError.invalidPersistent("idnumber", IN_USE);
        }
        long parentId = num(comp, "parentid", 0);
        String path = "/0/";
        if (parentId != 0) {
            Db.Row parent = comps.get(parentId).filter(p -> p.num("competencyframeworkid") == fw.id())
                    .orElseThrow(() -> WsError.invalidPersistent("parentid", "Invalid data"));
            path = parent.str("path") + parentId + "/";
            resetRule(parent);
        }
        long sortorder = comps.where(r -> r.num("competencyframeworkid") == frameworkId && r.num("parentid") == parentId).size();
        long id = comps.insert("shortname", text(comp, "shortname"), "idnumber", idnumber, "description",
                text(comp, "description"), "descriptionformat", num(comp, "descriptionformat", 1), "sortorder", sortorder,
                "parentid", parentId, "path", path, "ruleoutcome", num(comp, "ruleoutcome", 0), "ruletype",
                text(comp, "ruletype"), "ruleconfig", text(comp, "ruleconfig"), "scaleid", comp.get("scaleid"),
                "scaleconfiguration", text(comp, "scaleconfiguration"), "competencyframeworkid", frameworkId,
                "timecreated", s.now(), "timemodified", s.now(), "usermodified", s.tokenUser);
        return competency(comps.mustGet(id));
    }

    /** The framework, the parent and the order are kept from the database whatever is sent. */
    private static Object updateCompetency(Functions.Call c) {
        Site s = c.site;
        requireEnabled(s);
        Map<String, Object> comp = c.map("competency");
        Db.Row row = competencyRow(s, num(comp, "id", 0));
        s.require("moodle/competency:competencymanage");
        if (comp.get("idnumber") != null) {
            String idnumber = text(comp, "idnumber");
            if (s.db.table("competency").exists(r -> r.id() != row.id()
                    && r.num("competencyframeworkid") == row.num("competencyframeworkid") && r.str("idnumber").equals(idnumber))) {
                throw WsError.invalidPersistent("idnumber", IN_USE);
            }
            row.put("idnumber", idnumber);
        }
        for (String k : new String[] {"shortname", "description", "ruletype", "ruleconfig", "scaleconfiguration"}) {
            if (comp.get(k) != null) {
                row.put(k, text(comp, k));
            }
        }
        if (comp.get("ruleoutcome") != null) {
            row.put("ruleoutcome", num(comp, "ruleoutcome", 0));
        }
        row.put("timemodified", s.now());
        return true;
    }

    private static Object listCompetencies(Functions.Call c) {
        Site s = c.site;
        requireEnabled(s);
        s.require("moodle/competency:competencyview");
        List<Db.Row> rows = s.db.table("competency").all();
        for (Map<String, Object> f : c.list("filters")) {
            String column = text(f, "column");
            if (!FILTER_COLUMNS.contains(column)) {
                throw WsError.invalidParameter("Filter column was invalid");
            }
            String value = text(f, "value");
            rows.removeIf(r -> !value.equals(column.equals("id") ? Long.toString(r.id()) : String.valueOf(r.get(column))));
        }
        List<Object> out = new ArrayList<>();
        for (Db.Row r : sorted(rows, c.str("sort"), c.str("order"))) {
            out.add(competency(r));
        }
        return page(out, c.num("skip"), c.num("limit"));
    }

    /** Not idempotent in Moodle: the current parent, the competency itself or a descendant is refused. */
    private static Object setParent(Functions.Call c) {
        Site s = c.site;
        requireEnabled(s);
        Db.Table comps = s.db.table("competency");
        Db.Row comp = competencyRow(s, c.num("competencyid"));
        long parentId = c.num("parentid");
        s.require("moodle/competency:competencymanage");
        if (parentId == comp.num("parentid")) {
            throw WsError.coding("The competency already has this parent.");
        }
        if (parentId == comp.id()) {
            throw WsError.coding("A competency cannot be its own parent.");
        }
        String path = "/0/";
        Db.Row parent = null;
        if (parentId != 0) {
            parent = comps.mustGet(parentId);
            if (parent.num("competencyframeworkid") != comp.num("competencyframeworkid")) {
                throw WsError.coding("Moving to another framework is not possible.");
            }
            if (parent.str("path").contains("/" + comp.id() + "/")) {
                throw WsError.coding("A competency cannot be moved to one of its descendants.");
            }
            path = parent.str("path") + parentId + "/";
            resetRule(parent);
        }
        comps.get(comp.num("parentid")).ifPresent(CompetencyFunctions::resetRule);
        String oldPrefix = comp.str("path") + comp.id() + "/";
        String newPrefix = path + comp.id() + "/";
        for (Db.Row d : comps.where(r -> r.str("path").startsWith(oldPrefix))) {
            d.put("path", newPrefix + d.str("path").substring(oldPrefix.length()));
        }
        comp.put("parentid", parentId);
        comp.put("path", path);
        comp.put("timemodified", s.now());
        return true;
    }

    private static void resetRule(Db.Row competency) {
        competency.put("ruleoutcome", 0L);
        competency.put("ruletype", null);
        competency.put("ruleconfig", null);
    }

    // ---- course competencies ---------------------------------------------------------------------

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
        Db.Table settings = s.db.table("competency_coursecompsetting");
        settings.deleteWhere(r -> r.num("courseid") == courseId);
        settings.insert("courseid", courseId, "pushratingstouserplans",
                Boolean.TRUE.equals(c.map("settings").get("pushratingstouserplans")));
        return true;
    }

    // ---- templates and plans ---------------------------------------------------------------------

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

    /** A plan's competencies with the user's ratings; a plan from a template takes the template's competencies. */
    private static Object listPlanCompetencies(Functions.Call c) {
        Site s = c.site;
        requireEnabled(s);
        Db.Row plan = s.db.table("competency_plan").mustGet(c.num("id"));
        s.require("moodle/competency:planview");
        List<Long> competencyIds = new ArrayList<>();
        if (plan.get("templateid") != null) {
            s.db.table("competency_templatecomp").where(r -> r.num("templateid") == plan.num("templateid"))
                    .forEach(r -> competencyIds.add(r.num("competencyid")));
        } else {
            s.db.table("competency_plancomp").where(r -> r.num("planid") == plan.id())
                    .forEach(r -> competencyIds.add(r.num("competencyid")));
        }
        boolean complete = plan.num("status") == 2;
        long userId = plan.num("userid");
        List<Object> out = new ArrayList<>();
        for (long competencyId : competencyIds) {
            Map<String, Object> rating = s.db.table("competency_usercomp").whereEquals("userid", userId).stream()
                    .filter(r -> r.num("competencyid") == competencyId).findFirst()
                    .map(r -> obj("id", r.id(), "userid", userId, "competencyid", competencyId, "status", r.num("status"),
                            "reviewerid", null, "proficiency", r.get("proficiency"), "grade", r.get("grade"),
                            "timecreated", r.num("timecreated"), "timemodified", r.num("timemodified"),
                            "usermodified", r.num("usermodified")))
                    .orElse(obj("id", 0, "userid", userId, "competencyid", competencyId, "status", 0, "reviewerid", null,
                            "proficiency", null, "grade", null, "timecreated", 0, "timemodified", 0, "usermodified", 0));
            Map<String, Object> entry = obj("competency", competency(competencyRow(s, competencyId)));
            entry.put(complete ? "usercompetencyplan" : "usercompetency", rating);
            out.add(entry);
        }
        return out;
    }

    // ---- records ---------------------------------------------------------------------------------

    static Db.Row frameworkRow(Site s, long id) {
        requireEnabled(s);
        return s.db.table("competency_framework").mustGet(id);
    }

    static Db.Row competencyRow(Site s, long id) {
        requireEnabled(s);
        return s.db.table("competency").mustGet(id);
    }

    static Db.Row templateRow(Site s, long id) {
        requireEnabled(s);
        return s.db.table("competency_template").mustGet(id);
    }

    private static Map<String, Object> framework(Site s, Db.Row r) {
        long count = s.db.table("competency").where(x -> x.num("competencyframeworkid") == r.id()).size();
        String contextName = contextName(s, r.num("contextid"));
        return obj("id", r.id(), "shortname", r.str("shortname"), "idnumber", r.str("idnumber"), "description",
                r.str("description"), "descriptionformat", r.num("descriptionformat"), "visible", r.flag("visible"),
                "scaleid", r.num("scaleid"), "scaleconfiguration", r.str("scaleconfiguration"), "contextid",
                r.num("contextid"), "taxonomies", r.str("taxonomies"), "timecreated", r.num("timecreated"),
                "timemodified", r.num("timemodified"), "usermodified", r.num("usermodified"), "canmanage", true,
                "competenciescount", count, "contextname", contextName, "contextnamenoprefix", contextName);
    }

    static Map<String, Object> competency(Db.Row r) {
        return obj("id", r.id(), "shortname", r.str("shortname"), "idnumber", r.str("idnumber"), "description",
                r.str("description"), "descriptionformat", r.num("descriptionformat"), "sortorder", r.num("sortorder"),
                "parentid", r.num("parentid"), "path", r.str("path"), "ruleoutcome", r.num("ruleoutcome"),
                "ruletype", r.get("ruletype"), "ruleconfig", r.get("ruleconfig"), "scaleid", r.get("scaleid"),
                "scaleconfiguration", r.get("scaleconfiguration"), "competencyframeworkid",
                r.num("competencyframeworkid"), "timecreated", r.num("timecreated"), "timemodified",
                r.num("timemodified"), "usermodified", r.num("usermodified"));
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

    private static String contextName(Site s, long contextId) {
        Db.Row ctx = s.db.table("context").mustGet(contextId);
        if (ctx.num("contextlevel") == Site.CONTEXT_SYSTEM) {
            return "System";
        }
        return "Category: " + s.db.table("course_categories").get(ctx.num("instanceid")).map(r -> r.str("name")).orElse("?");
    }

    /**
     * {@code get_context_from_params} for a framework or template: a context id, or a level with an
     * instance; only the system and categories may hold them.
     */
    private static long context(Site s, Map<String, Object> p) {
        long contextId = num(p, "contextid", 0);
        String level = text(p, "contextlevel");
        Db.Row ctx;
        if (contextId != 0) {
            ctx = s.db.table("context").get(contextId).orElseThrow(() -> WsError.invalidParameter("Context does not exist"));
        } else if (level != null && !level.isEmpty() && p.get("instanceid") != null) {
            int numeric = levelNumber(level);
            long instance = num(p, "instanceid", 0);
            if (numeric == Site.CONTEXT_COURSECAT && s.db.table("course_categories").get(instance).isEmpty()) {
                throw WsError.invalidParameter("Context does not exist");
            }
            ctx = s.db.table("context").mustGet(numeric == Site.CONTEXT_SYSTEM ? s.systemContext() : s.context(numeric, instance));
        } else {
            throw WsError.invalidParameter("Missing parameters, please provide either context level with instance id or contextid");
        }
        long l = ctx.num("contextlevel");
        if (l != Site.CONTEXT_SYSTEM && l != Site.CONTEXT_COURSECAT) {
            throw WsError.invalidPersistent("contextid", "Invalid context");
        }
        return ctx.id();
    }

    private static int levelNumber(String level) {
        switch (level) {
            case "system":
            case "10":
                return Site.CONTEXT_SYSTEM;
            case "coursecat":
            case "40":
                return Site.CONTEXT_COURSECAT;
            case "course":
            case "50":
                return Site.CONTEXT_COURSE;
            case "user":
            case "30":
                return Site.CONTEXT_USER;
            default:
                throw WsError.invalidParameter("Invalid context level = " + level);
        }
    }

    /** The contexts a list covers: the given one, and its children ("children") or parents ("parents"). */
    private static Set<Long> contexts(Site s, Map<String, Object> contextParam, String includes) {
        long contextId = context(s, contextParam);
        Db.Row ctx = s.db.table("context").mustGet(contextId);
        Set<Long> out = new java.util.HashSet<>();
        out.add(contextId);
        Db.Table cats = s.db.table("course_categories");
        if (includes.equals("children")) {
            String prefix = ctx.num("contextlevel") == Site.CONTEXT_SYSTEM ? "/"
                    : cats.mustGet(ctx.num("instanceid")).str("path") + "/";
            for (Db.Row cat : cats.where(r -> r.str("path").startsWith(prefix))) {
                out.add(s.context(Site.CONTEXT_COURSECAT, cat.id()));
            }
        } else if (includes.equals("parents")) {
            out.add(s.systemContext());
            if (ctx.num("contextlevel") == Site.CONTEXT_COURSECAT) {
                for (String id : cats.mustGet(ctx.num("instanceid")).str("path").split("/")) {
                    if (!id.isEmpty()) {
                        out.add(s.context(Site.CONTEXT_COURSECAT, Long.parseLong(id)));
                    }
                }
            }
        } else if (!includes.equals("self")) {
            throw WsError.invalidParameter("Invalid includes value: " + includes);
        }
        return out;
    }

    private static List<Db.Row> sorted(List<Db.Row> rows, String sort, String order) {
        if (sort != null && !sort.isEmpty()) {
            Comparator<Db.Row> byField = Comparator.comparing(r -> String.valueOf(r.get(sort)));
            rows.sort(order.equalsIgnoreCase("DESC") ? byField.reversed() : byField);
        }
        return rows;
    }

    private static List<Object> page(List<Object> all, long skip, long limit) {
        int from = (int) Math.min(skip, all.size());
        int to = limit == 0 ? all.size() : (int) Math.min(all.size(), from + limit);
        return new ArrayList<>(all.subList(from, to));
    }
}
