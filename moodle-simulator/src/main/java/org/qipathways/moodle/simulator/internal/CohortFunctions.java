package org.qipathways.moodle.simulator.internal;

import static org.qipathways.moodle.simulator.internal.Desc.def;
import static org.qipathways.moodle.simulator.internal.Desc.defaultMany;
import static org.qipathways.moodle.simulator.internal.Desc.many;
import static org.qipathways.moodle.simulator.internal.Desc.optional;
import static org.qipathways.moodle.simulator.internal.Desc.optionalMany;
import static org.qipathways.moodle.simulator.internal.Desc.required;
import static org.qipathways.moodle.simulator.internal.Desc.single;
import static org.qipathways.moodle.simulator.internal.Functions.num;
import static org.qipathways.moodle.simulator.internal.Functions.obj;
import static org.qipathways.moodle.simulator.internal.Functions.text;
import static org.qipathways.moodle.simulator.internal.ParamType.ALPHANUMEXT;
import static org.qipathways.moodle.simulator.internal.ParamType.BOOL;
import static org.qipathways.moodle.simulator.internal.ParamType.INT;
import static org.qipathways.moodle.simulator.internal.ParamType.PLUGIN;
import static org.qipathways.moodle.simulator.internal.ParamType.RAW;
import static org.qipathways.moodle.simulator.internal.ParamType.TEXT;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Cohorts and their members (ws-reference.md 2.3). */
final class CohortFunctions {

    private CohortFunctions() {
    }

    static void register(Functions.Registry r) {
        Desc categorytype = single("type", required(TEXT), "value", required(RAW));
        Desc customfields = optionalMany(single("shortname", required(ALPHANUMEXT), "value", required(RAW)));
        r.add("core_cohort_create_cohorts", single("cohorts", many(single(
                "categorytype", categorytype,
                "name", required(RAW),
                "idnumber", required(RAW),
                "description", optional(RAW),
                "descriptionformat", def(INT, 1L),
                "visible", optional(BOOL),
                "theme", optional(PLUGIN),
                "customfields", customfields))), CohortFunctions::createCohorts);
        r.add("core_cohort_update_cohorts", single("cohorts", many(single(
                "id", required(INT),
                "categorytype", categorytype,
                "name", required(RAW),
                "idnumber", required(RAW),
                "description", optional(RAW),
                "descriptionformat", def(INT, 1L),
                "visible", optional(BOOL),
                "theme", optional(PLUGIN),
                "customfields", customfields))), CohortFunctions::updateCohorts);
        r.add("core_cohort_get_cohorts", single("cohortids", defaultMany(required(INT))), CohortFunctions::getCohorts);
        r.add("core_cohort_add_cohort_members", single("members", many(single(
                "cohorttype", single("type", required(ALPHANUMEXT), "value", required(RAW)),
                "usertype", single("type", required(ALPHANUMEXT), "value", required(RAW))))),
                CohortFunctions::addMembers);
        r.add("core_cohort_delete_cohort_members", single("members", many(single(
                "cohortid", required(INT), "userid", required(INT)))), CohortFunctions::deleteMembers);
        r.add("core_cohort_get_cohort_members", single("cohortids", many(required(INT))), CohortFunctions::getMembers);
    }

    /** The context a {@code categorytype} names: the system, or a category by id or idnumber. */
    private static long context(Site s, Map<String, Object> categorytype) {
        String type = text(categorytype, "type");
        String value = text(categorytype, "value");
        Db.Table cats = s.db.table("course_categories");
        switch (type) {
            case "system":
                return s.systemContext();
            case "id":
                if (!ParamType.INT.accepts(value)) {
                    throw WsError.invalidParameter("category not exists: category id=" + value);
                }
                return s.context(Site.CONTEXT_COURSECAT, cats.mustGet(Long.parseLong(value)).id());
            case "idnumber":
                return s.context(Site.CONTEXT_COURSECAT, cats.first(c -> value.equals(c.str("idnumber")))
                        .orElseThrow(() -> WsError.missingRecord("course_categories")).id());
            default:
                throw WsError.invalidParameter("category type not exists: categorytype=" + type);
        }
    }

