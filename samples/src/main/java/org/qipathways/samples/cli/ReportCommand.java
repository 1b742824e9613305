package org.qipathways.samples.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.qipathways.certification.RegisterException;
import org.qipathways.certification.jdbc.JdbcCertificateRegister;
import org.qipathways.programme.Programme;
import org.qipathways.progress.Evaluator;
import org.qipathways.record.LearnerRecord;
import org.qipathways.report.Disclosure;
import org.qipathways.report.ProgressionReport;
import org.qipathways.report.ReportOptions;
import org.qipathways.samples.report.ReportWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code qip report}: the analysts' progression report, an HTML page with charts and a CSV file per
 * table, with NHS Digital's small-number rule applied unless told otherwise.
 * <pre>{@code
 * $ qip report --events events.csv --learners learners.csv --as-of 2026-03-31 --out report
 * $ qip report --events events.csv --learners learners.csv --register register.db --organisation RHQ --out rhq
 * }</pre>
 */
@Command(name = "report",
        description = {"The analysts' progression report: report.html (one self-contained page with charts, opens offline)"
                + " and a CSV file per table in DIR.",
                "Counts follow NHS Digital's small-number rule by default: 1 to 7 shown as *, others rounded to the"
                        + " nearest 5, rates and medians over 7 or fewer people withheld."},
        footer = {"", "Exit codes: 0 done; 1 DIR cannot be written; 2 bad input (every problem listed on stderr, nothing"
                + " written) or bad usage."},
        modelTransformer = ReportCommand.LearnersRequired.class)
final class ReportCommand implements Callable<Integer> {

    /**
     * The report needs learners.csv, which {@link LearnerInput} leaves optional for the other commands:
     * made required here, so that usage, help and parsing all say so.
     */
    static final class LearnersRequired implements CommandLine.IModelTransformer {
        @Override
        public CommandSpec transform(CommandSpec spec) {
            OptionSpec learners = spec.findOption("--learners");
            spec.remove(learners);
            spec.addOption(learners.toBuilder().required(true).description("Learners: learners.csv"
                    + " (learner_id,organisation,...): the report groups them by organisation, ICB, staff group and band,"
                    + " and counts those with no events too.").build());
            return spec;
        }
    }

    @Mixin
    ProgrammeOption programme;

    @Mixin
    LearnerInput input;

    @Mixin
    AsOfOption asOf;

    @Option(names = "--out", paramLabel = "DIR", required = true,
            description = "Where to write report.html and the CSV tables; created when needed.")
    Path out;

    @Option(names = "--no-suppression",
            description = "Exact counts, for internal use only; the report says so on every page.")
    boolean noSuppression;

    @Option(names = "--suppression-threshold", paramLabel = "N",
            description = "Counts from 1 to N are shown as *; rates and medians over N or fewer people are withheld."
                    + " Default: 7 (NHS Digital); 9 gives the stricter fewer-than-10 rule.")
    Integer threshold;

    @Option(names = "--rounding-base", paramLabel = "N",
            description = "Other counts are rounded to the nearest multiple of N. Default: 5. With 1, counts are exact"
                    + " and a second count is suppressed wherever a total would give a suppressed one away.")
    Integer roundingBase;

    @Option(names = "--register", paramLabel = "FILE",
            description = "The certificate register to count certificates from (a SQLite file, or a JDBC URL; read only,"
                    + " never created). Without it the report says that no register was given and counts no certificate.")
    String register;

    @Option(names = "--organisations", paramLabel = "FILE",
            description = "Organisation names: a CSV file with the columns organisation (ODS code) and name. Without it,"
                    + " names come from learners.csv's organisation_name column when it has one.")
    Path organisations;

