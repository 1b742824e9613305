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
import static org.qipathways.moodle.simulator.internal.Desc.many;
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

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Competency frameworks and the competencies in them (ws-reference.md 2.7). One object per call;
 * every call first checks that competencies are enabled. Course competencies are in
 * {@link CourseCompetencyFunctions}, learning-plan templates and plans in {@link PlanFunctions}, what
 * they share in {@link Competencies}.
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
                "context", CONTEXT,
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

    // ---- records ---------------------------------------------------------------------------------

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
}
