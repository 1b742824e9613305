package org.qipathways.moodle.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.qipathways.moodle.MoodleCall;
import org.qipathways.moodle.MoodleResult;
import org.qipathways.moodle.ReplyTooLargeException;
import org.qipathways.moodle.simulator.MoodleSimulator;
import org.qipathways.moodle.simulator.SimulatedSite;
import org.qipathways.moodle.simulator.SimulatorSeeder;
import org.qipathways.moodle.ws.EnrolledUser;
import org.qipathways.moodle.ws.ContextRef;
import org.qipathways.moodle.ws.NewFramework;
import org.qipathways.moodle.ws.Option;
import org.qipathways.programme.Programme;
import org.qipathways.record.Learner;
import org.qipathways.record.LearnerEvent;

/**
 * Replies over the client's limit ({@code maxReplyBytes}) are not the end of a sync or pull: a
 * bundle of reads goes again in smaller bundles, a course's population is read a page at a time,
 * and a course's grades are read per learner when all of them at once are too large. A bundle of
 * writes whose reply is too large is not sent again: its writes have run.
 */
class OversizedRepliesTest {

    private static final Programme REFERENCE = Programme.reference();
    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
    }

    private SimulatorFixture site(long maxReplyBytes) {
        SimulatorFixture fx = new SimulatorFixture(MoodleSimulator.builder(),
                c -> c.maxAttempts(1).maxReplyBytes(maxReplyBytes));
        open.add(fx);
        return fx;
    }

    @Test
    void aBundleOfReadsTooLargeForOneReplyIsReadInSmallerBundles() {
        SimulatorFixture fx = site(5000);   // just over the site information the client reads first
        SimulatedSite s = fx.sim.site();
        long course = s.addCourse("Course", "C", s.addCategory("QI", "qi", 0));
        for (int i = 0; i < 30; i++) {
            s.enrol(s.addUser("user" + i, "First" + i, "Last" + i, "u" + i + "@example.org"), course, SimulatedSite.STUDENT);
        }
        List<MoodleCall<List<EnrolledUser>>> calls = IntStream.range(0, 20).mapToObj(i -> MoodleCall.getEnrolledUsers(course,
                List.of(new Option("userfields", "id")))).toList();
        int before = fx.client.requestCount();

        List<MoodleResult<List<EnrolledUser>>> results = fx.client.callAll(calls);

        assertThat(results).allSatisfy(r -> assertThat(r.get()).hasSize(30));
        assertThat(fx.client.requestCount() - before).isGreaterThan(1);
    }

    @Test
    void aBundleOfWritesWhoseReplyIsTooLargeIsNotSentAgain() {
        SimulatorFixture fx = site(5000);
        // one framework per call (not a batch function), each reply the whole framework record
        String scale = "[{\"scaleid\":\"" + fx.scaleId + "\"},{\"id\":1,\"scaledefault\":1,\"proficient\":1}]";
        List<MoodleCall<?>> calls = IntStream.range(0, 30).<MoodleCall<?>>mapToObj(i -> MoodleCall.createFramework(
                NewFramework.of("Framework " + i, "FW-" + i, fx.scaleId, scale, ContextRef.system()))).toList();

        List<MoodleResult<Object>> results = fx.client.callAll(calls);

        assertThat(results).anySatisfy(r -> assertThat(r.error()).get().isInstanceOf(ReplyTooLargeException.class));
        assertThat(fx.sim.site().count("competency_framework")).isEqualTo(30);   // each created once
    }

    @Test
    void aCourseIsReadAPageAtATimeInAFewBundledRounds() {
        SimulatorFixture fx = site(16L << 20);
        List<Learner> learners = LearnerSyncTest.learners(23, 3);
        new ProgrammeSync(fx.client, fx.options()).apply(REFERENCE);
        new LearnerSync(fx.client, fx.options()).apply(REFERENCE, learners, Map.of());
        List<Long> courses = new ArrayList<>(new ProgrammeSync(fx.client, fx.options()).courseIds(REFERENCE).values());
        int before = fx.client.requestCount();

        Map<Long, List<EnrolledUser>> paged = CoursePopulations.read(fx.client, courses, "id,idnumber", 5);

        int rounds = fx.client.requestCount() - before;
        for (long course : courses) {
            List<EnrolledUser> whole = fx.client.getEnrolledUsers(course, List.of(new Option("userfields", "id,idnumber")));
            assertThat(paged.get(course)).isEqualTo(whole.stream().sorted(Comparator.comparingLong(EnrolledUser::id)).toList());
        }
        assertThat(paged.values().stream().mapToInt(List::size).max().orElseThrow()).isGreaterThan(5);
        // 23 learners, pages of 5: page 0, then 1-2, then 3-6 (page 4 is short): three rounds
        assertThat(rounds).isLessThanOrEqualTo(3 * (1 + 4 * courses.size() / 50));
    }

    @Test
    void aPullWhoseRepliesAreOverTheLimitStillReadsEveryEvent() {
        SimulatorFixture fx = site(32 * 1024);
        List<Learner> learners = LearnerSyncTest.learners(200, 11);
        new ProgrammeSync(fx.client, fx.options()).apply(REFERENCE);
        new LearnerSync(fx.client, fx.options()).apply(REFERENCE, learners, Map.of());
        List<LearnerEvent> seeded = EventPullTest.histories(learners, 5);
        SimulatorSeeder.seed(fx.sim.site(), REFERENCE, seeded);

        List<LearnerEvent> pulled = new EventPull(fx.client, fx.options(), ZoneOffset.UTC).pull(REFERENCE, null);

        assertThat(EventPullTest.sorted(pulled)).isEqualTo(EventPullTest.sorted(seeded));
    }
}
