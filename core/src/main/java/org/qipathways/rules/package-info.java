/**
 * Tier rules as data: the sealed set of {@link org.qipathways.rules.Requirement} nodes (all-of, any-of,
 * at-least-n, completed, scored, attended in a role, evidence approved within a window, competency level,
 * holds tier, prior learning, count of events in a period) that programme definitions are built from.
 * <pre>{@code
 * Requirement silverForIndividuals = Requirement.evidenceApproved("SLV-PLAN", 90,
 *         EventSelector.attended(Role.PARTICIPANT, "SLV-IND"), Window.Anchor.ANY);
 * }</pre>
 * The evaluator in {@code org.qipathways.progress} interprets them.
 */
package org.qipathways.rules;
