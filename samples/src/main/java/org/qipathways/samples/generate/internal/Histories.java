package org.qipathways.samples.generate.internal;

import java.util.SplittableRandom;

/**
 * Makes up one learner's three years on the reference programme, event by event, as a chain of
 * decisions with plausible odds: who engages at all, who passes the Bronze knowledge check first
 * time, who goes on to Silver and by which route, who stalls part-way, who trains as a Gold
 * trainer, who keeps facilitating and renews and who lets Gold lapse, and the rare revocation.
 *
 * <p>A small share of learners are "champions": early adopters who start in the first months and
 * move fast, so that a three-year history holds Gold holders old enough to renew or lapse.
 * The odds live here as named constants; the codes are those of the bundled reference programme.
 */
final class Histories {

    // Event types and results, already in CSV form.
    static final String COMPLETED = "completed";
    static final String ASSESSED = "assessed";
    static final String ATTENDED = "attended";
    static final String EVIDENCE = "evidence";
    static final String RATED = "rated";
    static final String PRIOR_LEARNING = "prior_learning";
    static final String REVOKED = "revoked";
    static final String NONE = "";
    static final String PARTICIPANT = "participant";
    static final String FACILITATOR = "facilitator";
    static final String SUBMITTED = "submitted";
    static final String APPROVED = "approved";
    static final String REJECTED = "rejected";
    private static final String[] SCORE = new String[101];
    private static final String[] LEVEL = {"0", "1", "2", "3"};

    static {
        for (int s = 0; s <= 100; s++) {
            SCORE[s] = Integer.toString(s);
        }
    }

    // Codes of the reference programme.
    static final String BRZ_ELN = "BRZ-ELN";
    static final String BRZ_QUIZ = "BRZ-QUIZ";
    static final String SLV_IND = "SLV-IND";
    static final String[] SLV_TEAM = {"SLV-TEAM-1", "SLV-TEAM-2", "SLV-TEAM-3"};
    static final String SLV_PLAN = "SLV-PLAN";
    static final String SLV_TEAM_PLAN = "SLV-TEAM-PLAN";
    static final String GLD_TTT_1 = "GLD-TTT-1";
    static final String GLD_TTT_2 = "GLD-TTT-2";
    static final String GLD_PROJECT = "GLD-PROJECT";
    static final String[] SPECIALIST_WORKSHOPS = {"WS-VAR", "WS-BEH", "WS-SCI"};
    /** The Silver sessions a trainer facilitates; half of them are Silver for Individuals. */
    static final String[] FACILITATED = {SLV_IND, SLV_IND, SLV_IND, "SLV-TEAM-1", "SLV-TEAM-2", "SLV-TEAM-3"};
    static final String[] PRIOR_LEARNING_CODES = {"IMP-FUNDAMENTALS", "QSIR-FUNDAMENTALS"};
    static final String[] BRONZE_RATED = {"C-SYSTEMS", "C-PEOPLE", "C-MFI"};
    static final String[] SILVER_RATED = {"C-LEAD", "C-HUMAN", "C-VARIATION", "C-MEASURE"};
    static final String C_COACH = "C-COACH";
    static final String BRONZE = "BRONZE";
    static final String SILVER = "SILVER";
    static final String GOLD = "GOLD";
    // Reasons contain no comma, so they need no quoting; CsvOut.quote would handle one.
    static final String[] BRONZE_REVOKED = {"knowledge check taken by someone else", "awarded in error"};
    static final String[] SILVER_REVOKED = {"project plan was not the learner's own work", "awarded in error"};
    static final String[] GOLD_REVOKED = {"professional registration suspended", "conduct concerns upheld"};

    // The odds, per thousand learners reaching that point.
    static final int CHAMPION = 25;
    static final int PRIOR_LEARNING_ROUTE = 50;
    static final int BRONZE_RATING = 40;
    static final int BRONZE_REVOCATION = 4;
    static final int SILVER_INDIVIDUAL = 300;
    static final int SILVER_INDIVIDUAL_CHAMPION = 950;
    static final int SPECIALIST_WORKSHOP = 200;
    static final int SILVER_RATING = 150;
    static final int SILVER_REVOCATION = 8;
    static final int GOLD_START = 45;
    static final int GOLD_START_SENIOR = 90;
    static final int GOLD_START_CHAMPION = 700;
    static final int GOLD_REVOCATION = 20;

    private final Days days;
    private final EventBuffer events;

    Histories(Days days, EventBuffer events) {
        this.days = days;
        this.events = events;
    }

