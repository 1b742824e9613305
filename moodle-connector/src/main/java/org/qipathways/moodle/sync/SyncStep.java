package org.qipathways.moodle.sync;

import java.util.List;
import java.util.Map;
import org.qipathways.moodle.MoodleClient;
import org.qipathways.programme.Programme;

/**
 * What every step of a {@link SyncRun} works with: the run itself (for its counts), the client,
 * the options, the programme, whether the run applies or only plans, and the run's shared lists
 * of changes and orphans and its maps from programme code to Moodle id. The steps are split by
 * the kind of object they make ({@link CourseSteps}, {@link CompetencySteps}, {@link TierSteps}).
 */
abstract class SyncStep {

    final SyncRun run;
    final MoodleClient client;
    final SyncOptions options;
    final Programme p;
    final boolean apply;
    final List<Change> changes;
    final List<Change> orphans;
    final Map<String, Long> categoryIds;
    final Map<String, Long> courseIds;
    final Map<String, Long> competencyIds;
    final Map<String, Long> templateIds;
    final Map<String, Long> cohortIds;

    SyncStep(SyncRun run) {
        this.run = run;
        this.client = run.client;
        this.options = run.options;
        this.p = run.p;
        this.apply = run.apply;
        this.changes = run.changes;
        this.orphans = run.orphans;
        this.categoryIds = run.categoryIds;
        this.courseIds = run.courseIds;
        this.competencyIds = run.competencyIds;
        this.templateIds = run.templateIds;
        this.cohortIds = run.cohortIds;
    }

    /** A stand-in id for an object a plan would make: negative, so never a Moodle id. */
    long fake() {
        return run.fake();
    }
}
