package org.qipathways.benchmarks.figures;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Stream;
import org.qipathways.benchmarks.figures.ChildJvm.ScenarioFailed;
import org.qipathways.benchmarks.figures.Figure.Target;
import org.qipathways.programme.Programme;
import org.qipathways.progress.Detail;
import org.qipathways.progress.Evaluator;
import org.qipathways.record.EventsCsv;
import org.qipathways.record.Learner;
import org.qipathways.record.LearnerEvent;
import org.qipathways.record.LearnerRecord;
import org.qipathways.record.LearnersCsv;
import org.qipathways.record.ReadOptions;
import org.qipathways.samples.generate.RegionConfig;
import org.qipathways.samples.generate.RegionGenerator;

/**
 * The scenarios of issue 14's targets, each measured with warm-up runs and then repeats whose
 * median is reported. Work happens in a temporary directory that is removed afterwards.
 */
final class Scenarios {

    /** The fixed end of the generated history and the date learners are judged on. */
    static final LocalDate AS_OF = LocalDate.of(2026, 11, 1);
    private static final long SEED = 1;

    private final Settings settings;
    private final Path work;
    private final ChildJvm jvm;
    private final List<Figure> figures = new ArrayList<>();

    /** How big and how often. */
    record Settings(String mode, int learners, int certifyLearners, int demoLearners, int warmups, int repeats,
            int warmupSecondsInMemory) {
        static final Settings FULL = new Settings("full", 1_000_000, 50_000, 20_000, 1, 3, 20);
        static final Settings QUICK = new Settings("quick", 20_000, 2_000, 2_000, 1, 3, 4);
    }

    Scenarios(Settings settings, Path work) {
        this.settings = settings;
        this.work = work;
        this.jvm = new ChildJvm(work);
    }

    List<Figure> runAll(java.util.function.Consumer<String> progress) {
        Path region = work.resolve("region");
        progress.accept("generating " + settings.learners() + " learners (seed " + SEED + ")");
        generate(region, settings.learners());
        progress.accept("in memory: loading and evaluating");
        inMemory(region);
        progress.accept("from files: bare read+split, qip evaluate, qip report");
        fromFiles(region);
        Path small = work.resolve("certify-region");
        progress.accept("qip certify: " + settings.certifyLearners() + " learners into a fresh SQLite register");
        generate(small, settings.certifyLearners());
        certify(small);
        progress.accept("qip demo: " + settings.demoLearners() + " learners, as the launcher runs it (-Xmx1g)");
        demo();
        return figures;
    }

