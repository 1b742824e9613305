/**
 * The model of a tiered quality-improvement training programme: {@link org.qipathways.programme.Programme},
 * its {@link org.qipathways.programme.Tier tiers}, {@link org.qipathways.programme.Unit units} and
 * {@link org.qipathways.programme.PriorLearning recognised prior learning}, and the loading and checking of
 * definition files.
 *
 * <p>Load a definition written by hand (YAML or JSON; the format is described in
 * {@code docs/programme-format.md} and checked by {@code programme.schema.json}):
 * <pre>{@code
 * try {
 *     Programme p = Programme.load(Path.of("my-pathway.yaml"));
 * } catch (ProgrammeDefinitionException e) {
 *     e.problems().forEach(p -> log.warn("{}", p));   // my-pathway.yaml:12:7: tiers[0].rule...: ...
 * }
 * }</pre>
 * or define a small one in Java:
 * <pre>{@code
 * CompetencyFramework fw = new CompetencyFramework("MINI-CF", "Mini framework", null,
 *         new ProficiencyScale("Scale", List.of(new ProficiencyLevel(1, "Aware", false),
 *                                               new ProficiencyLevel(2, "Practitioner", true))),
 *         List.of(new Competency("C-QI", "Quality improvement", null, null)));
 * Programme p = Programme.builder("QI-MINI", "Mini QI pathway", "1.0")
 *         .framework(fw)
 *         .unit(Unit.of("INTRO", "Introduction to QI", UnitKind.ONLINE_MODULE))
 *         .unit(Unit.assessment("QUIZ", "Knowledge check", 70))
 *         .evidence(new CompetencyEvidence(List.of("INTRO", "QUIZ"), Map.of("C-QI", 1)))
 *         .tier(Tier.of("FOUNDATION", "Foundation",
 *                 Requirement.allOf(Requirement.completed("INTRO"), Requirement.scored("QUIZ"))))
 *         .build();
 * }</pre>
 * Either way the programme is checked as a whole and every problem is reported at once.
 */
package org.qipathways.programme;
