package org.qipathways.samples.generate.internal;

import java.io.IOException;
import java.io.Writer;
import java.time.LocalDate;
import java.util.SplittableRandom;
import java.util.function.IntConsumer;

/**
 * Writes a synthetic region team by team: each team gets its own random stream, derived from the
 * seed and the team's index, so the output depends on nothing but (seed, learners, end date) and
 * memory stays flat however many learners are asked for. Learners are numbered in order, and a
 * team's members are consecutive learners of one organisation.
 */
public final class RegionWriter {
    /** How often, in learners, the progress callback hears from the writer. */
    public static final int PROGRESS_STEP = 10_000;

    private static final String[] LEARNERS_HEADER = {"learner_id", "organisation", "staff_group", "band", "team", "region"};
    private static final String[] EVENTS_HEADER = {"learner_id", "date", "type", "item", "result"};
    private static final int MIN_TEAM = 5;
    private static final int MAX_TEAM = 15;

    private final int learners;
    private final long seed;
    private final Days days;

    public RegionWriter(int learners, long seed, LocalDate end) {
        this.learners = learners;
        this.seed = seed;
        this.days = new Days(end);
    }

    /** The names of the organisations the region's learners work for, by ODS code. */
    public static java.util.Map<String, String> organisationNames() {
        java.util.Map<String, String> names = new java.util.TreeMap<>();
        for (Organisation o : Organisations.ALL) {
            names.put(o.code(), o.name());
        }
        return java.util.Collections.unmodifiableMap(names);
    }

    /**
     * Writes both files; flushes but does not close the writers.
     *
     * @return the number of events written
     */
    public long write(Writer learnersOut, Writer eventsOut, IntConsumer progress) throws IOException {
        CsvOut people = new CsvOut(learnersOut);
        CsvOut log = new CsvOut(eventsOut);
        header(people, LEARNERS_HEADER);
        header(log, EVENTS_HEADER);

        int orgCount = Organisations.ALL.size();
        String[] orgCode = new String[orgCount];
        String[] region = new String[orgCount];
        for (int o = 0; o < orgCount; o++) {
            orgCode[o] = CsvOut.quote(Organisations.ALL.get(o).code());
            region[o] = CsvOut.quote(Organisations.ALL.get(o).region());
        }
        String[] staffGroup = new String[Workforce.STAFF_GROUPS.length];
        for (int g = 0; g < staffGroup.length; g++) {
            staffGroup[g] = CsvOut.quote(Workforce.STAFF_GROUPS[g]);
        }
        int[] teamsSoFar = new int[orgCount];
        String[] dateText = days.text();
        EventBuffer events = new EventBuffer(days.lastDay());
        Histories histories = new Histories(days, events);
        TeamCohort cohort = new TeamCohort();
        LearnerIds ids = new LearnerIds(learners);

        long eventCount = 0;
        int done = 0;
        for (long team = 0; done < learners; team++) {
            SplittableRandom rng = new SplittableRandom(teamSeed(seed, team));
            int size = teamSize(rng.nextInt(MIN_TEAM, MAX_TEAM + 1), learners - done);
            int org = Organisations.pick(rng);
            Organisation.Kind kind = Organisations.ALL.get(org).kind();
            String teamId = teamId(Organisations.ALL.get(org).code(), ++teamsSoFar[org]);
            cohort.draw(rng, days);
            for (int m = 0; m < size; m++) {
                String id = ids.next();
                int group = Workforce.staffGroup(kind, rng);
                int band = Workforce.band(group, rng);
                people.raw(id).raw(orgCode[org]).raw(staffGroup[group]).raw(Workforce.BANDS[band]).raw(teamId).raw(region[org]);
                people.endRow();
                boolean takesPart = cohort.active && rng.nextInt(100) < TeamCohort.TAKES_PART_PERCENT;
                histories.learner(rng, group, band, takesPart ? cohort : null);
                events.writeTo(log, id, dateText);
                eventCount += events.size();
                done++;
                if (done % PROGRESS_STEP == 0) {
                    progress.accept(done);
                }
            }
        }
        people.flush();
        log.flush();
        progress.accept(done);
        return eventCount;
    }

    /** The drawn size, unless that would leave a last team smaller than the minimum. */
    private static int teamSize(int drawn, int remaining) {
        if (remaining <= MAX_TEAM) {
            return remaining;
        }
        return remaining - drawn < MIN_TEAM ? remaining - MIN_TEAM : drawn;
    }

    private static String teamId(String org, int n) {
        String digits = Integer.toString(n);
        return digits.length() >= 3 ? org + "-T" + digits : org + "-T" + "000".substring(digits.length()) + digits;
    }

    /** A well-mixed seed per team (the SplitMix64 finaliser), so neighbouring teams are unrelated. */
    static long teamSeed(long seed, long team) {
        long z = seed + 0x9E3779B97F4A7C15L * (team + 1);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static void header(CsvOut out, String[] columns) throws IOException {
        for (String c : columns) {
            out.raw(c);
        }
        out.endRow();
    }

    /** {@code L0000001}, {@code L0000002}, ...: seven digits, more when there are more learners. */
    static final class LearnerIds {
        private final char[] text;
        private int n;

        LearnerIds(int learners) {
            text = new char[1 + Math.max(7, Integer.toString(learners).length())];
            text[0] = 'L';
        }

        String next() {
            int v = ++n;
            for (int i = text.length - 1; i > 0; i--) {
                text[i] = (char) ('0' + v % 10);
                v /= 10;
            }
            return new String(text);
        }
    }
}
