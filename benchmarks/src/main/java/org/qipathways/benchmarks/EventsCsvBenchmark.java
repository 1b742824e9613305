package org.qipathways.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.qipathways.programme.Programme;
import org.qipathways.record.EventsCsv;
import org.qipathways.record.ReadOptions;

/**
 * Reading and checking events.csv: events per second for a generated region of 20,000 learners
 * (divide the score, in files per second, by {@link #events}, printed at setup).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class EventsCsvBenchmark {

    Programme programme;
    Region region;
    long events;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        programme = Programme.reference();
        region = Region.generate(20_000, 42);
        try (var lines = Files.lines(region.events)) {
            events = lines.count() - 1;
        }
        System.out.println("events.csv rows: " + events);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        region.close();
    }

    @Benchmark
    public int readEvents() {
        return EventsCsv.read(region.events, programme, ReadOptions.STRICT).rows().size();
    }
}