    /**
     * Replaces the buffer's events by one learner's history.
     *
     * @param cohort the learner's team course when the learner takes part in it, else {@code null}
     */
    void learner(SplittableRandom rng, int staffGroup, int band, TeamCohort cohort) {
        events.clear();
        boolean champion = rng.nextInt(1000) < CHAMPION;
        if (cohort == null && !champion && rng.nextInt(1000) >= Workforce.ENGAGEMENT_PER_MILLE[staffGroup]) {
            return; // never engages: in learners.csv only
        }
        int start;
        if (champion) {
            start = rng.nextInt(Math.min(120, days.lastDay() + 1));
        } else if (cohort != null) {
            // Most of the team do Bronze in the months before their course begins.
            int before = cohort.session[0] - 7;
            start = before > 0 ? before - rng.nextInt(Math.min(240, before) + 1) : cohort.session[0];
        } else {
            start = days.rampDay(rng, days.lastDay());
        }
        int bronze = bronze(rng, start, champion);
        if (bronze >= 0 && rng.nextInt(1000) < BRONZE_REVOCATION) {
            revoke(rng, bronze, BRONZE, BRONZE_REVOKED);
            return;
        }
        if (bronze >= 0 && rng.nextInt(1000) < BRONZE_RATING) {
            events.add(bronze + 7 + rng.nextInt(194), RATED, pick(rng, BRONZE_RATED), LEVEL[1 + rng.nextInt(2)]);
        }

        int silver = -1;
        if (cohort != null) {
            silver = teamRoute(rng, cohort);
        } else if (bronze >= 0 && rng.nextInt(1000) < (champion ? SILVER_INDIVIDUAL_CHAMPION : SILVER_INDIVIDUAL)) {
            silver = individualRoute(rng, bronze, champion);
        }
        // Silver is achieved once Bronze is held too, whichever came first.
        silver = silver < 0 || bronze < 0 ? -1 : Math.max(silver, bronze);
        if (silver < 0) {
            return;
        }
        int workshop = -1;
        if (rng.nextInt(1000) < SPECIALIST_WORKSHOP) {
            workshop = days.session(silver + 30 + rng.nextInt(471));
            events.add(workshop, ATTENDED, pick(rng, SPECIALIST_WORKSHOPS), PARTICIPANT);
        }
        if (rng.nextInt(1000) < SILVER_RATING) {
            events.add(silver + 14 + rng.nextInt(287), RATED, pick(rng, SILVER_RATED), LEVEL[2]);
        }
        if (rng.nextInt(1000) < SILVER_REVOCATION) {
            revoke(rng, silver, SILVER, SILVER_REVOKED);
            return;
        }
        int goldOdds = champion ? GOLD_START_CHAMPION
                : band >= Workforce.SENIOR_FROM || staffGroup == Workforce.MEDICAL ? GOLD_START_SENIOR : GOLD_START;
        if (rng.nextInt(1000) < goldOdds) {
            gold(rng, silver, workshop, champion);
        }
    }

    /** The day Bronze is achieved, or -1 when it is not. */
    private int bronze(SplittableRandom rng, int start, boolean champion) {
        if (!champion && rng.nextInt(1000) < PRIOR_LEARNING_ROUTE) {
            String code = rng.nextInt(10) < 6 ? PRIOR_LEARNING_CODES[0] : PRIOR_LEARNING_CODES[1];
            if (rng.nextInt(100) < 85) {
                events.add(start, PRIOR_LEARNING, code, APPROVED);
                return start;
            }
            events.add(start, PRIOR_LEARNING, code, REJECTED);
            if (rng.nextInt(100) >= 60) {
                return -1;
            }
            start += 7 + rng.nextInt(60); // rejected, so does the online course after all
        }
        int module = start;
        int quiz = start + (rng.nextBoolean() ? 0 : 1 + rng.nextInt(14));
        if (rng.nextInt(100) < 3) { // tries the knowledge check before finishing the module
            quiz = start;
            module = start + 1 + rng.nextInt(30);
        }
        events.add(module, COMPLETED, BRZ_ELN, NONE);
        if (!champion && rng.nextInt(100) < 8) {
            return -1; // stalls: module done, knowledge check never taken
        }
        int passOdds = champion ? 95 : 78;
        for (int attempt = 0; attempt < 3; attempt++) {
            if (rng.nextInt(100) < passOdds) {
                events.add(quiz, ASSESSED, BRZ_QUIZ, SCORE[80 + rng.nextInt(11) + rng.nextInt(11)]);
                return Math.max(module, quiz);
            }
            events.add(quiz, ASSESSED, BRZ_QUIZ, SCORE[40 + rng.nextInt(20) + rng.nextInt(21)]);
            if (rng.nextInt(100) >= 80) {
                return -1; // stalls after a failed attempt
            }
            quiz += 1 + rng.nextInt(21);
            passOdds = 85;
        }
        return -1;
    }

