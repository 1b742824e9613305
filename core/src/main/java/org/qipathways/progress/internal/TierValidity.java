package org.qipathways.progress.internal;

import static org.qipathways.progress.internal.EvaluationPlan.day;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import org.qipathways.programme.Tier;
import org.qipathways.progress.Detail;
import org.qipathways.progress.RequirementResult;
import org.qipathways.progress.TierProgress;
import org.qipathways.progress.TierStatus;
import org.qipathways.progress.ValidityPeriod;

/**
 * Decides where a learner stands on one tier as of the date judged, from its rule's timeline:
 * <ul>
 *   <li><b>achieved</b> on the first day the rule holds, unless the tier was revoked by then;</li>
 *   <li><b>expiry and renewal</b>: an expiring tier is valid for its validity period, extended by
 *       a further period each time the renewal rule holds inside the renewal window before
 *       expiry;</li>
 *   <li><b>lapse and regain</b>: past expiry without renewal the tier lapses, and is held again
 *       from the first later day the renewal rule holds;</li>
 *   <li><b>revocation</b>: a revocation of the tier, or of any tier it needs, ends every validity
 *       period the day before (a tier lost through a needed tier counts as in progress again).</li>
 * </ul>
 * It records in the {@link EvaluationContext} what later tiers read through
 * {@link HoldsTierNode} (the days held, revocation, status, lapse), which is why the plan
 * evaluates tiers in dependency order. Stateless: the tier's parts are in its {@link TierPlan}.
 */
final class TierValidity {
    private static final int FOREVER = Timeline.FOREVER;

    private TierValidity() {
    }

    static TierProgress evaluate(TierPlan t, EvaluationContext c) {
        final int index = t.index;
        final Tier tier = t.tier;
        final Node rule = t.rule;
        final Node renewal = t.renewal;
        int revoked = FOREVER;
        String reason = null;
        for (int i = 0; i < c.n; i++) {
            if (c.r.type[i] == CompactRecord.REVOKED && c.r.item[i] == index) {
                revoked = c.r.day[i];
                reason = c.r.reasons[c.r.value[i]];
                break;
            }
        }
        int cascade = FOREVER;
        int cascadeFrom = -1;
        for (int d : t.dependsOn) {
            if (c.tierRevoked[d] < cascade) {
                cascade = c.tierRevoked[d];
                cascadeFrom = d;
            }
        }
        Timeline ruleTimeline = c.timeline(rule);
        int achieved = ruleTimeline.first();
        if (achieved >= revoked) {
            achieved = FOREVER; // a revoked tier is not achieved later
        }
        int stop = Math.min(revoked, cascade);
        // most tiers of most learners are not achieved: no list to build for them
        List<ValidityPeriod> periods = List.of();
        Timeline held = Timeline.NEVER;
        LocalDate expiresOn = null;
        if (achieved != FOREVER) {
            periods = new ArrayList<>(2);
            if (!tier.expires()) {
                held = Timeline.from(achieved);
                periods.add(new ValidityPeriod(day(achieved), null, List.of()));
            } else {
                expiresOn = validity(t, c, achieved, Math.min(c.asOf, stop - 1), periods);
                int[] s = new int[periods.size()];
                int[] e = new int[periods.size()];
                for (int i = 0; i < s.length; i++) {
                    s[i] = (int) periods.get(i).from().toEpochDay();
                    e[i] = (int) periods.get(i).until().toEpochDay() + 1;
                }
                held = Timeline.union(s, e, s.length);
            }
            held = held.before(stop);
            if (stop != FOREVER) {
                clip(periods, stop);
            }
        }
        c.tierHeld[index] = held;
        c.tierRevoked[index] = revoked;

        TierStatus status;
        // the words and the trees are most of an evaluation's cost: built only when asked for (Detail)
        boolean words = c.detail != Detail.STATUSES;
        List<String> unmet = words ? new ArrayList<>() : List.of();
        RequirementResult ruleResult = c.detail == Detail.FULL ? rule.result(c) : null;
        RequirementResult renewalResult = renewal == null || c.detail != Detail.FULL ? null : renewal.result(c);
        if (revoked <= c.asOf) {
            status = TierStatus.REVOKED;
            if (words) {
                unmet.add(tier.title() + " was revoked on " + day(revoked) + (reason == null || reason.isBlank() ? "" : ": " + reason));
            }
        } else if (achieved <= c.asOf) {
            if (cascade <= c.asOf) {
                status = TierStatus.IN_PROGRESS;
                c.tierCascadeFrom[index] = cascadeFrom;
                if (words) {
                    rule.unmet(c, unmet);
                    if (unmet.isEmpty()) {
                        unmet.add(c.plan.tiers[cascadeFrom].tier.title() + " was revoked on " + day(cascade));
                    }
                }
            } else if (held.holdsOn(c.asOf)) {
                status = TierStatus.ACHIEVED;
            } else {
                status = TierStatus.LAPSED;
                if (words && renewal != null) {
                    List<String> renew = new ArrayList<>();
                    renewal.unmet(c, renew);
                    for (String s : renew) {
                        unmet.add("to regain " + tier.title() + ": " + s);
                    }
                }
                if (words && unmet.isEmpty()) {
                    unmet.add(tier.title() + " expired on " + expiresOn);
                }
            }
        } else {
            if (words) {
                rule.unmet(c, unmet);
            }
            status = rule.progressed(c) ? TierStatus.IN_PROGRESS : TierStatus.NOT_STARTED;
        }
        if (status != TierStatus.IN_PROGRESS || cascade > c.asOf) {
            c.tierCascadeFrom[index] = -1;
        }
        c.tierStatus[index] = status;
        c.tierLapsed[index] = status == TierStatus.LAPSED && expiresOn != null ? (int) expiresOn.toEpochDay() + 1 : FOREVER;
        if (achieved == FOREVER && revoked == FOREVER && ruleResult == null && renewalResult == null && unmet.isEmpty()) {
            return t.undated[status.ordinal()]; // nothing of this learner's own in it: the shared one
        }
        return new TierProgress(tier.code(), tier.title(), status, achieved == FOREVER ? null : day(achieved),
                expiresOn, revoked == FOREVER ? null : day(revoked), reason, periods, ruleResult, renewalResult, unmet);
    }

