package org.qipathways.moodle.platform;

import org.qipathways.moodle.Doctor;
import org.qipathways.moodle.DoctorReport;
import org.qipathways.moodle.MoodleClient;
import org.qipathways.moodle.MoodleConfig;
import java.time.LocalDate;
import java.util.List;
import org.qipathways.platform.LearningPlatform;
import org.qipathways.platform.PlatformCheck;
import org.qipathways.platform.SyncMode;
import org.qipathways.platform.SyncSummary;
import org.qipathways.programme.Programme;
import org.qipathways.progress.Progress;
import org.qipathways.moodle.sync.EventPull;
import org.qipathways.moodle.sync.LearnerSync;
import org.qipathways.moodle.sync.OutcomePublisher;
import org.qipathways.moodle.sync.ProgrammeSync;
import org.qipathways.moodle.sync.SyncOptions;
import org.qipathways.record.LearnerEvent;

/**
 * Moodle as a {@link LearningPlatform}: one site, one token, one {@link MoodleClient}.
 * <pre>{@code
 * try (MoodleConnector moodle = new MoodleConnector(MoodleConfig.of(site, token))) {
 *     PlatformCheck check = moodle.check();
 * }
 * }</pre>
 * It pushes programmes and learners ({@link ProgrammeSync}, {@link LearnerSync}), pulls learner
 * events ({@link EventPull}) and publishes outcomes as certified-cohort membership
 * ({@link OutcomePublisher}).
 */
public final class MoodleConnector implements LearningPlatform {

    /** NHS records are dated in UK time. */
    public static final java.time.ZoneId UK = java.time.ZoneId.of("Europe/London");

    private final MoodleClient client;
    private final SyncOptions options;

    public MoodleConnector(MoodleConfig config) {
        this(config, SyncOptions.defaults());
    }

    /** A connector that maps programmes onto the site with {@code options} (the scale id, the parent category...). */
    public MoodleConnector(MoodleConfig config, SyncOptions options) {
        this.client = MoodleClient.create(config);
        this.options = java.util.Objects.requireNonNull(options, "options");
    }

    @Override
    public String name() {
        return "moodle";
    }

    /** The client this connector talks through. */
    public MoodleClient client() {
        return client;
    }

    @Override
    public PlatformCheck check() {
        DoctorReport r = Doctor.check(client);
        return new PlatformCheck(name(), r.siteUrl(), r.siteName(), r.release(),
                r.fullname() + " (" + r.username() + ")", r.problems(), r.notes());
    }

    /** Plans or applies the programme sync ({@link ProgrammeSync}); learners go through {@link LearnerSync}. */
    @Override
    public SyncSummary pushProgramme(Programme programme, SyncMode mode) {
        ProgrammeSync sync = new ProgrammeSync(client, options);
        return (mode == SyncMode.APPLY ? sync.apply(programme) : sync.plan(programme)).summary();
    }

    /** Reads learners' records back as events ({@link EventPull}), dates in the UK's time zone. */
    @Override
    public List<LearnerEvent> pullEvents(Programme programme, LocalDate since) {
        return new EventPull(client, options, UK).pull(programme, since);
    }

    /**
     * Makes the certified cohorts hold the learners with the tier ACHIEVED in {@code progress}
     * ({@link OutcomePublisher}); {@code qip publish} does the same from the certificate register.
     */
    @Override
    public SyncSummary publishOutcomes(Programme programme, List<Progress> progress, SyncMode mode) {
        OutcomePublisher publisher = new OutcomePublisher(client);
        var holders = OutcomePublisher.holders(progress);
        return (mode == SyncMode.APPLY ? publisher.apply(programme, holders) : publisher.plan(programme, holders)).summary();
    }

    @Override
    public void close() {
        client.close();
    }

    @Override
    public String toString() {
        return "MoodleConnector[" + client.config().site() + "]";
    }
}
