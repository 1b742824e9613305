package org.qipathways.progress.internal;

import static org.qipathways.progress.internal.EvaluationPlan.day;

import org.qipathways.rules.Requirement;

/**
 * Decides "evidence approved" with no time window: from the day of the first approval. What is
 * missing follows the evidence's last state (not submitted, awaiting approval, not approved).
 * With a window ({@code within: ... after: ...}) the requirement is a {@link WindowNode} instead.
 */
final class EvidenceNode extends Node {
    final int unit;
    private final String title;

    EvidenceNode(int id, Requirement req, int unit, String title) {
        super(id, req, NONE, title + " approved");
        this.unit = unit;
        this.title = title;
    }

    static boolean approved(CompactRecord r, int i, int unit) {
        return r.type[i] == CompactRecord.EVIDENCE && r.item[i] == unit && r.value[i] == CompactRecord.APPROVED;
    }

    @Override
    Timeline compute(EvaluationContext c) {
        for (int i = 0; i < c.n; i++) {
            if (approved(c.r, i, unit)) {
                return Timeline.from(c.r.day[i]);
            }
        }
        return Timeline.NEVER;
    }

    @Override
    String explain(EvaluationContext c) {
        String s = approvalMissing(c, unit, title);
        return req.label() == null ? s : req.label() + ": " + s;
    }

    /** Where the unit's evidence stands, from its last submission or decision; also a completed evidence unit's words. */
    static String approvalMissing(EvaluationContext c, int unit, String title) {
        int last = -1;
        for (int i = 0; i < c.n; i++) {
            if (c.r.type[i] == CompactRecord.EVIDENCE && c.r.item[i] == unit) {
                last = i;
            }
        }
        if (last < 0) {
            return title + ": not submitted yet";
        }
        return switch (c.r.value[last]) {
            case CompactRecord.SUBMITTED -> title + ": submitted on " + day(c.r.day[last]) + ", awaiting approval";
            case CompactRecord.REJECTED -> title + ": not approved on " + day(c.r.day[last]) + "; revise and resubmit";
            default -> title + " approved on " + day(c.r.day[last]);
        };
    }

    @Override
    boolean progressed(EvaluationContext c) {
        return c.anyUnitEvent(unit);
    }
}
