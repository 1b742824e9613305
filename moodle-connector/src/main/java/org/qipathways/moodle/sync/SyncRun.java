package org.qipathways.moodle.sync;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.qipathways.moodle.MoodleClient;
import org.qipathways.programme.Programme;

/**
 * One plan or apply of {@link ProgrammeSync}: reads each kind of object, then creates and
 * updates it, in dependency order (categories, courses, the framework and its competencies,
 * course links, templates, cohorts). It holds what the steps share: the changes and orphans
 * found so far, the counts, and the Moodle id of each object by programme code, where a negative
 * id stands for an object a plan would make. The steps live in {@link CourseSteps},
 * {@link CompetencySteps} and {@link TierSteps}.
 */
final class SyncRun {
    final MoodleClient client;
    final SyncOptions options;
    final Programme p;
    final boolean apply;
    final List<Change> changes = new ArrayList<>();
    final List<Change> orphans = new ArrayList<>();
    int unchanged;
    int failed;
    int writes;
    private long nextFake = -1;

    // by programme code ("" for the programme's own category); negative ids are not yet made
    final Map<String, Long> categoryIds = new LinkedHashMap<>();
    final Map<String, Long> courseIds = new LinkedHashMap<>();
    long frameworkId;
    final Map<String, Long> competencyIds = new LinkedHashMap<>();
    final Map<String, Long> templateIds = new LinkedHashMap<>();
    final Map<String, Long> cohortIds = new LinkedHashMap<>();

    SyncRun(MoodleClient client, SyncOptions options, Programme p, boolean apply) {
        this.client = client;
        this.options = options;
        this.p = p;
        this.apply = apply;
    }

    SyncPlan run() {
        CourseSteps courseSteps = new CourseSteps(this);
        courseSteps.categories();
        courseSteps.courses();
        TierSteps tierSteps = new TierSteps(this);
        if (p.framework() != null) {
            CompetencySteps competencySteps = new CompetencySteps(this);
            competencySteps.framework();
            competencySteps.competencies();
            competencySteps.courseCompetencies();
            tierSteps.templates();
        }
        tierSteps.cohorts();
        return new SyncPlan(changes, orphans, unchanged, failed, writes);
    }

    long fake() {
        return nextFake--;
    }
}
