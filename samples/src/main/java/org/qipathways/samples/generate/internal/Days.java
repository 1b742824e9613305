package org.qipathways.samples.generate.internal;

import java.time.LocalDate;
import java.util.SplittableRandom;

/**
 * The days of the history as small integers: day 0 is the first day, {@link #lastDay()} the end
 * date. Holds each day's ISO text once, so writing a date costs no formatting.
 */
final class Days {
    private final long firstEpochDay;
    private final int lastDay;
    private final String[] text;

    /** The three years ending on {@code end}, both ends included. */
    Days(LocalDate end) {
        LocalDate first = end.minusYears(3).plusDays(1);
        this.firstEpochDay = first.toEpochDay();
        this.lastDay = (int) (end.toEpochDay() - firstEpochDay);
        this.text = new String[lastDay + 1];
        for (int d = 0; d <= lastDay; d++) {
            text[d] = first.plusDays(d).toString();
        }
    }

    int lastDay() {
        return lastDay;
    }

    String[] text() {
        return text;
    }

    /** {@code day}, or the Monday after it when it falls on a weekend: courses run on weekdays. */
    int weekday(int day) {
        int dow = Math.floorMod(firstEpochDay + day + 3, 7); // 1970-01-01 was a Thursday; 0 = Monday
        return dow == 5 ? day + 2 : dow == 6 ? day + 1 : day;
    }

    /**
     * The first Wednesday on or after {@code day}: the region runs its workshops and Silver sessions
     * on a weekly timetable, so many learners share each session's date (as in a real academy, and
     * so that a Moodle course holds one activity per session rather than one per learner).
     */
    int session(int day) {
        int dow = Math.floorMod(firstEpochDay + day + 3, 7); // 0 = Monday
        return day + Math.floorMod(2 - dow, 7);
    }

    /** The day {@code years} calendar years after {@code day} (29 February goes to 28 February). */
    int plusYears(int day, int years) {
        return (int) (LocalDate.ofEpochDay(firstEpochDay + day).plusYears(years).toEpochDay() - firstEpochDay);
    }

    /**
     * A day in {@code 0..max} drawn so that later days are likelier: the programme grows over the
     * years, as a new regional programme does, which gives the report's run charts a trend.
     */
    int rampDay(SplittableRandom rng, int max) {
        double u = rng.nextDouble();
        double x = rng.nextInt(10) < 4 ? u : Math.sqrt(u);
        return (int) (x * max);
    }
}
