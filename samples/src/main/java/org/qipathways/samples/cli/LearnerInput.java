package org.qipathways.samples.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import org.qipathways.programme.Programme;
import org.qipathways.record.EventsCsv;
import org.qipathways.record.InputProblem;
import org.qipathways.record.InvalidInputException;
import org.qipathways.record.Learner;
import org.qipathways.record.LearnerEvent;
import org.qipathways.record.LearnerRecord;
import org.qipathways.record.LearnersCsv;
import org.qipathways.record.ReadOptions;
import org.qipathways.record.ReadResult;
import picocli.CommandLine.Option;

/**
 * The {@code --events}, {@code --learners} and {@code --skip-invalid} options shared by the commands
 * that read learners' records, and the reading itself: strict by default (every problem listed,
 * nothing written), or skipping invalid rows into a side file. Counts always go to stderr.
 * <pre>{@code
 * @Mixin LearnerInput input;
 * List<LearnerRecord> records = input.read(programme, err);
 * }</pre>
 */
final class LearnerInput {

    @Option(names = "--events", paramLabel = "FILE", required = true,
            description = "Learner events: events.csv (learner_id,date,type,item,result).")
    Path events;

    @Option(names = "--learners", paramLabel = "FILE",
            description = "Learners: learners.csv (learner_id,organisation,...). Learners listed here come first"
                    + " in the output, even those with no events.")
    Path learners;

    @Option(names = "--skip-invalid",
            description = "Process the valid rows and write the rejected ones, with the reason, to FILE.rejected.csv"
                    + " beside each input. Default: stop at bad input, list every problem, write nothing.")
    boolean skipInvalid;

    @Option(names = "--earliest-date", paramLabel = "DATE",
            description = "The earliest event date accepted (yyyy-MM-dd); an earlier one is a bad value."
                    + " Default: 1990-01-01.")
    LocalDate earliestDate;

    @Option(names = "--latest-date", paramLabel = "DATE",
            description = "The latest event date accepted (yyyy-MM-dd); a later one is a bad value. Default: 2100-12-31.")
    LocalDate latestDate;

    @Option(names = "--max-value-length", paramLabel = "N",
            description = "The most characters one value of the input files may have. Default: 10000.")
    Integer maxValueLength;

    @Option(names = "--max-line-length", paramLabel = "N",
            description = "The most characters one line of the input files may have. Default: 100000.")
    Integer maxLineLength;

    /** Learners read from --learners, empty when not given; filled by {@link #read}. */
    List<Learner> learnerRows = List.of();

    /**
     * Reads both files and groups events by learner, in output order: learners.csv first, then learners
     * who appear only in events, in order of first appearance.
     */
    List<LearnerRecord> read(Programme programme, PrintWriter err) {
        ReadOptions options = options();
        java.util.function.Supplier<ReadResult<LearnerEvent>> eventsRead = () -> EventsCsv.read(events, programme, options);
        if (learners != null) {
            // The two files are read at once, events on a thread of their own; what is printed, and
            // in which order, is as when they are read one after the other.
            FutureTask<ReadResult<LearnerEvent>> pending = new FutureTask<>(eventsRead::get);
            Thread reader = new Thread(pending, "qip-read-events");
            reader.setDaemon(true);
            reader.start();
            eventsRead = () -> outcome(pending);
            try {
                ReadResult<Learner> l = read(learners, err, () -> LearnersCsv.read(learners, options));
                learnerRows = l.rows();
            } catch (RuntimeException | Error e) {
                pending.cancel(true);   // its file channel closes on the interrupt
                joinQuietly(reader);
                throw e;
            }
        }
        ReadResult<LearnerEvent> e = read(events, err, eventsRead);
        return new ArrayList<>(LearnerRecord.group(learnerRows, e.rows()).values());
    }

    /** The result of {@code task}, or what it threw, as if it had run on this thread. */
    private static <T> T outcome(FutureTask<T> task) {
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private static void joinQuietly(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The read options the flags ask for; limits out of range are bad usage. */
    ReadOptions options() {
        ReadOptions o = skipInvalid ? ReadOptions.SKIP_INVALID : ReadOptions.STRICT;
        try {
            o = o.withDateRange(earliestDate != null ? earliestDate : o.earliestDate(),
                    latestDate != null ? latestDate : o.latestDate());
            if (maxValueLength != null) {
                o = o.withMaxValueLength(maxValueLength);
            }
            if (maxLineLength != null) {
                o = o.withMaxLineLength(maxLineLength);
            }
        } catch (IllegalArgumentException e) {
            throw QipException.badInput(e.getMessage(), e);
        }
        return o;
    }

    private <T> ReadResult<T> read(Path file, PrintWriter err, java.util.function.Supplier<ReadResult<T>> reader) {
        if (!Files.isRegularFile(file)) {
            throw QipException.badInput("cannot read " + file + ": " + (Files.isDirectory(file) ? "it is a directory" : "no such file"));
        }
        ReadResult<T> result;
        try {
            result = reader.get();
        } catch (InvalidInputException e) {
            for (InputProblem p : e.problems()) {
                err.println(p);
            }
            if (e.moreProblems() > 0) {
                err.println("... and " + e.moreProblems() + " more problems");
            }
            err.println(file + ": " + e.counts() + (skipInvalid ? "" : "; nothing written (use --skip-invalid to process the valid rows)"));
            throw QipException.badInput("bad input in " + file);
        } catch (java.io.UncheckedIOException e) {
            throw QipException.badInput("cannot read " + file + ": " + e.getCause().getMessage(), e);
        }
        String counts = file + ": " + result.counts();
        if (!result.rejected().isEmpty()) {
            Path side = file.resolveSibling(file.getFileName() + ".rejected.csv");
            try {
                result.writeRejected(side);
            } catch (IOException ex) {
                throw QipException.failed("cannot write rejected rows to " + side + ": " + ex.getMessage(), ex);
            }
            counts += "; rejected rows and reasons written to " + side;
        }
        err.println(counts);
        return result;
    }
}
