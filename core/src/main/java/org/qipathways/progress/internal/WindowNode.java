package org.qipathways.progress.internal;

import static org.qipathways.progress.internal.EvaluationPlan.day;

import org.qipathways.rules.Requirement;

/**
 * Decides "evidence approved within N days after an anchor event" ({@code within: {days, after,
 * anchor}}; the anchor's own day is day 0). With {@code anchor: any}: from the first approval that
 * has a matching event at most N days before it, for good. With {@code anchor: last}: only while
 * the latest anchor event's window was met, so a later anchor event (attending the next team
 * session, say) asks for a new approval within its own window.
 *
 * <p>It is its own kind rather than a flag on {@link EvidenceNode} because the last-anchor
 * timeline is not monotone (it can stop holding) and its explanation is about a deadline.
 */
final class WindowNode extends Node {
    private static final int FOREVER = Timeline.FOREVER;

    final int unit;
    final int days;
    final Selector anchor;
    /** Whether only the latest anchor event counts ({@code anchor: last}); otherwise any does. */
    final boolean last;
    private final String title;

    WindowNode(int id, Requirement req, int unit, String title, int days, Selector anchor, boolean last) {
        super(id, req, NONE, title + " approved within " + days + " days after " + (last ? "the last " : "")
                + anchor.phrase());
        this.unit = unit;
        this.title = title;
        this.days = days;
        this.anchor = anchor;
        this.last = last;
    }

    private boolean approved(CompactRecord r, int i) {
        return EvidenceNode.approved(r, i, unit);
    }

    @Override
    Timeline compute(EvaluationContext c) {
        CompactRecord r = c.r;
        if (!last) {
            // Events are in day order: the first approval with an anchor at most `days` before it.
            for (int i = 0; i < c.n; i++) {
                if (!approved(r, i)) {
                    continue;
                }
                for (int j = 0; j < c.n && r.day[j] <= r.day[i]; j++) {
                    if (anchor.matches(r, j) && r.day[i] - r.day[j] <= days) {
                        return Timeline.from(r.day[i]);
                    }
                }
            }
            return Timeline.NEVER;
        }
        // Only the latest anchor counts: between anchors a(k) and a(k+1) the node holds from the
        // first approval in [a(k), a(k) + days] that comes before a(k+1).
        int[] starts = new int[c.n];
        int[] ends = new int[c.n];
        int m = 0;
        int prevAnchor = Integer.MIN_VALUE;
        for (int j = 0; j <= c.n; j++) {
            boolean isAnchor = j < c.n && anchor.matches(r, j) && r.day[j] != prevAnchor;
            if (!isAnchor && j < c.n) {
                continue;
            }
            int next = j < c.n ? r.day[j] : FOREVER;
            if (prevAnchor != Integer.MIN_VALUE) {
                int deadline = prevAnchor + days;
                for (int i = 0; i < c.n; i++) {
                    int d = r.day[i];
                    if (d >= prevAnchor && d <= deadline && d < next && approved(r, i)) {
                        starts[m] = d;
                        ends[m++] = next;
                        break;
                    }
                }
            }
            prevAnchor = next;
        }
        return Timeline.union(starts, ends, m);
    }

    @Override
    String explain(EvaluationContext c) {
        int a = Integer.MIN_VALUE;
        for (int i = 0; i < c.n; i++) {
            if (anchor.matches(c.r, i)) {
                a = c.r.day[i];
            }
        }
        String what = title + " approved within " + days + " days after " + anchor.phrase();
        if (a == Integer.MIN_VALUE) {
            return labelled(what + ": first " + anchor.imperative());
        }
        int deadline = a + days;
        if (deadline >= c.asOf) {
            return labelled(EvidenceNode.approvalMissing(c, unit, title) + "; needs approval by " + day(deadline)
                    + " (" + days + " days after " + day(a) + ")");
        }
        return labelled(what + ": the " + days + " days after " + day(a) + " ended on " + day(deadline)
                + " without an approval");
    }

    private String labelled(String s) {
        return req.label() == null ? s : req.label() + ": " + s;
    }

    @Override
    boolean progressed(EvaluationContext c) {
        return c.anyUnitEvent(unit) || anchor.first(c) != FOREVER;
    }
}
