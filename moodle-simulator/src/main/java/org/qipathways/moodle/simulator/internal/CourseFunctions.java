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
import static org.qipathways.moodle.simulator.internal.ParamType.ALPHA;
import static org.qipathways.moodle.simulator.internal.ParamType.ALPHANUMEXT;
import static org.qipathways.moodle.simulator.internal.ParamType.BOOL;
import static org.qipathways.moodle.simulator.internal.ParamType.INT;
import static org.qipathways.moodle.simulator.internal.ParamType.LANG;
import static org.qipathways.moodle.simulator.internal.ParamType.PLUGIN;
import static org.qipathways.moodle.simulator.internal.ParamType.RAW;
import static org.qipathways.moodle.simulator.internal.ParamType.TEXT;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Course categories and courses (ws-reference.md 2.4 and 2.5). */
final class CourseFunctions {

    private static final Set<String> FORMATS = Set.of("topics", "weeks", "social", "singleactivity");
    private static final String[] COURSE_FIELDS = {"fullname", "shortname", "idnumber", "summary", "format"};
    private static final String[] COURSE_NUMBERS = {"categoryid", "visible", "startdate", "enddate",
        "enablecompletion"};

    private CourseFunctions() {
    }

    static void register(Functions.Registry r) {
        r.add("core_course_create_categories", single("categories", many(single(
                "name", required(TEXT),
                "parent", def(INT, 0L),
                "idnumber", optional(RAW),
                "description", optional(RAW),
                "descriptionformat", def(INT, 1L),
                "theme", optional(PLUGIN)))), CourseFunctions::createCategories);
        r.add("core_course_update_categories", single("categories", many(single(
                "id", required(INT),
                "name", optional(TEXT),
                "idnumber", optional(RAW),
                "parent", optional(INT),
                "description", optional(RAW),
                "descriptionformat", def(INT, 1L),
                "theme", optional(PLUGIN)))), CourseFunctions::updateCategories);
        r.add("core_course_get_categories", single(
                "criteria", defaultMany(single("key", required(ALPHA), "value", required(RAW))),
                "addsubcategories", def(BOOL, true)), CourseFunctions::getCategories);
        Desc formatOptions = optionalMany(single("name", required(ALPHANUMEXT), "value", required(RAW)));
        Desc customFields = optionalMany(single("shortname", required(ALPHANUMEXT), "value", required(RAW)));
        r.add("core_course_create_courses", single("courses", many(single(
                "fullname", required(TEXT),
                "shortname", required(TEXT),
                "categoryid", required(INT),
                "idnumber", optional(RAW),
                "summary", optional(RAW),
                "summaryformat", def(INT, 1L),
                "format", def(PLUGIN, "topics"),
                "showgrades", def(INT, 1L),
                "newsitems", def(INT, 5L),
                "startdate", optional(INT),
                "enddate", optional(INT),
                "numsections", optional(INT),
                "maxbytes", def(INT, 0L),
                "showreports", def(INT, 0L),
                "visible", optional(INT),
                "hiddensections", optional(INT),
                "groupmode", def(INT, 0L),
                "groupmodeforce", def(INT, 0L),
                "defaultgroupingid", def(INT, 0L),
                "enablecompletion", optional(INT),
                "completionnotify", optional(INT),
                "lang", optional(LANG),
                "forcetheme", optional(PLUGIN),
                "courseformatoptions", formatOptions,
                "customfields", customFields))), CourseFunctions::createCourses);
        r.add("core_course_update_courses", single("courses", many(single(
                "id", required(INT),
                "fullname", optional(TEXT),
                "shortname", optional(TEXT),
                "categoryid", optional(INT),
                "idnumber", optional(RAW),
                "summary", optional(RAW),
                "summaryformat", optional(INT),
                "format", optional(PLUGIN),
                "showgrades", optional(INT),
                "newsitems", optional(INT),
                "startdate", optional(INT),
                "enddate", optional(INT),
                "numsections", optional(INT),
                "maxbytes", optional(INT),
                "showreports", optional(INT),
                "visible", optional(INT),
                "hiddensections", optional(INT),
                "groupmode", optional(INT),
                "groupmodeforce", optional(INT),
                "defaultgroupingid", optional(INT),
                "enablecompletion", optional(INT),
                "completionnotify", optional(INT),
                "lang", optional(LANG),
                "forcetheme", optional(PLUGIN),
                "courseformatoptions", formatOptions,
                "customfields", customFields))), CourseFunctions::updateCourses);
        r.add("core_course_get_courses_by_field", single("field", def(ALPHA, ""), "value", def(RAW, "")),
                CourseFunctions::getCoursesByField);
        r.add("core_course_duplicate_course", single(
                "courseid", required(INT),
                "fullname", required(TEXT),
                "shortname", required(TEXT),
                "categoryid", required(INT),
                "visible", def(INT, 1L),
                // Moodle declares PARAM_ALPHAEXT names; ALPHANUMEXT is the closest type the simulator has
                "options", defaultMany(single("name", required(ALPHANUMEXT), "value", required(RAW)))),
                CourseFunctions::duplicateCourse);
    }

