package org.qipathways.moodle.ws;

import java.util.List;

/**
 * One user's completion of one course ({@code core_completion_get_course_completion_status}): done
 * or not, and each criterion with its completion time (there is no overall time).
 * <pre>{@code
 * client.getCourseCompletionStatus(12, 37).completionstatus().completed();   // true
 * }</pre>
 */
public record CourseCompletion(Status completionstatus, List<MoodleWarning> warnings) {

    public CourseCompletion {
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    /** Whether the course is complete, how criteria combine (1 all, 2 any) and each criterion. */
    public record Status(boolean completed, int aggregation, List<Criterion> completions) {
        public Status {
            completions = completions == null ? List.of() : List.copyOf(completions);
        }
    }

    /** One completion criterion for the user. */
    public record Criterion(int type, String title, String status, boolean complete, Long timecompleted) {
    }
}
