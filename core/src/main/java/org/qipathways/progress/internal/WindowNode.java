package org.qipathways.progress.internal;

import static org.qipathways.progress.internal.EvaluationPlan.day;

import java.util.ArrayList;
import java.util.List;
import org.qipathways.programme.UnitKind;
import org.qipathways.rules.EventSelector;
import org.qipathways.rules.Requirement;
import org.qipathways.rules.Role;

/**
 * Decides "evidence approved within N days after an anchor event" ({@code within: {days, after,
 * anchor}}; the anchor's own day is day 0). An approval counts when it falls within N days after
 * the latest anchor event on or before it; from the first approval that counts, the node holds
 * for good, because anchor events dated after an approval neither help nor hurt it.
 *
 * <p>With {@code anchor: last} the window runs from "the last of those sessions": the
 * requirements beside it in the same all-of that count the anchor events themselves (the
 * <i>gate</i>: in the reference programme "at least 2 of the 3 Silver for Teams sessions") must
 * already hold on the approval's date. So sessions 2 and 1 attended, the team plan approved the
 * next day and session 3 attended later gives Silver on the approval date, while a plan approved
 * after only one session does not count, even once a second session is attended.
 * {@code PlanCompiler} hands each all-of's children to {@link #gated} to attach the gate.
 *
 * <p>Without a gate, "the latest anchor on or before the approval is within N days" is the same
 * as "some anchor on or before it is", so {@code anchor: any} and an ungated {@code last} agree.
 */
final class WindowNode extends Node {
    private static final int FOREVER = Timeline.FOREVER;
    /** How {@link #state} ends when an approval is on record but does not count. */
    private static final String NOT_COUNTED = "so it does not count";

    final int unit;
    final int days;
    final Selector anchor;
    /** Whether only the last anchor event counts ({@code anchor: last}); otherwise any does. */
    final boolean last;
    /** With {@code last}: the sibling requirements counting anchor events, all holding on the approval's date. */
    final Node[] gate;
    private final String title;
    /** "approved within 90 days after (last) attending ...", for explanations. */
    private final String what;

    WindowNode(int id, Requirement req, int unit, String title, int days, Selector anchor, boolean last) {
        this(id, req, unit, title, days, anchor, last, NONE);
    }

    private WindowNode(int id, Requirement req, int unit, String title, int days, Selector anchor, boolean last,
                       Node[] gate) {
        super(id, req, NONE, title + " approved within " + days + " days after " + (last ? "last " : "")
                + anchor.phrase());
        this.unit = unit;
        this.title = title;
        this.days = days;
        this.anchor = anchor;
        this.last = last;
        this.gate = gate;
        this.what = title + " approved within " + days + " days after " + (last ? "last " : "") + anchor.phrase();
    }

    /**
     * An all-of's children with every {@code anchor: last} window among them given its gate: the
     * other children that count only events its anchor selects (attendances or counts of the
     * anchor's units in a role the anchor accepts, or at-least/all/any of such). A sibling about
     * something else (holding a tier, a score) is not part of "those sessions" and does not gate.
     */
    static Node[] gated(Node[] children) {
        Node[] out = children;
        for (int i = 0; i < children.length; i++) {
            if (!(children[i] instanceof WindowNode w) || !w.last) {
                continue;
            }
            List<Node> gate = new ArrayList<>();
            for (int j = 0; j < children.length; j++) {
                if (j != i && countsOnly(children[j].req, w.anchor.source)) {
                    gate.add(children[j]);
                }
            }
            if (!gate.isEmpty()) {
                out = out == children ? children.clone() : out;
                out[i] = new WindowNode(w.id, w.req, w.unit, w.title, w.days, w.anchor, true, gate.toArray(NONE));
            }
        }
        return out;
    }

    /** Whether the requirement is decided only by events the anchor selector picks. */
    private static boolean countsOnly(Requirement r, EventSelector anchor) {
        if (r instanceof Requirement.Attended a) {
            return within(anchor, EventSelector.Kind.ATTENDED, a.attended(), a.role());
        }
        if (r instanceof Requirement.EventCount x) {
            return within(anchor, x.count().kind(), x.count().units(), x.count().role());
        }
        if (r instanceof Requirement.AtLeastOf || r instanceof Requirement.AllOf || r instanceof Requirement.AnyOf) {
            return r.children().stream().allMatch(ch -> countsOnly(ch, anchor));
        }
        return false;
    }

    private static boolean within(EventSelector anchor, EventSelector.Kind kind, List<String> units, Role role) {
        return anchor.kind() == kind && anchor.units().containsAll(units)
                && (anchor.role() == Role.ANY || anchor.role() == role);
    }

    private boolean approved(CompactRecord r, int i) {
        return EvidenceNode.approved(r, i, unit);
    }