    // ---- categories ------------------------------------------------------------------------------

    private static Object createCategories(Functions.Call c) {
        Site s = c.site;
        Db.Table cats = s.db.table("course_categories");
        return s.db.atomically(() -> {
            List<Object> created = new ArrayList<>();
            for (Map<String, Object> cat : c.list("categories")) {
                long parent = num(cat, "parent", 0);
                if (parent != 0 && cats.get(parent).isEmpty()) {
                    throw WsError.moodle("unknowcategory", "Unknown category");
                }
                s.require("moodle/category:manage");
                String name = text(cat, "name");
                String idnumber = text(cat, "idnumber");
                checkCategory(cats, -1, name, idnumber);
                Db.Row p = parent == 0 ? null : cats.mustGet(parent);
                long id = cats.insert("name", name, "idnumber", idnumber == null ? "" : idnumber,
                        "description", text(cat, "description") == null ? "" : text(cat, "description"),
                        "parent", parent, "sortorder", 10000L * (cats.size() + 1), "coursecount", 0L, "visible",
                        p == null ? 1L : p.num("visible"), "depth", p == null ? 1L : p.num("depth") + 1,
                        "timemodified", s.now());
                Db.Row row = cats.mustGet(id);
                row.put("path", (p == null ? "" : p.str("path")) + "/" + id);
                s.context(Site.CONTEXT_COURSECAT, id);
                created.add(obj("id", id, "name", name));
            }
            return created;
        });
    }

    private static Object updateCategories(Functions.Call c) {
        Site s = c.site;
        Db.Table cats = s.db.table("course_categories");
        return s.db.atomically(() -> {
            for (Map<String, Object> cat : c.list("categories")) {
                long id = num(cat, "id", 0);
                Db.Row row = cats.get(id).orElseThrow(() -> WsError.moodle("unknowncategory", "Unknown category"));
                s.require("moodle/category:manage");
                String name = cat.get("name") == null ? row.str("name") : text(cat, "name");
                String idnumber = cat.get("idnumber") == null ? null : text(cat, "idnumber");
                checkCategory(cats, id, name, idnumber);
                row.put("name", name);
                if (idnumber != null) {
                    row.put("idnumber", idnumber);
                }
                if (cat.get("description") != null) {
                    row.put("description", text(cat, "description"));
                }
                if (cat.get("parent") != null && num(cat, "parent", 0) != row.num("parent")) {
                    long parent = num(cat, "parent", 0);
                    if (parent == id || (parent != 0 && cats.mustGet(parent).str("path").contains("/" + id + "/"))) {
                        throw WsError.moodle("cannotmovecategory", "Cannot move category into itself or its subcategories");
                    }
                    Db.Row p = parent == 0 ? null : cats.get(parent)
                            .orElseThrow(() -> WsError.moodle("unknowcategory", "Unknown category"));
                    row.put("parent", parent);
                    row.put("path", (p == null ? "" : p.str("path")) + "/" + id);
                    row.put("depth", p == null ? 1L : p.num("depth") + 1);
                }
                row.put("timemodified", s.now());
            }
            return null;
        });
    }

    private static void checkCategory(Db.Table cats, long self, String name, String idnumber) {
        if (name.isBlank()) {
            throw WsError.moodle("categorynamerequired", "The category name is required");
        }
        if (name.length() > 255) {
            throw WsError.moodle("categorytoolong", "Category name too long");
        }
        if (idnumber != null && !idnumber.isEmpty()) {
            if (idnumber.length() > 100) {
                throw WsError.moodle("idnumbertoolong", "The ID number is too long");
            }
            if (cats.exists(r -> r.id() != self && idnumber.equals(r.str("idnumber")))) {
                throw WsError.moodle("categoryidnumbertaken", "ID number is already used for another category");
            }
        }
    }

