package org.qipathways.samples.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.qipathways.moodle.MoodleClient;
import org.qipathways.moodle.platform.MoodleConnector;
import org.qipathways.moodle.MoodleException;
import org.qipathways.moodle.sync.EventPull;
import org.qipathways.moodle.sync.PullSummary;
import org.qipathways.moodle.sync.PulledEvents;
import org.qipathways.moodle.sync.SyncOptions;
import org.qipathways.programme.Programme;
import org.qipathways.record.EventsCsv;
import org.qipathways.record.LearnerEvent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code qip pull}: reads learners' records from a Moodle site that holds the programme into
 * events.csv, ready for {@code qip evaluate}.
 * <pre>{@code
 * $ MOODLE_TOKEN=... qip pull --moodle https://moodle.example.nhs.uk --out events.csv [--since 2026-01-01]
 * 26047 events of 10000 learners written to events.csv (96 requests)
 * requests: 96 (38,011 calls, 69,348,540 bytes received)
 * events: 26047 (assessed 8067, completed 7980, rated 10000)
 * }</pre>
 * The lines after the first are the pull's {@link PullSummary}: what it cost, what it read, and
 * what it left aside (users without an idnumber, courses without completion criteria).
 */
@Command(name = "pull",
        description = {"Read learners' records from a Moodle site (course completion, grades, attendance, evidence,"
                + " competency ratings) into events.csv.",
                "The token is read from the MOODLE_TOKEN environment variable."},
        footer = {"", "Exit codes: 0 written; 1 the site cannot be reached or refused the token, or the file cannot be"
                + " written; 2 bad usage (no MOODLE_TOKEN, a bad address or date)."})
final class PullCommand implements Callable<Integer> {

    @Mixin
    MoodleSiteOptions site;

    @Mixin
    ProgrammeOption programme;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write events.csv.")
    Path out;

    @Option(names = "--since", paramLabel = "DATE",
            description = "Only events dated on or after DATE (YYYY-MM-DD). Default: all.")
    LocalDate since;

    @Spec
    CommandSpec spec;

    private final Function<String, String> environment;

    PullCommand() {
        this(System::getenv);
    }

    /** A pull reading the token from {@code environment} (tests pass a map). */
    PullCommand(Function<String, String> environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        Programme p = programme.programme();
        PrintWriter err = spec.commandLine().getErr();
        List<LearnerEvent> events;
        PullSummary summary;
        int requests;
        try (MoodleClient client = site.client(environment)) {
            // a pull finds the programme's courses by their idnumbers: none of sync's mapping options apply
            EventPull pull = new EventPull(client, SyncOptions.defaults(), MoodleConnector.UK);
            if (System.console() != null) {
                err.println("reading " + p.code() + " records from " + client.config().site() + "...");
                err.flush();
                // one line, rewritten in place: per-user reads run to tens of thousands of calls
                pull = pull.withProgress((what, done, total) -> {
                    err.printf(Locale.ROOT, "\r%s: %,d of %,d per-user reads", what, done, total);
                    if (done == total) {
                        err.println();
                    }
                    err.flush();
                });
            }
            PulledEvents pulled = pull.pullWithSummary(p, since);
            events = pulled.events();
            summary = pulled.summary();
            requests = client.requestCount();
        } catch (MoodleException e) {
            throw QipException.failed("pull from " + site.moodle + " failed: " + e.getMessage(), e);
        }
        try {
            EventsCsv.write(out, events);
        } catch (IOException e) {
            throw QipException.cannotWrite(out.toString(), e);
        }
        long learners = events.stream().map(LearnerEvent::learnerId).distinct().count();
        spec.commandLine().getOut().println(events.size() + " " + Plural.of(events.size(), "event") + " of " + learners
                + " " + Plural.of(learners, "learner") + " written to " + out + " (" + requests + " "
                + Plural.of(requests, "request") + ")");
        summary.lines().forEach(spec.commandLine().getOut()::println);
        return ExitCodes.OK;
    }
}
