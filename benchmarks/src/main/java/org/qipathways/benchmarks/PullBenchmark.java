package org.qipathways.benchmarks;

import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.qipathways.competency.ProficiencyLevel;
import org.qipathways.moodle.MoodleClient;
import org.qipathways.moodle.MoodleConfig;
import org.qipathways.moodle.MoodleToken;
import org.qipathways.moodle.simulator.MoodleSimulator;
import org.qipathways.moodle.simulator.SimulatorSeeder;
import org.qipathways.moodle.sync.EventPull;
import org.qipathways.moodle.sync.LearnerSync;
import org.qipathways.moodle.sync.ProgrammeSync;
import org.qipathways.moodle.sync.SyncOptions;
import org.qipathways.programme.Programme;
import org.qipathways.progress.Evaluator;
import org.qipathways.record.EventsCsv;
import org.qipathways.record.Learner;
import org.qipathways.record.LearnerEvent;
import org.qipathways.record.LearnerRecord;
import org.qipathways.record.LearnersCsv;
import org.qipathways.record.ReadOptions;
import org.qipathways.samples.generate.RegionGenerator;

/**
 * Pulling learners' records back from Moodle ({@link EventPull}) over HTTP from the in-process
 * simulator, as {@code qip demo} does: a generated region of 2,000 learners synced and seeded once,
 * then pulled whole per operation (about 8,000 per-user completion calls travelling in bundles of
 * 50). {@code maxConcurrentRequests} 1 sends bundles one at a time; 4 is the client's default.
 * The simulator shares the machine, so this measures client and site together, as the demo sees them.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 10)
@Measurement(iterations = 5, time = 10)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class PullBenchmark {

    @Param({"1", "4"})
    int maxConcurrentRequests;

    Programme programme;
    Region region;
    MoodleSimulator moodle;
    MoodleClient client;
    EventPull pull;

    @Setup(Level.Trial)
    public void setUp() {
        programme = Programme.reference();
        region = Region.generate(2_000, 42);
        List<Learner> learners = LearnersCsv.read(region.dir.resolve(RegionGenerator.LEARNERS_FILE), ReadOptions.STRICT).rows();
        List<LearnerEvent> events = EventsCsv.read(region.events, programme, ReadOptions.STRICT).rows();
        List<LearnerRecord> records = List.copyOf(LearnerRecord.group(learners, events).values());
        moodle = MoodleSimulator.start();
        var scale = programme.framework().scale();
        long scaleId = moodle.site().addScale(scale.name(), scale.levels().stream().map(ProficiencyLevel::name).toList());
        SyncOptions options = SyncOptions.defaults().withScaleId(scaleId);
        client = MoodleClient.create(MoodleConfig.builder(moodle.url(), MoodleToken.of(moodle.token()))
                .maxConcurrentRequests(maxConcurrentRequests).build());
        new ProgrammeSync(client, options).apply(programme);
        new LearnerSync(client, options).apply(programme, learners,
                LearnerSync.firstTierToDo(Evaluator.of(programme).evaluateAll(records, Region.AS_OF)));
        SimulatorSeeder.seed(moodle.site(), programme, events);
        pull = new EventPull(client, options, ZoneOffset.UTC);
        System.out.println("events pulled per operation: " + pull.pull(programme, null).size());
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        client.close();
        moodle.close();
        region.close();
    }

    @Benchmark
    public int pull() {
        return pull.pull(programme, null).size();
    }
}