    @Option(names = "--organisation", paramLabel = "CODE",
            description = "Report on one organisation's learners (ODS code, as in learners.csv), with the region as"
                    + " comparison.")
    String organisation;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (System.getProperty("java.awt.headless") == null) {
            // Charts are drawn with Java 2D into SVG: no display is needed, or wanted.
            System.setProperty("java.awt.headless", "true");
        }
        Disclosure disclosure = disclosure();
        if (organisation != null && !ReportOptions.allowsOneOrganisation(disclosure)) {
            throw new ParameterException(spec.commandLine(), "--organisation cannot be combined with --rounding-base 1: "
                    + ReportOptions.ONE_ORGANISATION_EXACT);
        }
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw QipException.badInput("--out " + out + " is a file; give a directory");
        }
        PrintWriter err = spec.commandLine().getErr();
        boolean terminal = System.console() != null;
        long t0 = System.nanoTime();
        Programme p = programme.programme();
        progress(terminal, err, "reading " + input.learners + " and " + input.events);
        List<LearnerRecord> records = input.read(p, err);
        LocalDate date = asOf.date();
        progress(terminal, err, String.format(Locale.ROOT, "evaluating %,d %s as of %s and a year before",
                records.size(), Plural.of(records.size(), "learner"), date));
        ReportOptions options = ReportOptions.defaults().withOrganisationNames(names());
        if (organisation != null) {
            String code = organisation.strip().toUpperCase(Locale.ROOT);
            if (input.learnerRows.stream().noneMatch(l -> l.organisation().equals(code))) {
                throw new ParameterException(spec.commandLine(), "--organisation " + organisation + ": no learner in "
                        + input.learners + " has organisation " + code);
            }
            options = options.withOrganisation(code);
        }
        if (register != null) {
            options = options.withCertificates(certificates(p));
        }
        // counted while evaluating: no learner's progress is kept, so a million learners fit the default heap
        ProgressionReport report = ProgressionReport.evaluate(Evaluator.of(p), records, input.learnerRows, date,
                Runtime.getRuntime().availableProcessors(), disclosure, options);
        progress(terminal, err, "writing " + out.resolve(ReportWriter.HTML_FILE) + " and its tables");
        List<Path> files;
        try {
            files = ReportWriter.write(report, out);
        } catch (IOException e) {
            throw QipException.cannotWrite("the report to " + out, e);
        }
        long tables = files.stream().filter(f -> f.toString().endsWith(".csv")).count();
        err.printf(Locale.ROOT, "report on %,d %s as of %s: %s and %d CSV %s written to %s in %.1f s%n",
                records.size(), Plural.of(records.size(), "learner"), date, ReportWriter.HTML_FILE, tables,
                Plural.of(tables, "table"), out, (System.nanoTime() - t0) / 1e9);
        err.println(disclosure.method());
        err.flush();
        return ExitCodes.OK;
    }

    private Map<String, String> names() {
        if (organisations != null) {
            return OrganisationNames.read(organisations, "name", false);
        }
        return OrganisationNames.read(input.learners, OrganisationNames.LEARNERS_COLUMN, true);
    }

    /** The programme's certificates from --register, read only; the source named without any password. */
    private ReportOptions.Certificates certificates(Programme p) {
        try (JdbcCertificateRegister r = RegisterOption.openForReading(register)) {
            String where = register.startsWith("jdbc:") ? register.replaceFirst("\\?.*$", "") : register;
            return ReportOptions.Certificates.of("the certificate register " + where, r.certificates(p.code()));
        } catch (RegisterException e) {
            throw QipException.badInput("cannot read the certificate register " + register + ": " + e.getMessage(), e);
        }
    }

    /** On a terminal only: what the command is doing, since a million learners take a while. */
    private static void progress(boolean terminal, PrintWriter err, String what) {
        if (terminal) {
            err.println(what + "...");
            err.flush();
        }
    }

    private Disclosure disclosure() {
        if (noSuppression) {
            if (threshold != null || roundingBase != null) {
                throw new ParameterException(spec.commandLine(),
                        "--no-suppression cannot be combined with --suppression-threshold or --rounding-base");
            }
            return Disclosure.NONE;
        }
        int t = threshold == null ? Disclosure.NHS_DIGITAL.threshold() : threshold;
        int b = roundingBase == null ? Disclosure.NHS_DIGITAL.roundingBase() : roundingBase;
        if (t < 0) {
            throw new ParameterException(spec.commandLine(), "--suppression-threshold must be 0 or more, was " + t);
        }
        if (b < 1) {
            throw new ParameterException(spec.commandLine(), "--rounding-base must be 1 or more, was " + b);
        }
        return new Disclosure(t, b);
    }
}
