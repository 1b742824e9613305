package org.qipathways.moodle.sync;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.qipathways.moodle.MoodleCall;
import org.qipathways.moodle.MoodleClient;
import org.qipathways.moodle.MoodleErrorException;
import org.qipathways.moodle.MoodleException;
import org.qipathways.moodle.MoodleResult;
import org.qipathways.moodle.ws.ActivitiesCompletion;
import org.qipathways.moodle.ws.ContextRef;
import org.qipathways.moodle.ws.CourseCompletion;
import org.qipathways.moodle.ws.EnrolledUser;
import org.qipathways.moodle.ws.Filter;
import org.qipathways.moodle.ws.Framework;
import org.qipathways.moodle.ws.FrameworkCompetency;
import org.qipathways.moodle.ws.GradeItems;
import org.qipathways.moodle.ws.Plan;
import org.qipathways.moodle.ws.PlanCompetency;
import org.qipathways.programme.Programme;
import org.qipathways.programme.Unit;
import org.qipathways.programme.UnitKind;
import org.qipathways.record.LearnerEvent;
import org.qipathways.rules.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads learners' records back from a Moodle site that holds the programme, as learner events.
 * <pre>{@code
 * List<LearnerEvent> events = new EventPull(client, SyncOptions.defaults(), ZoneId.of("Europe/London"))
 *         .pull(programme, LocalDate.of(2026, 1, 1));   // or null for everything
 * }</pre>
 * What is read, per unit kind (the unit's course is found by its idnumber):
 * <ul>
 * <li>online module: course completion ({@code completed}, dated when the last criterion was met);
 * <li>assessment: every graded activity of the course, as a percentage of its maximum
 *     ({@code assessed}, dated when graded), for all learners of the course in one request;
 * <li>workshop and session: each completed activity is one attendance on its completion date
 *     ({@code attended}); as a facilitator when the user has a teacher role in the course;
 * <li>evidence: activity completion: complete = submitted, passed = approved, failed = rejected;
 * <li>competency ratings in the learners' learning plans ({@code rated}, dated when rated).
 * </ul>
 * Course populations and grades are read per course; completion and plans only per user, so those
 * calls travel bundled (many per request) where the service has
 * {@code tool_mobile_call_external_functions}, and otherwise one by one, a few at a time. Core web
 * services have no "changed since" filter for these reads, so {@code since} filters what is read.
 * Prior learning and revocations are not kept in Moodle and are not pulled.
 */
public final class EventPull {

    /**
     * The module name of a session's facilitator log: completing one records that the user facilitated
     * that session. A course without one falls back to the teacher role, which cannot tell a learner who
     * took a unit from the same person facilitating it later.
     */
    public static final String FACILITATOR_LOG = "facilitatorlog";


    private static final Logger LOG = LoggerFactory.getLogger(EventPull.class);
    private static final Set<String> TEACHER_ROLES = Set.of("editingteacher", "teacher");
    /** Per-user calls read at a time (see {@link #inSlices}). */
    private static final int SLICE = 2_000;

    private final MoodleClient client;
    private final SyncOptions options;
    private final ZoneId zone;
    private final Progress progress;

    public EventPull(MoodleClient client, SyncOptions options, ZoneId zone) {
        this(client, options, zone, (what, done, total) -> { });
    }

    private EventPull(MoodleClient client, SyncOptions options, ZoneId zone, Progress progress) {
        this.client = Objects.requireNonNull(client, "client");
        this.options = Objects.requireNonNull(options, "options");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.progress = Objects.requireNonNull(progress, "progress");
    }

    /**
     * How far a pull has got: per-user reads are the long part (tens of thousands of calls), so
     * after each slice of them the pull says what it is reading, how many calls are done and how
     * many there are. Called on the pulling thread.
     * <pre>{@code
     * pull.withProgress((what, done, total) -> log.info("{}: {} of {} calls", what, done, total));
     * }</pre>
     */
    @FunctionalInterface
    public interface Progress {
        void read(String what, int done, int total);
    }

    /** This pull, reporting its progress to {@code progress}. */
    public EventPull withProgress(Progress progress) {
        return new EventPull(client, options, zone, progress);
    }

    /** The events Moodle holds for the programme's learners, dated on or after {@code since} (null: all). */
    public List<LearnerEvent> pull(Programme p, LocalDate since) {
        Map<String, Long> courses = new ProgrammeSync(client, options).courseIds(p);
        List<String> units = p.units().stream().map(Unit::code).filter(courses::containsKey).toList();
        // who is in each course, and as what
        List<List<EnrolledUser>> populations = ProgrammeSync.values(client.callAll(units.stream()
                .map(u -> MoodleCall.getEnrolledUsers(courses.get(u), List.of())).toList()));
        Map<Long, String> learnerOf = new HashMap<>();
        Map<String, Set<Long>> facilitators = new HashMap<>();
        Map<String, List<Long>> learnersIn = new LinkedHashMap<>();
        for (int i = 0; i < units.size(); i++) {
            List<Long> ids = new ArrayList<>();
            for (EnrolledUser u : populations.get(i)) {
                if (u.idnumber() == null || u.idnumber().isEmpty()) {
                    continue;   // not one of ours
                }
                learnerOf.put(u.id(), u.idnumber());
                ids.add(u.id());
                if (u.roles().stream().anyMatch(r -> TEACHER_ROLES.contains(r.shortname()))) {
                    facilitators.computeIfAbsent(units.get(i), k -> new java.util.HashSet<>()).add(u.id());
                }
            }
            learnersIn.put(units.get(i), ids);
        }
        List<LearnerEvent> events = new ArrayList<>();
        List<MoodleCall<CourseCompletion>> completionCalls = new ArrayList<>();
        List<String[]> completionKeys = new ArrayList<>();
        List<MoodleCall<ActivitiesCompletion>> activityCalls = new ArrayList<>();
        List<String[]> activityKeys = new ArrayList<>();
        for (String unit : units) {
            UnitKind kind = p.unit(unit).orElseThrow().kind();
            long course = courses.get(unit);
            if (kind == UnitKind.ASSESSMENT) {
                grades(unit, client.getGradeItems(course, 0), learnerOf, events);
                continue;
            }
            for (long user : learnersIn.get(unit)) {
                String[] key = {unit, Long.toString(user)};
                if (kind == UnitKind.ONLINE_MODULE) {
                    completionCalls.add(MoodleCall.courseCompletionStatus(course, user));
                    completionKeys.add(key);
                } else {
                    activityCalls.add(MoodleCall.activitiesCompletionStatus(course, user));
                    activityKeys.add(key);
                }
            }
        }
        Set<String> noCriteria = new LinkedHashSet<>();
        inSlices("course completion", completionCalls, (offset, completions) -> {
            for (int i = 0; i < completions.size(); i++) {
                MoodleResult<CourseCompletion> r = completions.get(i);
                String unit = completionKeys.get(offset + i)[0];
                long user = Long.parseLong(completionKeys.get(offset + i)[1]);
                if (!r.isSuccess()) {
                    MoodleException e = r.error().orElseThrow();
                    if (e instanceof MoodleErrorException m && m.errorcode().equals("nocriteriaset")) {
                        noCriteria.add(unit);   // nothing to read until an admin sets completion criteria
                        continue;
                    }
                    throw e;
                }
                CourseCompletion.Status s = r.get().completionstatus();
                if (s != null && s.completed()) {
                    long when = s.completions().stream().map(CourseCompletion.Criterion::timecompleted)
                            .filter(Objects::nonNull).mapToLong(Long::longValue).max().orElse(0);
                    if (when > 0) {
                        events.add(new LearnerEvent.Completed(learnerOf.get(user), date(when), unit));
                    }
                }
            }
        });
        noCriteria.forEach(u -> LOG.warn("the course of unit {} has no completion criteria: nothing to read", u));
        inSlices("activity completion", activityCalls, (offset, results) -> {
            List<ActivitiesCompletion> activities = ProgrammeSync.values(results);
            for (int i = 0; i < activities.size(); i++) {
                String unit = activityKeys.get(offset + i)[0];
                long user = Long.parseLong(activityKeys.get(offset + i)[1]);
                activityEvents(p.unit(unit).orElseThrow().kind(), unit, learnerOf.get(user),
                        facilitators.getOrDefault(unit, Set.of()).contains(user), activities.get(i), events);
            }
        });
        ratings(p, learnerOf, events);
        List<LearnerEvent> out = new ArrayList<>();
        for (LearnerEvent e : events) {
            if (since == null || !e.date().isBefore(since)) {
                out.add(e);
            }
        }
        out.sort(Comparator.comparing(LearnerEvent::learnerId).thenComparing(LearnerEvent::date));
        return out;
    }

    /**
     * Runs the calls a slice at a time and hands each slice's results on before the next is read:
     * a session course's reply lists every session it has run, so 20,000 learners' replies held at
     * once would take gigabytes where their events take megabytes.
     */
    private <T> void inSlices(String what, List<MoodleCall<T>> calls, SliceReader<T> reader) {
        for (int from = 0; from < calls.size(); from += SLICE) {
            int to = Math.min(calls.size(), from + SLICE);
            reader.read(from, client.callAll(calls.subList(from, to)));
            progress.read(what, to, calls.size());
        }
    }

    @FunctionalInterface
    private interface SliceReader<T> {
        void read(int offset, List<MoodleResult<T>> results);
    }

    /** One learner's events from one course's activity completion. */
    private void activityEvents(UnitKind kind, String unit, String learner, boolean teacher, ActivitiesCompletion a,
            List<LearnerEvent> events) {
        // Where the course keeps a facilitator log, it says who facilitated which session; otherwise
        // a teacher role in the course is all there is to go on.
        boolean logged = a.statuses().stream().anyMatch(x -> FACILITATOR_LOG.equals(x.modname()));
        for (ActivitiesCompletion.Activity x : a.statuses()) {
            if (x.state() < 1 || x.timecompleted() <= 0) {
                continue;
            }
            LocalDate on = date(x.timecompleted());
            if (kind == UnitKind.EVIDENCE) {
                LearnerEvent.EvidenceStatus status = x.state() == 2 ? LearnerEvent.EvidenceStatus.APPROVED
                        : x.state() == 3 ? LearnerEvent.EvidenceStatus.REJECTED : LearnerEvent.EvidenceStatus.SUBMITTED;
                events.add(new LearnerEvent.Evidence(learner, on, unit, status));
            } else if (x.state() != 3) {
                Role role = logged ? (FACILITATOR_LOG.equals(x.modname()) ? Role.FACILITATOR : Role.PARTICIPANT)
                        : teacher ? Role.FACILITATOR : Role.PARTICIPANT;
                events.add(new LearnerEvent.Attended(learner, on, unit, role));
            }
        }
    }

    private void grades(String unit, GradeItems items, Map<Long, String> learnerOf, List<LearnerEvent> events) {
        for (GradeItems.UserGrades ug : items.usergrades()) {
            String learner = learnerOf.get(ug.userid());
            if (learner == null) {
                continue;
            }
            for (GradeItems.Item item : ug.gradeitems()) {
                if (!"mod".equals(item.itemtype()) || item.graderaw() == null || item.grademax() == null
                        || item.grademax() <= 0 || item.gradedategraded() == null) {
                    continue;
                }
                int score = (int) Math.round(100 * item.graderaw() / item.grademax());
                events.add(new LearnerEvent.Assessed(learner, date(item.gradedategraded()), unit, score));
            }
        }
    }

    private void ratings(Programme p, Map<Long, String> learnerOf, List<LearnerEvent> events) {
        if (p.framework() == null) {
            return;
        }
        Framework f = client.listFrameworks(ContextRef.system(), "children", false).stream()
                .filter(x -> p.framework().code().equals(x.idnumber())).findFirst().orElse(null);
        if (f == null) {
            return;
        }
        Map<Long, String> codeOf = new HashMap<>();
        for (FrameworkCompetency c : client.listCompetencies(List.of(Filter.framework(f.id())))) {
            codeOf.put(c.id(), c.idnumber());
        }
        List<Long> users = new ArrayList<>(learnerOf.keySet());
        users.sort(null);
        List<Plan> all = new ArrayList<>();
        inSlices("learning plans", users.stream().map(MoodleCall::listUserPlans).toList(),
                (offset, plans) -> ProgrammeSync.values(plans).forEach(all::addAll));
        List<List<PlanCompetency>> comps = ProgrammeSync.values(client.callAll(all.stream()
                .map(pl -> MoodleCall.listPlanCompetencies(pl.id())).toList()));
        Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < all.size(); i++) {
            String learner = learnerOf.get(all.get(i).userid());
            for (PlanCompetency pc : comps.get(i)) {
                PlanCompetency.Rating r = pc.usercompetencyplan() != null ? pc.usercompetencyplan() : pc.usercompetency();
                String code = codeOf.get(pc.competency().id());
                if (r == null || r.grade() == null || code == null || r.timemodified() == null || r.timemodified() <= 0
                        || !seen.add(learner + " " + code)) {
                    continue;
                }
                events.add(new LearnerEvent.Rated(learner, date(r.timemodified()), code, r.grade()));
            }
        }
    }

    private LocalDate date(long unixSeconds) {
        return Instant.ofEpochSecond(unixSeconds).atZone(zone).toLocalDate();
    }
}
