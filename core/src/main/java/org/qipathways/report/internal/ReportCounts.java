package org.qipathways.report.internal;

import static org.qipathways.report.internal.ReportBuilder.EXPIRY_DAYS;
import static org.qipathways.report.internal.ReportBuilder.NOT_IN_LEARNERS;
import static org.qipathways.report.internal.ReportBuilder.NOT_RECORDED;
import static org.qipathways.report.internal.ReportBuilder.NO_BAND;
import static org.qipathways.report.internal.ReportBuilder.STALL_DAYS;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.qipathways.competency.Competency;
import org.qipathways.competency.CompetencyFramework;
import org.qipathways.programme.Programme;
import org.qipathways.programme.Tier;
import org.qipathways.progress.CompetencyLevel;
import org.qipathways.progress.Progress;
import org.qipathways.progress.TierProgress;
import org.qipathways.progress.TierStatus;
import org.qipathways.record.Learner;
import org.qipathways.record.LearnerEvent;
import org.qipathways.record.LearnerRecord;

/**
 * The unrounded counts every table of the report is laid out from, built one learner at a time
 * as they are evaluated, so that no learner's progress (or its explanation) is kept: per tier the
 * learners by status on the report date and a year before, by group (organisation, ICB, staff
 * group, band), the days from one tier to the next, stalls by missing requirement, expiries, the
 * competency levels and the first achievements by month. One instance counts one population: the
 * region, or one organisation's learners.
 */
final class ReportCounts {

    /** The groupings of the by-group tables, in {@link #groups} order. */
    enum Grouping {
        ORGANISATION(Learner::organisation, NOT_RECORDED),
        REGION(Learner::region, NOT_RECORDED),
        STAFF_GROUP(Learner::staffGroup, NOT_RECORDED),
        BAND(Learner::band, NO_BAND);

        final Function<Learner, String> key;
        final String missing;

        Grouping(Function<Learner, String> key, String missing) {
            this.key = key;
            this.missing = missing;
        }
    }

    final LocalDate asOf;
    private final List<Tier> tiers;
    private final int n;
    private final LocalDate stallCutoff;
    private final LocalDate ahead;
    private final LocalDate back;
    /** The tiers that expire, by index. */
    final int[] expiringTiers;
    private final Map<String, Integer> competencyIndex = new HashMap<>();
    final int maxLevel;

    /** Learners counted now, and a year ago. */
    long total;
    long totalYearAgo;
    /** Learners counted now who have no row in the learners file. */
    long unlisted;
    /** [0 now, 1 a year ago][tier][status ordinal]. */
    final long[][][] byStatus;
    /** Per grouping, per group: learners, then per tier achieved and in progress. */
    final List<Map<String, long[]>> groups = new ArrayList<>();
    /** Per organisation code, learners holding both the first and the second tier. */
    final Map<String, long[]> bothByOrganisation = new HashMap<>();
    long bothTotal;
    long secondWithoutFirst;
    /** Per tier, days from the previous tier (or the first event) to it. */
    final long[][] days;
    final int[] dayCount;
    /** Per tier, stalled learners by missing requirement. */
    final List<Map<String, long[]>> stalls = new ArrayList<>();
    /** Per expiring tier: expiring within the days ahead, lapsed within the days back. */
    final long[][] expiring;
    /** Per competency: learners at each level, then all. */
    final long[][] coverage;
    /** Per month, first achievements of each tier. */
    final Map<YearMonth, long[]> achievedByMonth = new HashMap<>();
    /** The earliest first event up to the report date among the records counted; {@code null} when none. */
    LocalDate firstEvent;
    /** The learners counted, when the certificate table needs them; {@code null} otherwise. */
    final Set<String> ids;

    ReportCounts(Programme programme, LocalDate asOf, boolean keepIds) {
        this.asOf = asOf;
        this.tiers = programme.tiers();
        this.n = tiers.size();
        this.stallCutoff = asOf.minusDays(STALL_DAYS);
        this.ahead = asOf.plusDays(EXPIRY_DAYS);
        this.back = asOf.minusDays(EXPIRY_DAYS);
        this.expiringTiers = java.util.stream.IntStream.range(0, n).filter(t -> tiers.get(t).expires()).toArray();
        CompetencyFramework framework = programme.framework();
        List<Competency> competencies = framework.competencies();
        for (int i = 0; i < competencies.size(); i++) {
            competencyIndex.put(competencies.get(i).code(), i);
        }
        this.maxLevel = framework.scale().maxLevel();
        this.byStatus = new long[2][n][TierStatus.values().length];
        for (int g = 0; g < Grouping.values().length; g++) {
            groups.add(new HashMap<>());
        }
        this.days = new long[n][16];
        this.dayCount = new int[n];
        for (int t = 0; t < n; t++) {
            stalls.add(new HashMap<>());
        }
        this.expiring = new long[expiringTiers.length][2];
        this.coverage = new long[competencies.size()][maxLevel + 2];
        this.ids = keepIds ? new HashSet<>() : null;
    }

    /** Counts one learner's progress a year before the report date (the funnel's second date). */
    void addYearAgo(Progress p) {
        totalYearAgo++;
        for (int t = 0; t < n; t++) {
            byStatus[1][t][p.tiers().get(t).status().ordinal()]++;
        }
    }

    /** Counts one record's first event, for the months the achievements charts cover. */
    void addRecord(LearnerRecord r) {
        LocalDate f = firstEvent(r, asOf);
        if (f != null && (firstEvent == null || f.isBefore(firstEvent))) {
            firstEvent = f;
        }
    }