    private static Object getCategories(Functions.Call c) {
        Site s = c.site;
        Db.Table cats = s.db.table("course_categories");
        List<Db.Row> rows = cats.all();
        boolean addSub = c.flag("addsubcategories");
        boolean byId = false;
        for (Map<String, Object> criterion : c.list("criteria")) {
            String key = text(criterion, "key");
            String value = text(criterion, "value");
            switch (key) {
                case "id":
                    byId = true;
                    rows.removeIf(r -> !Long.toString(r.id()).equals(value));
                    break;
                case "ids":
                    byId = true;
                    Set<String> ids = Set.of(value.split("\\s*,\\s*"));
                    rows.removeIf(r -> !ids.contains(Long.toString(r.id())));
                    break;
                case "name":
                    rows.removeIf(r -> !r.str("name").equals(value));
                    break;
                case "parent":
                    rows.removeIf(r -> !Long.toString(r.num("parent")).equals(value));
                    break;
                case "idnumber":
                    if (!s.has("moodle/category:manage")) {
                        throw WsError.moodle("criteriaerror", "Missing permissions to search on a criterion.");
                    }
                    byId = true;
                    rows.removeIf(r -> !value.equals(r.str("idnumber")));
                    break;
                case "visible":
                    rows.removeIf(r -> !Long.toString(r.num("visible")).equals(value));
                    break;
                case "theme":
                    rows.removeIf(r -> true);
                    break;
                default:
                    throw WsError.invalidParameter("The key " + key + " is not valid in the criteria");
            }
        }
        if (byId && addSub) {
            Set<Db.Row> withChildren = new LinkedHashSet<>(rows);
            for (Db.Row found : rows) {
                withChildren.addAll(cats.where(r -> r.str("path").startsWith(found.str("path") + "/")));
            }
            rows = new ArrayList<>(withChildren);
        }
        boolean manager = s.has("moodle/category:manage");
        List<Object> out = new ArrayList<>();
        for (Db.Row r : rows) {
            Map<String, Object> m = obj("id", r.id(), "name", r.str("name"));
            if (manager) {
                m.put("idnumber", r.str("idnumber"));
            }
            m.put("description", r.str("description"));
            m.put("descriptionformat", 1);
            m.put("parent", r.num("parent"));
            m.put("sortorder", r.num("sortorder"));
            m.put("coursecount", s.db.table("course").where(x -> x.num("category") == r.id()).size());
            if (manager) {
                m.put("visible", r.num("visible"));
                m.put("visibleold", r.num("visible"));
                m.put("timemodified", r.num("timemodified"));
            }
            m.put("depth", r.num("depth"));
            m.put("path", r.str("path"));
            out.add(m);
        }
        return out;
    }

    // ---- courses ---------------------------------------------------------------------------------

    private static Object createCourses(Functions.Call c) {
        Site s = c.site;
        Db.Table courses = s.db.table("course");
        Db.Table cats = s.db.table("course_categories");
        return s.db.atomically(() -> {
            List<Object> created = new ArrayList<>();
            for (Map<String, Object> course : c.list("courses")) {
                long categoryId = num(course, "categoryid", 0);
                Db.Row category = cats.get(categoryId).orElseThrow(() -> WsError.moodle("errorcatcontextnotvalid",
                        "You cannot execute functions in the category context (category id: " + categoryId
                                + "). The context error message was: Invalid parameter value detected"));
                s.require("moodle/course:create");
                if (text(course, "fullname").isBlank()) {
                    throw WsError.moodle("errorinvalidparam", "The param \"fullname\" is invalid.");
                }
                if (text(course, "shortname").isBlank()) {
                    throw WsError.moodle("errorinvalidparam", "The param \"shortname\" is invalid.");
                }
                String format = text(course, "format");
                if (!FORMATS.contains(format)) {
                    throw WsError.moodle("invalidcourseformat", "Invalid course format \"" + format + "\"");
                }
                checkCourseKeys(courses, -1, text(course, "shortname"), text(course, "idnumber"));
                long start = num(course, "startdate", s.now() - s.now() % 86400);
                long end = num(course, "enddate", 0);
                if (end != 0 && end < start) {
                    throw WsError.moodle("enddatebeforestartdate", "The course end date must be after the start date.");
                }
                long visible = s.has("moodle/course:visibility") ? num(course, "visible", 1) : category.num("visible");
                long completion = s.completionEnabled ? num(course, "enablecompletion", 1) : 0;
                long id = courses.insert("category", categoryId, "fullname", text(course, "fullname"),
                        "shortname", text(course, "shortname"), "idnumber", orEmpty(text(course, "idnumber")),
                        "summary", orEmpty(text(course, "summary")), "format", format, "visible", visible,
                        "startdate", start, "enddate", end, "enablecompletion", completion,
                        "timecreated", s.now(), "timemodified", s.now());
                s.context(Site.CONTEXT_COURSE, id);
                s.db.table("enrol").insert("courseid", id, "enrol", "manual", "status", 0L, "roleid", Site.ROLE_STUDENT);
                s.db.table("grade_items").insert("courseid", id, "itemtype", "course", "itemname", null,
                        "itemmodule", null, "iteminstance", id, "idnumber", "", "grademax", 0.0, "cmid", null);
                created.add(obj("id", id, "shortname", text(course, "shortname")));
            }
            return created;
        });
    }

