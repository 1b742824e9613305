package org.qipathways.competency;

import java.util.List;
import java.util.Objects;
import org.qipathways.definition.DefinitionProblem;

/**
 * A competency framework read from another tool's file, with what had to change on the way in.
 * <pre>{@code
 * FrameworkImport in = CaseJson.parse(json, "ccss.json", FrameworkImportOptions.DEFAULT.withScale(scale));
 * CompetencyFramework fw = in.framework();
 * for (FrameworkImport.CodeMapping m : in.codes()) {
 *     // CFItems[0]: 'CCSS.Math.Content.6.RP.A' -> CCSS.MATH.CONTENT.6.RP.A (not a valid code: ...)
 * }
 * in.warnings().forEach(w -> log.warn("{}", w));   // what the file said that the model does not hold
 * }</pre>
 *
 * @param framework the framework
 * @param codes     every competency (or framework) whose code is not the one the file gave it, in
 *                  file order; empty when every code was taken as written
 * @param warnings  what the file holds that the framework does not (other association types,
 *                  a second parent, Moodle rules...), each with its place in the file
 */
public record FrameworkImport(CompetencyFramework framework, List<CodeMapping> codes, List<DefinitionProblem> warnings) {

    public FrameworkImport {
        Objects.requireNonNull(framework, "framework");
        codes = codes == null ? List.of() : List.copyOf(codes);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    /**
     * A code the file gave (or did not give) and the code the framework uses instead.
     *
     * @param path     where the original stood, e.g. {@code CFItems[3].humanCodingScheme} or
     *                 {@code line 12: ID number}
     * @param original the code as the file wrote it; {@code null} when it gave none
     * @param code     the code the framework uses
     * @param reason   why it changed, in words
     */
    public record CodeMapping(String path, String original, String code, String reason) {

        public CodeMapping {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(reason, "reason");
        }

        /** {@code path: 'original' -> code (reason)}. */
        @Override
        public String toString() {
            return path + ": " + (original == null ? "(none)" : "'" + original + "'") + " -> " + code + " (" + reason + ")";
        }
    }
}
