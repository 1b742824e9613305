package org.qipathways.moodle.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.qipathways.moodle.MoodleConfig;
import org.qipathways.moodle.MoodleException;
import org.qipathways.moodle.simulator.Fault;
import org.qipathways.moodle.simulator.MoodleSimulator;
import org.qipathways.moodle.simulator.SimRequest;
import org.qipathways.moodle.simulator.SimulatorSeeder;
import org.qipathways.programme.Programme;
import org.qipathways.record.Learner;
import org.qipathways.record.LearnerEvent;

/**
 * The fault campaign for sync and pull against the simulator: every kind of fault a real site and
 * network produce (5xx, timeout, slow reply, connection dropped before and after the site applied a
 * write, HTML error page, truncated JSON, oversized reply, the token revoked mid-run, a function taken
 * out of the service mid-run) is injected at many points of a full sync and of a pull. Each faulty run
 * completes or stops with a clear {@link MoodleException} (no other exception, no token in the
 * message), and a rerun converges to the state an uninterrupted run leaves: no duplicate, nothing lost.
 * Each campaign prints {@code faults injected N, converged N, duplicates 0, lost 0}.
 *
 * <p>The points are drawn from a fixed seed. Release checks run every fault kind at every request of
 * the runs: {@code mvn -B verify -Dqip.campaign=long}.
 */
class FaultCampaignTest {

    private static final Programme REFERENCE = Programme.reference();
    private static final boolean LONG = "long".equals(System.getProperty("qip.campaign"));
    private static final long SEED = 16;
    /** Points per fault kind; every request of the run in the long campaign. */
    private static final int POINTS = LONG ? Integer.MAX_VALUE : 4;

    /** Long enough that a loaded build machine never times out a healthy request; the timeout fault is longer. */
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(1);
    private static final Duration TIMEOUT_DELAY = Duration.ofMillis(1500);
    private static final long MAX_REPLY = 1 << 20;

    /** Retries on, with short waits; a read timeout and a reply limit the faults can cross. */
    private static final UnaryOperator<MoodleConfig.Builder> SETTINGS = c -> c.maxAttempts(3)
            .retryDelays(Duration.ofMillis(5), Duration.ofMillis(20)).readTimeout(READ_TIMEOUT)
            .callTimeout(Duration.ofSeconds(10)).maxReplyBytes(MAX_REPLY);

    private record Kind(String name, Supplier<Fault> fault) {
    }

    private static final List<Kind> KINDS = List.of(
            new Kind("HTTP 503", () -> Fault.status(503)),
            new Kind("timeout", () -> Fault.delay(TIMEOUT_DELAY)),
            new Kind("slow reply", () -> Fault.delay(READ_TIMEOUT.dividedBy(5))),
            new Kind("dropped before processing", Fault::dropConnectionBeforeProcessing),
            new Kind("dropped after processing", Fault::dropConnectionAfterProcessing),
            new Kind("HTML error page", Fault::htmlErrorPage),
            new Kind("truncated JSON", Fault::truncatedJson),
            new Kind("oversized reply", () -> Fault.oversizedReply(2 * MAX_REPLY)),
            new Kind("invalidtoken mid-run", Fault::invalidToken),
            new Kind("function removed mid-run", Fault::removeFunction));

    private static final List<Learner> LEARNERS = LearnerSyncTest.learners(20, 3);
    private static final Map<String, String> CERTIFIED = Map.of("L000002", "SILVER");

    /** What a campaign counted. */
    private static final class Tally {
        int injected;
        int converged;
        int duplicates;
        int lost;
        int stopped;
        int missed;
        final Map<String, Integer> perKind = new java.util.TreeMap<>();

        String line(String what) {
            return String.format(Locale.ROOT, "%s fault campaign: faults injected %d, converged %d, duplicates %d, lost %d"
                    + " (%d runs stopped with a clear error, %d completed despite the fault; per kind %s)", what, injected,
                    converged, duplicates, lost, stopped, injected - stopped, perKind);
        }
    }

