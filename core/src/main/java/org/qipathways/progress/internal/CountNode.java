package org.qipathways.progress.internal;

import static org.qipathways.progress.internal.EvaluationPlan.day;

import java.time.LocalDate;
import java.time.Period;
import org.qipathways.rules.Requirement;
import org.qipathways.rules.Role;

/**
 * Decides "at least N matching events" ({@code count}): optionally one per date, optionally only
 * from the first event of another selector on, optionally only those within a look-back period
 * up to the day judged. With a look-back the count can fall again as old events age out, so the
 * timeline is a union of intervals, one per run of N consecutive events; without one it holds
 * from the N-th event for good.
 */
final class CountNode extends Node {
    private static final int FOREVER = Timeline.FOREVER;

    final Selector counted;
    final int needed;
    final boolean distinct;
    /** Counting starts at this selector's first event; null to count from the start. */
    final Selector from;
    /** Events count on a day only if at most this long before it; null for no limit. */
    final Period lookback;

    CountNode(int id, Requirement req, Selector counted, int needed, boolean distinct, Selector from, Period lookback) {
        super(id, req, NONE, describe(counted, needed, distinct, from, lookback));
        this.counted = counted;
        this.needed = needed;
        this.distinct = distinct;
        this.from = from;
        this.lookback = lookback;
    }

    private static String describe(Selector counted, int needed, boolean distinct, Selector from, Period lookback) {
        String verb = switch (counted.source.kind()) {
            case ATTENDED -> counted.source.role() == Role.FACILITATOR ? "facilitate" : "attend";
            case COMPLETED -> "complete";
            case EVIDENCE_APPROVED -> "have approved";
        };
        return verb + " " + needed + " of " + counted.noun()
                + (distinct ? " on distinct dates" : "")
                + (from == null ? "" : " on or after " + from.phrase())
                + (lookback == null ? "" : " within " + words(lookback) + " up to the date");
    }

    /** Matching days on or after the anchor, ascending (one per date when distinct). */
    private int collect(EvaluationContext c, int[] out) {
        int start = from == null ? Integer.MIN_VALUE : from.first(c);
        if (start == FOREVER) {
            return 0;
        }
        int m = 0;
        for (int i = 0; i < c.n; i++) {
            int d = c.r.day[i];
            if (d >= start && counted.matches(c.r, i) && !(distinct && m > 0 && out[m - 1] == d)) {
                out[m++] = d;
            }
        }
        return m;
    }

    @Override
    Timeline compute(EvaluationContext c) {
        int[] days = c.days(c.n);
        int m = collect(c, days);
        if (m < needed) {
            return Timeline.NEVER;
        }
        if (lookback == null) {
            return Timeline.from(days[needed - 1]);
        }
        // Counted on day D: events from D minus lookback to D. The i-th..(i+needed-1)-th events
        // are all inside from the later one's day until the last D whose lookback reaches the first.
        int k = m - needed + 1;
        int[] starts = new int[k];
        int[] ends = new int[k];
        for (int i = 0; i < k; i++) {
            starts[i] = days[i + needed - 1];
            ends[i] = lastDayReaching(days[i]) + 1;
        }
        return Timeline.union(starts, ends, k);
    }

    private int lastDayReaching(int day) {
        LocalDate x = day(day);
        LocalDate d = x.plus(lookback);
        while (!d.plusDays(1).minus(lookback).isAfter(x)) {
            d = d.plusDays(1);
        }
        while (d.minus(lookback).isAfter(x)) {
            d = d.minusDays(1);
        }
        return (int) d.toEpochDay();
    }

    @Override
    String explain(EvaluationContext c) {
        int[] days = c.days(c.n);
        int m = collect(c, days);
        int have = m;
        if (lookback != null) {
            int since = (int) day(c.asOf).minus(lookback).toEpochDay();
            have = 0;
            for (int i = 0; i < m; i++) {
                if (days[i] >= since) {
                    have++;
                }
            }
        }
        String head = req.label() != null ? req.label() : description;
        String tail = "";
        if (from != null && from.first(c) == FOREVER) {
            tail = " (counting starts once you " + from.imperative() + ")";
        }
        return head + ": " + have + " of " + needed + tail;
    }

    @Override
    boolean progressed(EvaluationContext c) {
        int start = from == null ? Integer.MIN_VALUE : from.first(c);
        for (int i = 0; i < c.n && start != FOREVER; i++) {
            if (c.r.day[i] >= start && counted.matches(c.r, i)) {
                return true;
            }
        }
        return false;
    }

    /** A look-back period in words: "the year", "the 6 months", "the 30 days". */
    private static String words(Period p) {
        if (p.getMonths() == 0 && p.getDays() == 0) {
            return p.getYears() == 1 ? "the year" : "the " + p.getYears() + " years";
        }
        if (p.getYears() == 0 && p.getDays() == 0) {
            return p.getMonths() == 1 ? "the month" : "the " + p.getMonths() + " months";
        }
        if (p.getYears() == 0 && p.getMonths() == 0) {
            return "the " + p.getDays() + " days";
        }
        return p.toString();
    }
}
