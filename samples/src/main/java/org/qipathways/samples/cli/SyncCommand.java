package org.qipathways.samples.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.qipathways.moodle.MoodleClient;
import org.qipathways.moodle.MoodleException;
import org.qipathways.moodle.sync.Change;
import org.qipathways.moodle.sync.LearnerSync;
import org.qipathways.moodle.sync.ProgrammeSync;
import org.qipathways.moodle.sync.SyncOptions;
import org.qipathways.moodle.sync.SyncPlan;
import org.qipathways.programme.Programme;
import org.qipathways.record.InputProblem;
import org.qipathways.record.InvalidInputException;
import org.qipathways.progress.Evaluator;
import org.qipathways.record.Learner;
import org.qipathways.record.LearnerRecord;
import org.qipathways.record.LearnersCsv;
import org.qipathways.record.ReadOptions;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code qip sync}: makes a Moodle site hold the programme (categories, courses, competency
 * framework, learning-plan templates, certified cohorts) and, with {@code --learners}, the learners
 * (users, organisation cohorts, enrolments). {@code --plan} lists what {@code --apply} would do.
 * <pre>{@code
 * $ MOODLE_TOKEN=... qip sync --moodle https://moodle.example.nhs.uk --scale-id 4 --plan
 * create category qip:QIP-BSG: Bronze, Silver and Gold Quality Improvement Pathway
 * ...
 * would create 61, would update 0, would remove 0, unchanged 0
 * }</pre>
 */
@Command(name = "sync",
        description = {"Push the programme (and with --learners, users, organisation cohorts and enrolments) into a"
                + " Moodle site. --plan lists every create and update without writing; --apply makes them.",
                "Objects of ours that the programme no longer has are reported, never deleted (--prune removes"
                + " their course and template competency links only).",
                "The token is read from the MOODLE_TOKEN environment variable."},
        footer = {"", "Exit codes: 0 done (or planned); 1 the site cannot be reached, refused the token, or refused"
                + " some objects (the summary counts them as failed); 2 bad usage (no MOODLE_TOKEN, a bad address,"
                + " bad learners.csv, no --scale-id when the site has no framework yet)."})
final class SyncCommand implements Callable<Integer> {

    static final class Mode {
        @Option(names = "--plan", required = true, description = "List what would change; write nothing.")
        boolean plan;

        @Option(names = "--apply", required = true, description = "Make the changes.")
        boolean apply;
    }

    @Mixin
    MoodleSiteOptions site;

    @Mixin
    MoodleSyncOptions mapping;

    @Mixin
    ProgrammeOption programme;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Mode mode;

    @Option(names = "--learners", paramLabel = "FILE",
            description = "learners.csv: make a user per learner (idnumber = learner id, username in lower case),"
                    + " put each in the cohort of their organisation and enrol them in the first tier's courses (or, with"
                    + " --events, their current tier's).")
    Path learners;

    @Option(names = "--events", paramLabel = "FILE",
            description = "events.csv: enrol each learner in the courses of the first tier they have not achieved"
                    + " (evaluated as of --as-of) instead of the first tier's.")
    Path events;

    @Mixin
    AsOfOption asOf;

    @Option(names = "--prune", description = "Remove course and template competency links the programme no longer has.")
    boolean prune;

    @Spec
    CommandSpec spec;

    private final Function<String, String> environment;

    SyncCommand() {
        this(System::getenv);
    }

    /** A sync reading the token from {@code environment} (tests pass a map). */
    SyncCommand(Function<String, String> environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Programme p = programme.programme();
        List<Learner> rows = learners == null ? List.of() : readLearners(learners, err);
        if (events != null && learners == null) {
            throw QipException.badInput("--events places the learners of --learners in their tiers: give --learners too");
        }
        Map<String, String> tierOf = events == null ? Map.of() : tiers(p, rows, err);
        SyncOptions options = mapping.syncOptions().withPrune(prune);
        boolean terminal = System.console() != null;
        try (MoodleClient client = site.client(environment)) {
            progress(terminal, err, (mode.apply ? "applying" : "planning") + " programme " + p.code() + " on " + client.config().site());
            ProgrammeSync sync = new ProgrammeSync(client, options);
            SyncPlan result = mode.apply ? sync.apply(p) : sync.plan(p);
            result.changes().forEach(out::println);
            if (!rows.isEmpty()) {
                progress(terminal, err, (mode.apply ? "applying " : "planning ") + rows.size() + " "
                        + Plural.of(rows.size(), "learner") + " (" + client.requestCount() + " requests so far)");
                LearnerSync ls = new LearnerSync(client, options);
                SyncPlan l = mode.apply ? ls.apply(p, rows, tierOf) : ls.plan(p, rows, tierOf);
                printGrouped(l.changes(), out);
                result = result.plus(l);
            }
            for (Change o : result.orphans()) {
                out.println(o + " (reported only)");   // pruning removes competency links, which are changes
            }
            progress(terminal, err, client.requestCount() + " requests");
            out.println(mode.apply ? result.summary().toString() : result.summary().toPlanString());
            out.flush();
            return result.failed() > 0 ? ExitCodes.FAILED : ExitCodes.OK;
        } catch (MoodleException e) {
            throw QipException.failed("sync with " + site.moodle + " failed: " + e.getMessage()
                    + " (a rerun picks up where this one stopped)", e);
        } catch (IllegalStateException e) {
            throw QipException.badInput(e.getMessage() + " (--scale-id)", e);
        }
    }

    /** Each learner's first tier not achieved (the last tier when all are), from their events. */
    private Map<String, String> tiers(Programme p, List<Learner> rows, PrintWriter err) {
        LearnerInput input = new LearnerInput();
        input.events = events;
        input.learners = null;
        List<LearnerRecord> records = new ArrayList<>(LearnerRecord.group(rows, input.read(p, err).stream()
                .flatMap(r -> r.events().stream()).toList()).values());
        return LearnerSync.firstTierToDo(Evaluator.of(p).evaluateAll(records, asOf.date()));
    }

    /** Learner changes are many: one line per kind with its count, and the first few keys. */
    private static void printGrouped(List<Change> changes, PrintWriter out) {
        Map<String, List<Change>> byKind = new TreeMap<>();
        changes.forEach(c -> byKind.computeIfAbsent(c.action().name().toLowerCase(java.util.Locale.ROOT) + " " + c.type(),
                k -> new java.util.ArrayList<>()).add(c));
        byKind.forEach((kind, list) -> out.println(kind + ": " + list.size() + " (" + String.join(", ",
                list.stream().limit(3).map(Change::key).toList()) + (list.size() > 3 ? ", ..." : "") + ")"));
    }

    private static void progress(boolean terminal, PrintWriter err, String message) {
        if (terminal) {
            err.println(message + "...");
            err.flush();
        }
    }

    private static List<Learner> readLearners(Path file, PrintWriter err) {
        if (!Files.isRegularFile(file)) {
            throw QipException.badInput("cannot read " + file + ": " + (Files.isDirectory(file) ? "it is a directory" : "no such file"));
        }
        try {
            var result = LearnersCsv.read(file, ReadOptions.STRICT);
            err.println(file + ": " + result.counts());
            return result.rows();
        } catch (InvalidInputException e) {
            for (InputProblem problem : e.problems()) {
                err.println(problem);
            }
            throw QipException.badInput("bad input in " + file + "; nothing synced");
        } catch (java.io.UncheckedIOException e) {
            throw QipException.badInput("cannot read " + file + ": " + e.getCause().getMessage(), e);
        }
    }
}
