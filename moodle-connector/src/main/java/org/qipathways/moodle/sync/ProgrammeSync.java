package org.qipathways.moodle.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.qipathways.competency.Competency;
import org.qipathways.competency.CompetencyFramework;
import org.qipathways.competency.ProficiencyLevel;
import org.qipathways.moodle.MoodleCall;
import org.qipathways.moodle.MoodleClient;
import org.qipathways.moodle.MoodleResult;
import org.qipathways.moodle.ws.Category;
import org.qipathways.moodle.ws.CategoryUpdate;
import org.qipathways.moodle.ws.Cohort;
import org.qipathways.moodle.ws.CohortContext;
import org.qipathways.moodle.ws.CohortUpdate;
import org.qipathways.moodle.ws.CompetencyUpdate;
import org.qipathways.moodle.ws.ContextRef;
import org.qipathways.moodle.ws.Course;
import org.qipathways.moodle.ws.CourseCompetency;
import org.qipathways.moodle.ws.CourseField;
import org.qipathways.moodle.ws.CourseUpdate;
import org.qipathways.moodle.ws.Courses;
import org.qipathways.moodle.ws.Filter;
import org.qipathways.moodle.ws.Framework;
import org.qipathways.moodle.ws.FrameworkCompetency;
import org.qipathways.moodle.ws.FrameworkUpdate;
import org.qipathways.moodle.ws.MoodleWarning;
import org.qipathways.moodle.ws.NewCategory;
import org.qipathways.moodle.ws.NewCohort;
import org.qipathways.moodle.ws.NewCompetency;
import org.qipathways.moodle.ws.NewCourse;
import org.qipathways.moodle.ws.NewFramework;
import org.qipathways.moodle.ws.NewTemplate;
import org.qipathways.moodle.ws.PlanTemplate;
import org.qipathways.moodle.ws.ScaleValue;
import org.qipathways.moodle.ws.TemplateUpdate;
import org.qipathways.programme.Programme;
import org.qipathways.programme.Tier;
import org.qipathways.programme.Unit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes a Moodle site hold a programme, plan first: {@link #plan} compares the programme with what
 * the site holds and lists each create and update; {@link #apply} carries them out.
 * <pre>{@code
 * ProgrammeSync sync = new ProgrammeSync(client, SyncOptions.defaults().withScaleId(4));
 * SyncPlan plan = sync.plan(Programme.reference());   // reads only
 * sync.apply(Programme.reference());                   // created 34, updated 0, unchanged 0, failed 0
 * sync.apply(Programme.reference()).writes();          // 0: nothing left to do
 * }</pre>
 * Every object carries a key from {@link SyncKeys}, and each step reads what the site holds before
 * writing, so a run that was interrupted anywhere and is run again converges on the state an
 * uninterrupted run leaves, with no duplicates and no local state. Objects of ours that the
 * programme no longer has are reported as orphans; with {@link SyncOptions#prune()} links between
 * them (course and template competencies) are removed, while courses, categories, competencies,
 * templates and cohorts are never deleted (web services cannot delete most of them safely).
 */
public final class ProgrammeSync {

    private static final Logger LOG = LoggerFactory.getLogger(ProgrammeSync.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Course-competency outcome 1: completing the course attaches evidence to the learner's competency. */
    public static final int RULE_OUTCOME_EVIDENCE = 1;

    private final MoodleClient client;
    private final SyncOptions options;

    public ProgrammeSync(MoodleClient client, SyncOptions options) {
        this.client = Objects.requireNonNull(client, "client");
        this.options = Objects.requireNonNull(options, "options");
    }

    /** What {@link #apply} would do; reads only. */
    public SyncPlan plan(Programme programme) {
        return new Run(programme, false).run();
    }

    /** Makes the site hold the programme; returns what was done. */
    public SyncPlan apply(Programme programme) {
        return new Run(programme, true).run();
    }

    /** The Moodle id of each unit's course, by unit code; units without a course are left out. Reads only. */
    public Map<String, Long> courseIds(Programme programme) {
        List<MoodleCall<Courses>> reads = programme.units().stream()
                .map(u -> MoodleCall.getCoursesByField(CourseField.IDNUMBER, SyncKeys.unit(programme, u.code()))).toList();
        List<Courses> read = values(client.callAll(reads));
        Map<String, Long> out = new LinkedHashMap<>();
        for (int i = 0; i < read.size(); i++) {
            if (!read.get(i).courses().isEmpty()) {
                out.put(programme.units().get(i).code(), read.get(i).courses().get(0).id());
            }
        }
        return out;
    }

    /** One plan or apply: reads each kind of object, then creates and updates it, in dependency order. */
    private final class Run {
        private final Programme p;
        private final boolean apply;
        private final List<Change> changes = new ArrayList<>();
        private final List<Change> orphans = new ArrayList<>();
        private int unchanged;
        private int failed;
        private int writes;
        private long nextFake = -1;

        // by programme code ("" for the programme's own category); negative ids are not yet made
        final Map<String, Long> categoryIds = new LinkedHashMap<>();
        final Map<String, Long> courseIds = new LinkedHashMap<>();
        long frameworkId;
        final Map<String, Long> competencyIds = new LinkedHashMap<>();
        final Map<String, Long> templateIds = new LinkedHashMap<>();
        final Map<String, Long> cohortIds = new LinkedHashMap<>();

        Run(Programme p, boolean apply) {
            this.p = p;
            this.apply = apply;
        }

        SyncPlan run() {
            categories();
            courses();
            if (p.framework() != null) {
                framework();
                competencies();
                courseCompetencies();
                templates();
            }
            cohorts();
            return new SyncPlan(changes, orphans, unchanged, failed, writes);
        }

        private long fake() {
            return nextFake--;
        }

        // ---- categories ------------------------------------------------------------------------

        private void categories() {
            Map<String, Category> byKey = new HashMap<>();
            String ours = SyncKeys.ours(p);
            for (Category c : client.getCategories(List.of(), false)) {
                if (c.idnumber() != null && !c.idnumber().isEmpty()) {
                    byKey.putIfAbsent(c.idnumber(), c);
                }
            }
            String top = SyncKeys.programme(p);
            category("", top, p.title(), options.parentCategoryId(), p.description(), byKey.get(top));
            List<NewCategory> creates = new ArrayList<>();
            List<String> createCodes = new ArrayList<>();
            Set<String> wanted = new java.util.HashSet<>();
            for (Tier t : p.tiers()) {
                String key = SyncKeys.tier(p, t.code());
                wanted.add(key);
                Category c = byKey.get(key);
                long parent = categoryIds.get("");
                if (c == null) {
                    changes.add(new Change(Change.Action.CREATE, "category", key, t.title()));
                    creates.add(new NewCategory(t.title(), parent, key, blankToNull(t.description())));
                    createCodes.add(t.code());
                } else {
                    categoryIds.put(t.code(), c.id());
                    updateCategory(c, key, t.title(), parent, t.description());
                }
            }
            if (!creates.isEmpty()) {
                if (apply && categoryIds.get("") > 0) {
                    var made = client.createCategories(creates);
                    writes++;
                    for (int i = 0; i < made.size(); i++) {
                        categoryIds.put(createCodes.get(i), made.get(i).id());
                    }
                } else {
                    if (apply) {
                        throw new IllegalStateException("the programme category was not made");
                    }
                    createCodes.forEach(code -> categoryIds.put(code, fake()));
                }
            }
            byKey.forEach((key, c) -> {
                if (key.startsWith(ours + "tier:") && !wanted.contains(key)) {
                    orphans.add(new Change(Change.Action.ORPHAN, "category", key, c.name() + " (id " + c.id() + ")"));
                }
            });
        }

        private void category(String code, String key, String name, long parent, String description, Category c) {
            if (c == null) {
                changes.add(new Change(Change.Action.CREATE, "category", key, name));
                if (apply) {
                    categoryIds.put(code, client.createCategories(List.of(
                            new NewCategory(name, parent, key, blankToNull(description)))).get(0).id());
                    writes++;
                } else {
                    categoryIds.put(code, fake());
                }
            } else {
                categoryIds.put(code, c.id());
                updateCategory(c, key, name, parent, description);
            }
        }

        private void updateCategory(Category c, String key, String name, long parent, String description) {
            List<String> diff = new ArrayList<>();
            differs(diff, "name", c.name(), name);
            differs(diff, "description", c.description(), description);
            if (parent >= 0 && c.parent() != parent) {
                diff.add("parent " + c.parent() + " -> " + parent);
            }
            if (diff.isEmpty()) {
                unchanged++;
                return;
            }
            changes.add(new Change(Change.Action.UPDATE, "category", key, String.join("; ", diff)));
            if (apply) {
                client.updateCategories(List.of(new CategoryUpdate(c.id(), name, null, parent, text(description))));
                writes++;
            }
        }

        // ---- courses ---------------------------------------------------------------------------

        private void courses() {
            Map<String, String> unitTier = SyncKeys.unitTier(p);
            List<MoodleCall<Courses>> reads = new ArrayList<>();
            for (Unit u : p.units()) {
                reads.add(MoodleCall.getCoursesByField(CourseField.IDNUMBER, SyncKeys.unit(p, u.code())));
            }
            List<Long> ourCategories = categoryIds.values().stream().filter(id -> id > 0).toList();
            for (long id : ourCategories) {
                reads.add(MoodleCall.getCoursesByField(CourseField.CATEGORY, Long.toString(id)));
            }
            List<Courses> read = new ArrayList<>(values(client.callAll(reads)));
            // a course with our short name but not our idnumber: made by hand, or a copy of the template
            // course whose idnumber was not set yet when a run stopped; it is adopted, not made again
            List<Integer> missing = new ArrayList<>();
            for (int i = 0; i < p.units().size(); i++) {
                if (read.get(i).courses().isEmpty()) {
                    missing.add(i);
                }
            }
            List<Courses> byShortname = values(client.callAll(missing.stream().map(i -> MoodleCall.getCoursesByField(
                    CourseField.SHORTNAME, SyncKeys.courseShortname(p, p.units().get(i).code()))).toList()));
            for (int k = 0; k < missing.size(); k++) {
                read.set(missing.get(k), byShortname.get(k));
            }
            List<NewCourse> creates = new ArrayList<>();
            List<String> createCodes = new ArrayList<>();
            List<CourseUpdate> updates = new ArrayList<>();
            for (int i = 0; i < p.units().size(); i++) {
                Unit u = p.units().get(i);
                String key = SyncKeys.unit(p, u.code());
                String shortname = SyncKeys.courseShortname(p, u.code());
                long category = categoryIds.get(unitTier.getOrDefault(u.code(), ""));
                Course c = read.get(i).courses().isEmpty() ? null : read.get(i).courses().get(0);
                if (c == null) {
                    changes.add(new Change(Change.Action.CREATE, "course", key, u.title()));
                    creates.add(NewCourse.of(u.title(), shortname, category).withIdnumber(key)
                            .withSummary(text(u.description())).withEnableCompletion(1));
                    createCodes.add(u.code());
                    continue;
                }
                courseIds.put(u.code(), c.id());
                List<String> diff = new ArrayList<>();
                differs(diff, "fullname", c.fullname(), u.title());
                differs(diff, "shortname", c.shortname(), shortname);
                differs(diff, "summary", c.summary(), u.description());
                differs(diff, "idnumber", c.idnumber(), key);
                if (c.categoryid() != category) {
                    diff.add("category " + c.categoryid() + " -> " + category);
                }
                if (diff.isEmpty()) {
                    unchanged++;
                } else {
                    changes.add(new Change(Change.Action.UPDATE, "course", key, String.join("; ", diff)));
                    updates.add(new CourseUpdate(c.id(), u.title(), shortname, category,
                            key.equals(c.idnumber()) ? null : key, text(u.description()), null, null, null, null));
                }
            }
            Set<String> wanted = new java.util.HashSet<>();
            p.units().forEach(u -> wanted.add(SyncKeys.unit(p, u.code())));
            Set<Long> seen = new java.util.HashSet<>();
            for (Courses cs : read.subList(p.units().size(), read.size())) {
                for (Course c : cs.courses()) {
                    if (c.idnumber() != null && c.idnumber().startsWith(SyncKeys.ours(p) + "unit:")
                            && !wanted.contains(c.idnumber()) && seen.add(c.id())) {
                        orphans.add(new Change(Change.Action.ORPHAN, "course", c.idnumber(),
                                c.fullname() + " (id " + c.id() + ")"));
                    }
                }
            }
            if (!apply) {
                createCodes.forEach(code -> courseIds.put(code, fake()));
                return;
            }
            if (!creates.isEmpty() && options.templateCourseId() > 0) {
                // copies of the admin's template course bring its activities and completion criteria;
                // a copy has no idnumber, so it is set right after (a rerun adopts a copy by short name)
                List<MoodleCall<org.qipathways.moodle.ws.DuplicatedCourse>> copies = new ArrayList<>();
                for (NewCourse n : creates) {
                    copies.add(MoodleCall.duplicateCourse(options.templateCourseId(), n.fullname(), n.shortname(),
                            n.categoryid(), 1));
                }
                var made = values(client.callAllInOrder(copies));
                writes += copies.size();
                List<CourseUpdate> keys = new ArrayList<>();
                for (int i = 0; i < made.size(); i++) {
                    courseIds.put(createCodes.get(i), made.get(i).id());
                    keys.add(new CourseUpdate(made.get(i).id(), null, null, null, creates.get(i).idnumber(),
                            creates.get(i).summary(), null, null, null, null));
                }
                failed += failures(client.updateCourses(keys));
                writes++;
            } else if (!creates.isEmpty()) {
                var made = client.createCourses(creates);
                writes++;
                for (int i = 0; i < made.size(); i++) {
                    courseIds.put(createCodes.get(i), made.get(i).id());
                }
            }
            if (!updates.isEmpty()) {
                failed += failures(client.updateCourses(updates));
                writes++;
            }
        }

        // ---- competency framework --------------------------------------------------------------

        private void framework() {
            CompetencyFramework f = p.framework();
            Framework existing = client.listFrameworks(ContextRef.system(), "children", false).stream()
                    .filter(x -> f.code().equals(x.idnumber())).findFirst().orElse(null);
            long scaleId = options.scaleId() > 0 ? options.scaleId() : existing != null ? existing.scaleid() : 0;
            if (scaleId <= 0) {
                throw new IllegalStateException("the competency framework " + f.code() + " needs a Moodle scale for '"
                        + f.scale().name() + "' with the items " + levelNames(f) + ", which web services cannot"
                        + " create: a site administrator creates it (Site administration > Grades > Scales) and its id"
                        + " is given as the scale id");
            }
            List<ScaleValue> values = client.getScaleValues(scaleId);
            if (values.size() != f.scale().levels().size()) {
                throw new IllegalStateException("Moodle scale " + scaleId + " has " + values.size() + " items ("
                        + values.stream().map(ScaleValue::name).toList() + ") but the programme's scale '"
                        + f.scale().name() + "' has " + f.scale().levels().size() + " levels " + levelNames(f));
            }
            String config = scaleConfiguration(f, scaleId);
            if (existing == null) {
                changes.add(new Change(Change.Action.CREATE, "framework", f.code(), f.title()));
                if (apply) {
                    frameworkId = client.createFramework(new NewFramework(f.title(), f.code(), text(f.description()),
                            true, scaleId, config, null, ContextRef.system())).id();
                    writes++;
                } else {
                    frameworkId = fake();
                }
                return;
            }
            frameworkId = existing.id();
            List<String> diff = new ArrayList<>();
            differs(diff, "shortname", existing.shortname(), f.title());
            differs(diff, "description", existing.description(), f.description());
            if (!Boolean.TRUE.equals(existing.visible())) {
                diff.add("hidden -> visible (courses can only link to a visible framework)");
            }
            if (existing.scaleid() != scaleId || !sameJson(existing.scaleconfiguration(), config)) {
                diff.add("scale configuration");
            }
            if (diff.isEmpty()) {
                unchanged++;
                return;
            }
            changes.add(new Change(Change.Action.UPDATE, "framework", f.code(), String.join("; ", diff)));
            if (apply) {
                client.updateFramework(new FrameworkUpdate(existing.id(), f.title(), f.code(), text(f.description()),
                        true, config, null));
                writes++;
            }
        }

        private void competencies() {
            CompetencyFramework f = p.framework();
            Map<String, FrameworkCompetency> byIdnumber = new HashMap<>();
            Map<Long, String> codeById = new HashMap<>();
            if (frameworkId > 0) {
                for (FrameworkCompetency c : client.listCompetencies(List.of(Filter.framework(frameworkId)))) {
                    byIdnumber.put(c.idnumber(), c);
                    codeById.put(c.id(), c.idnumber());
                }
            }
            Set<String> wanted = new java.util.HashSet<>();
            f.competencies().forEach(c -> wanted.add(c.code()));
            // parents before children: create one depth at a time, each depth in one bundle
            Map<String, Competency> byCode = new LinkedHashMap<>();
            f.competencies().forEach(c -> byCode.put(c.code(), c));
            List<Competency> pending = new ArrayList<>(f.competencies());
            List<MoodleCall<Boolean>> updates = new ArrayList<>();
            List<long[]> reparent = new ArrayList<>();
            while (!pending.isEmpty()) {
                List<Competency> level = pending.stream().filter(c -> c.parent() == null
                        || competencyIds.containsKey(c.parent())).toList();
                if (level.isEmpty()) {
                    throw new IllegalStateException("competency parents form a cycle: " + pending);
                }
                pending.removeAll(level);
                List<MoodleCall<FrameworkCompetency>> creates = new ArrayList<>();
                List<String> createCodes = new ArrayList<>();
                for (Competency c : level) {
                    long parentId = c.parent() == null ? 0 : competencyIds.get(c.parent());
                    FrameworkCompetency m = byIdnumber.get(c.code());
                    if (m == null) {
                        changes.add(new Change(Change.Action.CREATE, "competency", c.code(), c.title()));
                        NewCompetency n = new NewCompetency(c.title(), c.code(), frameworkId,
                                parentId == 0 ? null : parentId, blankToNull(c.description()));
                        creates.add(MoodleCall.createCompetency(n));
                        createCodes.add(c.code());
                        continue;
                    }
                    competencyIds.put(c.code(), m.id());
                    List<String> diff = new ArrayList<>();
                    differs(diff, "shortname", m.shortname(), c.title());
                    differs(diff, "description", m.description(), c.description());
                    if (m.parentid() != parentId) {
                        diff.add("parent " + codeById.getOrDefault(m.parentid(), String.valueOf(m.parentid())) + " -> "
                                + (c.parent() == null ? "none" : c.parent()));
                        reparent.add(new long[] {m.id(), parentId});
                    }
                    if (!sameText(m.shortname(), c.title()) || !sameText(m.description(), c.description())) {
                        updates.add(MoodleCall.updateCompetency(new CompetencyUpdate(m.id(), c.title(), c.code(),
                                text(c.description()))));
                    }
                    if (diff.isEmpty()) {
                        unchanged++;
                    } else {
                        changes.add(new Change(Change.Action.UPDATE, "competency", c.code(), String.join("; ", diff)));
                    }
                }
                if (apply && !creates.isEmpty()) {
                    List<FrameworkCompetency> made = values(client.callAllInOrder(creates));
                    writes += creates.size();
                    for (int i = 0; i < made.size(); i++) {
                        competencyIds.put(createCodes.get(i), made.get(i).id());
                    }
                } else {
                    createCodes.forEach(code -> competencyIds.put(code, fake()));
                }
            }
            if (apply) {
                if (!updates.isEmpty()) {
                    values(client.callAllInOrder(updates));
                    writes += updates.size();
                }
                for (long[] r : reparent) {
                    client.setParentCompetency(r[0], r[1]);
                    writes++;
                }
            }
            byIdnumber.forEach((idnumber, c) -> {
                if (!wanted.contains(idnumber)) {
                    orphans.add(new Change(Change.Action.ORPHAN, "competency", idnumber, c.shortname() + " (id " + c.id() + ")"));
                }
            });
        }

        private void courseCompetencies() {
            Map<String, Set<String>> wantedByUnit = SyncKeys.unitCompetencies(p);
            List<String> units = new ArrayList<>();
            List<MoodleCall<List<CourseCompetency>>> reads = new ArrayList<>();
            for (String u : courseIds.keySet()) {
                if (courseIds.get(u) > 0) {
                    units.add(u);
                    reads.add(MoodleCall.listCourseCompetencies(courseIds.get(u)));
                }
            }
            Map<String, List<CourseCompetency>> existing = new HashMap<>();
            List<List<CourseCompetency>> read = values(client.callAll(reads));
            for (int i = 0; i < units.size(); i++) {
                existing.put(units.get(i), read.get(i));
            }
            List<MoodleCall<Boolean>> adds = new ArrayList<>();
            List<MoodleCall<Boolean>> outcomes = new ArrayList<>();
            List<MoodleCall<Boolean>> removals = new ArrayList<>();
            Set<String> added = new java.util.LinkedHashSet<>();
            Map<Long, String> codeById = new HashMap<>();
            competencyIds.forEach((code, id) -> codeById.put(id, code));
            for (String u : courseIds.keySet()) {
                Map<String, CourseCompetency.Link> links = new HashMap<>();
                for (CourseCompetency cc : existing.getOrDefault(u, List.of())) {
                    String code = codeById.get(cc.coursecompetency().competencyid());
                    if (code != null) {
                        links.put(code, cc.coursecompetency());
                    }
                }
                Set<String> wanted = wantedByUnit.getOrDefault(u, Set.of());
                for (String c : wanted) {
                    String key = u + " -> " + c;
                    CourseCompetency.Link link = links.get(c);
                    if (link == null) {
                        changes.add(new Change(Change.Action.CREATE, "course competency", key, "outcome: attach evidence"));
                        if (courseIds.get(u) > 0 && competencyIds.get(c) > 0) {
                            adds.add(MoodleCall.addCompetencyToCourse(courseIds.get(u), competencyIds.get(c)));
                            added.add(u);
                        }
                    } else if (link.ruleoutcome() != RULE_OUTCOME_EVIDENCE) {
                        changes.add(new Change(Change.Action.UPDATE, "course competency", key,
                                "outcome " + link.ruleoutcome() + " -> " + RULE_OUTCOME_EVIDENCE));
                        outcomes.add(MoodleCall.setCourseCompetencyRuleOutcome(link.id(), RULE_OUTCOME_EVIDENCE));
                    } else {
                        unchanged++;
                    }
                }
                links.forEach((c, link) -> {
                    if (!wanted.contains(c)) {
                        orphans.add(new Change(Change.Action.ORPHAN, "course competency", u + " -> " + c,
                                options.prune() ? "removed" : ""));
                        removals.add(MoodleCall.removeCompetencyFromCourse(link.courseid(), link.competencyid()));
                    }
                });
            }
            if (!apply) {
                return;
            }
            if (!adds.isEmpty()) {
                values(client.callAllInOrder(adds));
                writes += adds.size();
                // a new link has outcome "none": read the new links' ids to set it
                List<MoodleCall<List<CourseCompetency>>> again = new ArrayList<>();
                added.forEach(u -> again.add(MoodleCall.listCourseCompetencies(courseIds.get(u))));
                for (List<CourseCompetency> list : values(client.callAll(again))) {
                    for (CourseCompetency cc : list) {
                        String code = codeById.get(cc.coursecompetency().competencyid());
                        String unit = unitOfCourse(cc.coursecompetency().courseid());
                        if (code != null && wantedByUnit.getOrDefault(unit, Set.of()).contains(code)
                                && cc.coursecompetency().ruleoutcome() != RULE_OUTCOME_EVIDENCE) {
                            outcomes.add(MoodleCall.setCourseCompetencyRuleOutcome(cc.coursecompetency().id(),
                                    RULE_OUTCOME_EVIDENCE));
                        }
                    }
                }
            }
            if (!outcomes.isEmpty()) {
                values(client.callAllInOrder(outcomes));
                writes += outcomes.size();
            }
            if (options.prune() && !removals.isEmpty()) {
                values(client.callAllInOrder(removals));
                writes += removals.size();
            }
        }

        private String unitOfCourse(long courseId) {
            for (Map.Entry<String, Long> e : courseIds.entrySet()) {
                if (e.getValue() == courseId) {
                    return e.getKey();
                }
            }
            return null;
        }

        // ---- learning-plan templates -----------------------------------------------------------

        private void templates() {
            List<PlanTemplate> all = client.listTemplates(ContextRef.system(), "children", false);
            Set<Long> wantedIds = new java.util.HashSet<>();
            List<MoodleCall<List<FrameworkCompetency>>> reads = new ArrayList<>();
            List<String> readTiers = new ArrayList<>();
            for (Tier t : p.tiers()) {
                String suffix = SyncKeys.templateSuffix(p, t.code());
                String shortname = t.title() + suffix;
                PlanTemplate m = all.stream().filter(x -> x.shortname() != null && x.shortname().endsWith(suffix))
                        .findFirst().orElse(null);
                if (m == null) {
                    changes.add(new Change(Change.Action.CREATE, "template", shortname, ""));
                    if (apply) {
                        templateIds.put(t.code(), client.createTemplate(new NewTemplate(shortname,
                                blankToNull(t.description()), null, true, ContextRef.system())).id());
                        writes++;
                    } else {
                        templateIds.put(t.code(), fake());
                    }
                    continue;
                }
                templateIds.put(t.code(), m.id());
                wantedIds.add(m.id());
                reads.add(MoodleCall.listCompetenciesInTemplate(m.id()));
                readTiers.add(t.code());
                List<String> diff = new ArrayList<>();
                differs(diff, "shortname", m.shortname(), shortname);
                differs(diff, "description", m.description(), t.description());
                if (!Boolean.TRUE.equals(m.visible())) {
                    diff.add("hidden -> visible");
                }
                if (diff.isEmpty()) {
                    unchanged++;
                } else {
                    changes.add(new Change(Change.Action.UPDATE, "template", shortname, String.join("; ", diff)));
                    if (apply) {
                        client.updateTemplate(new TemplateUpdate(m.id(), shortname, text(t.description()), null, true));
                        writes++;
                    }
                }
            }
            for (PlanTemplate x : all) {
                boolean ourPrefix = x.shortname() != null && x.shortname().contains(" [" + p.code() + ":");
                if (ourPrefix && !wantedIds.contains(x.id()) && !templateIds.containsValue(x.id())) {
                    orphans.add(new Change(Change.Action.ORPHAN, "template", x.shortname(), "id " + x.id()));
                }
            }
            Map<String, List<FrameworkCompetency>> existing = new HashMap<>();
            List<List<FrameworkCompetency>> read = values(client.callAll(reads));
            for (int i = 0; i < readTiers.size(); i++) {
                existing.put(readTiers.get(i), read.get(i));
            }
            List<MoodleCall<Boolean>> adds = new ArrayList<>();
            List<MoodleCall<Boolean>> removals = new ArrayList<>();
            for (Tier t : p.tiers()) {
                Set<Long> have = new java.util.HashSet<>();
                existing.getOrDefault(t.code(), List.of()).forEach(c -> have.add(c.id()));
                List<String> wanted = SyncKeys.tierCompetencies(p, t);
                for (String c : wanted) {
                    long id = competencyIds.get(c);
                    if (have.contains(id)) {
                        unchanged++;
                    } else {
                        changes.add(new Change(Change.Action.CREATE, "template competency", t.code() + " -> " + c, ""));
                        if (templateIds.get(t.code()) > 0 && id > 0) {
                            adds.add(MoodleCall.addCompetencyToTemplate(templateIds.get(t.code()), id));
                        }
                    }
                }
                for (FrameworkCompetency c : existing.getOrDefault(t.code(), List.of())) {
                    if (c.competencyframeworkid() == frameworkId && !wanted.contains(c.idnumber())) {
                        orphans.add(new Change(Change.Action.ORPHAN, "template competency", t.code() + " -> "
                                + c.idnumber(), options.prune() ? "removed" : ""));
                        removals.add(MoodleCall.removeCompetencyFromTemplate(templateIds.get(t.code()), c.id()));
                    }
                }
            }
            if (apply && !adds.isEmpty()) {
                values(client.callAllInOrder(adds));
                writes += adds.size();
            }
            if (apply && options.prune() && !removals.isEmpty()) {
                values(client.callAllInOrder(removals));
                writes += removals.size();
            }
        }

        // ---- certified cohorts -----------------------------------------------------------------

        private void cohorts() {
            Map<String, Cohort> byKey = new HashMap<>();
            for (Cohort c : client.getCohorts(List.of())) {
                if (c.idnumber() != null) {
                    byKey.putIfAbsent(c.idnumber(), c);
                }
            }
            List<NewCohort> creates = new ArrayList<>();
            List<String> createTiers = new ArrayList<>();
            List<CohortUpdate> updates = new ArrayList<>();
            Set<String> wanted = new java.util.HashSet<>();
            for (Tier t : p.tiers()) {
                String key = SyncKeys.certifiedCohort(p, t.code());
                wanted.add(key);
                String name = certifiedCohortName(p, t);
                String description = "Learners holding a valid " + t.title() + " certificate of " + p.title()
                        + ". Kept by QI Pathways: do not edit by hand.";
                Cohort c = byKey.get(key);
                if (c == null) {
                    changes.add(new Change(Change.Action.CREATE, "cohort", key, name));
                    creates.add(new NewCohort(CohortContext.system(), name, key, description, true));
                    createTiers.add(t.code());
                    continue;
                }
                cohortIds.put(t.code(), c.id());
                List<String> diff = new ArrayList<>();
                differs(diff, "name", c.name(), name);
                differs(diff, "description", c.description(), description);
                if (diff.isEmpty()) {
                    unchanged++;
                } else {
                    changes.add(new Change(Change.Action.UPDATE, "cohort", key, String.join("; ", diff)));
                    updates.add(new CohortUpdate(c.id(), CohortContext.system(), name, key, description, null));
                }
            }
            byKey.forEach((key, c) -> {
                if (key.startsWith(SyncKeys.ours(p) + "certified:") && !wanted.contains(key)) {
                    orphans.add(new Change(Change.Action.ORPHAN, "cohort", key, c.name() + " (id " + c.id() + ")"));
                }
            });
            if (!apply) {
                createTiers.forEach(t -> cohortIds.put(t, fake()));
                return;
            }
            if (!creates.isEmpty()) {
                List<Cohort> made = client.createCohorts(creates);
                writes++;
                for (int i = 0; i < made.size(); i++) {
                    cohortIds.put(createTiers.get(i), made.get(i).id());
                }
            }
            if (!updates.isEmpty()) {
                client.updateCohorts(updates);
                writes++;
            }
        }
    }

    /** The name of a tier's certified cohort, e.g. {@code Bronze certified (QIP-BSG)}. */
    public static String certifiedCohortName(Programme p, Tier t) {
        return t.title() + " certified (" + p.code() + ")";
    }

    // ---- helpers -----------------------------------------------------------------------------------

    /** Moodle's scale configuration: the first proficient level is what a "complete" rule awards. */
    static String scaleConfiguration(CompetencyFramework f, long scaleId) {
        ArrayNode a = JSON.createArrayNode();
        a.addObject().put("scaleid", Long.toString(scaleId));
        boolean defaultSet = false;
        for (ProficiencyLevel l : f.scale().levels()) {
            ObjectNode item = a.addObject();
            item.put("id", l.level());
            boolean isDefault = l.proficient() && !defaultSet;
            defaultSet |= isDefault;
            item.put("scaledefault", isDefault ? 1 : 0);
            item.put("proficient", l.proficient() ? 1 : 0);
        }
        return a.toString();
    }

    private static String levelNames(CompetencyFramework f) {
        return f.scale().levels().stream().map(ProficiencyLevel::name).toList().toString();
    }

    private static boolean sameJson(String a, String b) {
        try {
            JsonNode x = a == null ? null : JSON.readTree(a);
            return x != null && x.equals(JSON.readTree(b));
        } catch (Exception e) {
            return false;
        }
    }

    static String text(String s) {
        return s == null ? "" : s;
    }

    static String blankToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    static boolean sameText(String a, String b) {
        return text(a).equals(text(b));
    }

    static void differs(List<String> diff, String field, String have, String want) {
        if (!sameText(have, want)) {
            diff.add(field + " '" + text(have) + "' -> '" + text(want) + "'");
        }
    }

    static int failures(List<MoodleWarning> warnings) {
        warnings.forEach(w -> LOG.warn("Moodle refused {} {}: {} ({})", w.item(), w.itemid(), w.message(), w.warningcode()));
        return (int) warnings.stream().map(MoodleWarning::itemid).distinct().count();
    }

    /** The values of calls that all succeeded; the first failure is thrown, as one call would throw it. */
    static <T> List<T> values(List<MoodleResult<T>> results) {
        List<T> out = new ArrayList<>(results.size());
        for (MoodleResult<T> r : results) {
            if (!r.isSuccess()) {
                throw r.error().orElseThrow();
            }
            out.add(r.get());
        }
        return out;
    }
}
