package org.qipathways.moodle.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.qipathways.moodle.simulator.SimRequest;
import org.qipathways.moodle.simulator.SimulatorSeeder;
import org.qipathways.programme.Programme;
import org.qipathways.record.Learner;
import org.qipathways.record.LearnerEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a pull dates and skips: ratings dated when they were made, whatever Moodle did to the user
 * competency since; courses without completion criteria; the pull's summary.
 */
class EventPullDatesTest {

    private static final Logger LOG = LoggerFactory.getLogger(EventPullDatesTest.class);
    private static final Programme REFERENCE = Programme.reference();

    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
    }

    private SimulatorFixture synced(List<Learner> learners) {
        SimulatorFixture fx = new SimulatorFixture();
        open.add(fx);
        new ProgrammeSync(fx.client, fx.options()).apply(REFERENCE);
        new LearnerSync(fx.client, fx.options()).apply(REFERENCE, learners, Map.of());
        return fx;
    }

    private static long id(SimulatorFixture fx, String table, String column, Object value) {
        return ((Number) fx.sim.site().find(table, column, value).orElseThrow().get("id")).longValue();
    }

    private static long noon(LocalDate d) {
        return d.atTime(12, 0).toEpochSecond(ZoneOffset.UTC);
    }

    private static List<LearnerEvent> rated(List<LearnerEvent> events) {
        return events.stream().filter(e -> e instanceof LearnerEvent.Rated).toList();
    }

    @Test
    void aRatingIsDatedWhenItWasMadeNotWhenALinkedCourseWasCompletedLater() {
        List<Learner> learners = LearnerSyncTest.learners(3, 1);
        SimulatorFixture fx = synced(learners);
        String a = learners.get(0).learnerId();
        String b = learners.get(1).learnerId();
        // rated in May; BRZ-ELN, which gives evidence of C-SYSTEMS and C-MFI, completed in September
        List<LearnerEvent> ratings = List.of(
                new LearnerEvent.Rated(a, LocalDate.of(2025, 5, 10), "C-SYSTEMS", 2),
                new LearnerEvent.Rated(a, LocalDate.of(2025, 5, 12), "C-MFI", 1),
                new LearnerEvent.Rated(b, LocalDate.of(2025, 5, 20), "C-SYSTEMS", 3));
        SimulatorSeeder.seed(fx.sim.site(), REFERENCE, ratings);
        List<LearnerEvent> completions = List.of(
                new LearnerEvent.Completed(a, LocalDate.of(2025, 9, 15), "BRZ-ELN"),
                new LearnerEvent.Completed(b, LocalDate.of(2025, 9, 16), "BRZ-ELN"));
        SimulatorSeeder.seed(fx.sim.site(), REFERENCE, completions);
        // as in Moodle, the completion's evidence stamped the user competency
        long user = id(fx, "user", "idnumber", a);
        long systems = id(fx, "competency", "idnumber", "C-SYSTEMS");
        assertThat(fx.sim.site().rows("competency_usercomp")).filteredOn(r -> r.get("userid").equals(user)
                && r.get("competencyid").equals(systems)).extracting(r -> r.get("timemodified"))
                .containsExactly(noon(LocalDate.of(2025, 9, 15)));

        EventPull pull = new EventPull(fx.client, fx.options(), ZoneOffset.UTC);

        assertThat(rated(pull.pull(REFERENCE, null))).containsExactlyInAnyOrderElementsOf(ratings);
        // and --since no longer lets May's ratings through as September's
        assertThat(pull.pull(REFERENCE, LocalDate.of(2025, 9, 1))).containsExactlyInAnyOrderElementsOf(completions);
    }

    @Test
    void aCompletedPlanDoesNotHideARatingMadeAfterIt() {
        List<Learner> learners = LearnerSyncTest.learners(2, 1);
        SimulatorFixture fx = synced(learners);
        String a = learners.get(0).learnerId();
        SimulatorSeeder.seed(fx.sim.site(), REFERENCE,
                List.of(new LearnerEvent.Rated(a, LocalDate.of(2025, 3, 1), "C-SYSTEMS", 1)));
        long user = id(fx, "user", "idnumber", a);
        long plan = id(fx, "competency_plan", "userid", user);
        fx.sim.site().completePlan(plan, noon(LocalDate.of(2025, 4, 1)));
        fx.sim.site().rate(user, id(fx, "competency", "idnumber", "C-SYSTEMS"), 2, true, noon(LocalDate.of(2025, 6, 1)));

        List<LearnerEvent> pulled = new EventPull(fx.client, fx.options(), ZoneOffset.UTC).pull(REFERENCE, null);

        assertThat(rated(pulled)).containsExactly(new LearnerEvent.Rated(a, LocalDate.of(2025, 6, 1), "C-SYSTEMS", 2));
    }

    @Test
    void aCompletedPlanWithNoLaterRatingGivesTheRatingOnTheDateItWasMade() {
        List<Learner> learners = LearnerSyncTest.learners(2, 1);
        SimulatorFixture fx = synced(learners);
        String a = learners.get(0).learnerId();
        SimulatorSeeder.seed(fx.sim.site(), REFERENCE,
                List.of(new LearnerEvent.Rated(a, LocalDate.of(2025, 3, 1), "C-SYSTEMS", 1)));
        long plan = id(fx, "competency_plan", "userid", id(fx, "user", "idnumber", a));
        fx.sim.site().completePlan(plan, noon(LocalDate.of(2025, 4, 1)));

        List<LearnerEvent> pulled = new EventPull(fx.client, fx.options(), ZoneOffset.UTC).pull(REFERENCE, null);

        assertThat(rated(pulled)).containsExactly(new LearnerEvent.Rated(a, LocalDate.of(2025, 3, 1), "C-SYSTEMS", 1));
    }

    @Test
    void aCourseWithoutCompletionCriteriaIsReadOnceNotOncePerLearner() {
        // nobody has completed BRZ-ELN, so the seeder gave its course no criteria; its 300 learners are enrolled
        List<Learner> learners = LearnerSyncTest.learners(300, 3);
        SimulatorFixture fx = synced(learners);
        List<LearnerEvent> seeded = learners.stream().limit(20)
                .map(l -> (LearnerEvent) new LearnerEvent.Assessed(l.learnerId(), LocalDate.of(2025, 2, 3), "BRZ-QUIZ", 90))
                .toList();
        SimulatorSeeder.seed(fx.sim.site(), REFERENCE, seeded);
        int start = fx.sim.requests().size();

        PulledEvents r = new EventPull(fx.client, fx.options(), ZoneOffset.UTC).pullWithSummary(REFERENCE, null);

        List<SimRequest> requests = fx.sim.requests().subList(start, fx.sim.requests().size());
        LOG.info("300 learners, a course without criteria: {} requests", requests.size());
        assertThat(r.events()).containsExactlyInAnyOrderElementsOf(seeded);
        assertThat(requests.size()).isLessThanOrEqualTo(12);
        assertThat(r.summary().coursesWithoutCriteria()).containsExactly("BRZ-ELN");
    }

    @Test
    void theSummarySaysWhatThePullCostAndRead() {
        List<Learner> learners = LearnerSyncTest.learners(30, 2);
        SimulatorFixture fx = synced(learners);
        List<LearnerEvent> seeded = EventPullTest.histories(learners, 5);
        SimulatorSeeder.seed(fx.sim.site(), REFERENCE, seeded);
        // a user enrolled without an idnumber: a teacher, say, not one of the programme's learners
        long teacher = fx.sim.site().addUser("tutor1", "Pat", "Tutor", "pat.tutor@nhs.net");
        fx.sim.site().enrol(teacher, id(fx, "course", "idnumber", SyncKeys.unit(REFERENCE, "BRZ-QUIZ")),
                org.qipathways.moodle.simulator.SimulatedSite.STUDENT);
        int requests0 = fx.sim.requests().size();

        PulledEvents r = new EventPull(fx.client, fx.options(), ZoneOffset.UTC).pullWithSummary(REFERENCE, null);

        PullSummary s = r.summary();
        assertThat(s.requests()).isEqualTo(fx.sim.requests().size() - requests0);
        assertThat(s.calls()).isGreaterThan(s.requests());
        assertThat(s.bytesReceived()).isPositive();
        assertThat(s.events()).isEqualTo(r.events().size()).isEqualTo(seeded.size());
        for (LearnerEvent.Type t : List.of(LearnerEvent.Type.COMPLETED, LearnerEvent.Type.RATED)) {
            assertThat(s.eventsByType().get(t.id())).isEqualTo((int) seeded.stream().filter(e -> e.type() == t).count());
        }
        assertThat(s.learnersSkipped()).isEqualTo(Map.of(PullSummary.NO_IDNUMBER, 1));
        assertThat(s.coursesWithoutCriteria()).isEmpty();
        assertThat(s.lines()).anyMatch(l -> l.startsWith("requests: " + s.requests() + " ("))
                .anyMatch(l -> l.startsWith("events: " + seeded.size() + " ("))
                .contains("users skipped: 1 " + PullSummary.NO_IDNUMBER);
    }
}
