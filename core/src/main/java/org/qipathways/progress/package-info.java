/**
 * The progression engine: where a learner stands on every tier as of a date, since when, until when,
 * and what is missing, in words.
 * <pre>{@code
 * Evaluator evaluator = Evaluator.of(Programme.reference());
 * Progress progress = evaluator.evaluate(record, LocalDate.of(2026, 3, 31));
 * progress.tier("SILVER").status();   // IN_PROGRESS
 * progress.tier("SILVER").unmet();    // ["Individual QI project plan: submitted on 2026-02-20, awaiting approval; ..."]
 * }</pre>
 * The semantics are described in {@code docs/evaluation.md}.
 */
package org.qipathways.progress;
