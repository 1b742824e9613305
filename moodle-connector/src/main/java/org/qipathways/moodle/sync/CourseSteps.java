package org.qipathways.moodle.sync;

import static org.qipathways.moodle.sync.ProgrammeSync.*;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.qipathways.moodle.MoodleCall;
import org.qipathways.moodle.ws.Category;
import org.qipathways.moodle.ws.CategoryUpdate;
import org.qipathways.moodle.ws.Course;
import org.qipathways.moodle.ws.CourseField;
import org.qipathways.moodle.ws.CourseUpdate;
import org.qipathways.moodle.ws.Courses;
import org.qipathways.moodle.ws.NewCategory;
import org.qipathways.moodle.ws.NewCourse;
import org.qipathways.programme.Tier;
import org.qipathways.programme.Unit;

/**
 * The steps of a {@link ProgrammeSync} run that make the site's course tree: the programme's
 * category with one category per tier below it, and one course per unit in its tier's category
 * (made as copies of the template course when {@link SyncOptions#templateCourseId()} is set).
 * Each step reads what exists by its {@link SyncKeys} key (a course also by its short name),
 * then creates what is missing and updates what differs, recording each change on the run.
 */
final class CourseSteps extends SyncStep {

    CourseSteps(SyncRun run) {
        super(run);
    }

    // ---- categories ------------------------------------------------------------------------

    void categories() {
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
                run.writes++;
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

    void category(String code, String key, String name, long parent, String description, Category c) {
        if (c == null) {
            changes.add(new Change(Change.Action.CREATE, "category", key, name));
            if (apply) {
                categoryIds.put(code, client.createCategories(List.of(
                        new NewCategory(name, parent, key, blankToNull(description)))).get(0).id());
                run.writes++;
            } else {
                categoryIds.put(code, fake());
            }
        } else {
            categoryIds.put(code, c.id());
            updateCategory(c, key, name, parent, description);
        }
    }

    void updateCategory(Category c, String key, String name, long parent, String description) {
        List<String> diff = new ArrayList<>();
        differs(diff, "name", c.name(), name);
        differs(diff, "description", c.description(), description);
        if (parent >= 0 && c.parent() != parent) {
            diff.add("parent " + c.parent() + " -> " + parent);
        }
        if (diff.isEmpty()) {
            run.unchanged++;
            return;
        }
        changes.add(new Change(Change.Action.UPDATE, "category", key, String.join("; ", diff)));
        if (apply) {
            client.updateCategories(List.of(new CategoryUpdate(c.id(), name, null, parent, text(description))));
            run.writes++;
        }
    }

    // ---- courses ---------------------------------------------------------------------------

    void courses() {
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
                run.unchanged++;
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
            run.writes += copies.size();
            List<CourseUpdate> keys = new ArrayList<>();
            for (int i = 0; i < made.size(); i++) {
                courseIds.put(createCodes.get(i), made.get(i).id());
                keys.add(new CourseUpdate(made.get(i).id(), null, null, null, creates.get(i).idnumber(),
                        creates.get(i).summary(), null, null, null, null));
            }
            run.failed += failures(client.updateCourses(keys));
            run.writes++;
        } else if (!creates.isEmpty()) {
            var made = client.createCourses(creates);
            run.writes++;
            for (int i = 0; i < made.size(); i++) {
                courseIds.put(createCodes.get(i), made.get(i).id());
            }
        }
        if (!updates.isEmpty()) {
            run.failed += failures(client.updateCourses(updates));
            run.writes++;
        }
    }
}
