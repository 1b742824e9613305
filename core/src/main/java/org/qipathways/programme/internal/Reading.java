package org.qipathways.programme.internal;

import org.qipathways.definition.internal.LocatedTree;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import org.qipathways.definition.DefinitionProblem;
import org.qipathways.programme.Programme;
import org.qipathways.programme.ProgrammeDefinitionException;
import org.qipathways.text.internal.SafeText;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * One read of one programme document: parses it with line and column kept, collects every
 * problem found on the way (syntax, duplicated keys, unknown fields, wrong types, then the model's
 * own checks), places each at its line and column, and maps paths in the model back to paths in
 * the document. The primitives that read lists and maps of fields live here; turning them into
 * programme elements is {@link StructureReader}'s work. Package-private: callers use
 * {@link DefinitionReader}.
 */
final class Reading {
    private final String source;
    private final String text;
    private final JsonFactory factory;
    private final List<DefinitionProblem> problems = new ArrayList<>();
    /** For each list with elements left out of the model: the document index of each model element. */
    private final Map<String, List<Integer>> readIndices = new HashMap<>();
    private LocatedTree tree;

    Reading(String source, String text, JsonFactory factory) {
        this.source = source;
        this.text = text;
        this.factory = factory;
    }

    Programme programme() {
        try {
            tree = LocatedTree.parse(factory, text);
        } catch (JsonProcessingException e) {
            LocatedTree.Position at = LocatedTree.positionOf(e);
            throw new ProgrammeDefinitionException(List.of(new DefinitionProblem(source, "", at.line(), at.column(),
                    "the file is not valid " + (factory == DefinitionReader.JSON ? "JSON" : "YAML") + ": " + syntaxError(e))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!tree.refusals().isEmpty() && tree.root().isMissingNode()) {
            // refused before the document was read: those problems alone
            throw new ProgrammeDefinitionException(tree.refusals().stream().map(r -> new DefinitionProblem(source,
                    r.path(), r.at().line(), r.at().column(), r.message())).toList());
        }
        if (tree.root().isMissingNode()) {
            throw new ProgrammeDefinitionException(List.of(new DefinitionProblem(source, "", 1, 1,
                    "the file is empty; a programme needs at least code, title, version, framework, units and tiers")));
        }
        for (LocatedTree.Refusal r : tree.refusals()) {
            problems.add(new DefinitionProblem(source, r.path(), r.at().line(), r.at().column(), r.message()));
        }
        for (String[] dup : tree.duplicates()) {
            String[] lc = dup[1].split(":");
            problems.add(new DefinitionProblem(source, dup[0], Integer.parseInt(lc[0]), Integer.parseInt(lc[1]),
                    "appears twice in the same map; remove one (a YAML reader would silently keep only the last)"));
        }
        Programme programme = null;
        try {
            programme = new StructureReader(this).toProgramme(tree.root());
        } catch (ProgrammeDefinitionException e) {
            for (DefinitionProblem p : e.problems()) {
                DefinitionProblem inDocument = new DefinitionProblem(p.source(), documentPath(p.path()), p.line(),
                        p.column(), p.message());
                if (!coveredByReaderProblem(inDocument.path())) {
                    problems.add(locate(inDocument));
                }
            }
        }
        if (problems.isEmpty()) {
            return programme;
        }
        problems.sort(Comparator.comparingInt(DefinitionProblem::line).thenComparingInt(DefinitionProblem::column)
                .thenComparing(DefinitionProblem::path));
        throw new ProgrammeDefinitionException(problems);
    }

    /**
     * The parser's complaint in one line: SnakeYAML's own message spans several lines with a
     * drawing of the place, which the problem's line and column already give.
     */
    private static String syntaxError(JsonProcessingException e) {
        if (e.getCause() instanceof MarkedYAMLException m && m.getProblem() != null) {
            String context = m.getContext() == null ? ""
                    : " (" + m.getContext() + (m.getContextMark() == null ? "" : " that starts at line "
                    + (m.getContextMark().getLine() + 1) + ", column " + (m.getContextMark().getColumn() + 1)) + ")";
            return m.getProblem() + context;
        }
        String message = String.valueOf(e.getOriginalMessage()).strip();
        int end = message.indexOf('\n');
        return withoutInternals(end < 0 ? message : message.substring(0, end).strip());
    }

    /**
     * Jackson's YAML messages can name SnakeYAML's event classes ({@code got this instead:
     * <org.yaml.snakeyaml.events.MappingStartEvent(...)>}): said in the author's words instead.
     */
    static String withoutInternals(String message) {
        if (message.startsWith("Expected a field name")) {
            String found = message.contains("MappingStartEvent") ? "a map" : message.contains("SequenceStartEvent")
                    ? "a list" : "something else";
            return "a key must be plain text, but here " + found + " is used as a key";
        }
        return message.replaceAll("<?(org\\.yaml\\.snakeyaml|com\\.fasterxml\\.jackson)\\.[\\w.$]+(\\([^)]*\\))?>?", "(a YAML element)");
    }

    /**
     * A path the model reports (indices into the model's lists) as a path in the document: an
     * element the reader could not read is left out of the model's list, so later elements
     * there have a smaller index in the model than in the file.
     */
    private String documentPath(String modelPath) {
        if (readIndices.isEmpty()) {
            return modelPath;
        }
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < modelPath.length()) {
            int close = modelPath.charAt(i) == '[' ? modelPath.indexOf(']', i) : -1;
            if (close > i + 1 && modelPath.substring(i + 1, close).chars().allMatch(Character::isDigit)) {
                int index = Integer.parseInt(modelPath.substring(i + 1, close));
                List<Integer> read = readIndices.get(out.toString());
                out.append('[').append(read != null && index < read.size() ? read.get(index) : index).append(']');
                i = close + 1;
            } else {
                out.append(modelPath.charAt(i++));
            }
        }
        return out.toString();
    }

    private boolean coveredByReaderProblem(String path) {
        // A value the reader could not read is null in the model; the model's own "is required"
        // for the same place would only repeat the problem.
        for (DefinitionProblem r : problems) {
            if (path.equals(r.path()) || path.startsWith(r.path() + ".") || path.startsWith(r.path() + "[")) {
                return true;
            }
        }
        return false;
    }

    private DefinitionProblem locate(DefinitionProblem p) {
        LocatedTree.Position at = tree.positionOf(p.path());
        return p.locatedAt(source, at.line(), at.column());
    }

    void problem(String path, String message) {
        problems.add(locate(DefinitionProblem.at(path, message)));
    }

    <T> List<T> list(JsonNode node, String path, BiFunction<JsonNode, String, T> element) {
        List<T> out = new ArrayList<>();
        if (node == null || node.isNull()) {
            return out;
        }
        if (!node.isArray()) {
            problem(path, "expected a list");
            return out;
        }
        List<Integer> read = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            T t = element.apply(node.get(i), path + "[" + i + "]");
            if (t != null) {
                out.add(t);
                read.add(i);
            }
        }
        if (read.size() < node.size()) {
            readIndices.put(path, read);
        }
        return out;
    }

    Fields fields(JsonNode node, String path, Set<String> allowed, String what) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            problem(path, "expected " + what + " as a map of fields, found " + describe(node));
            return null;
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!allowed.contains(key)) {
                String near = ProgrammeChecks.closest(key, allowed);
                problem(path.isEmpty() ? key : path + "." + key, "unknown field '" + key + "' in " + what
                        + (near != null ? " (did you mean " + near + "?)" : "; known fields: " + String.join(", ", new java.util.TreeSet<>(allowed))));
            }
        }
        return new Fields(this, node, path);
    }

    Integer wholeNumber(JsonNode v, String path) {
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isIntegralNumber() && v.canConvertToInt()) {
            return v.intValue();
        }
        problem(path, "expected a whole number, found " + describe(v));
        return null;
    }

    static String describe(JsonNode v) {
        if (v.isTextual()) {
            return SafeText.quote(v.asText());
        }
        if (v.isArray()) {
            return "a list";
        }
        if (v.isObject()) {
            return "a map";
        }
        return v.toString();
    }
}