    /** Silver for Individuals; the day the plan is approved in time, or -1. */
    private int individualRoute(SplittableRandom rng, int bronze, boolean champion) {
        int workshop = days.session(bronze + (champion ? 14 + rng.nextInt(47) : 30 + rng.nextInt(511)));
        events.add(workshop, ATTENDED, SLV_IND, PARTICIPANT);
        int r = champion ? 0 : rng.nextInt(100);
        if (r < 62) {
            int submitted = workshop + 14 + rng.nextInt(47);
            events.add(submitted, EVIDENCE, SLV_PLAN, SUBMITTED);
            int approved = submitted + 2 + rng.nextInt(20);
            events.add(approved, EVIDENCE, SLV_PLAN, APPROVED);
            return approved;
        }
        if (r < 75) {
            int submitted = workshop + 14 + rng.nextInt(27);
            events.add(submitted, EVIDENCE, SLV_PLAN, SUBMITTED);
            int rejected = submitted + 5 + rng.nextInt(10);
            events.add(rejected, EVIDENCE, SLV_PLAN, REJECTED);
            int again = rejected + 10 + rng.nextInt(21);
            events.add(again, EVIDENCE, SLV_PLAN, SUBMITTED);
            int approved = again + 2 + rng.nextInt(9);
            events.add(approved, EVIDENCE, SLV_PLAN, APPROVED);
            return approved - workshop <= 90 ? approved : -1; // a few resubmissions come too late
        }
        if (r < 83) {
            // Approved long after the 90 days; some attend the workshop again and then make it.
            int submitted = workshop + 95 + rng.nextInt(106);
            events.add(submitted, EVIDENCE, SLV_PLAN, SUBMITTED);
            int late = submitted + 5 + rng.nextInt(10);
            events.add(late, EVIDENCE, SLV_PLAN, APPROVED);
            if (rng.nextInt(100) >= 30) {
                return -1;
            }
            int again = days.session(late + 30 + rng.nextInt(171));
            events.add(again, ATTENDED, SLV_IND, PARTICIPANT);
            int resubmitted = again + 20 + rng.nextInt(31);
            events.add(resubmitted, EVIDENCE, SLV_PLAN, SUBMITTED);
            int approved = resubmitted + 2 + rng.nextInt(10);
            events.add(approved, EVIDENCE, SLV_PLAN, APPROVED);
            return approved;
        }
        if (r < 85) {
            events.add(workshop + 20 + rng.nextInt(61), EVIDENCE, SLV_PLAN, SUBMITTED); // awaiting a decision
        }
        return -1; // otherwise stalls: workshop attended, no plan
    }

    /** Silver for Teams; the day the team plan is approved in time for this member, or -1. */
    private int teamRoute(SplittableRandom rng, TeamCohort cohort) {
        int r = rng.nextInt(100);
        int last;
        if (r < 65) {
            for (int s = 0; s < 3; s++) {
                events.add(cohort.session[s], ATTENDED, SLV_TEAM[s], PARTICIPANT);
            }
            last = cohort.session[2];
        } else if (r < 90) {
            int missed = rng.nextInt(3);
            last = -1;
            for (int s = 0; s < 3; s++) {
                if (s != missed) {
                    events.add(cohort.session[s], ATTENDED, SLV_TEAM[s], PARTICIPANT);
                    last = cohort.session[s];
                }
            }
        } else {
            events.add(cohort.session[0], ATTENDED, SLV_TEAM[0], PARTICIPANT);
            return -1; // drops out after the first session
        }
        for (int k = 0; k < cohort.planEvents; k++) {
            events.add(cohort.planDay[k], EVIDENCE, SLV_TEAM_PLAN, cohort.planStatus[k]);
        }
        // The window runs from the last session this member attended, so missing the third
        // session can leave a member outside it when the team's plan is approved late-ish.
        return cohort.approvedDay >= 0 && cohort.approvedDay - last <= 90 ? cohort.approvedDay : -1;
    }

