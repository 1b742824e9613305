package org.qipathways.moodle.simulator.internal;

import static org.qipathways.moodle.simulator.internal.Desc.def;
import static org.qipathways.moodle.simulator.internal.Desc.single;
import static org.qipathways.moodle.simulator.internal.Functions.num;
import static org.qipathways.moodle.simulator.internal.Functions.obj;
import static org.qipathways.moodle.simulator.internal.Functions.text;
import static org.qipathways.moodle.simulator.internal.ParamType.ALPHANUM;
import static org.qipathways.moodle.simulator.internal.ParamType.INT;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the competency functions share: Moodle's check that competencies are enabled, row look-ups,
 * the competency as replies show it, {@code get_context_from_params} and the contexts a list covers,
 * sorting and paging.
 */
final class Competencies {

    /** The {@code context} parameter of the list functions: an id, or a level with an instance. */
    static final Desc CONTEXT = single("contextid", def(INT, 0L), "contextlevel", def(ALPHANUM, ""), "instanceid",
            def(INT, 0L));

    private Competencies() {
    }

    /** {@code api::require_enabled}. */
    static void requireEnabled(Site s) {
        if (!s.competenciesEnabled) {
            throw WsError.moodle("competenciesarenotenabled", "Competencies are not enabled on this site.");
        }
    }

    static Db.Row frameworkRow(Site s, long id) {
        requireEnabled(s);
        return s.db.table("competency_framework").mustGet(id);
    }

    static Db.Row competencyRow(Site s, long id) {
        requireEnabled(s);
        return s.db.table("competency").mustGet(id);
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

    static String contextName(Site s, long contextId) {
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
    static long context(Site s, Map<String, Object> p) {
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

    static int levelNumber(String level) {
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
    static Set<Long> contexts(Site s, Map<String, Object> contextParam, String includes) {
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

    static List<Db.Row> sorted(List<Db.Row> rows, String sort, String order) {
        if (sort != null && !sort.isEmpty()) {
            Comparator<Db.Row> byField = Comparator.comparing(r -> String.valueOf(r.get(sort)));
            rows.sort(order.equalsIgnoreCase("DESC") ? byField.reversed() : byField);
        }
        return rows;
    }

    static List<Object> page(List<Object> all, long skip, long limit) {
        int from = (int) Math.min(skip, all.size());
        int to = limit == 0 ? all.size() : (int) Math.min(all.size(), from + limit);
        return new ArrayList<>(all.subList(from, to));
    }
}
