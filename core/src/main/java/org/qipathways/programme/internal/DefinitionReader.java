package org.qipathways.programme.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import org.qipathways.competency.Competency;
import org.qipathways.competency.CompetencyEvidence;
import org.qipathways.competency.CompetencyFramework;
import org.qipathways.competency.ProficiencyLevel;
import org.qipathways.competency.ProficiencyScale;
import org.qipathways.programme.DefinitionProblem;
import org.qipathways.programme.PriorLearning;
import org.qipathways.programme.Programme;
import org.qipathways.programme.ProgrammeDefinitionException;
import org.qipathways.programme.Renewal;
import org.qipathways.programme.Tier;
import org.qipathways.programme.Unit;
import org.qipathways.programme.UnitKind;
import org.qipathways.rules.EventSelector;
import org.qipathways.rules.Requirement;
import org.qipathways.rules.Role;
import org.qipathways.rules.Window;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads a programme definition (YAML or JSON) into the model, collecting every problem: syntax,
 * unknown or duplicated keys, values of the wrong type, then the model's own checks, each placed
 * at its line and column.
 */
public final class DefinitionReader {

    /** Classpath location of the bundled reference programme. */
    public static final String REFERENCE_RESOURCE = "/org/qipathways/programme/reference-programme.yaml";

    private static final JsonFactory YAML = YAMLFactory.builder().build();
    private static final JsonFactory JSON = JsonFactory.builder().build();

    static final List<String> REQUIREMENT_TYPES = List.of(
            "allOf", "anyOf", "of", "completed", "scored", "attended", "evidence", "competency", "holdsTier",
            "priorLearning", "count");

    private static volatile Programme reference;

    private DefinitionReader() {
    }

