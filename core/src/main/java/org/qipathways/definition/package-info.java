/**
 * Where a definition file is wrong: {@link org.qipathways.definition.DefinitionProblem}, one problem
 * with its file, line, column and document path, shared by every reader of definitions (programmes,
 * competency frameworks) so that each reports its problems in the one form editors understand.
 * <pre>{@code
 * reference.yaml:41:11: tiers[0].rule.anyOf[0].allOf[0].completed: refers to unit 'BRZ-ELM', ...
 * }</pre>
 * It sits below {@code programme} and {@code competency} (a programme holds a framework), so both can
 * use it without depending on each other's readers.
 */
package org.qipathways.definition;
