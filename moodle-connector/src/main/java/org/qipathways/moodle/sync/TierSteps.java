package org.qipathways.moodle.sync;

import static org.qipathways.moodle.sync.ProgrammeSync.*;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.qipathways.moodle.MoodleCall;
import org.qipathways.moodle.ws.Cohort;
import org.qipathways.moodle.ws.CohortContext;
import org.qipathways.moodle.ws.CohortUpdate;
import org.qipathways.moodle.ws.ContextRef;
import org.qipathways.moodle.ws.FrameworkCompetency;
import org.qipathways.moodle.ws.NewCohort;
import org.qipathways.moodle.ws.NewTemplate;
import org.qipathways.moodle.ws.PlanTemplate;
import org.qipathways.moodle.ws.TemplateUpdate;
import org.qipathways.programme.Tier;

/**
 * The steps of a {@link ProgrammeSync} run made once per tier: the learning-plan template with
 * the tier's competencies, and the cohort of learners certified at the tier (which the outcome
 * publisher fills). Templates are found by the key suffix of their short name, cohorts by their
 * idnumber; ours that the programme no longer has are reported as orphans.
 */
final class TierSteps extends SyncStep {

    TierSteps(SyncRun run) {
        super(run);
    }

    // ---- learning-plan templates -----------------------------------------------------------

    void templates() {
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
                    run.writes++;
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
                run.unchanged++;
            } else {
                changes.add(new Change(Change.Action.UPDATE, "template", shortname, String.join("; ", diff)));
                if (apply) {
                    client.updateTemplate(new TemplateUpdate(m.id(), shortname, text(t.description()), null, true));
                    run.writes++;
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
                    run.unchanged++;
                } else {
                    changes.add(new Change(Change.Action.CREATE, "template competency", t.code() + " -> " + c, ""));
                    if (templateIds.get(t.code()) > 0 && id > 0) {
                        adds.add(MoodleCall.addCompetencyToTemplate(templateIds.get(t.code()), id));
                    }
                }
            }
            for (FrameworkCompetency c : existing.getOrDefault(t.code(), List.of())) {
                if (c.competencyframeworkid() == run.frameworkId && !wanted.contains(c.idnumber())) {
                    String key = t.code() + " -> " + c.idnumber();
                    if (options.prune()) {
                        changes.add(new Change(Change.Action.REMOVE, "template competency", key,
                                "no longer in the programme"));
                        removals.add(MoodleCall.removeCompetencyFromTemplate(templateIds.get(t.code()), c.id()));
                    } else {
                        orphans.add(new Change(Change.Action.ORPHAN, "template competency", key, ""));
                    }
                }
            }
        }
        if (apply && !adds.isEmpty()) {
            values(client.callAllInOrder(adds));
            run.writes += adds.size();
        }
        if (apply && !removals.isEmpty()) {
            values(client.callAllInOrder(removals));
            run.writes += removals.size();
        }
    }

    // ---- certified cohorts -----------------------------------------------------------------

    void cohorts() {
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
                run.unchanged++;
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
            run.writes++;
            for (int i = 0; i < made.size(); i++) {
                cohortIds.put(createTiers.get(i), made.get(i).id());
            }
        }
        if (!updates.isEmpty()) {
            client.updateCohorts(updates);
            run.writes++;
        }
    }
}
