package org.qipathways.moodle.sync;

import static org.qipathways.moodle.sync.ProgrammeSync.*;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.qipathways.competency.Competency;
import org.qipathways.competency.CompetencyFramework;
import org.qipathways.moodle.MoodleCall;
import org.qipathways.moodle.ws.CompetencyUpdate;
import org.qipathways.moodle.ws.ContextRef;
import org.qipathways.moodle.ws.CourseCompetency;
import org.qipathways.moodle.ws.Filter;
import org.qipathways.moodle.ws.Framework;
import org.qipathways.moodle.ws.FrameworkCompetency;
import org.qipathways.moodle.ws.FrameworkUpdate;
import org.qipathways.moodle.ws.NewCompetency;
import org.qipathways.moodle.ws.NewFramework;
import org.qipathways.moodle.ws.ScaleValue;

/**
 * The steps of a {@link ProgrammeSync} run that make the site's competencies: the competency
 * framework and its scale configuration, the competencies in parent-before-child order, and the
 * links from each unit's course to the competencies it evidences, with the outcome that attaches
 * evidence when the course is completed, and the course setting that lets ratings given in the
 * course reach learning plans. Links no longer wanted are orphans, reported only; with
 * {@link SyncOptions#prune()} they are removals instead.
 */
final class CompetencySteps extends SyncStep {

    CompetencySteps(SyncRun run) {
        super(run);
    }

    // ---- competency framework --------------------------------------------------------------

    void framework() {
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
                run.frameworkId = client.createFramework(new NewFramework(f.title(), f.code(), text(f.description()),
                        true, scaleId, config, null, ContextRef.system())).id();
                run.writes++;
            } else {
                run.frameworkId = fake();
            }
            return;
        }
        run.frameworkId = existing.id();
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
            run.unchanged++;
            return;
        }
        changes.add(new Change(Change.Action.UPDATE, "framework", f.code(), String.join("; ", diff)));
        if (apply) {
            client.updateFramework(new FrameworkUpdate(existing.id(), f.title(), f.code(), text(f.description()),
                    true, config, null));
            run.writes++;
        }
    }

    void competencies() {
        CompetencyFramework f = p.framework();
        Map<String, FrameworkCompetency> byIdnumber = new HashMap<>();
        Map<Long, String> codeById = new HashMap<>();
        if (run.frameworkId > 0) {
            for (FrameworkCompetency c : client.listCompetencies(List.of(Filter.framework(run.frameworkId)))) {
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
                    NewCompetency n = new NewCompetency(c.title(), c.code(), run.frameworkId,
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
                    run.unchanged++;
                } else {
                    changes.add(new Change(Change.Action.UPDATE, "competency", c.code(), String.join("; ", diff)));
                }
            }
            if (apply && !creates.isEmpty()) {
                List<FrameworkCompetency> made = values(client.callAllInOrder(creates));
                run.writes += creates.size();
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
                run.writes += updates.size();
            }
            for (long[] r : reparent) {
                client.setParentCompetency(r[0], r[1]);
                run.writes++;
            }
        }
        byIdnumber.forEach((idnumber, c) -> {
            if (!wanted.contains(idnumber)) {
                orphans.add(new Change(Change.Action.ORPHAN, "competency", idnumber, c.shortname() + " (id " + c.id() + ")"));
            }
        });
    }

    void courseCompetencies() {
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
                    run.unchanged++;
                }
            }
            links.forEach((c, link) -> {
                if (!wanted.contains(c)) {
                    if (options.prune()) {
                        changes.add(new Change(Change.Action.REMOVE, "course competency", u + " -> " + c,
                                "no longer in the programme"));
                        removals.add(MoodleCall.removeCompetencyFromCourse(link.courseid(), link.competencyid()));
                    } else {
                        orphans.add(new Change(Change.Action.ORPHAN, "course competency", u + " -> " + c, ""));
                    }
                }
            });
        }
        if (!apply) {
            return;
        }
        if (!adds.isEmpty()) {
            // Ratings a teacher gives in the course reach the learner's plans (which the pull reads)
            // only with the course's pushratingstouserplans on; it defaults to the site's
            // core_competency | pushcourseratingstouserplans, which an administrator may have turned off
            // (competency/classes/api.php add_evidence, course_competency_settings::get_by_courseid).
            // No web service reads the setting, so it is set on each course before it gains links:
            // a run cut off in between sets it again, as the links are still to add.
            values(client.callAllInOrder(added.stream()
                    .map(u -> MoodleCall.updateCourseCompetencySettings(courseIds.get(u), true)).toList()));
            run.writes += added.size();
            values(client.callAllInOrder(adds));
            run.writes += adds.size();
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
            run.writes += outcomes.size();
        }
        if (!removals.isEmpty()) {
            values(client.callAllInOrder(removals));
            run.writes += removals.size();
        }
    }

    String unitOfCourse(long courseId) {
        for (Map.Entry<String, Long> e : courseIds.entrySet()) {
            if (e.getValue() == courseId) {
                return e.getKey();
            }
        }
        return null;
    }
}
