package org.qipathways.moodle.ws;

import java.util.List;

/**
 * A user's live rating of one competency with the evidence behind it
 * ({@code tool_lp_data_for_user_competency_summary}); only the fields the connector reads.
 * <pre>{@code
 * UserCompetencySummary s = client.call(MoodleCall.userCompetencySummary(37, 4));
 * s.usercompetency().grade();          // 2
 * s.evidence().get(0).timecreated();   // the newest evidence first
 * }</pre>
 */
public record UserCompetencySummary(PlanCompetency.Rating usercompetency, List<Evidence> evidence) {

    /** {@code evidence::ACTION_LOG}: a note (a course completed, say), no grade. */
    public static final int ACTION_LOG = 0;
    /** {@code evidence::ACTION_COMPLETE}: the default grade, set only when the competency had none. */
    public static final int ACTION_COMPLETE = 2;
    /** {@code evidence::ACTION_OVERRIDE}: a rating that sets the grade. */
    public static final int ACTION_OVERRIDE = 3;

    public UserCompetencySummary {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }

    /** One piece of evidence: what it did to the grade ({@code ACTION_*}), with which grade, and when. */
    public record Evidence(long id, int action, Integer grade, long timecreated, String descidentifier) {
    }
}
