package org.qipathways.progress.internal;

import org.qipathways.programme.UnitKind;
import org.qipathways.rules.Requirement;

/**
 * Decides "completed": the unit is done the way its kind is done (a module completed, an
 * assessment passed at its pass mark, a workshop or session attended, evidence approved), from the
 * first day it was. The day itself is worked out once per learner by
 * {@link EvaluationContext#unitDone}, since competency evidence asks the same question.
 */
final class CompletedNode extends Node {
    final int unit;
    private final UnitKind kind;
    private final String title;
    private final int passMark;

    CompletedNode(int id, Requirement req, int unit, UnitKind kind, String title, int passMark) {
        super(id, req, NONE, switch (kind) {
            case ONLINE_MODULE -> "complete " + title;
            case ASSESSMENT -> "pass " + title + " (" + passMark + " or more)";
            case WORKSHOP, SESSION -> "attend " + title;
            case EVIDENCE -> title + " approved";
        });
        this.unit = unit;
        this.kind = kind;
        this.title = title;
        this.passMark = passMark;
    }

    @Override
    Timeline compute(EvaluationContext c) {
        return Timeline.from(c.unitDone(unit));
    }

    @Override
    String explain(EvaluationContext c) {
        // An assessment or a piece of evidence says where the learner stands on it, as the
        // score and evidence requirements do.
        return switch (kind) {
            case ASSESSMENT -> ScoredNode.scoreMissing(c, unit, title, passMark);
            case EVIDENCE -> EvidenceNode.approvalMissing(c, unit, title);
            default -> description;
        };
    }

    @Override
    boolean progressed(EvaluationContext c) {
        return c.anyUnitEvent(unit);
    }
}
