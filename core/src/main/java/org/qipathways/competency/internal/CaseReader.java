package org.qipathways.competency.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.qipathways.competency.CaseImportException;
import org.qipathways.competency.Competency;
import org.qipathways.competency.CompetencyFramework;
import org.qipathways.competency.ProficiencyLevel;
import org.qipathways.competency.ProficiencyScale;
import org.qipathways.programme.Codes;
import org.qipathways.definition.DefinitionProblem;
import org.qipathways.definition.internal.LocatedTree;

/**
 * Reads a CASE CFPackage (v1.0, or v1.1 with {@code sourcedId}) back into a framework. Every
 * problem is collected with its JSON path and line before anything is thrown, so one run shows
 * the author everything to fix.
 */
public final class CaseReader {

    private static final JsonFactory JSON = new JsonFactory();
    private static final Pattern CODE_NOTE = Pattern.compile(Pattern.quote(CaseWriter.CODE_NOTE) + "(\\S+)");
    private static final Pattern CODE = Pattern.compile(Codes.PATTERN);

    private final String source;
    private final LocatedTree tree;
    private final String prefix;
    private final List<DefinitionProblem> problems = new ArrayList<>();

    private CaseReader(String source, LocatedTree tree, String prefix) {
        this.source = source;
        this.tree = tree;
        this.prefix = prefix;
    }

