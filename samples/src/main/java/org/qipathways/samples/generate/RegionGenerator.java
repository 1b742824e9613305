package org.qipathways.samples.generate;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Objects;
import java.util.function.IntConsumer;
import org.qipathways.samples.generate.internal.RegionWriter;

/**
 * Generates a synthetic region for the reference programme (Bronze, Silver, Gold): a
 * {@code learners.csv} of pseudonymous staff in the trusts of Yorkshire and the Humber, grouped by
 * ICB, with ESR staff groups, Agenda for Change bands and teams, and an {@code events.csv} of their
 * three years of training, in the interchange formats every {@code qip} command reads. The histories make a realistic
 * funnel: most learners who start do Bronze, fewer reach Silver by either route, a few reach Gold,
 * and some stall, fail and retake, renew, lapse or are revoked.
 *
 * <p>The output is a pure function of the {@link RegionConfig}: the same learners, seed and end
 * date give byte-identical files on any machine. Learners are {@code L0000001} onwards in order;
 * each learner's events are together and in date order. Rows are written as they are made, so
 * memory does not grow with the number of learners (a million learners take about a second).
 * <pre>{@code
 * RegionGenerator.Summary s = RegionGenerator.of(new RegionConfig(5_000, 1, LocalDate.of(2025, 3, 31)))
 *         .writeTo(Path.of("region"));   // region/learners.csv, region/events.csv
 * s.events();                             // how many event rows were written
 * }</pre>
 */
public final class RegionGenerator {

    /** The learners file's name in the output directory. */
    public static final String LEARNERS_FILE = "learners.csv";
    /** The events file's name in the output directory. */
    public static final String EVENTS_FILE = "events.csv";

    private final RegionConfig config;
    private final IntConsumer progress;

    private RegionGenerator(RegionConfig config, IntConsumer progress) {
        this.config = Objects.requireNonNull(config, "config");
        this.progress = Objects.requireNonNull(progress, "progress");
    }

    /** A generator for {@code config}. */
    public static RegionGenerator of(RegionConfig config) {
        return new RegionGenerator(config, done -> { });
    }

    /**
     * A copy that tells {@code progress} how many learners are written so far, every ten thousand
     * learners and once at the end; for a progress line on a terminal.
     */
    public RegionGenerator withProgress(IntConsumer progress) {
        return new RegionGenerator(config, progress);
    }

    /** The names of the region's organisations by ODS code, e.g. {@code RHQ}: Sheffield Teaching Hospitals NHS Foundation Trust. */
    public static java.util.Map<String, String> organisationNames() {
        return org.qipathways.samples.generate.internal.RegionWriter.organisationNames();
    }

    public RegionConfig config() {
        return config;
    }

    /**
     * Writes {@value #LEARNERS_FILE} and {@value #EVENTS_FILE} into {@code directory}, creating it
     * when needed and replacing files of those names. Each file is written under a temporary name
     * and renamed when complete, so a failed run leaves no half-written file behind.
     *
     * @throws java.nio.file.FileSystemException naming the path, e.g. when a directory has one of
     *                                           the files' names (checked first: nothing is replaced)
     */
    public Summary writeTo(Path directory) throws IOException {
        Files.createDirectories(directory);
        Path learners = directory.resolve(LEARNERS_FILE);
        Path events = directory.resolve(EVENTS_FILE);
        for (Path target : new Path[] {learners, events}) {
            if (Files.isDirectory(target)) {
                throw new java.nio.file.FileSystemException(target.toString(), null, "a directory is in the way");
            }
        }
        Path learnersPart = directory.resolve(LEARNERS_FILE + ".part");
        Path eventsPart = directory.resolve(EVENTS_FILE + ".part");
        Summary summary;
        try (Writer l = open(learnersPart); Writer e = open(eventsPart)) {
            summary = writeTo(l, e);
        } catch (IOException | RuntimeException | Error failure) {
            Files.deleteIfExists(learnersPart);
            Files.deleteIfExists(eventsPart);
            throw failure;
        }
        try {
            Files.move(learnersPart, learners, StandardCopyOption.REPLACE_EXISTING);
            Files.move(eventsPart, events, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException failure) {
            Files.deleteIfExists(learnersPart);
            Files.deleteIfExists(eventsPart);
            throw failure;
        }
        return summary;
    }

    /**
     * Writes the two files' contents (UTF-8 text, CRLF line ends, a header row each) to the
     * writers, which are flushed but not closed.
     */
    public Summary writeTo(Writer learners, Writer events) throws IOException {
        long eventCount = new RegionWriter(config.learners(), config.seed(), config.end())
                .write(learners, events, progress);
        return new Summary(config.learners(), eventCount);
    }

    private static Writer open(Path file) throws IOException {
        return Files.newBufferedWriter(file, StandardCharsets.UTF_8);
    }

    /**
     * What a run wrote.
     *
     * @param learners rows in the learners file
     * @param events   rows in the events file
     */
    public record Summary(int learners, long events) {
    }
}
