package org.qipathways.moodle.ws;

import java.util.List;

/**
 * One user's completion of each activity of a course that the token's user can see
 * ({@code core_completion_get_activities_completion_status}). {@code state}: 0 incomplete,
 * 1 complete, 2 complete with a pass, 3 complete with a fail; {@code tracking}: 0 none, 1 manual,
 * 2 automatic.
 * <pre>{@code
 * client.getActivitiesCompletionStatus(12, 37).statuses().get(0).state();
 * }</pre>
 */
public record ActivitiesCompletion(List<Activity> statuses, List<MoodleWarning> warnings) {

    public ActivitiesCompletion {
        statuses = statuses == null ? List.of() : List.copyOf(statuses);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    /** One activity's completion. */
    public record Activity(long cmid, String modname, long instance, int state, long timecompleted, int tracking,
            Long overrideby) {
    }
}