    /**
     * A backup of a course restored as a new course ({@code core_course_external::duplicate_course}):
     * its settings, activities with their completion tracking, completion criteria and grade items;
     * no users, no idnumber. One transaction.
     */
    private static Object duplicateCourse(Functions.Call c) {
        Site s = c.site;
        Db.Table courses = s.db.table("course");
        return s.db.atomically(() -> {
            Db.Row source = courses.get(c.num("courseid")).filter(r -> r.id() != 1)
                    .orElseThrow(() -> WsError.invalidParameter("Context does not exist"));
            s.require("moodle/backup:backupcourse");
            long categoryId = c.num("categoryid");
            s.db.table("course_categories").get(categoryId).orElseThrow(() -> WsError.moodle("errorcatcontextnotvalid",
                    "You cannot execute functions in the category context (category id: " + categoryId
                            + "). The context error message was: Invalid parameter value detected"));
            s.require("moodle/restore:restorecourse");
            s.require("moodle/course:create");
            String fullname = c.str("fullname");
            String shortname = c.str("shortname");
            if (fullname.isBlank() || shortname.isBlank()) {
                throw WsError.moodle("errorinvalidparam", "The param \"" + (fullname.isBlank() ? "fullname" : "shortname")
                        + "\" is invalid.");
            }
            if (courses.exists(r -> shortname.equals(r.str("shortname")))) {
                throw WsError.moodle("shortnametaken", "Short name is already used for another course (" + shortname + ")");
            }
            long visible = c.num("visible") == 0 ? 0 : 1;
            long id = courses.insert("category", categoryId, "fullname", fullname, "shortname", shortname, "idnumber", "",
                    "summary", orEmpty(source.str("summary")), "format", source.str("format"), "visible", visible,
                    "startdate", source.num("startdate"), "enddate", source.num("enddate"),
                    "enablecompletion", source.num("enablecompletion"), "timecreated", s.now(), "timemodified", s.now());
            s.context(Site.CONTEXT_COURSE, id);
            s.db.table("enrol").insert("courseid", id, "enrol", "manual", "status", 0L, "roleid", Site.ROLE_STUDENT);
            Map<Long, Long> cms = new java.util.HashMap<>();
            for (Db.Row cm : s.db.table("course_modules").where(r -> r.num("course") == source.id())) {
                long instance = s.db.table(cm.str("modname")).insert("course", id, "name", cm.str("name"));
                cms.put(cm.id(), s.db.table("course_modules").insert("course", id, "modname", cm.str("modname"),
                        "instance", instance, "name", cm.str("name"), "completion", cm.num("completion")));
            }
            for (Db.Row cc : s.db.table("course_completion_criteria").where(r -> r.num("course") == source.id())) {
                s.db.table("course_completion_criteria").insert("course", id, "criteriatype", cc.num("criteriatype"),
                        "moduleinstance", cms.getOrDefault(cc.num("moduleinstance"), cc.num("moduleinstance")));
            }
            for (Db.Row gi : s.db.table("grade_items").where(r -> r.num("courseid") == source.id())) {
                Map<String, Object> copy = new java.util.LinkedHashMap<>(gi);
                copy.put("courseid", id);
                if ("course".equals(gi.str("itemtype"))) {
                    copy.put("iteminstance", id);
                } else if (gi.get("cmid") != null) {
                    copy.put("cmid", cms.get(gi.num("cmid")));
                }
                s.db.table("grade_items").insert(copy);
            }
            return obj("id", id, "shortname", shortname);
        });
    }

