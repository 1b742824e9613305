package org.qipathways.samples.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.qipathways.certification.Certifier;
import org.qipathways.certification.CertifyReport;
import org.qipathways.certification.jdbc.JdbcCertificateRegister;
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
import org.qipathways.samples.report.ReportWriter;
import org.qipathways.samples.generate.RegionConfig;
import org.qipathways.samples.generate.RegionGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code qip demo}: the loop on the embedded default, with nothing to install or configure:
 * generate a synthetic region, read and check its files, evaluate every learner against the
 * bundled programme, write the statuses and print the funnel.
 * <pre>{@code
 * $ qip demo --learners 20000 --out qip-demo
 * }</pre>
 */
@Command(name = "demo",
        description = {"The whole loop on the embedded default: generate a synthetic region, read and check it,"
                + " evaluate every learner against the bundled Bronze/Silver/Gold programme, certify achieved tiers"
                + " into an embedded SQLite register, write the results and the progression report, and print the funnel."},
        footer = {"", "Exit codes: 0 done; 1 the output directory cannot be written; 2 bad usage."})
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

    @Override
    public Integer call() throws IOException {
        if (learners < 1) {
            throw QipException.badInput("--learners must be at least 1");
        }
        PrintWriter o = spec.commandLine().getOut();
        LocalDate date = asOf.date();
        Programme programme = Programme.reference();
        o.printf(Locale.ROOT, "QI Pathways demo: %,d learners in a synthetic Yorkshire and the Humber region, as of %s%n%n",
                learners, date);

        long t0 = System.nanoTime();
        RegionGenerator.Summary generated;
        try {
            generated = RegionGenerator.of(new RegionConfig(learners, seed, date)).writeTo(out);
        } catch (IOException e) {
            throw QipException.failed("cannot write to " + out + ": " + e.getMessage(), e);
        }
        long t1 = System.nanoTime();
        o.printf(Locale.ROOT, "  generate  %,d learners and %,d events in %s%n", generated.learners(), generated.events(), secs(t1 - t0));

        ReadResult<Learner> learnerRows = LearnersCsv.read(out.resolve(RegionGenerator.LEARNERS_FILE), ReadOptions.STRICT);
        ReadResult<LearnerEvent> eventRows = EventsCsv.read(out.resolve(RegionGenerator.EVENTS_FILE), programme, ReadOptions.STRICT);
        List<LearnerRecord> records = List.copyOf(LearnerRecord.group(learnerRows.rows(), eventRows.rows()).values());
        long t2 = System.nanoTime();
        o.printf(Locale.ROOT, "  read      learners.csv (%s) and events.csv (%s) in %s%n", learnerRows.counts(),
                eventRows.counts(), secs(t2 - t1));

        Evaluator evaluator = Evaluator.of(programme);
        List<Progress> results = evaluator.evaluateAll(records, date);
        long t3 = System.nanoTime();
        o.printf(Locale.ROOT, "  evaluate  %,d learners on %d threads in %s (%,.0f learners/s)%n", results.size(),
                Runtime.getRuntime().availableProcessors(), secs(t3 - t2), results.size() / ((t3 - t2) / 1e9));

        // Certify into an embedded SQLite register, started afresh so the demo tells the same story each run.
        Path registerFile = out.resolve("register.db");
        for (String suffix : new String[] {"", "-wal", "-shm"}) {
            Files.deleteIfExists(out.resolve("register.db" + suffix));
        }
        CertifyReport certified;
        try (JdbcCertificateRegister register = JdbcCertificateRegister.open("jdbc:sqlite:" + registerFile)) {
            certified = Certifier.of(programme, register, Clock.systemUTC(), "qip demo").certify(records, date);
        }
        long t4 = System.nanoTime();
        o.printf(Locale.ROOT, "  certify   issued %,d, renewed %,d, lapsed %,d, revoked %,d into %s in %s%n", certified.issued(),
                certified.renewed(), certified.lapsed(), certified.revoked(), registerFile, secs(t4 - t3));

        Path status = out.resolve("status.csv");
        try (Writer w = Files.newBufferedWriter(status, StandardCharsets.UTF_8)) {
            EvaluateCommand.writeCsv(results, w);
        }
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true"); // charts are drawn into SVG; no display needed
        }
        Disclosure disclosure = noSuppression ? Disclosure.NONE : Disclosure.NHS_DIGITAL;
        Path reportDir = out.resolve("report");
        // The report compares with a year ago; today's statuses are those just evaluated.
        ProgressionReport report = ProgressionReport.of(new ReportInput(programme, date, results,
                evaluator.evaluateAll(records, date.minusYears(1)), learnerRows.rows(), records), disclosure);
        try {
            ReportWriter.write(report, reportDir);
        } catch (IOException e) {
            throw QipException.failed("cannot write the report to " + reportDir + ": " + e.getMessage(), e);
        }
        long t5 = System.nanoTime();
        o.printf(Locale.ROOT, "  write     %s and the report in %s (%s)%n%n", status, reportDir, secs(t5 - t4));
        o.print(funnel(programme, results, disclosure));
        o.printf("%nReport:  %s%n", reportDir.resolve(ReportWriter.HTML_FILE).toAbsolutePath());
        o.printf("Results: %s (one row per learner and tier); the region's files are beside it.%n", status.toAbsolutePath());
        o.println("Explain one learner: java -jar samples/target/qip.jar explain --events "
                + out.resolve(RegionGenerator.EVENTS_FILE) + " --as-of " + date + " --learner " + records.get(0).learnerId());
        o.println("Not in the demo yet: the Moodle sync (issues #5 and #6).");
        o.flush();
        return ExitCodes.OK;
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

    private static String secs(long nanos) {
        return String.format(Locale.ROOT, "%.2f s", nanos / 1e9);
    }
}
