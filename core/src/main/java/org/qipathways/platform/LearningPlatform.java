package org.qipathways.platform;

import java.time.LocalDate;
import java.util.List;
import org.qipathways.programme.Programme;
import org.qipathways.progress.Progress;
import org.qipathways.record.LearnerEvent;

/**
 * A connection to one learning platform (a Moodle site, say) that a programme is run on: push the
 * programme into it, pull learner events out of it, publish outcomes back to it.
 *
 * <p>Connectors implement this interface and a {@link LearningPlatformProvider}; applications get a
 * platform from {@link Platforms} and never name a connector's classes.
 * <pre>{@code
 * try (LearningPlatform moodle = Platforms.discover().open("moodle", settings)) {
 *     PlatformCheck check = moodle.check();
 *     if (!check.ok()) {
 *         check.problems().forEach(p -> log.warn("{}", p));
 *     }
 * }
 * }</pre>
 */
public interface LearningPlatform extends AutoCloseable {

    /** The provider's name for this kind of platform, e.g. {@code moodle}. */
    String name();

    /**
     * Checks that the platform can be reached and that the credential may do what the connector
     * needs; problems are reported in the result, not thrown, unless the platform cannot be
     * reached at all.
     */
    PlatformCheck check();

    /**
     * Makes the platform hold {@code programme}: creates what is missing and changes what
     * differs. {@link SyncMode#PLAN} only counts what {@link SyncMode#APPLY} would do.
     */
    SyncSummary pushProgramme(Programme programme, SyncMode mode);

    /** The learner events the platform holds for {@code programme}, dated on or after {@code since}. */
    List<LearnerEvent> pullEvents(Programme programme, LocalDate since);

    /** Makes the platform reflect learners' tier outcomes (e.g. membership of certified cohorts). */
    SyncSummary publishOutcomes(Programme programme, List<Progress> progress, SyncMode mode);

    /** Releases connections and threads; the platform cannot be used afterwards. */
    @Override
    void close();
}
