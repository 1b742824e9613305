package org.qipathways.moodle.sync;

import org.qipathways.progress.Progress;
import org.qipathways.progress.TierProgress;
import org.qipathways.progress.TierStatus;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.qipathways.moodle.DuplicateRecordException;
import org.qipathways.moodle.MoodleClient;
import org.qipathways.moodle.MoodleErrorException;
import org.qipathways.moodle.MoodleParameterException;
import org.qipathways.moodle.RecordNotFoundException;
import org.qipathways.moodle.ws.Cohort;
import org.qipathways.moodle.ws.CohortContext;
import org.qipathways.moodle.ws.CohortMember;
import org.qipathways.moodle.ws.CohortMembers;
import org.qipathways.moodle.ws.EnrolledUser;
import org.qipathways.moodle.ws.Enrolment;
import org.qipathways.moodle.ws.NewCohort;
import org.qipathways.moodle.ws.NewUser;
import org.qipathways.moodle.ws.User;
import org.qipathways.moodle.ws.UserField;
import org.qipathways.moodle.ws.UserUpdate;
import org.qipathways.programme.Programme;
import org.qipathways.programme.Tier;
import org.qipathways.record.Learner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings learners into a Moodle site that already holds the programme ({@link ProgrammeSync}):
 * one user per learner, keyed by idnumber = learner id; membership of their organisation's cohort;
 * enrolment in the courses of the tier they work towards.
 * <pre>{@code
 * LearnerSync learners = new LearnerSync(client, SyncOptions.defaults().withAuth("oauth2"));
 * SyncPlan done = learners.apply(programme, LearnersCsv.read(path, ...).rows(), Map.of());
 * }</pre>
 * It never deletes a user, changes a user's name or e-mail once made (single sign-on may have
 * filled them in), sends a password, or re-sends an existing enrolment (Moodle would reactivate a
 * suspended one and reset its dates). Reads are in bulk: users by many idnumbers per request, the
 * cohorts and their members in one request each, enrolments per course.
 */
public final class LearnerSync {

    private static final Logger LOG = LoggerFactory.getLogger(LearnerSync.class);

    private final MoodleClient client;
    private final SyncOptions options;

    public LearnerSync(MoodleClient client, SyncOptions options) {
        this.client = Objects.requireNonNull(client, "client");
        this.options = Objects.requireNonNull(options, "options");
    }

