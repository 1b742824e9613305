package org.qipathways.moodle.sync;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.qipathways.certification.Certificate;
import org.qipathways.certification.CertificateStatus;
import org.qipathways.moodle.MoodleClient;
import org.qipathways.moodle.ws.Cohort;
import org.qipathways.moodle.ws.CohortMember;
import org.qipathways.moodle.ws.CohortMembers;
import org.qipathways.moodle.ws.Membership;
import org.qipathways.moodle.ws.User;
import org.qipathways.moodle.ws.UserField;
import org.qipathways.programme.Programme;
import org.qipathways.programme.Tier;
import org.qipathways.progress.Progress;
import org.qipathways.progress.TierProgress;
import org.qipathways.progress.TierStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes each tier's certified cohort in Moodle hold exactly the learners with a valid certificate
 * for that tier: holders missing from it are added, members without one (lapsed, revoked, never
 * certified) are removed. A Moodle badge with the cohort criterion then follows the register.
 * <pre>{@code
 * Map<String, Set<String>> holders = OutcomePublisher.holders(register.certificates("QIP-BSG"), today);
 * SyncPlan done = new OutcomePublisher(client).apply(programme, holders);
 * }</pre>
 * The cohorts are made by {@link ProgrammeSync}. Holders without a Moodle user are skipped and
 * logged; no user is ever made or deleted here.
 */
public final class OutcomePublisher {

    private static final Logger LOG = LoggerFactory.getLogger(OutcomePublisher.class);

    private final MoodleClient client;

    public OutcomePublisher(MoodleClient client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    /** The learners holding a certificate that is valid on {@code asOf}, by tier code. */
    public static Map<String, Set<String>> holders(List<Certificate> certificates, LocalDate asOf) {
        Map<String, Set<String>> out = new LinkedHashMap<>();
        for (Certificate c : certificates) {
            if (c.status() == CertificateStatus.VALID && !c.expiredOn(asOf) && !c.validFrom().isAfter(asOf)) {
                out.computeIfAbsent(c.tier(), k -> new LinkedHashSet<>()).add(c.learnerId());
            }
        }
        return out;
    }

    /** The learners whose progress has a tier ACHIEVED (lapsed and revoked ones are not), by tier code. */
    public static Map<String, Set<String>> holders(List<Progress> progress) {
        Map<String, Set<String>> out = new LinkedHashMap<>();
        for (Progress p : progress) {
            for (TierProgress t : p.tiers()) {
                if (t.status() == TierStatus.ACHIEVED) {
                    out.computeIfAbsent(t.tier(), k -> new LinkedHashSet<>()).add(p.learnerId());
                }
            }
        }
        return out;
    }

    /** What {@link #apply} would do; reads only. */
    public SyncPlan plan(Programme p, Map<String, Set<String>> holders) {
        return run(p, holders, false);
    }

    /** Adds and removes certified-cohort members so each cohort holds exactly the tier's holders. */
    public SyncPlan apply(Programme p, Map<String, Set<String>> holders) {
        return run(p, holders, true);
    }

    private SyncPlan run(Programme p, Map<String, Set<String>> holders, boolean apply) {
        for (String tier : holders.keySet()) {
            p.tier(tier).orElseThrow(() -> new IllegalArgumentException("no tier " + tier + " in programme " + p.code()));
        }
        Map<String, Long> cohortIds = new LinkedHashMap<>();
        Map<String, Cohort> byKey = new HashMap<>();
        client.getCohorts(List.of()).forEach(c -> byKey.putIfAbsent(c.idnumber(), c));
        for (Tier t : p.tiers()) {
            Cohort c = byKey.get(SyncKeys.certifiedCohort(p, t.code()));
            if (c == null) {
                throw new IllegalStateException("the certified cohort of tier " + t.code() + " is not in the site:"
                        + " sync the programme first");
            }
            cohortIds.put(t.code(), c.id());
        }
        Map<Long, Set<Long>> members = new HashMap<>();
        for (CohortMembers m : client.getCohortMembers(new ArrayList<>(cohortIds.values()))) {
            members.put(m.cohortid(), new LinkedHashSet<>(m.userids()));
        }
        // user ids of the holders, and learner ids of the members
        Set<String> wanted = new LinkedHashSet<>();
        holders.values().forEach(wanted::addAll);
        Map<String, Long> userOf = new HashMap<>();
        Map<Long, String> learnerOf = new HashMap<>();
        if (!wanted.isEmpty()) {
            for (User u : client.getUsersByField(UserField.IDNUMBER, new ArrayList<>(wanted))) {
                userOf.putIfAbsent(u.idnumber(), u.id());
                learnerOf.put(u.id(), u.idnumber());
            }
        }
        Set<Long> unknown = new LinkedHashSet<>();
        members.values().forEach(ids -> ids.stream().filter(id -> !learnerOf.containsKey(id)).forEach(unknown::add));
        if (!unknown.isEmpty()) {
            for (User u : client.getUsersByField(UserField.ID, unknown.stream().map(String::valueOf).toList())) {
                learnerOf.put(u.id(), u.idnumber() == null || u.idnumber().isEmpty() ? "user " + u.id() : u.idnumber());
            }
        }
        List<Change> changes = new ArrayList<>();
        List<CohortMember> adds = new ArrayList<>();
        List<Membership> removals = new ArrayList<>();
        int unchanged = 0;
        Set<String> missing = new HashSet<>();
        for (Tier t : p.tiers()) {
            long cohort = cohortIds.get(t.code());
            Set<Long> have = members.getOrDefault(cohort, Set.of());
            Set<Long> want = new HashSet<>();
            for (String learner : holders.getOrDefault(t.code(), Set.of())) {
                Long user = userOf.get(learner);
                if (user == null) {
                    missing.add(learner);
                    continue;
                }
                want.add(user);
                if (have.contains(user)) {
                    unchanged++;
                } else {
                    changes.add(new Change(Change.Action.CREATE, "cohort member", learner,
                            SyncKeys.certifiedCohort(p, t.code())));
                    adds.add(CohortMember.of(cohort, user));
                }
            }
            for (long user : have) {
                if (!want.contains(user)) {
                    changes.add(new Change(Change.Action.REMOVE, "cohort member",
                            learnerOf.getOrDefault(user, "user " + user), SyncKeys.certifiedCohort(p, t.code())));
                    removals.add(new Membership(cohort, user));
                }
            }
        }
        if (!missing.isEmpty()) {
            LOG.warn("{} certificate holders have no Moodle user (sync them with --learners first), e.g. {}",
                    missing.size(), missing.iterator().next());
        }
        int failed = 0;
        int writes = 0;
        if (apply && !adds.isEmpty()) {
            int before = client.requestCount();
            failed += ProgrammeSync.failures(client.addCohortMembers(adds).stream()
                    .filter(w -> !"3".equals(w.warningcode())).toList());
            writes += client.requestCount() - before;
        }
        if (apply && !removals.isEmpty()) {
            int before = client.requestCount();
            client.deleteCohortMembers(removals);
            writes += client.requestCount() - before;
        }
        return new SyncPlan(changes, List.of(), unchanged, failed, writes);
    }
}
