package org.qipathways.competency;

import java.util.Objects;
import java.util.regex.Pattern;
import org.qipathways.programme.Codes;

/**
 * How a competency framework written by another tool (a CASE package, a Moodle competency CSV) is
 * read into the model: what to take from the caller where the file does not say, and how strict
 * to be where the file does not fit.
 * <pre>{@code
 * FrameworkImport in = CaseJson.parse(json, "act-math.json", FrameworkImportOptions.DEFAULT
 *         .withFrameworkCode("ACT-MATH")
 *         .withScale(new ProficiencyScale("ACT levels", List.of(
 *                 new ProficiencyLevel(1, "Emerging", false),
 *                 new ProficiencyLevel(2, "Proficient", true)))));
 * in.codes().forEach(m -> log.info("{}", m));   // codes changed to fit the code pattern
 * }</pre>
 *
 * <p>{@link #DEFAULT} reads what real publishers write: a code that does not fit the
 * {@link Codes#PATTERN code pattern} (or is missing, or is used twice) becomes a valid code and the
 * change is reported in {@link FrameworkImport#codes()}; links the model cannot hold (a second
 * parent, a parent outside the file) are reported in {@link FrameworkImport#warnings()} and left
 * out. {@link #STRICT} reads a file that must be exactly what QI Pathways itself writes: every
 * such case is a problem instead, and nothing is changed.
 *
 * @param frameworkCode the framework's code, or {@code null} to take it from the file (CASE: the
 *                      QI Pathways note in {@code CFDocument.notes}, else derived from the title;
 *                      Moodle: the framework row's ID number)
 * @param scale         the proficiency scale, or {@code null} to read it from the file (CASE: its
 *                      rubric; Moodle: the framework's scale values and configuration). Needed for
 *                      a CASE package without a rubric, which is most of them.
 * @param strict        {@code true} to refuse, rather than repair, anything QI Pathways would not
 *                      have written itself
 */
public record FrameworkImportOptions(String frameworkCode, ProficiencyScale scale, boolean strict) {

    /** Codes and the scale from the file; what does not fit is repaired and reported. */
    public static final FrameworkImportOptions DEFAULT = new FrameworkImportOptions(null, null, false);

    /** Codes and the scale from the file; anything QI Pathways would not have written is a problem. */
    public static final FrameworkImportOptions STRICT = new FrameworkImportOptions(null, null, true);

    private static final Pattern CODE = Pattern.compile(Codes.PATTERN);

    public FrameworkImportOptions {
        if (frameworkCode != null && !CODE.matcher(frameworkCode).matches()) {
            throw new IllegalArgumentException("framework code '" + frameworkCode + "' " + Codes.RULE);
        }
        if (scale != null) {
            Objects.requireNonNull(scale.levels(), "scale.levels");
            for (int i = 0; i < scale.levels().size(); i++) {
                if (scale.levels().get(i).level() != i + 1) {
                    throw new IllegalArgumentException("scale '" + scale.name() + "': level " + (i + 1) + " is numbered "
                            + scale.levels().get(i).level() + "; levels are numbered 1, 2, 3... from the lowest");
                }
            }
            if (scale.levels().isEmpty()) {
                throw new IllegalArgumentException("scale '" + scale.name() + "' must list at least one level");
            }
        }
    }

    /** These options with the framework code given, rather than taken from the file. */
    public FrameworkImportOptions withFrameworkCode(String code) {
        return new FrameworkImportOptions(code, scale, strict);
    }

    /** These options with the proficiency scale given, rather than read from the file. */
    public FrameworkImportOptions withScale(ProficiencyScale proficiencyScale) {
        return new FrameworkImportOptions(frameworkCode, proficiencyScale, strict);
    }
}
