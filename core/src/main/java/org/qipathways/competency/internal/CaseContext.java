package org.qipathways.competency.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.qipathways.competency.FrameworkImport.CodeMapping;
import org.qipathways.competency.FrameworkImportOptions;
import org.qipathways.definition.DefinitionProblem;
import org.qipathways.definition.internal.LocatedTree;

/**
 * The state of reading one CASE package, shared by the pieces of {@link CaseReader}: the options,
 * the problems, warnings and code mappings collected so far, and field access that records a
 * problem (with its JSON path, line and column in the file) and returns {@code null} when a value
 * is unusable. Paths are given as the package's parts name them ({@code CFItems[3].uri}); the
 * prefix of a wrapped package ({@code CFPackage.}) is added here, so no piece needs to know it.
 */
final class CaseContext {

    static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final String source;
    private final LocatedTree tree;
    private final String prefix;
    private final FrameworkImportOptions options;
    private final List<DefinitionProblem> problems = new ArrayList<>();
    private final List<DefinitionProblem> warnings = new ArrayList<>();
    private final List<CodeMapping> mappings = new ArrayList<>();
    private boolean sourcedIdSeen;

    CaseContext(String source, LocatedTree tree, String prefix, FrameworkImportOptions options) {
        this.source = source;
        this.tree = tree;
        this.prefix = prefix;
        this.options = options;
    }

    FrameworkImportOptions options() {
        return options;
    }

    /** The problems so far, in the order found; {@link #sorted} puts them in file order. */
    List<DefinitionProblem> problems() {
        return problems;
    }

    List<DefinitionProblem> warnings() {
        return warnings;
    }

    /** The code mappings so far; pieces add to it. */
    List<CodeMapping> mappings() {
        return mappings;
    }

    // ---- field access: each records a problem and returns null when the value is unusable ----------

    String identifier(JsonNode node, String path) {
        String viaIdentifier = text(node, path + ".identifier", false, null);
        if (viaIdentifier != null) {
            return normaliseId(viaIdentifier);
        }
        String viaSourcedId = text(node, path + ".sourcedId", false, null);
        if (viaSourcedId != null && !sourcedIdSeen) {
            sourcedIdSeen = true;
            warn(path + ".sourcedId", "read as the identifier: CASE 1.0 and 1.1 both call it identifier, but some"
                    + " implementations write sourcedId");
        }
        if (viaSourcedId == null && !node.has("identifier") && !node.has("sourcedId")) {
            problem(path + ".identifier", "missing: every CASE object has one (a UUID)");
        }
        return viaSourcedId == null ? null : normaliseId(viaSourcedId);
    }

    /** UUIDs compare without regard to case (RFC 9562 §4); anything else as written. */
    static String normaliseId(String id) {
        String s = id.strip();
        return UUID.matcher(s).matches() ? s.toLowerCase(Locale.ROOT) : s;
    }

    JsonNode object(JsonNode node, String path, String ifMissing) {
        JsonNode v = node.path(field(path));
        if (v.isMissingNode() || v.isNull()) {
            problem(path, ifMissing);
            return null;
        }
        if (!v.isObject()) {
            problem(path, "must be an object");
            return null;
        }
        return v;
    }

    JsonNode array(JsonNode node, String path, String ifMissing) {
        JsonNode v = node.path(field(path));
        if (v.isMissingNode() || v.isNull()) {
            problem(path, ifMissing);
            return null;
        }
        if (!v.isArray()) {
            problem(path, "must be an array");
            return null;
        }
        return v;
    }

    JsonNode optionalArray(JsonNode node, String path) {
        JsonNode v = node.path(field(path));
        if (v.isMissingNode() || v.isNull()) {
            return null;
        }
        if (!v.isArray()) {
            problem(path, "must be an array");
            return null;
        }
        return v;
    }

    String text(JsonNode node, String path, boolean required, String ifMissing) {
        JsonNode v = node.path(field(path));
        if (v.isMissingNode() || v.isNull()) {
            if (required) {
                problem(path, ifMissing);
            }
            return null;
        }
        if (!v.isTextual()) {
            problem(path, "must be a string");
            return null;
        }
        if (v.asText().isBlank()) {
            if (required) {
                problem(path, "is empty");
            }
            return null;
        }
        return v.asText();
    }

    String scalar(JsonNode node, String path) {
        JsonNode v = node.path(field(path));
        if (v.isMissingNode() || v.isNull()) {
            return null;
        }
        if (!v.isValueNode()) {
            problem(path, "must be a string");
            return null;
        }
        return v.asText();
    }

    static String field(String path) {
        return path.substring(path.lastIndexOf('.') + 1);
    }

    /**
     * Something QI Pathways would not write and the model cannot hold: a problem when reading
     * strictly, else a warning saying what was done instead.
     *
     * @return {@code true} when it was repaired (not strict)
     */
    boolean repairable(String path, String message, String repair) {
        if (options.strict()) {
            problem(path, message);
            return false;
        }
        warn(path, message + "; " + repair);
        return true;
    }

    void problem(String path, String message) {
        problems.add(at(path, message));
    }

    void warn(String path, String message) {
        warnings.add(at(path, message));
    }

    private DefinitionProblem at(String path, String message) {
        String full = prefix + path;
        LocatedTree.Position pos = tree.positionOf(full);
        return new DefinitionProblem(source, full, pos.line(), pos.column(), message);
    }

    static List<DefinitionProblem> sorted(List<DefinitionProblem> list) {
        List<DefinitionProblem> out = new ArrayList<>(list);
        out.sort(Comparator.comparingInt(DefinitionProblem::line).thenComparingInt(DefinitionProblem::column));
        return out;
    }
}