    /** Ends the periods the day before {@code stop} (a revocation, or one of a tier this one needs). */
    private static void clip(List<ValidityPeriod> periods, int stop) {
        LocalDate last = day(stop - 1);
        periods.removeIf(p -> p.from().isAfter(last));
        if (!periods.isEmpty()) {
            ValidityPeriod p = periods.get(periods.size() - 1);
            if (p.until() == null || p.until().isAfter(last)) {
                periods.set(periods.size() - 1, new ValidityPeriod(p.from(), last, p.renewals()));
            }
        }
    }

    /**
     * Walks an expiring tier's validity from its achievement: renewal on the first day inside
     * each window on which the renewal rule holds, lapse past expiry, regain on the first
     * later day it holds. Only days up to {@code limit} are decided.
     */
    private static LocalDate validity(TierPlan t, EvaluationContext c, int achieved, int limit, List<ValidityPeriod> periods) {
        Period v = t.tier.validity();
        Period w = t.tier.renewal() == null ? null : t.tier.renewal().window();
        Timeline renewalTimeline = t.renewal == null ? Timeline.NEVER : c.timeline(t.renewal);
        int start = achieved;
        LocalDate expires = day(achieved).plus(v);
        List<LocalDate> renewals = new ArrayList<>();
        while (true) {
            int e = (int) expires.toEpochDay();
            if (w != null) {
                int windowStart = (int) expires.minus(w).toEpochDay();
                int d = renewalTimeline.firstOnOrAfter(windowStart);
                if (d <= e && d <= limit) {
                    renewals.add(day(d));
                    expires = expires.plus(v);
                    continue;
                }
            }
            periods.add(new ValidityPeriod(day(start), expires, renewals));
            if (e >= limit) {
                return expires;
            }
            int regain = renewalTimeline.firstOnOrAfter(e + 1);
            if (regain > limit) {
                return expires;
            }
            start = regain;
            expires = day(regain).plus(v);
            renewals = new ArrayList<>();
        }
    }
}
