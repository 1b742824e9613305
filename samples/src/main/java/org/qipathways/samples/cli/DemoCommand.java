package org.qipathways.samples.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.qipathways.certification.Certifier;
import org.qipathways.certification.CertifyReport;
import org.qipathways.certification.jdbc.JdbcCertificateRegister;
import org.qipathways.competency.ProficiencyLevel;
import org.qipathways.moodle.MoodleClient;
import org.qipathways.moodle.MoodleConfig;
import org.qipathways.moodle.MoodleToken;
import org.qipathways.moodle.simulator.MoodleSimulator;
import org.qipathways.moodle.simulator.SimulatorSeeder;
import org.qipathways.moodle.sync.EventPull;
import org.qipathways.moodle.sync.PullSummary;
import org.qipathways.moodle.sync.PulledEvents;
import org.qipathways.moodle.sync.LearnerSync;
import org.qipathways.moodle.sync.OutcomePublisher;
import org.qipathways.moodle.sync.ProgrammeSync;
import org.qipathways.moodle.sync.SyncOptions;
import org.qipathways.moodle.sync.SyncPlan;
import org.qipathways.programme.Programme;
import org.qipathways.progress.Evaluator;
import org.qipathways.progress.Progress;
import org.qipathways.progress.TierProgress;
import org.qipathways.progress.TierStatus;
import org.qipathways.record.EventsCsv;
import org.qipathways.record.Learner;
import org.qipathways.record.LearnerEvent;
import org.qipathways.record.LearnerRecord;
import org.qipathways.record.LearnersCsv;
import org.qipathways.record.ReadOptions;
import org.qipathways.record.ReadResult;
import org.qipathways.report.Disclosure;
import org.qipathways.report.ProgressionReport;
import org.qipathways.report.ReportInput;
import org.qipathways.report.ReportOptions;
import org.qipathways.samples.generate.RegionConfig;
import org.qipathways.samples.generate.RegionGenerator;
import org.qipathways.samples.report.ReportWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code qip demo}: the whole loop on the embedded default, with nothing to install or configure:
 * generate a synthetic region, sync the programme and learners into an in-process simulated Moodle,
 * record their activity there, pull it back, evaluate, certify into an embedded SQLite register,
 * publish the certified cohorts to Moodle, and write the statuses and the progression report.
 * <pre>{@code
 * $ qip demo --learners 20000 --out qip-demo
 * }</pre>
 */
@Command(name = "demo",
        description = {"The whole loop on the embedded default: generate a synthetic region, sync it into a simulated"
                + " Moodle, record the learners' activity there and pull it back, evaluate every learner against the"
                + " bundled Bronze/Silver/Gold programme, certify into an embedded SQLite register, publish the"
                + " certified cohorts, and write the results and the progression report."},
        footer = {"", "Exit codes: 0 done; 1 a step failed (e.g. the output directory cannot be written); 2 bad usage."})
final class DemoCommand implements Callable<Integer> {