    private static Object createCohorts(Functions.Call c) {
        Site s = c.site;
        Db.Table cohorts = s.db.table("cohort");
        return s.db.atomically(() -> {
            List<Object> created = new ArrayList<>();
            for (Map<String, Object> cohort : c.list("cohorts")) {
                @SuppressWarnings("unchecked")
                long contextId = context(s, (Map<String, Object>) cohort.get("categorytype"));
                s.require("moodle/cohort:manage");
                String idnumber = text(cohort, "idnumber");
                // an exact match: an empty idnumber collides with any other empty one
                if (cohorts.exists(r -> r.str("idnumber").equals(idnumber))) {
                    throw WsError.invalidParameter("record already exists: idnumber=" + idnumber);
                }
                boolean visible = cohort.get("visible") == null || Boolean.TRUE.equals(cohort.get("visible"));
                long id = cohorts.insert("contextid", contextId, "name", text(cohort, "name"), "idnumber", idnumber,
                        "description", CourseFunctions.orEmpty(text(cohort, "description")), "descriptionformat",
                        num(cohort, "descriptionformat", 1), "visible", visible, "component", "",
                        "timecreated", s.now(), "timemodified", s.now());
                created.add(describe(cohorts.mustGet(id)));
            }
            return created;
        });
    }

    /** All four identity fields are required; no idnumber uniqueness check here, as in Moodle. */
    private static Object updateCohorts(Functions.Call c) {
        Site s = c.site;
        Db.Table cohorts = s.db.table("cohort");
        return s.db.atomically(() -> {
            for (Map<String, Object> cohort : c.list("cohorts")) {
                Db.Row row = cohorts.mustGet(num(cohort, "id", 0));
                @SuppressWarnings("unchecked")
                long contextId = context(s, (Map<String, Object>) cohort.get("categorytype"));
                s.require("moodle/cohort:manage");
                if (text(cohort, "name").isBlank()) {
                    throw WsError.invalidParameter("name cannot be empty");
                }
                row.put("contextid", contextId);
                row.put("name", text(cohort, "name"));
                row.put("idnumber", text(cohort, "idnumber"));
                if (cohort.get("description") != null) {
                    row.put("description", text(cohort, "description"));
                }
                if (cohort.get("visible") != null) {
                    row.put("visible", Boolean.TRUE.equals(cohort.get("visible")));
                }
                row.put("timemodified", s.now());
            }
            return null;
        });
    }

    private static Object getCohorts(Functions.Call c) {
        Site s = c.site;
        if (!s.has("moodle/cohort:view") && !s.has("moodle/cohort:manage")) {
            s.require("moodle/cohort:view");
        }
        @SuppressWarnings("unchecked")
        List<Object> ids = (List<Object>) c.params.get("cohortids");
        List<Object> out = new ArrayList<>();
        for (Db.Row r : s.db.table("cohort").all()) {
            if (ids.isEmpty() || ids.contains(r.id())) {
                out.add(describe(r));
            }
        }
        return out;
    }