    /** The indices of the requests to fault, from {@code 0} to {@code requests - 1}: spread out, seeded. */
    private static List<Integer> points(int requests, int kind) {
        if (POINTS >= requests) {
            List<Integer> all = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                all.add(i);
            }
            return all;
        }
        Random rnd = new Random(SEED * 31 + kind);
        Set<Integer> chosen = new LinkedHashSet<>();
        for (int p = 0; p < POINTS; p++) {
            int from = requests * p / POINTS;
            int to = requests * (p + 1) / POINTS;
            chosen.add(from + rnd.nextInt(Math.max(1, to - from)));
        }
        return new ArrayList<>(chosen);
    }

    private static void syncAll(SimulatorFixture f) {
        new ProgrammeSync(f.client, f.options()).apply(REFERENCE);
        new LearnerSync(f.client, f.options()).apply(REFERENCE, LEARNERS, CERTIFIED);
    }

    /** A faulty run stopped: with a MoodleException that says what and where, and never shows the token. */
    private static void clearError(Throwable failure, String token, String what) {
        assertThat(failure).as(what).isInstanceOf(MoodleException.class);
        assertThat(failure.getMessage()).as(what).isNotBlank().doesNotContain(token);
        assertThat(String.valueOf(failure.getCause())).as(what).doesNotContain(token);
    }

    /** Puts back what a fault took away (a function out of the service) and forgets waiting faults. */
    private static void repair(MoodleSimulator sim) {
        sim.faults().clear();
        for (String function : MoodleSimulator.functions()) {
            sim.site().serviceHasFunction(function, true);
        }
    }

    private static boolean faulted(MoodleSimulator sim, int from) {
        List<SimRequest> requests = sim.requests();
        return requests.subList(Math.min(from, requests.size()), requests.size()).stream().anyMatch(r -> r.fault() != null);
    }

    @Test
    void everyFaultAtManyPointsOfAFullSyncEndsInTheUninterruptedState() throws Exception {
        String expected;
        int requests;
        try (SimulatorFixture clean = new SimulatorFixture(MoodleSimulator.builder(), SETTINGS)) {
            int start = clean.sim.requests().size();
            syncAll(clean);
            requests = clean.sim.requests().size() - start;
            expected = clean.snapshot();
        }
        assertThat(requests).isGreaterThan(10);
        Set<String> expectedRows = new TreeSet<>(expected.lines().toList());
        Tally t = new Tally();
        for (int k = 0; k < KINDS.size(); k++) {
            Kind kind = KINDS.get(k);
            for (int n : points(requests, k)) {
                String what = kind.name() + " at request " + (n + 1) + " of " + requests;
                try (SimulatorFixture f = new SimulatorFixture(MoodleSimulator.builder(), SETTINGS)) {
                    int start = f.sim.requests().size();
                    f.sim.faults().after(n, kind.fault().get());
                    Throwable failure = catchThrowable(() -> syncAll(f));
                    if (!faulted(f.sim, start)) {
                        // this run made fewer requests than the clean one (it had no retry there): no fault to count
                        t.missed++;
                        continue;
                    }
                    t.injected++;
                    t.perKind.merge(kind.name(), 1, Integer::sum);
                    if (failure != null) {
                        clearError(failure, f.sim.token(), what);
                        t.stopped++;
                    }
                    if (kind.name().equals("timeout")) {
                        // the site still runs the request it was slow to answer: let it finish first
                        Thread.sleep(TIMEOUT_DELAY.toMillis() + 100);
                    }
                    repair(f.sim);
                    syncAll(f);

                    String actual = f.snapshot();
                    Set<String> rows = new TreeSet<>(actual.lines().toList());
                    int lost = 0;
                    for (String row : expectedRows) {
                        if (!rows.contains(row)) {
                            lost++;
                        }
                    }
                    // a row twice, a row no uninterrupted run makes, an idnumber on two objects
                    int duplicates = (int) actual.lines().count() - rows.size()
                            + (int) rows.stream().filter(r -> !expectedRows.contains(r)).count();
                    for (String table : List.of("course_categories", "course", "competency_framework", "competency",
                            "cohort", "user")) {
                        duplicates += f.duplicateIdnumbers(table).size();
                    }
                    t.lost += lost;
                    t.duplicates += duplicates;
                    assertThat(actual).as("%s, then a rerun", what).isEqualTo(expected);
                    assertThat(new ProgrammeSync(f.client, f.options()).plan(REFERENCE).isEmpty()).as(what).isTrue();
                    assertThat(new LearnerSync(f.client, f.options()).plan(REFERENCE, LEARNERS, CERTIFIED).isEmpty())
                            .as(what).isTrue();
                    t.converged++;
                }
            }
        }
        System.out.println(t.line("sync"));
        assertThat(t.missed).as("points past the end of the run").isLessThanOrEqualTo(t.injected / 10);
        assertThat(t.converged).isEqualTo(t.injected);
        assertThat(t.duplicates).isZero();
        assertThat(t.lost).isZero();
    }

    @Test
    void everyFaultAtManyPointsOfAPullEndsInTheUninterruptedEvents() throws Exception {
        try (SimulatorFixture f = new SimulatorFixture(MoodleSimulator.builder(), SETTINGS)) {
            syncAll(f);
            SimulatorSeeder.seed(f.sim.site(), REFERENCE, EventPullTest.histories(LEARNERS, SEED));
            EventPull pull = new EventPull(f.client, f.options(), ZoneOffset.UTC);
            int start = f.sim.requests().size();
            List<String> expected = sorted(pull.pull(REFERENCE, null));
            int requests = f.sim.requests().size() - start;
            assertThat(expected).hasSizeGreaterThan(LEARNERS.size());
            assertThat(requests).isGreaterThan(2);

            Tally t = new Tally();
            for (int k = 0; k < KINDS.size(); k++) {
                Kind kind = KINDS.get(k);
                for (int n : points(requests, k)) {
                    String what = kind.name() + " at request " + (n + 1) + " of " + requests + " of the pull";
                    int from = f.sim.requests().size();
                    f.sim.faults().after(n, kind.fault().get());
                    List<LearnerEvent> pulled = new ArrayList<>();
                    Throwable failure = catchThrowable(() -> pulled.addAll(pull.pull(REFERENCE, null)));
                    assertThat(faulted(f.sim, from)).as("%s: the fault was injected", what).isTrue();
                    t.injected++;
                    t.perKind.merge(kind.name(), 1, Integer::sum);
                    if (failure != null) {
                        clearError(failure, f.sim.token(), what);
                        t.stopped++;
                        repair(f.sim);
                        pulled.clear();
                        pulled.addAll(pull.pull(REFERENCE, null));
                    }
                    repair(f.sim);
                    List<String> got = sorted(pulled);
                    Map<String, Integer> missing = new HashMap<>();
                    expected.forEach(e -> missing.merge(e, 1, Integer::sum));
                    int extra = 0;
                    for (String e : got) {
                        if (missing.merge(e, -1, Integer::sum) < 0) {
                            extra++;
                        }
                    }
                    t.duplicates += extra;
                    t.lost += missing.values().stream().filter(v -> v > 0).mapToInt(Integer::intValue).sum();
                    assertThat(got).as(what).isEqualTo(expected);
                    t.converged++;
                }
            }
            System.out.println(t.line("pull"));
            assertThat(t.injected).isEqualTo(java.util.stream.IntStream.range(0, KINDS.size())
                    .map(k -> points(requests, k).size()).sum());
            assertThat(t.converged).isEqualTo(t.injected);
            assertThat(t.duplicates).isZero();
            assertThat(t.lost).isZero();
        }
    }

    private static List<String> sorted(List<LearnerEvent> events) {
        return events.stream().map(String::valueOf).sorted().toList();
    }
}