    /** The framework in {@code json}; {@code source} names the file in problem reports. */
    public static CompetencyFramework read(String json, String source) {
        LocatedTree tree;
        try {
            tree = LocatedTree.parse(JSON, json);
        } catch (JsonProcessingException e) {
            LocatedTree.Position at = LocatedTree.positionOf(e);
            throw new CaseImportException(List.of(new DefinitionProblem(source, "", at.line(), at.column(),
                    "is not valid JSON: " + e.getOriginalMessage())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        JsonNode root = tree.root();
        if (!root.isObject()) {
            throw new CaseImportException(List.of(new DefinitionProblem(source, "", 1, 1,
                    "must be a JSON object: a CASE CFPackage with CFDocument, CFItems and CFAssociations")));
        }
        // Some servers wrap the package ({"CFPackage": {...}}); others return its parts at the top.
        if (root.path("CFPackage").isObject()) {
            return new CaseReader(source, tree, "CFPackage.").framework(root.get("CFPackage"));
        }
        return new CaseReader(source, tree, "").framework(root);
    }

    private record Item(int index, String id, String code, String title, String description, String listEnumeration) {
    }

    private record Link(int index, String parentId, Integer sequenceNumber) {
    }

    private CompetencyFramework framework(JsonNode pkg) {
        JsonNode doc = object(pkg, "CFDocument", "missing: the package must describe its framework");
        String docId = null;
        String title = null;
        String description = null;
        String code = null;
        if (doc != null) {
            docId = identifier(doc, "CFDocument");
            title = text(doc, "CFDocument.title", true, "missing: it is the framework's title");
            description = text(doc, "CFDocument.description", false, null);
            String notes = text(doc, "CFDocument.notes", true,
                    "missing: QI Pathways reads the framework code from it ('" + CaseWriter.CODE_NOTE + "<code>')");
            if (notes != null) {
                Matcher m = CODE_NOTE.matcher(notes);
                if (!m.find()) {
                    problem("CFDocument.notes", "does not give the framework code: expected '" + CaseWriter.CODE_NOTE
                            + "<code>'");
                } else if (!CODE.matcher(m.group(1)).matches()) {
                    problem("CFDocument.notes", "framework code '" + m.group(1) + "' " + Codes.RULE);
                } else {
                    code = m.group(1);
                }
            }
        }
        List<Item> items = items(pkg);
        Map<String, Link> parents = associations(pkg, docId, items);
        ProficiencyScale scale = scale(pkg);
        List<Competency> competencies = problems.isEmpty() ? competencies(items, parents) : List.of();
        if (!problems.isEmpty()) {
            problems.sort(Comparator.comparingInt(DefinitionProblem::line).thenComparingInt(DefinitionProblem::column));
            throw new CaseImportException(problems);
        }
        return new CompetencyFramework(code, title, description, scale, competencies);
    }

    private List<Item> items(JsonNode pkg) {
        List<Item> items = new ArrayList<>();
        JsonNode array = array(pkg, "CFItems", "missing: the package must list its competencies ([] for none)");
        if (array == null) {
            return items;
        }
        Map<String, String> firstWithCode = new HashMap<>();
        Map<String, String> firstWithId = new HashMap<>();
        for (int i = 0; i < array.size(); i++) {
            String path = "CFItems[" + i + "]";
            JsonNode node = array.get(i);
            if (!node.isObject()) {
                problem(path, "must be an object");
                continue;
            }
            String id = identifier(node, path);
            String code = text(node, path + ".humanCodingScheme", true, "missing: it is the competency's code");
            if (code != null && !CODE.matcher(code).matches()) {
                problem(path + ".humanCodingScheme", "'" + code + "' " + Codes.RULE);
                code = null;
            }
            if (code != null) {
                String first = firstWithCode.putIfAbsent(code, path);
                if (first != null) {
                    problem(path + ".humanCodingScheme", "'" + code + "' is also the code of " + first
                            + "; competency codes must be unique");
                }
            }
            if (id != null) {
                String first = firstWithId.putIfAbsent(id, path);
                if (first != null) {
                    problem(path + ".identifier", "'" + id + "' is also the identifier of " + first);
                }
            }
            String full = text(node, path + ".fullStatement", true, "missing: it is the competency's statement");
            String abbreviated = text(node, path + ".abbreviatedStatement", false, null);
            // Our export puts the title in abbreviatedStatement and the description (or, lacking
            // one, the title again) in fullStatement; other publishers often give fullStatement only.
            String title = abbreviated != null ? abbreviated : full;
            String description = abbreviated != null && full != null && !full.equals(abbreviated) ? full : null;
            String enumeration = scalar(node, path + ".listEnumeration");
            items.add(new Item(i, id, code, title, description, enumeration));
        }
        return items;
    }

    private Map<String, Link> associations(JsonNode pkg, String docId, List<Item> items) {
        Map<String, Link> parentOf = new HashMap<>();
        JsonNode array = optionalArray(pkg, "CFAssociations");
        if (array == null) {
            return parentOf;
        }
        Set<String> itemIds = new LinkedHashSet<>();
        items.forEach(it -> itemIds.add(it.id()));
        Map<String, Integer> linkedAt = new HashMap<>();
        for (int i = 0; i < array.size(); i++) {
            String path = "CFAssociations[" + i + "]";
            JsonNode node = array.get(i);
            if (!node.isObject()) {
                problem(path, "must be an object");
                continue;
            }
            String type = text(node, path + ".associationType", true, "missing: e.g. isChildOf");
            if (!"isChildOf".equals(type)) {
                continue; // precedes, isRelatedTo, exactMatchOf... carry nothing the model holds
            }
            String origin = linkId(node, path + ".originNodeURI");
            String destination = linkId(node, path + ".destinationNodeURI");
            Integer sequence = integer(node, path + ".sequenceNumber");
            if (origin == null || destination == null) {
                continue;
            }
            if (!itemIds.contains(origin)) {
                problem(path + ".originNodeURI.identifier", "'" + origin + "' is not the identifier of any of CFItems");
                continue;
            }
            boolean toDocument = destination.equals(docId);
            if (!toDocument && !itemIds.contains(destination)) {
                problem(path + ".destinationNodeURI.identifier", "'" + destination
                        + "' is neither the CFDocument nor any of CFItems");
                continue;
            }
            Integer earlier = linkedAt.putIfAbsent(origin, i);
            if (earlier != null) {
                problem(path, "makes item " + origin + " a child a second time (first in CFAssociations[" + earlier
                        + "]); a QI Pathways competency has one parent");
                continue;
            }
            parentOf.put(origin, new Link(i, toDocument ? null : destination, sequence));
        }
        return parentOf;
    }

    private ProficiencyScale scale(JsonNode pkg) {
        JsonNode rubrics = array(pkg, "CFRubrics",
                "missing: QI Pathways needs the proficiency scale as one CFRubric");
        if (rubrics == null) {
            return null;
        }
        if (rubrics.size() != 1) {
            problem("CFRubrics", "has " + rubrics.size() + " rubrics; QI Pathways needs exactly one, the proficiency scale");
            return null;
        }
        String rubric = "CFRubrics[0]";
        JsonNode r = rubrics.get(0);
        String name = text(r, rubric + ".title", true, "missing: it is the proficiency scale's name");
        JsonNode criteria = array(r, rubric + ".CFRubricCriteria", "missing: the scale's levels go in one criterion");
        if (criteria == null) {
            return null;
        }
        if (criteria.size() != 1) {
            problem(rubric + ".CFRubricCriteria", "has " + criteria.size()
                    + " criteria; QI Pathways needs exactly one, holding the scale's levels");
            return null;
        }
        String criterion = rubric + ".CFRubricCriteria[0]";
        JsonNode levelsNode = array(criteria.get(0), criterion + ".CFRubricCriterionLevels",
                "missing: one criterion level per proficiency level");
        if (levelsNode == null) {
            return null;
        }
        if (levelsNode.isEmpty()) {
            problem(criterion + ".CFRubricCriterionLevels", "is empty: the scale needs at least one level");
        }
        record Level(int index, String path, String name, Integer score, Integer position, Boolean proficient) {
        }
        List<Level> levels = new ArrayList<>();
        for (int i = 0; i < levelsNode.size(); i++) {
            String path = criterion + ".CFRubricCriterionLevels[" + i + "]";
            JsonNode l = levelsNode.get(i);
            String quality = text(l, path + ".quality", true, "missing: it is the level's name");
            Integer score = integer(l, path + ".score");
            if (score == null && l.path("score").isMissingNode()) {
                problem(path + ".score", "missing: it is the level's number, 1 for the lowest");
            }
            Integer position = integer(l, path + ".position");
            String said = text(l, path + ".description", true, "missing: it says whether the level is '"
                    + CaseWriter.PROFICIENT + "' or '" + CaseWriter.NOT_PROFICIENT + "'");
            Boolean proficient = null;
            if (said != null) {
                if (said.strip().equalsIgnoreCase(CaseWriter.PROFICIENT)) {
                    proficient = true;
                } else if (said.strip().equalsIgnoreCase(CaseWriter.NOT_PROFICIENT)) {
                    proficient = false;
                } else {
                    problem(path + ".description", "is '" + said + "' but must be '" + CaseWriter.PROFICIENT + "' or '"
                            + CaseWriter.NOT_PROFICIENT + "': QI Pathways reads from it which levels count as proficient");
                }
            }
            levels.add(new Level(i, path, quality, score, position, proficient));
        }
        levels.sort(Comparator.comparing(Level::position, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparingInt(Level::index));
        List<ProficiencyLevel> scale = new ArrayList<>();
        for (int n = 0; n < levels.size(); n++) {
            Level l = levels.get(n);
            if (l.score() != null && l.score() != n + 1) {
                problem(l.path() + ".score", "is " + l.score() + " but should be " + (n + 1)
                        + ": levels are scored 1, 2, 3... from the lowest, in position order");
            }
            scale.add(new ProficiencyLevel(n + 1, l.name(), Boolean.TRUE.equals(l.proficient())));
        }
        return new ProficiencyScale(name, scale);
    }

    /**
     * The competencies in CFItems order, except that each parent's children are put in the order
     * of their sequenceNumber (then listEnumeration) within the places they occupy. Our own export
     * lists siblings in that order already, so its list comes back unchanged.
     */
    private List<Competency> competencies(List<Item> items, Map<String, Link> parents) {
        Map<String, Item> byId = new HashMap<>();
        items.forEach(it -> byId.put(it.id(), it));
        Map<String, List<Item>> siblings = new LinkedHashMap<>();
        for (Item it : items) {
            Link link = parents.get(it.id());
            siblings.computeIfAbsent(link == null ? null : link.parentId(), k -> new ArrayList<>()).add(it);
        }
        Comparator<Item> order = Comparator
                .comparing((Item it) -> parents.containsKey(it.id()) ? parents.get(it.id()).sequenceNumber() : null,
                        Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(Item::listEnumeration, Comparator.nullsLast(CaseReader::compareEnumerations))
                .thenComparingInt(Item::index);
        Item[] placed = new Item[items.size()];
        for (List<Item> group : siblings.values()) {
            List<Item> sorted = new ArrayList<>(group);
            sorted.sort(order);
            for (int k = 0; k < group.size(); k++) {
                placed[group.get(k).index()] = sorted.get(k);
            }
        }
        checkCircles(items, parents, byId);
        List<Competency> out = new ArrayList<>();
        for (Item it : placed) {
            Link link = parents.get(it.id());
            String parentCode = link == null || link.parentId() == null ? null : byId.get(link.parentId()).code();
            out.add(new Competency(it.code(), it.title(), it.description(), parentCode));
        }
        return out;
    }

    private void checkCircles(List<Item> items, Map<String, Link> parents, Map<String, Item> byId) {
        Set<String> reported = new LinkedHashSet<>();
        for (Item it : items) {
            List<String> walk = new ArrayList<>(List.of(it.code()));
            Set<String> seen = new LinkedHashSet<>(List.of(it.id()));
            for (Link l = parents.get(it.id()); l != null && l.parentId() != null; l = parents.get(l.parentId())) {
                walk.add(byId.get(l.parentId()).code());
                if (!seen.add(l.parentId())) {
                    if (l.parentId().equals(it.id()) && reported.add(it.id())) {
                        seen.forEach(reported::add);
                        problem("CFAssociations[" + parents.get(it.id()).index() + "]",
                                "isChildOf links form a circle (" + String.join(" → ", walk)
                                        + "); a competency cannot be its own ancestor");
                    }
                    break;
                }
            }
        }
    }

    private static int compareEnumerations(String a, String b) {
        try {
            return Long.compare(Long.parseLong(a.strip()), Long.parseLong(b.strip()));
        } catch (NumberFormatException e) {
            return a.compareTo(b);
        }
    }

    // ---- field access: each records a problem and returns null when the value is unusable ----------

    private String identifier(JsonNode node, String path) {
        String viaIdentifier = text(node, path + ".identifier", false, null);
        if (viaIdentifier != null) {
            return viaIdentifier;
        }
        String viaSourcedId = text(node, path + ".sourcedId", false, null);
        if (viaSourcedId == null && !node.has("identifier") && !node.has("sourcedId")) {
            problem(path + ".identifier", "missing (CASE 1.1: sourcedId)");
        }
        return viaSourcedId;
    }

    private String linkId(JsonNode node, String path) {
        JsonNode link = node.path(field(path));
        if (link.isMissingNode() || link.isNull()) {
            problem(path, "missing");
            return null;
        }
        if (!link.isObject()) {
            problem(path, "must be a LinkURI object {title, identifier, uri}");
            return null;
        }
        return identifier(link, path);
    }

    private JsonNode object(JsonNode node, String path, String ifMissing) {
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

    private JsonNode array(JsonNode node, String path, String ifMissing) {
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

    private JsonNode optionalArray(JsonNode node, String path) {
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

    private String text(JsonNode node, String path, boolean required, String ifMissing) {
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

    private String scalar(JsonNode node, String path) {
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

    private Integer integer(JsonNode node, String path) {
        JsonNode v = node.path(field(path));
        if (v.isMissingNode() || v.isNull()) {
            return null;
        }
        if (v.isNumber() && v.canConvertToExactIntegral() && v.canConvertToInt()) {
            return v.intValue();
        }
        problem(path, "must be a whole number, not " + v);
        return null;
    }

    private static String field(String path) {
        return path.substring(path.lastIndexOf('.') + 1);
    }

    private void problem(String path, String message) {
        String full = prefix + path;
        LocatedTree.Position at = tree.positionOf(full);
        problems.add(new DefinitionProblem(source, full, at.line(), at.column(), message));
    }
}