    private static void generate(Path dir, int learners) {
        try {
            RegionGenerator.of(new RegionConfig(learners, SEED, AS_OF)).writeTo(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Learners per second evaluated in memory, and the heap the loaded records retain per event. */
    private void inMemory(Path region) {
        Programme programme = Programme.reference();
        Evaluator evaluator = Evaluator.of(programme);
        long before = usedHeapAfterGc();
        List<Learner> learners = LearnersCsv.read(region.resolve(RegionGenerator.LEARNERS_FILE), ReadOptions.STRICT).rows();
        List<LearnerEvent> rows = EventsCsv.read(region.resolve(RegionGenerator.EVENTS_FILE), programme, ReadOptions.STRICT).rows();
        List<LearnerRecord> records = new ArrayList<>(LearnerRecord.group(learners, rows).values());
        long events = rows.size();
        rows = null; // what stays is what an evaluation holds: the learners and their records
        long retained = usedHeapAfterGc() - before;
        figures.add(new Figure("memory.retainedPerEvent", (double) retained / events, "B/event", Target.atMost(32), null,
                List.of(), null));
        for (Detail detail : new Detail[] {Detail.STATUSES, Detail.FULL}) {
            for (int threads : new int[] {1, 2}) {
                // the JIT needs seconds, not one pass over a small region, to reach its steady state
                long warmUntil = System.nanoTime() + settings.warmupSecondsInMemory() * 1_000_000_000L;
                while (System.nanoTime() < warmUntil) {
                    evaluator.evaluateEach(records.iterator(), AS_OF, threads, detail, p -> { });
                }
                List<Double> perSecond = repeat(() -> {
                    LongAdder seen = new LongAdder();
                    long start = System.nanoTime();
                    evaluator.evaluateEach(records.iterator(), AS_OF, threads, detail, p -> seen.increment());
                    double s = (System.nanoTime() - start) / 1e9;
                    if (seen.sum() != records.size()) {
                        throw new IllegalStateException("evaluated " + seen.sum() + " of " + records.size());
                    }
                    return records.size() / s;
                });
                Target target = threads == 1 ? null : Target.atLeast(detail == Detail.FULL ? 1_000_000 : 2_000_000);
                figures.add(Figure.median("evaluate.memory." + detail.name().toLowerCase(java.util.Locale.ROOT) + "." + threads
                        + "threads.learnersPerSecond", perSecond, "learners/s", target));
            }
        }
        java.lang.ref.Reference.reachabilityFence(learners);
    }

    /** {@code qip evaluate} and {@code qip report} in their own JVMs, against a bare read of the same files. */
    private void fromFiles(Path region) {
        String learners = region.resolve(RegionGenerator.LEARNERS_FILE).toString();
        String events = region.resolve(RegionGenerator.EVENTS_FILE).toString();
        Figure bare = child("bare.readSplit.seconds", BareReadSplit.class.getName(), List.of(learners, events), null);
        Figure statuses = child("evaluate.files.noUnmet.seconds", ChildJvm.QIP, List.of("evaluate", "--learners", learners,
                "--events", events, "--as-of", AS_OF.toString(), "--no-unmet", "--out", work.resolve("status.csv").toString()), null);
        figures.add(Figure.ratio("evaluate.files.noUnmet.ratioToBare", statuses, bare, Target.atMost(1.5)));
        Figure evaluate = child("evaluate.files.seconds", ChildJvm.QIP, List.of("evaluate", "--learners", learners,
                "--events", events, "--as-of", AS_OF.toString(), "--out", work.resolve("status.csv").toString()), null);
        figures.add(Figure.ratio("evaluate.files.ratioToBare", evaluate, bare, Target.atMost(3)));
        Figure report = child("report.files.seconds", ChildJvm.QIP, List.of("report", "--learners", learners,
                "--events", events, "--as-of", AS_OF.toString(), "--out", work.resolve("report").toString()), null);
        figures.add(Figure.ratio("report.files.ratioToEvaluate", report, evaluate, Target.atMost(1.5)));
    }

    /** Certificates per second issued into a fresh SQLite register, their files included. */
    private void certify(Path region) {
        Path keys = work.resolve("keys");
        jvm.seconds(ChildJvm.QIP, List.of("keys", "generate", "--out", keys.toString()));
        long[] issued = new long[1];
        List<Double> perSecond;
        try {
            perSecond = repeat(() -> {
                Path register = work.resolve("register.db");
                Path out = work.resolve("certificates");
                for (String suffix : new String[] {"", "-wal", "-shm"}) {
                    Files.deleteIfExists(Path.of(register + suffix));
                }
                delete(out);
                double s = jvm.seconds(ChildJvm.QIP, List.of("certify",
                        "--learners", region.resolve(RegionGenerator.LEARNERS_FILE).toString(),
                        "--events", region.resolve(RegionGenerator.EVENTS_FILE).toString(),
                        "--as-of", AS_OF.toString(), "--key", keys.resolve("issuer-private.pem").toString(),
                        "--register", "jdbc:sqlite:" + register, "--out", out.toString(),
                        "--status-list-url", "https://academy.example.org/status/qip.jwt"));
                try (Stream<Path> files = Files.list(out)) {
                    issued[0] = files.filter(f -> f.getFileName().toString().endsWith(".ob3.jwt")).count();
                }
                return issued[0] / s;
            });
        } catch (ScenarioFailed e) {
            figures.add(Figure.failed("certify.certificatesPerSecond", "certificates/s", Target.atLeast(5_000), e.getMessage()));
            return;
        }
        figures.add(Figure.median("certify.certificatesPerSecond", perSecond, "certificates/s", Target.atLeast(5_000)));
        figures.add(new Figure("certify.certificates", issued[0], "certificates", null, null, List.of(), null));
    }

    /**
     * {@code qip demo} end to end as {@code samples/target/qip} runs it (a 1 GB heap bound): wall
     * time and peak resident memory. The targets (under 30 s and 1.5 GB) are for 20,000 learners.
     */
    private void demo() {
        boolean full = settings.demoLearners() == 20_000;
        List<Double> seconds = new ArrayList<>();
        List<Double> resident = new ArrayList<>();
        // --quick runs it once, to stay within its two minutes
        int runs = full ? settings.warmups() + settings.repeats() : 1;
        int skip = full ? settings.warmups() : 0;
        try {
            for (int i = 0; i < runs; i++) {
                Path out = work.resolve("demo");
                delete(out);
                ChildJvm.Run r = jvm.run(ChildJvm.QIP, List.of("-Xmx1g"), List.of("demo", "--learners",
                        Integer.toString(settings.demoLearners()), "--as-of", AS_OF.toString(), "--out", out.toString()));
                seconds.add(r.seconds());
                resident.add(r.peakResidentBytes() / 1e9);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ScenarioFailed e) {
            figures.add(Figure.failed("demo.seconds", "s", full ? Target.atMost(30) : null, e.getMessage()));
            return;
        }
        figures.add(Figure.median("demo.seconds", seconds.subList(skip, seconds.size()), "s", full ? Target.atMost(30) : null));
        figures.add(Figure.median("demo.peakResident", resident.subList(skip, resident.size()), "GB",
                full ? Target.atMost(1.5) : null));
    }

    private Figure child(String name, String mainClass, List<String> args, Target target) {
        try {
            Figure f = Figure.median(name, repeat(() -> jvm.seconds(mainClass, args)), "s", target);
            figures.add(f);
            return f;
        } catch (ScenarioFailed e) {
            Figure f = Figure.failed(name, "s", target, e.getMessage());
            figures.add(f);
            return f;
        }
    }

    private interface Run {
        double once() throws Exception;
    }

    private List<Double> repeat(Run run) {
        List<Double> out = new ArrayList<>();
        try {
            for (int i = 0; i < settings.warmups(); i++) {
                run.once();
            }
            for (int i = 0; i < settings.repeats(); i++) {
                out.add(run.once());
            }
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    private static long usedHeapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
