package org.qipathways.moodle.simulator;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.qipathways.programme.Programme;
import org.qipathways.programme.Tier;
import org.qipathways.record.LearnerEvent;
import org.qipathways.rules.Role;

/**
 * Writes learner events into a {@link MoodleSimulator} that holds the programme and its learners
 * (put there by the connector's {@code ProgrammeSync} and {@code LearnerSync}), as Moodle would
 * hold them and as the connector's {@code EventPull} reads them: course
 * completion of an activity criterion, graded quiz activities, one activity per session date
 * (facilitators enrolled as teachers), evidence activities passed or failed, ratings in learning
 * plans made from the tiers' templates. For tests and demonstrations.
 * <pre>{@code
 * new ProgrammeSync(client, options).apply(programme);
 * new LearnerSync(client, options).apply(programme, learners, Map.of());
 * SimulatorSeeder.seed(sim.site(), programme, events);
 * }</pre>
 * Moodle keeps one state per user and activity, so of several assessments of one unit only the
 * best score is kept, and of several evidence events of one unit only the last; prior learning and
 * revocations have no place in Moodle and are skipped. Events are placed at noon UTC of their date.
 */
public final class SimulatorSeeder {

    private SimulatorSeeder() {
    }

    /*
     * The seeder finds what the sync made by the keys the sync gives it (the connector's SyncKeys),
     * restated here because the simulator never depends on the connector. The connector's tests
     * (EventPullTest and others) sync, seed and pull back, so a key that drifted fails them: a
     * course not found, a plan not made, a facilitator read as a participant.
     */

    /** The idnumber of a unit's course: {@code SyncKeys.unit}. */
    private static String unitKey(Programme p, String unit) {
        return "qip:" + p.code() + ":unit:" + unit;
    }

    /** The end of a tier's learning-plan template's short name: {@code SyncKeys.templateSuffix}. */
    private static String templateSuffix(Programme p, String tier) {
        return " [" + p.code() + ":" + tier + "]";
    }

    /** The module of the activity a facilitator completes per session: {@code FACILITATOR_LOG}. */
    private static final String FACILITATOR_LOG = "facilitatorlog";

    /** Seeds {@code events}; their learners must be users (idnumber = learner id) and their units' courses exist. */
    public static void seed(SimulatedSite site, Programme p, List<LearnerEvent> events) {
        new Run(site, p).seed(events);
    }

    private static final class Run {
        private final SimulatedSite site;
        private final Programme p;
        private final Map<String, Long> users = new HashMap<>();
        private final Map<String, Long> courses = new HashMap<>();
        private final Map<String, Long> competencies = new HashMap<>();
        private final Map<String, Long> templates = new HashMap<>();
        /** "templateid competencyid" of each competency a template holds. */
        private final Set<String> inTemplate = new HashSet<>();
        private final Set<String> enrolled = new HashSet<>();
        private final Map<String, Long> activities = new HashMap<>();
        private final Map<String, Long> gradeItems = new HashMap<>();
        private final Map<String, Double> bestScore = new HashMap<>();
        private final Set<String> plans = new HashSet<>();

        Run(SimulatedSite site, Programme p) {
            this.site = site;
            this.p = p;
            site.rows("user").forEach(r -> {
                if (r.get("idnumber") != null && !String.valueOf(r.get("idnumber")).isEmpty()) {
                    users.put(String.valueOf(r.get("idnumber")), ((Number) r.get("id")).longValue());
                }
            });
            Map<Long, String> unitOfCourse = new HashMap<>();
            for (var u : p.units()) {
                site.find("course", "idnumber", unitKey(p, u.code())).ifPresent(r -> {
                    courses.put(u.code(), ((Number) r.get("id")).longValue());
                    unitOfCourse.put(((Number) r.get("id")).longValue(), u.code());
                });
            }
            Map<Long, Long> courseOfInstance = new HashMap<>();
            site.rows("enrol").forEach(r -> courseOfInstance.put(((Number) r.get("id")).longValue(),
                    ((Number) r.get("courseid")).longValue()));
            site.rows("user_enrolments").forEach(r -> {
                Long course = courseOfInstance.get(((Number) r.get("enrolid")).longValue());
                if (course != null && unitOfCourse.containsKey(course)) {
                    enrolled.add(unitOfCourse.get(course) + " " + r.get("userid") + " " + SimulatedSite.STUDENT);
                }
            });
            // A site seeded before keeps its activities and grade items: a second seed adds completions
            // to them rather than a second "Online module" that every learner would then have to complete.
            site.rows("course_modules").forEach(r -> {
                String unit = unitOfCourse.get(((Number) r.get("course")).longValue());
                if (unit == null) {
                    return;
                }
                String name = String.valueOf(r.get("name"));
                long cm = ((Number) r.get("id")).longValue();
                switch (String.valueOf(r.get("modname"))) {
                    case "scorm" -> activities.putIfAbsent(unit + " module", cm);
                    case "assign" -> activities.putIfAbsent(unit + " evidence", cm);
                    case "attendance" -> activities.putIfAbsent(unit + " session " + name.substring("Session ".length()), cm);
                    case FACILITATOR_LOG -> activities.putIfAbsent(unit + " facilitation "
                            + name.substring("Facilitated session ".length()), cm);
                    default -> { }
                }
            });
            Map<Long, String> unitOfItem = new HashMap<>();
            site.rows("grade_items").forEach(r -> {
                String unit = unitOfCourse.get(((Number) r.get("courseid")).longValue());
                if (unit != null && "Knowledge check".equals(r.get("itemname"))) {
                    gradeItems.putIfAbsent(unit, ((Number) r.get("id")).longValue());
                    unitOfItem.put(((Number) r.get("id")).longValue(), unit);
                }
            });
            site.rows("grade_grades").forEach(r -> {
                String unit = unitOfItem.get(((Number) r.get("itemid")).longValue());
                if (unit != null) {
                    bestScore.merge(unit + " " + r.get("userid"), ((Number) r.get("finalgrade")).doubleValue(), Math::max);
                }
            });
            if (p.framework() != null) {
                Object framework = site.find("competency_framework", "idnumber", p.framework().code())
                        .map(r -> r.get("id")).orElse(null);
                site.rows("competency").forEach(r -> {
                    if (String.valueOf(r.get("competencyframeworkid")).equals(String.valueOf(framework))) {
                        competencies.put(String.valueOf(r.get("idnumber")), ((Number) r.get("id")).longValue());
                    }
                });
                for (Tier t : p.tiers()) {
                    String suffix = templateSuffix(p, t.code());
                    site.rows("competency_template").stream()
                            .filter(r -> String.valueOf(r.get("shortname")).endsWith(suffix)).findFirst()
                            .ifPresent(r -> templates.put(t.code(), ((Number) r.get("id")).longValue()));
                }
                site.rows("competency_templatecomp").forEach(r -> inTemplate.add(r.get("templateid") + " "
                        + r.get("competencyid")));
            }
        }