    @Option(names = "--learners", paramLabel = "N", defaultValue = "20000",
            description = "Learners in the synthetic region. Default: ${DEFAULT-VALUE}.")
    int learners;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Random seed. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Mixin
    AsOfOption asOf;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "qip-demo",
            description = "Where to write the region and the results. Default: ${DEFAULT-VALUE}.")
    Path out;

    @Option(names = "--no-suppression",
            description = "Show exact counts (internal use only). Default: NHS Digital's small-number rule.")
    boolean noSuppression;

    @Spec
    CommandSpec spec;

    private PrintWriter o;
    private long mark;
    private boolean terminal;
    /** The width of the progress line on the terminal, to clear it. */
    private int shown;

    @Override
    public Integer call() throws IOException {
        if (learners < 1) {
            throw QipException.badInput("--learners must be at least 1");
        }
        o = spec.commandLine().getOut();
        terminal = System.console() != null;
        LocalDate date = asOf.date();
        Programme programme = Programme.reference();
        o.printf(Locale.ROOT, "QI Pathways demo: %,d %s in a synthetic Yorkshire and the Humber region, as of %s%n%n",
                learners, Plural.of(learners, "learner"), date);
        mark = System.nanoTime();

        RegionGenerator.Summary generated;
        try {
            generated = RegionGenerator.of(new RegionConfig(learners, seed, date)).writeTo(out);
        } catch (IOException e) {
            throw QipException.cannotWrite("the region to " + out, e);
        }
        step("generate", String.format(Locale.ROOT, "%,d %s and %,d %s into %s", generated.learners(),
                Plural.of(generated.learners(), "learner"), generated.events(), Plural.of(generated.events(), "event"), out));

        ReadResult<Learner> learnerRows = LearnersCsv.read(out.resolve(RegionGenerator.LEARNERS_FILE), ReadOptions.STRICT);
        ReadResult<LearnerEvent> eventRows = EventsCsv.read(out.resolve(RegionGenerator.EVENTS_FILE), programme, ReadOptions.STRICT);
        List<LearnerRecord> generatedRecords = List.copyOf(LearnerRecord.group(learnerRows.rows(), eventRows.rows()).values());
        step("read", "learners.csv (" + learnerRows.counts() + ") and events.csv (" + eventRows.counts() + ")");

        Evaluator evaluator = Evaluator.of(programme);
        // Only each learner's tier statuses are kept, not their explanations: they are held while the
        // simulated Moodle is at its largest, and the demo should run in a bounded heap.
        List<Standing> generatedStatuses = new ArrayList<>(generatedRecords.size());
        Map<String, String> firstTierToDo = new LinkedHashMap<>();
        evaluator.evaluateEach(generatedRecords.iterator(), date, Runtime.getRuntime().availableProcessors(), p -> {
            generatedStatuses.add(Standing.of(p));
            firstTierToDo.putAll(LearnerSync.firstTierToDo(List.of(p)));
        });
        List<Progress> results;
        List<LearnerRecord> records;
        Path registerFile = null;
        try (MoodleSimulator moodle = MoodleSimulator.start()) {
            // As a trust would: programme and learners go into Moodle, the learners' activity is
            // recorded there, and their records come back through the web services.
            var scale = programme.framework().scale();
            long scaleId = moodle.site().addScale(scale.name(), scale.levels().stream().map(ProficiencyLevel::name).toList());
            SyncOptions options = SyncOptions.defaults().withScaleId(scaleId);
            try (MoodleClient client = client(moodle)) {
                showing("sync", "the programme, then " + String.format(Locale.ROOT, "%,d", learnerRows.rows().size())
                        + " " + Plural.of(learnerRows.rows().size(), "learner") + ": accounts, cohorts and enrolments...");
                SyncPlan synced = new ProgrammeSync(client, options).apply(programme)
                        .plus(new LearnerSync(client, options).apply(programme, learnerRows.rows(), firstTierToDo));
                step("sync", "programme and learners into a simulated Moodle at " + moodle.url() + ": " + synced.summary()
                        + String.format(Locale.ROOT, ", %,d requests", client.requestCount()));

                showing("pull", "recording the learners' activity in Moodle...");
                SimulatorSeeder.seed(moodle.site(), programme, eventRows.rows());
                PulledEvents result = new EventPull(client, options, ZoneOffset.UTC)
                        .withProgress((what, done, total) -> showing("pull", String.format(Locale.ROOT,
                                "reading %s: %,d of %,d per-user reads...", what, done, total)))
                        .pullWithSummary(programme, null);
                PullSummary read = result.summary();
                List<LearnerEvent> pulled = new ArrayList<>(result.events());
                step("pull", String.format(Locale.ROOT, "the activity recorded in Moodle back as %,d %s in %,d requests"
                        + " (%,d MB received, %,d bytes an event)", pulled.size(), Plural.of(pulled.size(), "event"),
                        read.requests(), read.bytesReceived() / 1_000_000, read.bytesReceived() / Math.max(1, pulled.size())));

                // Recognised prior learning and revocations are decided outside Moodle, in the trust's own records.
                eventRows.rows().stream().filter(e -> e.type() == LearnerEvent.Type.PRIOR_LEARNING
                        || e.type() == LearnerEvent.Type.REVOKED).forEach(pulled::add);
                records = List.copyOf(LearnerRecord.group(learnerRows.rows(), pulled).values());
                results = evaluator.evaluateAll(records, date);
                step("evaluate", String.format(Locale.ROOT, "%,d %s from Moodle's records; tier statuses equal those of the"
                        + " generated history for %,d of them", results.size(), Plural.of(results.size(), "learner"),
                        sameStatuses(generatedStatuses, results)));

                registerFile = certify(programme, records, date);
                SyncPlan published;
                try (JdbcCertificateRegister register = JdbcCertificateRegister.open("jdbc:sqlite:" + registerFile)) {
                    published = new OutcomePublisher(client).apply(programme,
                            OutcomePublisher.holders(register.certificates(programme.code()), date));
                }
                step("publish", "certified cohorts in Moodle now follow the register: " + published.summary());
            }
        }

        Disclosure disclosure = noSuppression ? Disclosure.NONE : Disclosure.NHS_DIGITAL;
        Path status = out.resolve("status.csv");
        try (Writer w = Files.newBufferedWriter(status, StandardCharsets.UTF_8)) {
            EvaluateCommand.writeCsv(results, w);
        }
        Path reportDir = writeReport(programme, evaluator, records, learnerRows.rows(), results, date, disclosure, registerFile);
        step("write", status + " and the report in " + reportDir);

        o.println();
        o.print(funnel(programme, results, disclosure));
        o.printf("%nReport:  %s%n", reportDir.resolve(ReportWriter.HTML_FILE).toAbsolutePath());
        o.printf("Results: %s (one row per learner and tier); the region's files and register.db are beside it.%n",
                status.toAbsolutePath());
        o.println("Explain one learner: samples/target/qip explain --events "
                + out.resolve(RegionGenerator.EVENTS_FILE) + " --as-of " + date + " --learner " + records.get(0).learnerId());
        o.flush();
        return ExitCodes.OK;
    }

    private static MoodleClient client(MoodleSimulator moodle) {
        // Batches as large as max_input_vars allows: the fewest requests.
        return MoodleClient.create(MoodleConfig.builder(moodle.url(), MoodleToken.of(moodle.token()))
                .maxBatchSize(MoodleConfig.DEFAULT_MAX_INPUT_VARS).build());
    }

    /** Certifies into an embedded SQLite register, started afresh so the demo tells the same story each run. */
    private Path certify(Programme programme, List<LearnerRecord> records, LocalDate date) throws IOException {
        Path registerFile = out.resolve("register.db");
        for (String suffix : new String[] {"", "-wal", "-shm"}) {
            Files.deleteIfExists(out.resolve("register.db" + suffix));
        }
        CertifyReport certified;
        try (JdbcCertificateRegister register = JdbcCertificateRegister.open("jdbc:sqlite:" + registerFile)) {
            certified = Certifier.of(programme, register, Clock.systemUTC(), "qip demo").certify(records, date);
        }
        step("certify", String.format(Locale.ROOT, "issued %,d, renewed %,d, lapsed %,d, revoked %,d into %s",
                certified.issued(), certified.renewed(), certified.lapsed(), certified.revoked(), registerFile));
        return registerFile;
    }

    private Path writeReport(Programme programme, Evaluator evaluator, List<LearnerRecord> records, List<Learner> learnerRows,
                             List<Progress> results, LocalDate date, Disclosure disclosure, Path registerFile) {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true"); // charts are drawn into SVG; no display needed
        }
        Path reportDir = out.resolve("report");
        // The report compares with a year ago; today's statuses are those just evaluated.
        ReportOptions options = ReportOptions.defaults().withOrganisationNames(RegionGenerator.organisationNames());
        if (registerFile != null) {
            // The register just written: the report counts its certificates, and says so.
            try (JdbcCertificateRegister register = JdbcCertificateRegister.openForReading("jdbc:sqlite:" + registerFile)) {
                options = options.withCertificates(ReportOptions.Certificates.of("the certificate register " + registerFile,
                        register.certificates(programme.code())));
            }
        }
        ProgressionReport report = ProgressionReport.of(new ReportInput(programme, date, results,
                evaluator.evaluateAll(records, date.minusYears(1)), learnerRows, records), disclosure, options);
        try {
            ReportWriter.write(report, reportDir);
        } catch (IOException e) {
            throw QipException.cannotWrite("the report to " + reportDir, e);
        }
        return reportDir;
    }

    /** A learner's status, achievement and expiry on every tier, without the explanation behind them. */
    record Standing(String learnerId, List<String> tiers) {
        static Standing of(Progress p) {
            return new Standing(p.learnerId(), p.tiers().stream()
                    .map(t -> t.status() + " " + t.achievedOn() + " " + t.expiresOn()).toList());
        }
    }

    /** How many learners have the same status, achievement and expiry on every tier in both lists (same order). */
    static long sameStatuses(List<Standing> a, List<Progress> b) {
        long same = 0;
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            if (a.get(i).equals(Standing.of(b.get(i)))) {
                same++;
            }
        }
        return same;
    }

    /** Prints one finished step with the time it took. */
    private void step(String name, String what) {
        long now = System.nanoTime();
        showing(null);
        o.printf(Locale.ROOT, "  %-9s %s (%.2f s)%n", name, what, (now - mark) / 1e9);
        o.flush();
        mark = now;
    }

    /**
     * On a terminal, what the step under way is doing, on one line of standard error rewritten in
     * place and cleared when the step's line is printed; nothing when output goes to a file or pipe.
     */
    private void showing(String name, String what) {
        showing(String.format(Locale.ROOT, "  %-9s %s", name, what));
    }

    private void showing(String line) {
        if (!terminal) {
            return;
        }
        PrintWriter err = spec.commandLine().getErr();
        err.print("\r" + " ".repeat(shown) + "\r");
        shown = 0;
        if (line != null) {
            err.print(line);
            shown = line.length();
        }
        err.flush();
    }

    /** Learners per tier and status, with small-number control. */
    static String funnel(Programme programme, List<Progress> results, Disclosure disclosure) {
        Map<String, EnumMap<TierStatus, Long>> byTier = new LinkedHashMap<>();
        programme.tiers().forEach(t -> {
            EnumMap<TierStatus, Long> m = new EnumMap<>(TierStatus.class);
            for (TierStatus s : TierStatus.values()) {
                m.put(s, 0L);
            }
            byTier.put(t.title(), m);
        });
        for (Progress p : results) {
            for (TierProgress t : p.tiers()) {
                byTier.get(t.title()).merge(t.status(), 1L, Long::sum);
            }
        }
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "  %-8s %10s %12s %8s %8s %12s%n", "Tier", "Achieved", "In progress", "Lapsed",
                "Revoked", "Not started"));
        byTier.forEach((tier, m) -> sb.append(String.format(Locale.ROOT, "  %-8s %10s %12s %8s %8s %12s%n", tier,
                disclosure.count(m.get(TierStatus.ACHIEVED)), disclosure.count(m.get(TierStatus.IN_PROGRESS)),
                disclosure.count(m.get(TierStatus.LAPSED)), disclosure.count(m.get(TierStatus.REVOKED)),
                disclosure.count(m.get(TierStatus.NOT_STARTED)))));
        sb.append("  ").append(disclosure.method()).append('\n');
        return sb.toString();
    }
}
