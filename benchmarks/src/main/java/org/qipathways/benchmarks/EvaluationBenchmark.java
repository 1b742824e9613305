package org.qipathways.benchmarks;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.qipathways.programme.Programme;
import org.qipathways.progress.Detail;
import org.qipathways.progress.Evaluator;
import org.qipathways.record.LearnerRecord;

/**
 * Learners evaluated per second on the reference programme over a generated region of 100,000
 * learners, on 1 and 2 threads. Scores are per learner (operations per invocation = learners), so
 * {@code -prof gc}'s {@code gc.alloc.rate.norm} is the allocation per learner evaluated.
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar EvaluationBenchmark -prof gc
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class EvaluationBenchmark {

    static final int LEARNERS = 100_000;

    @Param({"1", "2"})
    int threads;

    /** How much of the explanation is built: FULL as the API's default, STATUSES as qip evaluate --no-unmet. */
    @Param({"FULL", "UNMET", "STATUSES"})
    Detail detail;

    Evaluator evaluator;
    List<LearnerRecord> records;

    @Setup(Level.Trial)
    public void setUp() {
        Programme programme = Programme.reference();
        try (Region region = Region.generate(LEARNERS, 42)) {
            records = region.records(programme);
        }
        if (records.size() != LEARNERS) {
            throw new IllegalStateException("expected " + LEARNERS + " learners, read " + records.size());
        }
        evaluator = Evaluator.of(programme);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        records = null;
    }

    /** As the command line runs it: results streamed in input order to a consumer, not all kept. */
    @Benchmark
    @OperationsPerInvocation(LEARNERS)
    public void evaluateRegion(Blackhole sink) {
        evaluator.evaluateEach(records.iterator(), Region.AS_OF, threads, detail, sink::consume);
    }
}