    public static Programme read(Path file) throws IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    }

    public static Programme parse(String text, String source) {
        boolean json = source != null && source.toLowerCase(Locale.ROOT).endsWith(".json");
        return new Reading(source, text, json ? JSON : YAML).programme();
    }

    public static Programme reference() {
        Programme p = reference;
        if (p == null) {
            try (InputStream in = DefinitionReader.class.getResourceAsStream(REFERENCE_RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("The bundled reference programme " + REFERENCE_RESOURCE + " is missing from the class path");
                }
                p = parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "reference-programme.yaml");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            reference = p;
        }
        return p;
    }

    /** One read of one document. */
    private static final class Reading {
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
                        "the file is not valid " + (factory == JSON ? "JSON" : "YAML") + ": " + syntaxError(e))));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (tree.root().isMissingNode()) {
                throw new ProgrammeDefinitionException(List.of(new DefinitionProblem(source, "", 1, 1,
                        "the file is empty; a programme needs at least code, title, version, framework, units and tiers")));
            }
            for (String[] dup : tree.duplicates()) {
                String[] lc = dup[1].split(":");
                problems.add(new DefinitionProblem(source, dup[0], Integer.parseInt(lc[0]), Integer.parseInt(lc[1]),
                        "appears twice in the same map; remove one (a YAML reader would silently keep only the last)"));
            }
            Programme programme = null;
            try {
                programme = toProgramme(tree.root());
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
            return end < 0 ? message : message.substring(0, end).strip();
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

        private void problem(String path, String message) {
            problems.add(locate(DefinitionProblem.at(path, message)));
        }

        // ---- the document's structure -----------------------------------------------------------

        private Programme toProgramme(JsonNode root) {
            Fields f = fields(root, "", Set.of("code", "title", "version", "description", "framework", "units",
                    "priorLearning", "competencyEvidence", "tiers"), "the programme");
            if (f == null) {
                throw new ProgrammeDefinitionException(List.of());
            }
            return new Programme(f.text("code"), f.text("title"), f.text("version"), f.text("description"),
                    framework(f.get("framework"), "framework"),
                    list(f.get("units"), "units", this::unit),
                    list(f.get("priorLearning"), "priorLearning", this::priorLearning),
                    list(f.get("competencyEvidence"), "competencyEvidence", this::evidence),
                    list(f.get("tiers"), "tiers", this::tier));
        }

        private CompetencyFramework framework(JsonNode node, String path) {
            Fields f = fields(node, path, Set.of("code", "title", "description", "scale", "competencies"),
                    "the competency framework");
            if (f == null) {
                return null;
            }
            return new CompetencyFramework(f.text("code"), f.text("title"), f.text("description"),
                    scale(f.get("scale"), path + ".scale"),
                    list(f.get("competencies"), path + ".competencies", this::competency));
        }

        private ProficiencyScale scale(JsonNode node, String path) {
            Fields f = fields(node, path, Set.of("name", "levels"), "the proficiency scale");
            if (f == null) {
                return null;
            }
            return new ProficiencyScale(f.text("name"), list(f.get("levels"), path + ".levels", (n, p) -> {
                Fields l = fields(n, p, Set.of("level", "name", "proficient"), "a level");
                if (l == null) {
                    return null;
                }
                Integer level = l.integer("level");
                if (level == null && l.node.get("level") == null) {
                    problem(p + ".level", "is required: the level's number, 1 for the lowest");
                    return null;
                }
                return level == null ? null : new ProficiencyLevel(level, l.text("name"), l.bool("proficient", false));
            }));
        }

        private Competency competency(JsonNode node, String path) {
            Fields f = fields(node, path, Set.of("code", "title", "description", "parent"), "a competency");
            return f == null ? null : new Competency(f.text("code"), f.text("title"), f.text("description"), f.text("parent"));
        }

        private Unit unit(JsonNode node, String path) {
            Fields f = fields(node, path, Set.of("code", "title", "kind", "passMark", "description"), "a unit");
            if (f == null) {
                return null;
            }
            UnitKind kind = null;
            String k = f.text("kind");
            if (k != null) {
                kind = UnitKind.fromId(k);
                if (kind == null) {
                    problem(path + ".kind", "'" + k + "' is not a unit kind; use one of online_module, assessment, workshop, session, evidence");
                }
            }
            return new Unit(f.text("code"), f.text("title"), kind, f.integer("passMark"), f.text("description"));
        }

        private PriorLearning priorLearning(JsonNode node, String path) {
            Fields f = fields(node, path, Set.of("code", "title"), "a recognised prior learning");
            return f == null ? null : new PriorLearning(f.text("code"), f.text("title"));
        }

        private CompetencyEvidence evidence(JsonNode node, String path) {
            Fields f = fields(node, path, Set.of("units", "gives"), "a competency evidence mapping");
            if (f == null) {
                return null;
            }
            Map<String, Integer> gives = new LinkedHashMap<>();
            JsonNode g = f.get("gives");
            if (g != null && !g.isNull()) {
                if (!g.isObject()) {
                    problem(path + ".gives", "expected a map of competency code to level, e.g. {C-MFI: 2}");
                } else {
                    for (Map.Entry<String, JsonNode> e : g.properties()) {
                        Integer level = wholeNumber(e.getValue(), path + ".gives." + e.getKey());
                        if (level != null) {
                            gives.put(e.getKey(), level);
                        }
                    }
                }
            }
            return new CompetencyEvidence(f.codes("units"), gives);
        }

        private Tier tier(JsonNode node, String path) {
            Fields f = fields(node, path, Set.of("code", "title", "description", "rule", "validity", "renewal"), "a tier");
            if (f == null) {
                return null;
            }
            Renewal renewal = null;
            Fields r = fields(f.get("renewal"), path + ".renewal", Set.of("window", "rule"), "a renewal");
            if (r != null) {
                renewal = new Renewal(r.period("window"), requirement(r.get("rule"), path + ".renewal.rule"));
            }
            return new Tier(f.text("code"), f.text("title"), f.text("description"),
                    requirement(f.get("rule"), path + ".rule"), f.period("validity"), renewal);
        }

        private Requirement requirement(JsonNode node, String path) {
            if (node == null || node.isNull()) {
                return null;
            }
            if (!node.isObject()) {
                problem(path, "expected a requirement: a map with one of " + String.join(", ", REQUIREMENT_TYPES));
                return null;
            }
            List<String> types = new ArrayList<>();
            node.fieldNames().forEachRemaining(k -> {
                if (REQUIREMENT_TYPES.contains(k)) {
                    types.add(k);
                }
            });
            if (types.isEmpty()) {
                problem(path, "says no type of requirement; give exactly one of " + String.join(", ", REQUIREMENT_TYPES));
                return null;
            }
            if (types.size() > 1) {
                problem(path + "." + types.get(1), "a requirement has exactly one type, but this one has both "
                        + types.get(0) + " and " + types.get(1) + "; put each in its own entry of an allOf or anyOf");
                return null;
            }
            String type = types.get(0);
            Fields f = fields(node, path, switch (type) {
                case "allOf" -> Set.of("label", "allOf");
                case "anyOf" -> Set.of("label", "anyOf");
                case "of" -> Set.of("label", "atLeast", "of");
                case "scored", "competency" -> Set.of("label", type, "atLeast");
                case "attended" -> Set.of("label", "attended", "role");
                case "evidence" -> Set.of("label", "evidence", "within");
                case "count" -> Set.of("label", "count", "atLeast", "distinctDates", "onOrAfter", "lookback");
                default -> Set.of("label", type);
            }, "a requirement");
            String label = f.text("label");
            return switch (type) {
                case "allOf" -> new Requirement.AllOf(label, list(f.get("allOf"), path + ".allOf", this::requirement));
                case "anyOf" -> new Requirement.AnyOf(label, list(f.get("anyOf"), path + ".anyOf", this::requirement));
                case "of" -> {
                    Integer n = f.required("atLeast", "how many of the listed requirements must hold");
                    yield n == null ? null : new Requirement.AtLeastOf(label, n, list(f.get("of"), path + ".of", this::requirement));
                }
                case "completed" -> new Requirement.Completed(label, f.text("completed"));
                case "scored" -> new Requirement.Scored(label, f.text("scored"), f.integer("atLeast"));
                case "attended" -> new Requirement.Attended(label, f.codes("attended"), f.role("role"));
                case "evidence" -> new Requirement.EvidenceApproved(label, f.text("evidence"), window(f.get("within"), path + ".within"));
                case "competency" -> {
                    Integer level = f.required("atLeast", "the level of the scale the learner must reach");
                    yield level == null ? null : new Requirement.CompetencyAtLeast(label, f.text("competency"), level);
                }
                case "holdsTier" -> new Requirement.HoldsTier(label, f.text("holdsTier"));
                case "priorLearning" -> new Requirement.PriorLearningApproved(label, f.text("priorLearning"));
                case "count" -> {
                    Integer n = f.required("atLeast", "how many events are needed");
                    EventSelector counted = selector(f.get("count"), path + ".count");
                    EventSelector from = selector(f.get("onOrAfter"), path + ".onOrAfter");
                    yield n == null || counted == null ? null : new Requirement.EventCount(label, counted, n,
                            f.bool("distinctDates", false), from, f.period("lookback"));
                }
                default -> throw new IllegalStateException(type);
            };
        }

        private Window window(JsonNode node, String path) {
            Fields f = fields(node, path, Set.of("days", "after", "anchor"), "a window");
            if (f == null) {
                return null;
            }
            Integer days = f.required("days", "the window's length in days after the anchor event");
            EventSelector after = selector(f.get("after"), path + ".after");
            if (after == null && f.get("after") == null) {
                problem(path + ".after", "is required: the event the window starts from, e.g. {attended: [SLV-IND], role: participant}");
            }
            Window.Anchor anchor = null;
            String a = f.text("anchor");
            if (a != null) {
                anchor = "any".equals(a) ? Window.Anchor.ANY : "last".equals(a) ? Window.Anchor.LAST : null;
                if (anchor == null) {
                    problem(path + ".anchor", "'" + a + "' is not an anchor; use any (any matching event) or last (the latest one)");
                }
            }
            return days == null || after == null ? null : new Window(days, after, anchor);
        }

        private EventSelector selector(JsonNode node, String path) {
            if (node == null || node.isNull()) {
                return null;
            }
            if (!node.isObject()) {
                problem(path, "expected events to pick, e.g. {attended: [SLV-IND], role: participant}");
                return null;
            }
            List<EventSelector.Kind> kinds = new ArrayList<>();
            for (EventSelector.Kind k : EventSelector.Kind.values()) {
                if (node.has(k.key())) {
                    kinds.add(k);
                }
            }
            if (kinds.size() != 1) {
                problem(path, "must name exactly one of attended, completed or evidence, with the units whose events count");
                return null;
            }
            EventSelector.Kind kind = kinds.get(0);
            Fields f = fields(node, path, kind == EventSelector.Kind.ATTENDED ? Set.of("attended", "role") : Set.of(kind.key()),
                    "an event selector");
            return new EventSelector(kind, f.codes(kind.key()), f.role("role"));
        }

        private <T> List<T> list(JsonNode node, String path, BiFunction<JsonNode, String, T> element) {
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

        private Fields fields(JsonNode node, String path, Set<String> allowed, String what) {
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
            return new Fields(node, path);
        }

        private Integer wholeNumber(JsonNode v, String path) {
            if (v == null || v.isNull()) {
                return null;
            }
            if (v.isIntegralNumber() && v.canConvertToInt()) {
                return v.intValue();
            }
            problem(path, "expected a whole number, found " + describe(v));
            return null;
        }

        private static String describe(JsonNode v) {
            if (v.isTextual()) {
                return "'" + v.asText() + "'";
            }
            if (v.isArray()) {
                return "a list";
            }
            if (v.isObject()) {
                return "a map";
            }
            return v.toString();
        }

        /** The fields of one map, read with the types the format expects. */
        private final class Fields {
            private final JsonNode node;
            private final String path;

            Fields(JsonNode node, String path) {
                this.node = node;
                this.path = path;
            }

            JsonNode get(String key) {
                return node.get(key);
            }

            private String at(String key) {
                return path.isEmpty() ? key : path + "." + key;
            }

            String text(String key) {
                JsonNode v = node.get(key);
                if (v == null || v.isNull()) {
                    return null;
                }
                if (v.isValueNode()) {
                    return v.asText();
                }
                problem(at(key), "expected text, found " + describe(v));
                return null;
            }

            Integer integer(String key) {
                return wholeNumber(node.get(key), at(key));
            }

            Integer required(String key, String meaning) {
                JsonNode v = node.get(key);
                if (v == null || v.isNull()) {
                    problem(at(key), "is required: " + meaning);
                    return null;
                }
                return wholeNumber(v, at(key));
            }

            boolean bool(String key, boolean absent) {
                JsonNode v = node.get(key);
                if (v == null || v.isNull()) {
                    return absent;
                }
                if (v.isBoolean()) {
                    return v.booleanValue();
                }
                problem(at(key), "expected true or false, found " + describe(v));
                return absent;
            }

            Period period(String key) {
                String s = text(key);
                if (s == null) {
                    return null;
                }
                try {
                    return Period.parse(s);
                } catch (DateTimeParseException e) {
                    problem(at(key), "expected an ISO 8601 period such as P2Y (2 years), P6M or P90D, found '" + s + "'");
                    return null;
                }
            }

            Role role(String key) {
                String s = text(key);
                if (s == null) {
                    return null;
                }
                Role r = Role.fromId(s);
                if (r == null) {
                    problem(at(key), "'" + s + "' is not a role; use participant, facilitator or any");
                }
                return r;
            }

            /** A list of codes; a single code is accepted as a list of one. */
            List<String> codes(String key) {
                JsonNode v = node.get(key);
                List<String> out = new ArrayList<>();
                if (v == null || v.isNull()) {
                    return out;
                }
                if (v.isValueNode()) {
                    out.add(v.asText());
                    return out;
                }
                if (!v.isArray()) {
                    problem(at(key), "expected a list of unit codes, found " + describe(v));
                    return out;
                }
                for (int i = 0; i < v.size(); i++) {
                    JsonNode e = v.get(i);
                    if (e.isValueNode() && !e.isNull()) {
                        out.add(e.asText());
                    } else {
                        problem(at(key) + "[" + i + "]", "expected a unit code, found " + describe(e));
                    }
                }
                return out;
            }
        }
    }
}