    /** Moodle 4+: each course on its own; a failure becomes a warning with the exception's code. */
    private static Object updateCourses(Functions.Call c) {
        Site s = c.site;
        Db.Table courses = s.db.table("course");
        List<Object> warnings = new ArrayList<>();
        for (Map<String, Object> course : c.list("courses")) {
            long id = num(course, "id", 0);
            try {
                s.db.atomically(() -> {
                    Db.Row row = courses.mustGet(id);
                    if (id == 1) {
                        throw WsError.moodle("invalidcourse", "Invalid course");
                    }
                    s.require("moodle/course:update");
                    String shortname = course.get("shortname") == null ? row.str("shortname") : text(course, "shortname");
                    String idnumber = course.get("idnumber") == null ? null : text(course, "idnumber");
                    checkCourseKeys(courses, id, shortname, idnumber);
                    if (course.get("categoryid") != null
                            && s.db.table("course_categories").get(num(course, "categoryid", 0)).isEmpty()) {
                        throw WsError.moodle("unknowcategory", "Unknown category");
                    }
                    for (String f : COURSE_FIELDS) {
                        if (course.get(f) != null) {
                            row.put(f, text(course, f));
                        }
                    }
                    for (String f : COURSE_NUMBERS) {
                        if (course.get(f) != null) {
                            row.put(f.equals("categoryid") ? "category" : f, num(course, f, 0));
                        }
                    }
                    row.put("timemodified", s.now());
                    return null;
                });
            } catch (WsError e) {
                warnings.add(obj("item", "course", "itemid", id, "warningcode", e.errorcode(), "message", e.getMessage()));
            }
        }
        return obj("warnings", warnings);
    }

    private static void checkCourseKeys(Db.Table courses, long self, String shortname, String idnumber) {
        if (courses.exists(r -> r.id() != self && r.str("shortname").equals(shortname))) {
            throw WsError.moodle("shortnametaken", "Short name is already used for another course (" + shortname + ")");
        }
        if (idnumber != null && !idnumber.isEmpty()
                && courses.exists(r -> r.id() != self && idnumber.equals(r.str("idnumber")))) {
            throw WsError.moodle("courseidnumbertaken", "ID number is already used for another course (" + idnumber + ")");
        }
    }

    private static Object getCoursesByField(Functions.Call c) {
        Site s = c.site;
        String field = c.str("field");
        String value = c.str("value");
        List<Db.Row> rows = s.db.table("course").where(r -> r.id() != 1);
        switch (field) {
            case "":
                break;
            case "id":
            case "category":
                if (!ParamType.INT.accepts(value)) {
                    throw WsError.invalidParameter("Invalid value for " + field + ": " + value);
                }
                String column = field.equals("id") ? "id" : "category";
                rows.removeIf(r -> r.num(column) != Long.parseLong(value));
                break;
            case "ids":
                Set<String> ids = Set.of(value.split("\\s*,\\s*"));
                rows.removeIf(r -> !ids.contains(Long.toString(r.id())));
                break;
            case "shortname":
            case "idnumber":
                rows.removeIf(r -> !value.equals(r.str(field)));
                break;
            default:
                throw WsError.invalidParameter("Invalid field name");
        }
        boolean updater = s.has("moodle/course:update");
        List<Object> out = new ArrayList<>();
        for (Db.Row r : rows) {
            String categoryName = s.db.table("course_categories").get(r.num("category")).map(x -> x.str("name")).orElse("");
            Map<String, Object> m = obj("id", r.id(), "fullname", r.str("fullname"), "displayname", r.str("fullname"),
                    "shortname", r.str("shortname"), "categoryid", r.num("category"), "categoryname", categoryName,
                    "summary", r.str("summary"), "summaryformat", 1, "summaryfiles", List.of(), "overviewfiles", List.of(),
                    "contacts", List.of(), "enrollmentmethods", List.of("manual"), "customfields", List.of(),
                    "format", r.str("format"), "showgrades", 1, "newsitems", 5, "startdate", r.num("startdate"),
                    "enddate", r.num("enddate"), "maxbytes", 0, "showreports", 0, "visible", r.num("visible"),
                    "groupmode", 0, "groupmodeforce", 0, "defaultgroupingid", 0,
                    "enablecompletion", r.num("enablecompletion"), "completionnotify", 0, "lang", "", "theme", "",
                    "marker", 0, "filters", List.of(), "courseformatoptions", List.of());
            if (updater) {
                m.put("idnumber", r.str("idnumber"));
                m.put("timecreated", r.num("timecreated"));
                m.put("timemodified", r.num("timemodified"));
            }
            out.add(m);
        }
        return obj("courses", out, "warnings", List.of());
    }

    static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