    /**
     * One transaction for the call, but per-member warnings: 1 bad type or context, 2 cohort or
     * user not found, 3 already a member. A capability failure stops the whole call.
     */
    private static Object addMembers(Functions.Call c) {
        Site s = c.site;
        Db.Table cohorts = s.db.table("cohort");
        Db.Table users = s.db.table("user");
        Db.Table members = s.db.table("cohort_members");
        return s.db.atomically(() -> {
            List<Object> warnings = new ArrayList<>();
            for (Map<String, Object> member : c.list("members")) {
                @SuppressWarnings("unchecked")
                Map<String, Object> ct = (Map<String, Object>) member.get("cohorttype");
                @SuppressWarnings("unchecked")
                Map<String, Object> ut = (Map<String, Object>) member.get("usertype");
                String cType = text(ct, "type");
                String cValue = text(ct, "value");
                String uType = text(ut, "type");
                String uValue = text(ut, "value");
                if (!cType.equals("id") && !cType.equals("idnumber")) {
                    warnings.add(obj("warningcode", "1", "message", "invalid parameter: cohortype=" + cType));
                    continue;
                }
                if (!uType.equals("id") && !uType.equals("username")) {
                    warnings.add(obj("warningcode", "1", "message", "invalid parameter: usertype=" + uType));
                    continue;
                }
                Db.Row cohort = (cType.equals("id") ? cohorts.whereEquals("id", cValue) : cohorts.whereEquals("idnumber", cValue))
                        .stream().findFirst().orElse(null);
                if (cohort == null) {
                    warnings.add(obj("warningcode", "2", "message", "cohort " + cType + "=" + cValue + " not exists"));
                    continue;
                }
                Db.Row user = (uType.equals("id")
                        ? (ParamType.INT.accepts(uValue) ? users.get(Long.parseLong(uValue)) : java.util.Optional.<Db.Row>empty())
                        : users.whereEquals("username", uValue).stream().findFirst()).filter(r -> !r.flag("deleted")).orElse(null);
                if (user == null) {
                    warnings.add(obj("warningcode", "2", "message", "user " + uType + "=" + uValue + " not exists"));
                    continue;
                }
                long cohortId = cohort.id();
                if (members.whereEquals("userid", user.id()).stream().anyMatch(r -> r.num("cohortid") == cohortId)) {
                    warnings.add(obj("warningcode", "3", "message", "record already exists: cohort(" + cType + "="
                            + cValue + " " + uType + "=" + uValue + ")"));
                    continue;
                }
                if (!s.has("moodle/cohort:manage") && !s.has("moodle/cohort:assign")) {
                    s.require("moodle/cohort:assign");
                }
                members.insert("cohortid", cohort.id(), "userid", user.id(), "timeadded", s.now());
            }
            return obj("warnings", warnings);
        });
    }

    private static Object deleteMembers(Functions.Call c) {
        Site s = c.site;
        Db.Table members = s.db.table("cohort_members");
        return s.db.atomically(() -> {
            for (Map<String, Object> m : c.list("members")) {
                long cohortId = num(m, "cohortid", 0);
                long userId = num(m, "userid", 0);
                s.db.table("cohort").mustGet(cohortId);
                Db.Row user = s.db.table("user").mustGet(userId);
                if (user.flag("deleted")) {
                    throw WsError.missingRecord("user");
                }
                if (!s.has("moodle/cohort:manage") && !s.has("moodle/cohort:assign")) {
                    s.require("moodle/cohort:assign");
                }
                members.deleteWhere(r -> r.num("cohortid") == cohortId && r.num("userid") == userId);
            }
            return null;
        });
    }

    private static Object getMembers(Functions.Call c) {
        Site s = c.site;
        if (!s.has("moodle/cohort:view") && !s.has("moodle/cohort:manage")) {
            s.require("moodle/cohort:view");
        }
        @SuppressWarnings("unchecked")
        List<Object> ids = (List<Object>) c.params.get("cohortids");
        List<Object> out = new ArrayList<>();
        Db.Table users = s.db.table("user");
        for (Object id : ids) {
            long cohortId = ((Number) id).longValue();
            s.db.table("cohort").mustGet(cohortId);
            List<Long> userIds = new ArrayList<>();
            s.db.table("cohort_members").where(r -> r.num("cohortid") == cohortId).stream()
                    .map(r -> users.mustGet(r.num("userid")))
                    .sorted(Comparator.comparing((Db.Row u) -> u.str("lastname")).thenComparing(u -> u.str("firstname")))
                    .forEach(u -> userIds.add(u.id()));
            out.add(obj("cohortid", cohortId, "userids", userIds));
        }
        return out;
    }

    private static Map<String, Object> describe(Db.Row r) {
        return obj("id", r.id(), "name", r.str("name"), "idnumber", r.str("idnumber"), "description",
                r.str("description"), "descriptionformat", r.num("descriptionformat"), "visible", r.flag("visible"),
                "theme", "", "customfields", List.of());
    }
}