    /**
     * Counts one learner's progress on the report date, {@code record} being their record and
     * {@code learner} their row of the learners file ({@code null} when none).
     *
     * @return whether the learner has stalled on a tier and {@code p} has no explanation to tell
     *         where: then give {@link #addStalls} their progress with the explanation
     */
    boolean addNow(Progress p, LearnerRecord record, Learner learner) {
        total++;
        if (ids != null) {
            ids.add(p.learnerId());
        }
        if (learner == null) {
            unlisted++;
        }
        List<TierProgress> tp = p.tiers();
        for (int t = 0; t < n; t++) {
            byStatus[0][t][tp.get(t).status().ordinal()]++;
        }
        addToGroups(tp, learner);
        if (n >= 2) {
            boolean holdsFirst = tp.get(0).status() == TierStatus.ACHIEVED;
            boolean holdsSecond = tp.get(1).status() == TierStatus.ACHIEVED;
            secondWithoutFirst += holdsSecond && !holdsFirst ? 1 : 0;
            if (holdsFirst && holdsSecond) {
                bothTotal++;
                if (learner != null) {
                    bothByOrganisation.computeIfAbsent(learner.organisation(), k -> new long[1])[0]++;
                }
            }
        }
        for (int t = 0; t < n; t++) {
            LocalDate to = tp.get(t).achievedOn();
            LocalDate from = t == 0 ? firstEvent(record, asOf) : tp.get(t - 1).achievedOn();
            if (to != null && from != null) {
                addDays(t, ChronoUnit.DAYS.between(from, to));
            }
            if (to != null) {
                achievedByMonth.computeIfAbsent(YearMonth.from(to), k -> new long[n])[t]++;
            }
        }
        for (int i = 0; i < expiringTiers.length; i++) {
            TierProgress e = tp.get(expiringTiers[i]);
            LocalDate end = e.expiresOn();
            if (end == null) {
                continue;
            }
            if (e.status() == TierStatus.ACHIEVED && !end.isBefore(asOf) && !end.isAfter(ahead)) {
                expiring[i][0]++;
            } else if (e.status() == TierStatus.LAPSED && !end.isBefore(back) && end.isBefore(asOf)) {
                expiring[i][1]++;
            }
        }
        for (CompetencyLevel cl : p.competencies()) {
            Integer i = competencyIndex.get(cl.competency());
            if (i != null) {
                coverage[i][Math.min(Math.max(cl.level(), 0), maxLevel)]++;
                coverage[i][maxLevel + 1]++;
            }
        }
        if (!stalled(p, record)) {
            return false;
        }
        for (int t = 0; t < n; t++) {
            if (tp.get(t).status() == TierStatus.IN_PROGRESS && tp.get(t).rule() == null) {
                return true;
            }
        }
        addStalls(p, record);
        return false;
    }

    /**
     * Counts where a stalled learner is stuck on each tier they are in progress on, from their
     * progress with the explanation ({@code Detail.FULL}); statuses are those {@link #addNow} counted.
     */
    void addStalls(Progress p, LearnerRecord record) {
        if (!stalled(p, record)) {
            return;
        }
        for (int t = 0; t < n; t++) {
            TierProgress tp = p.tiers().get(t);
            if (tp.status() == TierStatus.IN_PROGRESS) {
                stalls.get(t).computeIfAbsent(StallKey.of(tp), k -> new long[1])[0]++;
            }
        }
    }

    /** In progress on some tier with no event in the stall days before the report date. */
    private boolean stalled(Progress p, LearnerRecord record) {
        for (TierProgress tp : p.tiers()) {
            if (tp.status() == TierStatus.IN_PROGRESS) {
                LocalDate last = lastEvent(record, asOf);
                return last != null && !last.isAfter(stallCutoff);
            }
        }
        return false;
    }

    private void addToGroups(List<TierProgress> tp, Learner learner) {
        int width = 1 + 2 * n;
        for (Grouping g : Grouping.values()) {
            String key = learner == null ? NOT_IN_LEARNERS : g.key.apply(learner);
            if (key == null) {
                key = g.missing;
            }
            long[] c = groups.get(g.ordinal()).computeIfAbsent(key, k -> new long[width]);
            c[0]++;
            for (int t = 0; t < n; t++) {
                TierStatus s = tp.get(t).status();
                int at = s == TierStatus.ACHIEVED ? 1 + 2 * t : s == TierStatus.IN_PROGRESS ? 2 + 2 * t : -1;
                if (at > 0) {
                    c[at]++;
                }
            }
        }
    }

    private void addDays(int t, long value) {
        if (dayCount[t] == days[t].length) {
            days[t] = Arrays.copyOf(days[t], days[t].length * 2);
        }
        days[t][dayCount[t]++] = value;
    }

    /** The days counted for tier {@code t}, sorted. */
    double[] sortedDays(int t) {
        double[] out = new double[dayCount[t]];
        for (int i = 0; i < out.length; i++) {
            out[i] = days[t][i];
        }
        Arrays.sort(out);
        return out;
    }

    /** Learners holding tier {@code t} on the report date. */
    long achievedNow(int t) {
        return byStatus[0][t][TierStatus.ACHIEVED.ordinal()];
    }

    static LocalDate firstEvent(LearnerRecord r, LocalDate asOf) {
        if (r == null || r.events().isEmpty() || r.events().get(0).date().isAfter(asOf)) {
            return null;
        }
        return r.events().get(0).date();
    }

    static LocalDate lastEvent(LearnerRecord r, LocalDate asOf) {
        if (r == null) {
            return null;
        }
        List<LearnerEvent> events = r.events();
        for (int i = events.size() - 1; i >= 0; i--) {
            if (!events.get(i).date().isAfter(asOf)) {
                return events.get(i).date();
            }
        }
        return null;
    }
}