        /** Enrolments, completion states and grades are gathered and written in bulk at the end. */
        private final List<long[]> enrolments = new ArrayList<>();
        private final List<long[]> completions = new ArrayList<>();
        private final List<double[]> grades = new ArrayList<>();

        void seed(List<LearnerEvent> events) {
            for (LearnerEvent e : events) {
                record(e);
            }
            site.enrolAll(enrolments);
            site.completeActivities(completions);
            site.gradeAll(grades);
        }

        private void record(LearnerEvent e) {
            if (e instanceof LearnerEvent.PriorLearning || e instanceof LearnerEvent.Revoked) {
                return;
            }
            long user = need(users, e.learnerId(), "user with idnumber");
            long time = e.date().atTime(12, 0).toEpochSecond(ZoneOffset.UTC);
            if (e instanceof LearnerEvent.Rated r) {
                rate(user, r, time);
                return;
            }
            String unit = e.item();
            long course = need(courses, unit, "course of unit");
            if (e instanceof LearnerEvent.Completed) {
                enrol(unit, user, course, SimulatedSite.STUDENT);
                String key = unit + " module";
                Long cm = activities.get(key);
                if (cm == null) {
                    cm = site.addActivity(course, "scorm", "Online module", 2);
                    site.addCompletionCriterion(course, cm);
                    activities.put(key, cm);
                }
                completions.add(new long[] {cm, user, 1, time});
            } else if (e instanceof LearnerEvent.Assessed a) {
                enrol(unit, user, course, SimulatedSite.STUDENT);
                Long item = gradeItems.get(unit);
                if (item == null) {
                    long cm = site.addActivity(course, "quiz", "Knowledge check", 2);
                    item = site.addGradeItem(course, cm, "Knowledge check", 100);
                    gradeItems.put(unit, item);
                }
                String key = unit + " " + user;
                if (bestScore.getOrDefault(key, -1.0) < a.score()) {
                    bestScore.put(key, (double) a.score());
                    grades.add(new double[] {item, user, a.score(), time});
                }
            } else if (e instanceof LearnerEvent.Attended a) {
                boolean facilitator = a.role() == Role.FACILITATOR;
                enrol(unit, user, course, facilitator ? SimulatedSite.EDITING_TEACHER : SimulatedSite.STUDENT);
                // A facilitator signs the session's facilitator log rather than its attendance register.
                String key = unit + (facilitator ? " facilitation " : " session ") + e.date();
                Long cm = activities.get(key);
                if (cm == null) {
                    cm = facilitator
                            ? site.addActivity(course, FACILITATOR_LOG, "Facilitated session " + e.date(), 1)
                            : site.addActivity(course, "attendance", "Session " + e.date(), 1);
                    activities.put(key, cm);
                }
                completions.add(new long[] {cm, user, 1, time});
            } else if (e instanceof LearnerEvent.Evidence ev) {
                enrol(unit, user, course, SimulatedSite.STUDENT);
                String key = unit + " evidence";
                Long cm = activities.get(key);
                if (cm == null) {
                    cm = site.addActivity(course, "assign", "Evidence", 2);
                    activities.put(key, cm);
                }
                int state = switch (ev.status()) {
                    case APPROVED -> 2;
                    case REJECTED -> 3;
                    case SUBMITTED -> 1;
                };
                completions.add(new long[] {cm, user, state, time});
            }
        }

        private void enrol(String unit, long user, long course, long role) {
            if (enrolled.add(unit + " " + user + " " + role)) {
                enrolments.add(new long[] {user, course, role});
            }
        }

        private void rate(long user, LearnerEvent.Rated r, long time) {
            long competency = need(competencies, r.item(), "competency");
            // the plan Moodle's scheduled task would have made from the first tier's template holding
            // the competency (the sync puts each tier's competencies in its template)
            for (Tier t : p.tiers()) {
                Long template = templates.get(t.code());
                if (template != null && inTemplate.contains(template + " " + competency)) {
                    if (plans.add(user + " " + t.code())) {
                        site.addPlan(user, t.title() + " plan", template, 1);
                    }
                    break;
                }
            }
            boolean proficient = p.framework().scale().levels().stream()
                    .anyMatch(l -> l.level() == r.level() && l.proficient());
            site.rate(user, competency, r.level(), proficient, time);
        }

        private static long need(Map<String, Long> ids, String key, String what) {
            Long id = ids.get(key);
            if (id == null) {
                throw new IllegalArgumentException("the simulator has no " + what + " " + key
                        + ": sync the programme and its learners first");
            }
            return id;
        }
    }
}
