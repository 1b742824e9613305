package org.qipathways.samples.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import org.qipathways.samples.generate.RegionConfig;
import org.qipathways.samples.generate.RegionGenerator;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code qip generate}: writes a deterministic synthetic region, {@code learners.csv} and
 * {@code events.csv}, for the reference programme.
 * <pre>{@code
 * qip generate --learners 100000 --seed 7 --end 2025-03-31 --out region/
 * }</pre>
 * Without {@code --end} the history ends today: the only place the clock is read, so the
 * generator itself stays a pure function of its options.
 */
@Command(name = "generate",
        description = {
                "Write a synthetic region for the reference programme: learners.csv (trusts of Yorkshire "
                        + "and the Humber by ICB, staff groups, bands, teams) and events.csv (three years of "
                        + "Bronze, Silver and Gold training ending on the end date), and organisations.csv (the "
                        + "trusts' names, for qip report --organisations).",
                "The same learners, seed and end date always give byte-identical files."},
        footer = {"", "Exit codes: 0 done; 1 the files could not be written; 2 bad usage."})
final class GenerateCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--learners", required = true, paramLabel = "N",
            description = "How many learners, at least 1.")
    private int learners;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S",
            description = "Seed for the random choices; another seed gives another region of the same shape. "
                    + "Default: ${DEFAULT-VALUE}.")
    private long seed;

    @Option(names = "--end", paramLabel = "DATE", converter = IsoDate.class,
            description = "The last day of the three-year history (YYYY-MM-DD). Default: today.")
    private LocalDate end;

    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "Directory to write learners.csv, events.csv and organisations.csv into; created when missing, "
                    + "files of those names are replaced.")
    private Path out;

    private final Clock clock;

    /** The command as picocli creates it: the history ends today unless {@code --end} says otherwise. */
    public GenerateCommand() {
        this(Clock.systemDefaultZone());
    }

    /** For tests: {@code clock} decides what "today" is. */
    GenerateCommand(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Integer call() {
        CommandLine cmd = spec.commandLine();
        if (learners < 1) {
            throw new ParameterException(cmd, "--learners must be at least 1, was " + learners);
        }
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new ParameterException(cmd, "--out " + out + " is a file; give a directory");
        }
        RegionConfig config = new RegionConfig(learners, seed, end != null ? end : LocalDate.now(clock));
        PrintWriter err = cmd.getErr();
        boolean terminal = System.console() != null;
        RegionGenerator generator = RegionGenerator.of(config);
        if (terminal) {
            generator = generator.withProgress(done -> {
                err.print("\rgenerating: " + done + " of " + learners + " " + Plural.of(learners, "learner"));
                err.flush();
            });
        }
        RegionGenerator.Summary summary;
        try {
            summary = generator.writeTo(out);
        } catch (IOException e) {
            throw QipException.cannotWrite("the region to " + out, e);
        }
        if (terminal) {
            err.println();
        }
        Path names = out.resolve(ORGANISATIONS_FILE);
        try {
            writeOrganisations(names);
        } catch (IOException e) {
            throw QipException.cannotWrite("the organisation names to " + names, e);
        }
        PrintWriter stdout = cmd.getOut();
        stdout.println("wrote " + summary.learners() + " " + Plural.of(summary.learners(), "learner") + " to "
                + out.resolve(RegionGenerator.LEARNERS_FILE) + " and " + summary.events() + " "
                + Plural.of(summary.events(), "event") + " to " + out.resolve(RegionGenerator.EVENTS_FILE));
        stdout.println("wrote the names of " + RegionGenerator.organisationNames().size() + " organisations to " + names
                + " (for qip report --organisations)");
        stdout.println("history " + config.firstDay() + " to " + config.end() + ", seed " + seed);
        stdout.flush();
        return ExitCodes.OK;
    }

    /** The names file {@code qip report --organisations} reads: organisation,name, one row per trust. */
    static final String ORGANISATIONS_FILE = "organisations.csv";

    private static void writeOrganisations(Path file) throws IOException {
        StringBuilder sb = new StringBuilder("organisation,name\r\n");
        for (java.util.Map.Entry<String, String> e : RegionGenerator.organisationNames().entrySet()) {
            sb.append(org.qipathways.record.SpreadsheetSafe.cell(e.getKey())).append(',')
                    .append(org.qipathways.record.SpreadsheetSafe.cell(e.getValue())).append("\r\n");
        }
        Path part = file.resolveSibling(file.getFileName() + ".part");
        Files.writeString(part, sb, java.nio.charset.StandardCharsets.UTF_8);
        Files.move(part, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
}