    /**
     * The tier whose courses each learner is enrolled in: their first tier not yet achieved, or the
     * last tier once all are, from their evaluated progress.
     * <pre>{@code
     * Map<String, String> tierOf = LearnerSync.firstTierToDo(evaluator.evaluateAll(records, today));
     * }</pre>
     */
    public static Map<String, String> firstTierToDo(List<Progress> progress) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        for (Progress p : progress) {
            out.put(p.learnerId(), p.tiers().stream().filter(t -> t.status() != TierStatus.ACHIEVED)
                    .map(TierProgress::tier).findFirst().orElse(p.tiers().get(p.tiers().size() - 1).tier()));
        }
        return out;
    }

    /** What {@link #apply} would do; reads only. */
    public SyncPlan plan(Programme programme, List<Learner> learners, Map<String, String> tierOf) {
        return run(programme, learners, tierOf, false);
    }

    /**
     * Creates and updates users, cohort memberships and enrolments. {@code tierOf} gives the tier a
     * learner works towards, by learner id; learners it does not name are enrolled in the first
     * tier's courses.
     */
    public SyncPlan apply(Programme programme, List<Learner> learners, Map<String, String> tierOf) {
        return run(programme, learners, tierOf, true);
    }

    private SyncPlan run(Programme p, List<Learner> learners, Map<String, String> tierOf, boolean apply) {
        for (String tier : new HashSet<>(tierOf.values())) {
            p.tier(tier).orElseThrow(() -> new IllegalArgumentException("no tier " + tier + " in programme " + p.code()));
        }
        List<Change> changes = new ArrayList<>();
        int[] counts = new int[3];   // unchanged, failed, writes
        Map<String, Long> userIds = users(p, learners, apply, changes, counts);
        cohorts(p, learners, userIds, apply, changes, counts);
        enrolments(p, learners, tierOf, userIds, apply, changes, counts);
        return new SyncPlan(changes, List.of(), counts[0], counts[1], counts[2]);
    }

    // ---- users -----------------------------------------------------------------------------------

    private Map<String, Long> users(Programme p, List<Learner> learners, boolean apply, List<Change> changes,
            int[] counts) {
        Map<String, User> byIdnumber = new HashMap<>();
        List<String> ids = learners.stream().map(Learner::learnerId).toList();
        for (User u : client.getUsersByField(UserField.IDNUMBER, ids)) {
            byIdnumber.putIfAbsent(u.idnumber(), u);
        }
        // a user made by hand (or by single sign-on) may have the username but not the idnumber yet
        List<String> missing = learners.stream().map(Learner::learnerId).filter(id -> !byIdnumber.containsKey(id))
                .map(SyncKeys::username).toList();
        Map<String, User> byUsername = new HashMap<>();
        if (!missing.isEmpty()) {
            for (User u : client.getUsersByField(UserField.USERNAME, missing)) {
                byUsername.put(u.username(), u);
            }
        }
        Map<String, Long> userIds = new LinkedHashMap<>();
        List<NewUser> creates = new ArrayList<>();
        List<String> createIds = new ArrayList<>();
        List<UserUpdate> updates = new ArrayList<>();
        long fake = -1;
        for (Learner l : learners) {
            String id = l.learnerId();
            User u = byIdnumber.get(id);
            if (u == null) {
                u = byUsername.get(SyncKeys.username(id));
            }
            if (u == null) {
                changes.add(new Change(Change.Action.CREATE, "user", id, SyncKeys.username(id)));
                NewUser n = NewUser.of(SyncKeys.username(id), "Learner", id,
                        SyncKeys.username(id) + "@" + options.emailDomain()).withIdnumber(id).withAuth(options.auth())
                        .withInstitution(l.organisation());
                if (options.auth().equals("manual")) {
                    n = n.withCreatePassword(true);   // Moodle mails a generated password and forces a change
                }
                if (l.team() != null) {
                    n = n.withDepartment(l.team());
                }
                creates.add(n);
                createIds.add(id);
                userIds.put(id, fake--);
                continue;
            }
            userIds.put(id, u.id());
            List<String> diff = new ArrayList<>();
            UserUpdate update = UserUpdate.of(u.id());
            if (!id.equals(u.idnumber())) {
                diff.add("idnumber '" + ProgrammeSync.text(u.idnumber()) + "' -> '" + id + "'");
                update = update.withIdnumber(id);
            }
            if (!ProgrammeSync.sameText(u.institution(), l.organisation())) {
                diff.add("institution '" + ProgrammeSync.text(u.institution()) + "' -> '" + l.organisation() + "'");
                update = update.withInstitution(l.organisation());
            }
            if (!ProgrammeSync.sameText(u.department(), l.team())) {
                diff.add("department '" + ProgrammeSync.text(u.department()) + "' -> '" + ProgrammeSync.text(l.team()) + "'");
                update = update.withDepartment(ProgrammeSync.text(l.team()));
            }
            if (diff.isEmpty()) {
                counts[0]++;
            } else {
                changes.add(new Change(Change.Action.UPDATE, "user", id, String.join("; ", diff)));
                updates.add(update);
            }
        }
        if (apply && !creates.isEmpty()) {
            int before = client.requestCount();
            Map<String, Long> made = new HashMap<>();
            List<NewUser> refused = new ArrayList<>();
            bisecting(creates, batch -> client.createUsers(batch).forEach(u -> made.put(u.username(), u.id())), refused,
                    "user");
            Set<String> refusedNames = new HashSet<>();
            refused.forEach(u -> refusedNames.add(u.username()));
            // users made by a request whose reply was lost to a later failure of the same call: read back
            List<String> unknown = creates.stream().map(NewUser::username)
                    .filter(u -> !made.containsKey(u) && !refusedNames.contains(u)).toList();
            if (!unknown.isEmpty()) {
                client.getUsersByField(UserField.USERNAME, unknown).forEach(u -> made.put(u.username(), u.id()));
            }
            counts[1] += refused.size();
            counts[2] += client.requestCount() - before;
            Set<String> refusedIds = new HashSet<>();
            refused.forEach(u -> refusedIds.add(u.idnumber()));
            changes.removeIf(c -> c.type().equals("user") && refusedIds.contains(c.key()));   // failed, not created
            for (int i = 0; i < creates.size(); i++) {
                Long id = made.get(creates.get(i).username());
                if (id == null) {
                    userIds.remove(createIds.get(i));   // refused: no memberships or enrolments either
                } else {
                    userIds.put(createIds.get(i), id);
                }
            }
        }
        if (apply && !updates.isEmpty()) {
            int before = client.requestCount();
            counts[1] += ProgrammeSync.failures(client.updateUsers(updates));
            counts[2] += client.requestCount() - before;
        }
        return userIds;
    }

    // ---- organisation cohorts ----------------------------------------------------------------------

    private void cohorts(Programme p, List<Learner> learners, Map<String, Long> userIds, boolean apply,
            List<Change> changes, int[] counts) {
        Map<String, Cohort> byKey = new HashMap<>();
        for (Cohort c : client.getCohorts(List.of())) {
            if (c.idnumber() != null) {
                byKey.putIfAbsent(c.idnumber(), c);
            }
        }
        Map<String, Long> cohortIds = new LinkedHashMap<>();
        List<NewCohort> creates = new ArrayList<>();
        List<String> createOrgs = new ArrayList<>();
        long fake = -1;
        for (Learner l : learners) {
            String org = l.organisation();
            if (cohortIds.containsKey(org)) {
                continue;
            }
            String key = SyncKeys.organisationCohort(p, org);
            Cohort c = byKey.get(key);
            if (c == null) {
                changes.add(new Change(Change.Action.CREATE, "cohort", key, organisationCohortName(p, org)));
                creates.add(new NewCohort(CohortContext.system(), organisationCohortName(p, org), key,
                        "Learners of organisation " + org + " in " + p.title() + ". Kept by QI Pathways.", true));
                createOrgs.add(org);
                cohortIds.put(org, fake--);
            } else {
                cohortIds.put(org, c.id());
                counts[0]++;
            }
        }
        if (apply && !creates.isEmpty()) {
            int before = client.requestCount();
            List<Cohort> made = client.createCohorts(creates);
            counts[2] += client.requestCount() - before;
            for (int i = 0; i < made.size(); i++) {
                cohortIds.put(createOrgs.get(i), made.get(i).id());
            }
        }
        List<Long> existing = cohortIds.values().stream().filter(id -> id > 0).toList();
        Map<Long, Set<Long>> members = new HashMap<>();
        if (!existing.isEmpty()) {
            for (CohortMembers m : client.getCohortMembers(existing)) {
                members.put(m.cohortid(), new HashSet<>(m.userids()));
            }
        }
        List<CohortMember> adds = new ArrayList<>();
        for (Learner l : learners) {
            if (!userIds.containsKey(l.learnerId())) {
                continue;   // Moodle refused the user
            }
            long cohort = cohortIds.get(l.organisation());
            long user = userIds.get(l.learnerId());
            if (members.getOrDefault(cohort, Set.of()).contains(user)) {
                counts[0]++;
            } else {
                changes.add(new Change(Change.Action.CREATE, "cohort member", l.learnerId(),
                        SyncKeys.organisationCohort(p, l.organisation())));
                adds.add(CohortMember.of(cohort, user));
            }
        }
        if (apply && !adds.isEmpty()) {
            int before = client.requestCount();
            // warning 3 (already a member) is not a failure: a rerun after a cut-off meets it
            counts[1] += ProgrammeSync.failures(client.addCohortMembers(adds).stream()
                    .filter(w -> !"3".equals(w.warningcode())).toList());
            counts[2] += client.requestCount() - before;
        }
    }

    /**
     * Sends {@code items} with {@code write}; when Moodle refuses the batch because of one bad item
     * (these calls are all-or-nothing), sends the halves again until the refused items are alone,
     * skipping what earlier requests of the split call applied. Errors that are not about an item
     * (permissions, the service, the network) are thrown.
     */
    private static <T> void bisecting(List<T> items, java.util.function.Consumer<List<T>> write, List<T> refused,
            String what) {
        if (items.isEmpty()) {
            return;
        }
        try {
            write.accept(items);
        } catch (MoodleErrorException e) {
            if (!itemProblem(e)) {
                throw e;
            }
            List<T> rest = items.subList(Math.min(e.itemsApplied(), items.size()), items.size());
            if (rest.size() == 1) {
                LOG.warn("Moodle refused {} {}: {}", what, rest.get(0), e.getMessage());
                refused.add(rest.get(0));
                return;
            }
            int half = rest.size() / 2;
            bisecting(new ArrayList<>(rest.subList(0, half)), write, refused, what);
            bisecting(new ArrayList<>(rest.subList(half, rest.size())), write, refused, what);
        }
    }

    private static boolean itemProblem(MoodleErrorException e) {
        return e instanceof MoodleParameterException || e instanceof DuplicateRecordException
                || e instanceof RecordNotFoundException || "invaliduser".equals(e.errorcode());
    }

    /** An organisation cohort's name, e.g. {@code RHQ learners (QIP-BSG)}. */
    public static String organisationCohortName(Programme p, String organisation) {
        return organisation + " learners (" + p.code() + ")";
    }

    // ---- enrolments ------------------------------------------------------------------------------

    private void enrolments(Programme p, List<Learner> learners, Map<String, String> tierOf, Map<String, Long> userIds,
            boolean apply, List<Change> changes, int[] counts) {
        Map<String, Long> courses = new HashMap<>(new ProgrammeSync(client, options).courseIds(p));
        Map<String, List<String>> unitsOfTier = new HashMap<>();
        long fake = -1;
        for (Tier t : p.tiers()) {
            List<String> units = SyncKeys.tierUnits(t).stream().filter(u -> p.unit(u).isPresent()).toList();
            unitsOfTier.put(t.code(), units);
            for (String u : units) {
                if (!courses.containsKey(u)) {
                    if (apply) {
                        throw new IllegalStateException("the course of unit " + u + " is not in the site: sync the"
                                + " programme before its learners");
                    }
                    courses.put(u, fake--);   // a plan on a site without the programme yet
                }
            }
        }
        Set<String> needed = new java.util.LinkedHashSet<>();
        String first = p.tiers().get(0).code();
        for (Learner l : learners) {
            needed.addAll(unitsOfTier.get(tierOf.getOrDefault(l.learnerId(), first)));
        }
        // every enrolment, suspended ones included: those are left exactly as they are
        List<String> read = needed.stream().filter(u -> courses.get(u) > 0).toList();
        Map<String, Set<Long>> enrolled = new HashMap<>();
        Map<Long, List<EnrolledUser>> replies = CoursePopulations.read(client, read.stream().map(courses::get).toList(), "id");
        for (int i = 0; i < read.size(); i++) {
            Set<Long> ids = new HashSet<>();
            replies.get(courses.get(read.get(i))).forEach(u -> ids.add(u.id()));
            enrolled.put(read.get(i), ids);
        }
        List<Enrolment> adds = new ArrayList<>();
        List<Change> addChanges = new ArrayList<>();
        for (Learner l : learners) {
            if (!userIds.containsKey(l.learnerId())) {
                continue;   // Moodle refused the user
            }
            long user = userIds.get(l.learnerId());
            for (String u : unitsOfTier.get(tierOf.getOrDefault(l.learnerId(), first))) {
                if (enrolled.getOrDefault(u, Set.of()).contains(user)) {
                    counts[0]++;
                } else {
                    Change change = new Change(Change.Action.CREATE, "enrolment", l.learnerId() + " -> " + u, "");
                    changes.add(change);
                    addChanges.add(change);
                    adds.add(Enrolment.of(options.studentRoleId(), user, courses.get(u)));
                }
            }
        }
        if (apply && !adds.isEmpty()) {
            int before = client.requestCount();
            List<Enrolment> refused = new ArrayList<>();
            bisecting(adds, client::enrolUsers, refused, "enrolment");
            counts[1] += refused.size();
            Set<Enrolment> gone = new HashSet<>(refused);
            for (int i = 0; i < adds.size(); i++) {
                if (gone.contains(adds.get(i))) {
                    changes.remove(addChanges.get(i));   // failed, not created
                }
            }
            counts[2] += client.requestCount() - before;
        }
    }
}
