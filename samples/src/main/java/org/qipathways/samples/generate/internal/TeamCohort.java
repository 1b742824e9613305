package org.qipathways.samples.generate.internal;

import java.util.SplittableRandom;

/**
 * A team's Silver for Teams course: the three session dates that everyone taking part attends together
 * and the team plan's story (submitted, perhaps rejected, approved), which is recorded for each
 * member. A team without a course has {@link #active} false.
 */
final class TeamCohort {
    /** The chance in a thousand that a team runs a Silver for Teams course in the three years. */
    static final int TEAM_COURSE_PER_MILLE = 180;
    /** The chance in a hundred that a member of such a team takes part. */
    static final int TAKES_PART_PERCENT = 80;

    boolean active;
    final int[] session = new int[3];
    /** Days and statuses of the team plan's evidence events, in order. */
    final int[] planDay = new int[4];
    final String[] planStatus = new String[4];
    int planEvents;
    /** The day the plan was approved, or -1. */
    int approvedDay;

    /** Decides whether the team runs a course and, if so, its dates and the plan's fate. */
    void draw(SplittableRandom rng, Days days) {
        active = false;
        planEvents = 0;
        approvedDay = -1;
        if (rng.nextInt(1000) >= TEAM_COURSE_PER_MILLE || days.lastDay() < 120) {
            return;
        }
        active = true;
        session[0] = days.session(30 + days.rampDay(rng, days.lastDay() - 30));
        session[1] = days.session(session[0] + 21 + rng.nextInt(22));
        session[2] = days.session(session[1] + 21 + rng.nextInt(22));
        int r = rng.nextInt(100);
        if (r < 75) {
            int submitted = session[2] + 7 + rng.nextInt(30);
            plan(submitted, Histories.SUBMITTED);
            approvedDay = submitted + 3 + rng.nextInt(14);
            plan(approvedDay, Histories.APPROVED);
        } else if (r < 85) {
            int submitted = session[2] + 10 + rng.nextInt(21);
            plan(submitted, Histories.SUBMITTED);
            int rejected = submitted + 5 + rng.nextInt(10);
            plan(rejected, Histories.REJECTED);
            int again = rejected + 10 + rng.nextInt(21);
            plan(again, Histories.SUBMITTED);
            approvedDay = again + 3 + rng.nextInt(8);
            plan(approvedDay, Histories.APPROVED);
        } else if (r < 92) {
            // Approved, but long after the 90 days the route allows.
            int submitted = session[2] + 95 + rng.nextInt(56);
            plan(submitted, Histories.SUBMITTED);
            approvedDay = submitted + 5 + rng.nextInt(10);
            plan(approvedDay, Histories.APPROVED);
        }
        // Otherwise the team never sends a plan.
    }

    private void plan(int day, String status) {
        planDay[planEvents] = day;
        planStatus[planEvents] = status;
        planEvents++;
    }
}
