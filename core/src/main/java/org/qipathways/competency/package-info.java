/**
 * Competency frameworks: hierarchical {@link org.qipathways.competency.Competency competencies} rated on a
 * {@link org.qipathways.competency.ProficiencyScale proficiency scale}, the
 * {@link org.qipathways.competency.CompetencyEvidence unit evidence mappings}, and the exchange formats:
 * 1EdTech CASE JSON ({@link org.qipathways.competency.CaseJson}) and Moodle's competency-framework CSV
 * ({@link org.qipathways.competency.MoodleCompetencyCsv}), both read with
 * {@link org.qipathways.competency.FrameworkImportOptions} into a
 * {@link org.qipathways.competency.FrameworkImport} that says what changed on the way in.
 * <pre>{@code
 * CompetencyFramework fw = Programme.reference().framework();
 * String caseJson = CaseJson.export(fw, URI.create("https://example.org/case"), Instant.parse("2026-01-01T00:00:00Z"));
 * CompetencyFramework back = CaseJson.parse(caseJson, "framework.json");   // equals fw
 * String moodleCsv = MoodleCompetencyCsv.export(fw);                       // for tool_lpimportcsv
 *
 * FrameworkImport act = CaseJson.parse(actJson, "act-math.json", FrameworkImportOptions.DEFAULT.withScale(scale));
 * act.codes();   // codes that differ from the file, with the originals
 * }</pre>
 * The formats, what each field means and what is not kept: docs/frameworks.md.
 */
package org.qipathways.competency;