    /** Gold: train the trainer, facilitate, a specialist workshop, the project, the coaching rating. */
    private void gold(SplittableRandom rng, int silver, int workshop, boolean champion) {
        int day1 = days.session(silver + (champion ? 20 + rng.nextInt(71) : 60 + rng.nextInt(341)));
        events.add(day1, ATTENDED, GLD_TTT_1, PARTICIPANT);
        int day2 = -1;
        if (rng.nextInt(100) < 95) {
            day2 = days.weekday(rng.nextInt(100) < 70 ? day1 + 1 : day1 + 7 + rng.nextInt(22));
            events.add(day2, ATTENDED, GLD_TTT_2, PARTICIPANT);
        }
        int sessions = rng.nextInt(100) < 12 ? 1 : 2 + rng.nextInt(3);
        int facilitated = day1;
        int first = -1;
        int second = -1;
        for (int k = 0; k < sessions; k++) {
            // At least 14 days apart, so the dates are distinct even after a weekend shift.
            facilitated = days.session(facilitated + 14 + rng.nextInt(k == 0 ? 62 : 77));
            events.add(facilitated, ATTENDED, pick(rng, FACILITATED), FACILITATOR);
            if (k == 0) {
                first = facilitated;
            } else if (k == 1) {
                second = facilitated;
            }
        }
        if (workshop < 0 && rng.nextInt(100) < 92) {
            workshop = days.session(day1 + 7 + rng.nextInt(144));
            events.add(workshop, ATTENDED, pick(rng, SPECIALIST_WORKSHOPS), PARTICIPANT);
        }
        if (rng.nextInt(100) < 50) {
            events.add(first + rng.nextInt(15), RATED, C_COACH, LEVEL[2]);
        }
        int coach = -1;
        if (second >= 0 && rng.nextInt(100) < 88) {
            coach = second + 7 + rng.nextInt(54);
            events.add(coach, RATED, C_COACH, LEVEL[3]);
        }
        int project = -1;
        int r = rng.nextInt(100);
        int submitted = day1 + (champion ? 60 + rng.nextInt(121) : 90 + rng.nextInt(181));
        if (r < 72) {
            events.add(submitted, EVIDENCE, GLD_PROJECT, SUBMITTED);
            project = submitted + 7 + rng.nextInt(24);
            events.add(project, EVIDENCE, GLD_PROJECT, APPROVED);
        } else if (r < 90) {
            events.add(submitted, EVIDENCE, GLD_PROJECT, SUBMITTED);
            int rejected = submitted + 7 + rng.nextInt(15);
            events.add(rejected, EVIDENCE, GLD_PROJECT, REJECTED);
            int again = rejected + 30 + rng.nextInt(61);
            events.add(again, EVIDENCE, GLD_PROJECT, SUBMITTED);
            project = again + 7 + rng.nextInt(15);
            events.add(project, EVIDENCE, GLD_PROJECT, APPROVED);
        } else if (r < 95) {
            events.add(submitted, EVIDENCE, GLD_PROJECT, SUBMITTED); // still with the assessor
        }
        if (day2 < 0 || second < 0 || workshop < 0 || coach < 0 || project < 0) {
            return; // stalls short of Gold
        }
        int gold = Math.max(Math.max(Math.max(silver, day2), Math.max(second, workshop)), Math.max(coach, project));
        if (gold > days.lastDay()) {
            return;
        }
        if (rng.nextInt(1000) < GOLD_REVOCATION) {
            revoke(rng, gold, GOLD, GOLD_REVOKED);
            return;
        }
        int r2 = rng.nextInt(100);
        if (r2 < 55) {
            // Keeps facilitating every one to four months, which renews Gold each time it is due.
            int d = facilitated;
            while (true) {
                d = days.session(d + 30 + rng.nextInt(91));
                if (d > days.lastDay()) {
                    break;
                }
                events.add(d, ATTENDED, pick(rng, FACILITATED), FACILITATOR);
            }
        } else if (r2 >= 85) {
            // Stops, lets Gold lapse, and comes back to facilitating afterwards (which regains it).
            int d = days.session(days.plusYears(gold, 2) + 30 + rng.nextInt(171));
            events.add(d, ATTENDED, pick(rng, FACILITATED), FACILITATOR);
            events.add(days.session(d + 14 + rng.nextInt(47)), ATTENDED, pick(rng, FACILITATED), FACILITATOR);
        }
        // Otherwise stops facilitating, and Gold lapses two years after it was achieved.
    }

    private void revoke(SplittableRandom rng, int achieved, String tier, String[] reasons) {
        events.add(achieved + 30 + rng.nextInt(371), REVOKED, tier, pick(rng, reasons));
    }

    private static String pick(SplittableRandom rng, String[] values) {
        return values[rng.nextInt(values.length)];
    }
}
