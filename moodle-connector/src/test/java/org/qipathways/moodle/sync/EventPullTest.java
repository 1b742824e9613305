package org.qipathways.moodle.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.qipathways.moodle.MoodleClient;
import org.qipathways.moodle.MoodleConfig;
import org.qipathways.moodle.MoodleToken;
import org.qipathways.moodle.simulator.MoodleSimulator;
import org.qipathways.moodle.simulator.SimRequest;
import org.qipathways.moodle.simulator.SimulatorSeeder;
import org.qipathways.programme.Programme;
import org.qipathways.progress.Evaluator;
import org.qipathways.progress.Progress;
import org.qipathways.progress.TierProgress;
import org.qipathways.record.Learner;
import org.qipathways.record.LearnerEvent;
import org.qipathways.record.LearnerRecord;
import org.qipathways.rules.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

class EventPullTest {

    private static final Logger LOG = LoggerFactory.getLogger(EventPullTest.class);
    private static final Programme REFERENCE = Programme.reference();
    private static final LocalDate AS_OF = LocalDate.of(2026, 6, 30);

    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
    }

    /**
     * Varied learners' histories, one Moodle-representable event per learner, unit and kind (Moodle
     * keeps one state per user and activity): Bronze done or not, Silver for individuals or teams,
     * evidence in or out of its window, Gold with facilitation on distinct dates, ratings.
     */
    static List<LearnerEvent> histories(List<Learner> learners, long seed) {
        Random rnd = new Random(seed);
        List<LearnerEvent> out = new ArrayList<>();
        for (Learner l : learners) {
            String id = l.learnerId();
            LocalDate d = LocalDate.of(2024, 1, 1).plusDays(rnd.nextInt(200));
            if (rnd.nextInt(10) < 8) {
                out.add(new LearnerEvent.Completed(id, d, "BRZ-ELN"));
            }
            if (rnd.nextInt(10) < 8) {
                out.add(new LearnerEvent.Assessed(id, d.plusDays(1), "BRZ-QUIZ", 60 + rnd.nextInt(41)));
            }
            out.add(new LearnerEvent.Rated(id, d.plusDays(2), "C-SYSTEMS", 1 + rnd.nextInt(2)));
            if (rnd.nextBoolean()) {
                continue;
            }
            boolean individual = rnd.nextBoolean();
            LocalDate s = d.plusDays(30 + rnd.nextInt(60));
            LocalDate evidence = s.plusDays(rnd.nextInt(10) < 8 ? 10 + rnd.nextInt(70) : 95 + rnd.nextInt(30));
            if (individual) {
                out.add(new LearnerEvent.Attended(id, s, "SLV-IND", Role.PARTICIPANT));
                out.add(new LearnerEvent.Evidence(id, evidence, "SLV-PLAN", rnd.nextInt(10) < 9
                        ? LearnerEvent.EvidenceStatus.APPROVED : LearnerEvent.EvidenceStatus.REJECTED));
            } else {
                int sessions = 1 + rnd.nextInt(3);
                for (int i = 1; i <= sessions; i++) {
                    out.add(new LearnerEvent.Attended(id, s.plusDays(7L * i), "SLV-TEAM-" + i, Role.PARTICIPANT));
                }
                out.add(new LearnerEvent.Evidence(id, evidence.plusDays(21), "SLV-TEAM-PLAN",
                        LearnerEvent.EvidenceStatus.APPROVED));
            }
            if (rnd.nextInt(3) > 0) {
                continue;
            }
            LocalDate g = evidence.plusDays(60 + rnd.nextInt(60));
            out.add(new LearnerEvent.Attended(id, g, "GLD-TTT-1", Role.PARTICIPANT));
            out.add(new LearnerEvent.Attended(id, g.plusDays(1), "GLD-TTT-2", Role.PARTICIPANT));
            out.add(new LearnerEvent.Evidence(id, g.plusDays(100), "GLD-PROJECT", LearnerEvent.EvidenceStatus.APPROVED));
            out.add(new LearnerEvent.Attended(id, g.plusDays(20), rnd.nextBoolean() ? "WS-VAR" : "WS-SCI", Role.PARTICIPANT));
            // facilitate what they did not take part in, on 1-3 distinct dates (2 are needed)
            String unit = individual ? "SLV-TEAM-1" : "SLV-IND";
            int times = rnd.nextInt(4) == 0 ? 1 : 2 + rnd.nextInt(2);
            for (int i = 0; i < times; i++) {
                out.add(new LearnerEvent.Attended(id, g.plusDays(30L + 14 * i), unit, Role.FACILITATOR));
            }
            out.add(new LearnerEvent.Rated(id, g.plusDays(110), "C-COACH", rnd.nextInt(4) == 0 ? 2 : 3));
            out.add(new LearnerEvent.Rated(id, g.plusDays(110), "C-LEAD", 3));
        }
        return out;
    }

    private static Map<String, List<String>> statuses(List<Learner> learners, List<LearnerEvent> events) {
        List<Progress> progress = Evaluator.of(REFERENCE).evaluateAll(
                new ArrayList<>(LearnerRecord.group(learners, events).values()), AS_OF, 1);
        Map<String, List<String>> out = new TreeMap<>();
        for (Progress p : progress) {
            out.put(p.learnerId(), p.tiers().stream().map(t -> t.tier() + "=" + t.status()).toList());
        }
        return out;
    }

    static List<String> sorted(List<LearnerEvent> events) {
        return events.stream().map(String::valueOf).sorted().toList();
    }

    @Test
    void pullThenEvaluateGivesTheTierStatusesOfTheEventsSeededIntoTheSite() {
        SimulatorFixture fx = new SimulatorFixture();
        open.add(fx);
        List<Learner> learners = LearnerSyncTest.learners(400, 7);
        new ProgrammeSync(fx.client, fx.options()).apply(REFERENCE);
        new LearnerSync(fx.client, fx.options()).apply(REFERENCE, learners, Map.of());
        List<LearnerEvent> seeded = histories(learners, 42);
        SimulatorSeeder.seed(fx.sim.site(), REFERENCE, seeded);

        List<LearnerEvent> pulled = new EventPull(fx.client, fx.options(), ZoneOffset.UTC).pull(REFERENCE, null);

        assertThat(sorted(pulled)).isEqualTo(sorted(seeded));
        Map<String, List<String>> expected = statuses(learners, seeded);
        assertThat(statuses(learners, pulled)).isEqualTo(expected);
        // the data reaches every status the reference programme has
        assertThat(expected.values().stream().flatMap(List::stream).distinct())
                .contains("BRONZE=ACHIEVED", "BRONZE=IN_PROGRESS", "SILVER=ACHIEVED", "SILVER=IN_PROGRESS",
                        "GOLD=ACHIEVED", "GOLD=IN_PROGRESS");
    }

    @Test
    void sinceKeepsOnlyEventsOnOrAfterIt() {
        SimulatorFixture fx = new SimulatorFixture();
        open.add(fx);
        List<Learner> learners = LearnerSyncTest.learners(40, 2);
        new ProgrammeSync(fx.client, fx.options()).apply(REFERENCE);
        new LearnerSync(fx.client, fx.options()).apply(REFERENCE, learners, Map.of());
        List<LearnerEvent> seeded = histories(learners, 7);
        SimulatorSeeder.seed(fx.sim.site(), REFERENCE, seeded);
        LocalDate since = LocalDate.of(2024, 9, 1);

        List<LearnerEvent> pulled = new EventPull(fx.client, fx.options(), ZoneOffset.UTC).pull(REFERENCE, since);

        assertThat(sorted(pulled)).isEqualTo(sorted(seeded.stream().filter(e -> !e.date().isBefore(since)).toList()));
    }

    /*
     * The seeder lives in the simulator, which cannot see EventPull: this is where its facilitator
     * log is checked to be the module the pull reads (were it not, the pull would fall back to the
     * teacher role and read the session the learner took as facilitated too).
     */
    @Test
    void aLearnerWhoTookASessionAndLaterFacilitatedItIsReadInEachRole() {
        SimulatorFixture fx = new SimulatorFixture();
        open.add(fx);
        List<Learner> learners = LearnerSyncTest.learners(2, 1);
        new ProgrammeSync(fx.client, fx.options()).apply(REFERENCE);
        new LearnerSync(fx.client, fx.options()).apply(REFERENCE, learners, Map.of());
        String id = learners.get(0).learnerId();
        List<LearnerEvent> seeded = List.of(
                new LearnerEvent.Attended(id, LocalDate.of(2024, 3, 1), "SLV-IND", Role.PARTICIPANT),
                new LearnerEvent.Attended(id, LocalDate.of(2024, 9, 1), "SLV-IND", Role.FACILITATOR),
                new LearnerEvent.Attended(id, LocalDate.of(2024, 9, 15), "SLV-IND", Role.FACILITATOR));
        SimulatorSeeder.seed(fx.sim.site(), REFERENCE, seeded);

        List<LearnerEvent> pulled = new EventPull(fx.client, fx.options(), ZoneOffset.UTC).pull(REFERENCE, null);

        assertThat(sorted(pulled)).isEqualTo(sorted(seeded));
        assertThat(fx.sim.site().rows("course_modules")).extracting(r -> r.get("modname"))
                .contains(EventPull.FACILITATOR_LOG);
    }

    @Test
    void withoutBundlingThePullMakesTheSameEventsOneCallAtATime() {
        SimulatorFixture fx = new SimulatorFixture(MoodleSimulator.builder(), false);
        open.add(fx);
        List<Learner> learners = LearnerSyncTest.learners(30, 2);
        new ProgrammeSync(fx.client, fx.options()).apply(REFERENCE);
        new LearnerSync(fx.client, fx.options()).apply(REFERENCE, learners, Map.of());
        List<LearnerEvent> seeded = histories(learners, 3);
        SimulatorSeeder.seed(fx.sim.site(), REFERENCE, seeded);
        int before = fx.sim.requests().size();

        List<LearnerEvent> pulled = new EventPull(fx.client, fx.options(), ZoneOffset.UTC).pull(REFERENCE, null);

        assertThat(sorted(pulled)).isEqualTo(sorted(seeded));
        assertThat(fx.sim.requests().subList(before, fx.sim.requests().size())).extracting(SimRequest::function)
                .doesNotContain("tool_mobile_call_external_functions");
    }

    @Test
    void tenThousandLearnersArePulledInBundlesOfPerUserReads() {
        int maxInputVars = 1000;
        try (MoodleSimulator sim = MoodleSimulator.builder().maxInputVars(maxInputVars).build();
                MoodleClient client = MoodleClient.create(MoodleConfig.builder(sim.url(), MoodleToken.of(sim.token()))
                        .maxInputVars(maxInputVars).maxBatchSize(1000).maxCallsPerBundle(1000).build())) {
            long scale = sim.site().addScale("QI proficiency", List.of("Aware", "Practitioner", "Leader"));
            SyncOptions options = SyncOptions.defaults().withScaleId(scale);
            List<Learner> learners = LearnerSyncTest.learners(10_000, 40);
            new ProgrammeSync(client, options).apply(REFERENCE);
            new LearnerSync(client, options).apply(REFERENCE, learners, Map.of());
            List<LearnerEvent> seeded = histories(learners, 11).stream()
                    .filter(e -> e.item().startsWith("BRZ") || e.item().equals("C-SYSTEMS")).toList();
            SimulatorSeeder.seed(sim.site(), REFERENCE, seeded);

            int start = sim.requests().size();
            long t0 = System.nanoTime();
            List<String> progress = new ArrayList<>();
            PulledEvents result = new EventPull(client, options, ZoneOffset.UTC)
                    .withProgress((what, done, total) -> progress.add(what + " " + done + "/" + total))
                    .pullWithSummary(REFERENCE, null);
            List<LearnerEvent> pulled = result.events();
            long ms = (System.nanoTime() - t0) / 1_000_000;
            List<SimRequest> requests = sim.requests().subList(start, sim.requests().size());

            assertThat(pulled).hasSize(seeded.size());
            Map<String, Integer> byFunction = new TreeMap<>();
            int vars = 0;
            for (SimRequest r : requests) {
                byFunction.merge(r.function(), 1, Integer::sum);
                vars += r.formVariables() - 3;
                assertThat(r.dropped()).isZero();
            }
            int minimum = (int) Math.ceil(vars / (double) (maxInputVars - 3));
            LOG.info("10,000-learner pull: {} events in {} requests ({}), lower bound {} by max_input_vars; {} ms",
                    pulled.size(), requests.size(), byFunction, minimum, ms);
            LOG.info("its summary: {}", result.summary().lines());
            assertThat(result.summary().requests()).isEqualTo(requests.size());
            // 10,000 course-completion, 10,000 plan and 8,000 rating-evidence reads, hundreds to a
            // request, and a few bulk reads
            assertThat(requests.size()).isLessThanOrEqualTo(minimum + minimum / 5 + 10);
            // The reads depend on each other: the completion probe before the rest, the plans before their
            // competencies, those before the evidence, each course population page by page. The fewest
            // requests with those steps: each step's bundles, full but for its last, and the unbundled reads.
            int perBundle = (maxInputVars - 3) / 2;
            int evidenceReads = (int) seeded.stream().filter(e -> e instanceof LearnerEvent.Completed).count();
            int plans = sim.site().count("competency_plan");
            int unbundled = requests.size() - byFunction.getOrDefault("tool_mobile_call_external_functions", 0);
            int stepped = 1 + ceil(10_000 - 1, perBundle) + ceil(10_000, perBundle) + ceil(plans, perBundle)
                    + ceil(evidenceReads, perBundle) + 2 + unbundled;
            LOG.info("10,000-learner pull: {} requests against {} with its steps ({} times)", requests.size(), stepped,
                    String.format("%.3f", requests.size() / (double) stepped));
            assertThat(requests.size()).isLessThanOrEqualTo(stepped * 105 / 100);
            // the per-user reads report their progress slice by slice, up to all of them; the evidence
            // is read for the ratings whose user competency was saved again after it was made (here by
            // the completion of BRZ-ELN, which gives evidence of C-SYSTEMS)
            int evidence = (int) seeded.stream().filter(e -> e instanceof LearnerEvent.Completed).count();
            // (slices are whole bundles: 4 of 498 calls; the first course-completion read, of the one
            // online module, goes alone to find out whether the course has completion criteria)
            int slice = SliceReads.sliceFor(client.config());
            assertThat(slice).isEqualTo(4 * 498);
            List<String> expected = new ArrayList<>();
            expected.addAll(steps("course completion", 1, 10_000, slice));
            expected.addAll(steps("learning plans", 0, 10_000, slice));
            expected.addAll(steps("competency evidence", 0, evidence, slice));
            assertThat(progress).containsExactlyElementsOf(expected);
        }
    }

    private static int ceil(int calls, int perBundle) {
        return (calls + perBundle - 1) / perBundle;
    }

    /** The progress a slice-by-slice read reports: each slice's end, from {@code start}, up to {@code total}. */
    private static List<String> steps(String what, int start, int total, int slice) {
        List<String> out = new ArrayList<>();
        for (int from = start; from < total; from += slice) {
            out.add(what + " " + Math.min(total, from + slice) + "/" + total);
        }
        return out;
    }
}
