package org.qipathways.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.qipathways.programme.Programme;
import org.qipathways.record.EventsCsv;
import org.qipathways.record.Learner;
import org.qipathways.record.LearnersCsv;
import org.qipathways.record.LearnerEvent;
import org.qipathways.record.LearnerRecord;
import org.qipathways.record.ReadOptions;
import org.qipathways.samples.generate.RegionConfig;
import org.qipathways.samples.generate.RegionGenerator;

/** A generated region written to a temporary directory, shared by the benchmarks' setup. */
final class Region implements AutoCloseable {
    /** The fixed end of the generated history and the date learners are judged on. */
    static final LocalDate AS_OF = LocalDate.of(2026, 11, 1);

    final Path dir;
    final Path events;

    private Region(Path dir) {
        this.dir = dir;
        this.events = dir.resolve(RegionGenerator.EVENTS_FILE);
    }

    static Region generate(int learners, long seed) {
        try {
            Path dir = Files.createTempDirectory("qip-bench");
            RegionGenerator.of(new RegionConfig(learners, seed, AS_OF)).writeTo(dir);
            return new Region(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every learner of learners.csv with their events, as the command line reads them. */
    List<LearnerRecord> records(Programme programme) {
        List<Learner> learners = LearnersCsv.read(dir.resolve(RegionGenerator.LEARNERS_FILE), ReadOptions.STRICT).rows();
        List<LearnerEvent> rows = EventsCsv.read(events, programme, ReadOptions.STRICT).rows();
        return new ArrayList<>(LearnerRecord.group(learners, rows).values());
    }

    @Override
    public void close() {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
