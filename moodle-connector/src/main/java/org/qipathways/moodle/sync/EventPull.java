package org.qipathways.moodle.sync;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.qipathways.moodle.MoodleCall;
import org.qipathways.moodle.MoodleClient;
import org.qipathways.moodle.ReplyTooLargeException;
import org.qipathways.moodle.ws.ActivitiesCompletion;
import org.qipathways.moodle.ws.EnrolledUser;
import org.qipathways.moodle.ws.GradeItems;
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
 * <li>competency ratings in the learners' learning plans ({@code rated}), each dated by the evidence
 *     that set it, from the live user competency even where a completed plan holds an older copy
 *     (see {@link RatingPull}).
 * </ul>
 * A course without completion criteria answers {@code nocriteriaset} for every learner: after the
 * first, the course's completion is not read (one warning, and the {@link PullSummary} says so).
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
        return pullWithSummary(p, since).events();
    }

    /**
     * The events, as {@link #pull}, with what the pull cost and left aside. The request, call and
     * byte counts are the client's during the pull: another thread's calls on the same client count too.
     */
    public PulledEvents pullWithSummary(Programme p, LocalDate since) {
        int requests0 = client.requestCount();
        long calls0 = client.callCount();
        long bytes0 = client.bytesReceived();
        SliceReads slices = new SliceReads(client, progress);
        Set<Long> noIdnumber = new java.util.HashSet<>();
        Map<String, Long> courses = new ProgrammeSync(client, options).courseIds(p);
        List<String> units = p.units().stream().map(Unit::code).filter(courses::containsKey).toList();
        // who is in each course, and as what
        Map<Long, List<EnrolledUser>> byCourse = CoursePopulations.read(client,
                units.stream().map(courses::get).toList(), "id,idnumber,roles");
        List<List<EnrolledUser>> populations = units.stream().map(u -> byCourse.get(courses.get(u))).toList();
        Map<Long, String> learnerOf = new HashMap<>();
        Map<String, Set<Long>> facilitators = new HashMap<>();
        Map<String, List<Long>> learnersIn = new LinkedHashMap<>();
        for (int i = 0; i < units.size(); i++) {
            List<Long> ids = new ArrayList<>();
            for (EnrolledUser u : populations.get(i)) {
                if (u.idnumber() == null || u.idnumber().isEmpty()) {
                    noIdnumber.add(u.id());   // not one of ours
                    continue;
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
        List<long[]> completionKeys = new ArrayList<>();   // {unit index, course, user}
        List<MoodleCall<ActivitiesCompletion>> activityCalls = new ArrayList<>();
        List<String[]> activityKeys = new ArrayList<>();
        for (int u = 0; u < units.size(); u++) {
            String unit = units.get(u);
            UnitKind kind = p.unit(unit).orElseThrow().kind();
            long course = courses.get(unit);
            if (kind == UnitKind.ASSESSMENT) {
                courseGrades(unit, course, learnersIn.get(unit), slices, learnerOf, events);
                continue;
            }
            for (long user : learnersIn.get(unit)) {
                if (kind == UnitKind.ONLINE_MODULE) {
                    completionKeys.add(new long[] {u, course, user});
                } else {
                    activityCalls.add(MoodleCall.activitiesCompletionStatus(course, user));
                    activityKeys.add(new String[] {unit, Long.toString(user)});
                }
            }
        }
        Set<String> noCriteria = new CompletionPull(client, progress, units, learnerOf, this::date)
                .read(completionKeys, events);
        noCriteria.forEach(u -> LOG.warn("the course of unit {} has no completion criteria: its completion is not"
                + " read (set its criteria in Moodle, or ignore if the unit is not completed there)", u));
        slices.run("activity completion", activityCalls, (offset, results) -> {
            List<ActivitiesCompletion> activities = ProgrammeSync.values(results);
            for (int i = 0; i < activities.size(); i++) {
                String unit = activityKeys.get(offset + i)[0];
                long user = Long.parseLong(activityKeys.get(offset + i)[1]);
                activityEvents(p.unit(unit).orElseThrow().kind(), unit, learnerOf.get(user),
                        facilitators.getOrDefault(unit, Set.of()).contains(user), activities.get(i), events);
            }
        });
        new RatingPull(client, slices, zone).read(p, learnerOf, events);
        List<LearnerEvent> out = new ArrayList<>();
        Map<String, Integer> byType = new java.util.TreeMap<>();
        for (LearnerEvent e : events) {
            if (since == null || !e.date().isBefore(since)) {
                out.add(e);
                byType.merge(e.type().id(), 1, Integer::sum);
            }
        }
        out.sort(Comparator.comparing(LearnerEvent::learnerId).thenComparing(LearnerEvent::date));
        noIdnumber.removeAll(learnerOf.keySet());
        Map<String, Integer> skipped = noIdnumber.isEmpty() ? Map.of() : Map.of(PullSummary.NO_IDNUMBER, noIdnumber.size());
        PullSummary summary = new PullSummary(client.requestCount() - requests0, client.callCount() - calls0,
                client.bytesReceived() - bytes0, byType, skipped, new ArrayList<>(noCriteria));
        return new PulledEvents(out, summary);
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

    /**
     * A course's grades: all its users in one call (userid 0), or, when that reply is over the
     * client's reply limit (about a kilobyte per learner: a course of tens of thousands), one call
     * per learner, bundled. Moodle's gradereport_user_get_grade_items has no paging.
     */
    private void courseGrades(String unit, long course, List<Long> users, SliceReads slices,
            Map<Long, String> learnerOf, List<LearnerEvent> events) {
        try {
            grades(unit, client.getGradeItems(course, 0), learnerOf, events);
        } catch (ReplyTooLargeException e) {
            LOG.info("the grades of unit {} for all {} users are over {} bytes in one reply: reading them per user",
                    unit, users.size(), e.limit());
            slices.run("grades of " + unit, users.stream().map(u -> MoodleCall.gradeItems(course, u)).toList(),
                    (offset, results) -> ProgrammeSync.values(results).forEach(g -> grades(unit, g, learnerOf, events)));
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

    private LocalDate date(long unixSeconds) {
        return Instant.ofEpochSecond(unixSeconds).atZone(zone).toLocalDate();
    }
}