    /** The days on which every gate requirement holds; null when there is no gate. */
    private Timeline gateTimeline(EvaluationContext c) {
        Timeline t = null;
        for (Node g : gate) {
            t = t == null ? c.timeline(g) : Timeline.and(t, c.timeline(g));
        }
        return t;
    }

    @Override
    Timeline compute(EvaluationContext c) {
        Timeline g = gateTimeline(c);
        CompactRecord r = c.r;
        // Events are in day order; j runs ahead to the last event dated on or before the approval,
        // so an anchor on the approval's own day (day 0) counts whichever comes first in the record.
        int latest = Integer.MIN_VALUE;
        int j = 0;
        for (int i = 0; i < c.n; i++) {
            if (!approved(r, i)) {
                continue;
            }
            int a = r.day[i];
            while (j < c.n && r.day[j] <= a) {
                if (anchor.matches(r, j)) {
                    latest = r.day[j];
                }
                j++;
            }
            if (latest != Integer.MIN_VALUE && a - latest <= days && (g == null || g.holdsOn(a))) {
                return Timeline.from(a);
            }
        }
        return Timeline.NEVER;
    }

    /** Index of the latest anchor event on or before {@code day}; -1 when none. */
    private int latestAnchorEvent(EvaluationContext c, int day) {
        int k = -1;
        for (int i = 0; i < c.n && c.r.day[i] <= day; i++) {
            if (anchor.matches(c.r, i)) {
                k = i;
            }
        }
        return k;
    }

    /** "the last session attended": the anchor event's unit kind and what happened to it. */
    private String lastAnchorWords(EvaluationContext c, int event) {
        UnitKind kind = c.plan.unitKind[c.r.item[event]];
        String noun = switch (kind) {
            case ONLINE_MODULE -> "module";
            case ASSESSMENT -> "assessment";
            case WORKSHOP -> "workshop";
            case SESSION -> "session";
            case EVIDENCE -> "piece of evidence";
        };
        String verb = switch (anchor.source.kind()) {
            case ATTENDED -> "attended";
            case COMPLETED -> "completed";
            case EVIDENCE_APPROVED -> "approved";
        };
        return "the last " + noun + " " + verb;
    }

    /** The gate's words: "at least 2 of the 3 Silver for Teams sessions". */
    private String gateWords() {
        List<String> parts = new ArrayList<>(gate.length);
        for (Node g : gate) {
            parts.add(g.description);
        }
        return String.join(" and ", parts);
    }

    @Override
    String explain(EvaluationContext c) {
        int asOfAnchor = latestAnchorEvent(c, c.asOf);
        if (asOfAnchor < 0) {
            return labelled(what + ": first " + anchor.imperative());
        }
        Timeline g = gateTimeline(c);
        String state = state(c, g);
        if (g != null && !g.holdsOn(c.asOf)) {
            // Which session will be "the last" is not known yet: no deadline to give.
            return labelled(state + "; needs approval within " + days + " days after the last of " + gateWords());
        }
        int a = c.r.day[asOfAnchor];
        int deadline = a + days;
        if (deadline >= c.asOf) {
            return labelled(state + "; needs approval by " + day(deadline) + " (" + days + " days after "
                    + lastAnchorWords(c, asOfAnchor) + ", " + day(a) + ")");
        }
        return labelled(what + ": the " + days + " days after " + day(a) + " ended on " + day(deadline)
                + (state.endsWith(NOT_COUNTED) ? "; " + state : " without an approval"));
    }

    /**
     * Where the evidence stands: the last approval and why it does not count, or else the last
     * submission or decision ("submitted on ..., awaiting approval").
     */
    private String state(EvaluationContext c, Timeline g) {
        int approval = -1;
        int lastEvent = -1;
        for (int i = 0; i < c.n; i++) {
            if (c.r.type[i] == CompactRecord.EVIDENCE && c.r.item[i] == unit) {
                lastEvent = i;
                if (approved(c.r, i)) {
                    approval = i;
                }
            }
        }
        if (approval < 0 || approval != lastEvent) {
            return EvidenceNode.approvalMissing(c, unit, title);
        }
        int d = c.r.day[approval];
        int k = latestAnchorEvent(c, d);
        String on = title + " approved on " + day(d) + ", ";
        if (k < 0) {
            return on + "before " + anchor.phrase() + ", " + NOT_COUNTED;
        }
        if (g != null && !g.holdsOn(d)) {
            return on + "before " + gateWords() + " were done, " + NOT_COUNTED;
        }
        int a = c.r.day[k];
        return on + "more than " + days + " days after " + lastAnchorWords(c, k) + " before it (" + day(a) + "), "
                + NOT_COUNTED;
    }

    private String labelled(String s) {
        return req.label() == null ? s : req.label() + ": " + s;
    }

    @Override
    boolean progressed(EvaluationContext c) {
        return c.anyUnitEvent(unit) || anchor.first(c) != FOREVER;
    }
}
