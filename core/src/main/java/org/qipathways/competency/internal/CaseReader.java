package org.qipathways.competency.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.qipathways.competency.Competency;
import org.qipathways.competency.CompetencyFramework;
import org.qipathways.competency.FrameworkImport;
import org.qipathways.competency.FrameworkImport.CodeMapping;
import org.qipathways.competency.FrameworkImportException;
import org.qipathways.competency.FrameworkImportOptions;
import org.qipathways.competency.ProficiencyLevel;
import org.qipathways.competency.ProficiencyScale;
import org.qipathways.programme.Codes;
import org.qipathways.definition.DefinitionProblem;
import org.qipathways.definition.internal.LocatedTree;

/**
 * Reads a CASE CFPackage (1.0 or 1.1) into a framework. Every problem is collected with its JSON
 * path, line and column before anything is thrown, so one run shows everything to fix; what the
 * package holds that the model does not is collected as warnings.
 *
 * <p>What real publishers write, and how it is read (default options; {@code strict} turns each
 * repair into a problem):
 * <ul>
 *   <li>No framework code: OpenSALT, ACT and Common Core packages have none; it is made from the
 *       document's title.</li>
 *   <li>{@code humanCodingScheme} missing, in lower case or too long: see {@link CodeMapper}.</li>
 *   <li>No rubric: the caller gives the scale.</li>
 *   <li>{@code sequenceNumber} as a number or a numeric string ({@code "1"}, as in OpenSALT's 2017
 *       sample export).</li>
 *   <li>References as LinkURI objects or, in older exports, as bare URI strings; UUIDs compared
 *       without regard to case (OpenSALT does the same since 2023).</li>
 *   <li>{@code identifier}, which CASE 1.0 and 1.1 both use; {@code sourcedId}, which some
 *       implementations write instead, is read as the identifier too.</li>
 *   <li>No {@code isChildOf} to the document for top-level items (OpenCASE writes none): items
 *       without a parent are top level.</li>
 * </ul>
 */
public final class CaseReader {

    private static final JsonFactory JSON = new JsonFactory();
    private static final Pattern CODE_NOTE = Pattern.compile(Pattern.quote(CaseWriter.CODE_NOTE) + "(\\S+)");
    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern RUN = Pattern.compile("[0-9]+|[^0-9]+");
    private static final Set<String> KNOWN_VERSIONS = Set.of("1.0", "1.1");
    private static final String WHAT = "CASE package";

    private final String source;
    private final LocatedTree tree;
    private final String prefix;
    private final FrameworkImportOptions options;
    private final List<DefinitionProblem> problems = new ArrayList<>();
    private final List<DefinitionProblem> warnings = new ArrayList<>();
    private final List<CodeMapping> mappings = new ArrayList<>();
    private boolean sourcedIdSeen;

    private CaseReader(String source, LocatedTree tree, String prefix, FrameworkImportOptions options) {
        this.source = source;
        this.tree = tree;
        this.prefix = prefix;
        this.options = options;
    }

    /** The framework in {@code json}; {@code source} names the file in problem reports. */
    public static FrameworkImport read(String json, String source, FrameworkImportOptions options) {
        Objects.requireNonNull(json, "json");
        Objects.requireNonNull(options, "options");
        LocatedTree tree;
        try {
            tree = LocatedTree.parse(JSON, json);
        } catch (JsonProcessingException e) {
            LocatedTree.Position at = LocatedTree.positionOf(e);
            throw new FrameworkImportException(WHAT, List.of(new DefinitionProblem(source, "", at.line(), at.column(),
                    "is not valid JSON: " + e.getOriginalMessage())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        JsonNode root = tree.root();
        if (!root.isObject()) {
            throw new FrameworkImportException(WHAT, List.of(new DefinitionProblem(source, "", 1, 1,
                    "must be a JSON object: a CASE CFPackage with CFDocument, CFItems and CFAssociations")));
        }
        // Some servers wrap the package ({"CFPackage": {...}}); others return its parts at the top.
        if (root.path("CFPackage").isObject()) {
            return new CaseReader(source, tree, "CFPackage.", options).framework(root.get("CFPackage"));
        }
        return new CaseReader(source, tree, "", options).framework(root);
    }

    private record Item(int index, String path, String id, String uri, String rawCode, String title,
                        String description, String listEnumeration) {
    }

    private record Link(int index, String parentId, Long sequenceNumber) {
    }

    private record Document(boolean present, String id, String uri, String title, String description, String notes) {
    }

    private FrameworkImport framework(JsonNode pkg) {
        Document doc = document(pkg);
        String code = frameworkCode(doc);
        List<Item> items = items(pkg);
        String[] codes = codes(items);
        Map<String, Link> parents = associations(pkg, doc, items);
        ProficiencyScale scale = options.scale() != null ? givenScale(pkg) : scaleFromRubrics(pkg);
        List<Competency> competencies = problems.isEmpty() ? competencies(items, codes, parents) : List.of();
        if (!problems.isEmpty()) {
            throw new FrameworkImportException(WHAT, sorted(problems));
        }
        CompetencyFramework framework = new CompetencyFramework(code, doc.title(), doc.description(), scale, competencies);
        return new FrameworkImport(framework, mappings, sorted(warnings));
    }

    // ---- the document and the framework code -----------------------------------------------------

    private Document document(JsonNode pkg) {
        JsonNode doc = object(pkg, "CFDocument", "missing: the package must describe its framework");
        if (doc == null) {
            return new Document(false, null, null, null, null, null);
        }
        String id = identifier(doc, "CFDocument");
        String uri = text(doc, "CFDocument.uri", false, null);
        String title = text(doc, "CFDocument.title", true, "missing: it is the framework's title");
        String description = text(doc, "CFDocument.description", false, null);
        String notes = text(doc, "CFDocument.notes", false, null);
        String version = scalar(doc, "CFDocument.caseVersion");
        if (version != null && !KNOWN_VERSIONS.contains(version.strip())) {
            warn("CFDocument.caseVersion", "is '" + version + "'; QI Pathways knows CASE 1.0 and 1.1 and reads it as 1.1");
        }
        return new Document(true, id, uri, title, description, notes);
    }

    private String frameworkCode(Document doc) {
        if (options.frameworkCode() != null) {
            return options.frameworkCode();
        }
        if (!doc.present()) {
            return null; // already a problem
        }
        Matcher m = doc.notes() == null ? null : CODE_NOTE.matcher(doc.notes());
        if (m != null && m.find()) {
            String noted = m.group(1);
            if (CodeMapper.fits(noted)) {
                return noted;
            }
            if (options.strict()) {
                problem("CFDocument.notes", "framework code '" + noted + "' " + Codes.RULE);
                return null;
            }
            String code = frameworkCodeFrom(noted, doc);
            mappings.add(new CodeMapping("CFDocument.notes", noted, code, CodeMapper.NOT_A_CODE));
            return code;
        }
        if (options.strict()) {
            problem("CFDocument.notes", (doc.notes() == null ? "missing" : "does not give the framework code")
                    + ": QI Pathways reads it from '" + CaseWriter.CODE_NOTE + "<code>'; or give the code"
                    + " (FrameworkImportOptions.withFrameworkCode, qip framework import --code)");
            return null;
        }
        String code = frameworkCodeFrom(doc.title(), doc);
        mappings.add(new CodeMapping("CFDocument.title", null, code,
                "the package gives no QI Pathways framework code, so it is made from the document's title;"
                        + " give another with --code"));
        return code;
    }

    /** A framework code made from {@code text}: its words in capitals, cut at a word to 40 characters. */
    private static String frameworkCodeFrom(String text, Document doc) {
        String code = CodeMapper.normalise(text);
        if (code != null && code.length() > 40) {
            int cut = code.lastIndexOf('-', 40);
            code = (cut >= 8 ? code.substring(0, cut) : code.substring(0, 40)).replaceAll("[._-]+$", "");
        }
        if (code == null || !CodeMapper.fits(code)) {
            code = "CASE-" + CodeMapper.hash(doc.id() != null ? doc.id() : String.valueOf(text), 8);
        }
        return code;
    }

    // ---- items and their codes --------------------------------------------------------------------

    private List<Item> items(JsonNode pkg) {
        List<Item> items = new ArrayList<>();
        JsonNode array = options.strict()
                ? array(pkg, "CFItems", "missing: the package must list its competencies ([] for none)")
                : optionalArray(pkg, "CFItems");
        if (array == null) {
            return items;
        }
        Map<String, String> firstWithId = new HashMap<>();
        for (int i = 0; i < array.size(); i++) {
            String path = "CFItems[" + i + "]";
            JsonNode node = array.get(i);
            if (!node.isObject()) {
                problem(path, "must be an object");
                continue;
            }
            String id = identifier(node, path);
            if (id != null) {
                String first = firstWithId.putIfAbsent(id, path);
                if (first != null) {
                    problem(path + ".identifier", "'" + id + "' is also the identifier of " + first);
                }
            }
            String uri = text(node, path + ".uri", false, null);
            String code = scalar(node, path + ".humanCodingScheme");
            String full = text(node, path + ".fullStatement", false, null);
            String abbreviated = text(node, path + ".abbreviatedStatement", false, null);
            // Our export puts the title in abbreviatedStatement and the description (or, lacking
            // one, the title again) in fullStatement; other publishers often give fullStatement only.
            String title = abbreviated != null ? abbreviated : full;
            if (title == null && !options.strict()) {
                // OpenSALT's importer falls back the same way (CaseImport::fixupContent).
                title = text(node, path + ".alternativeLabel", false, null);
                if (title == null && code != null && !code.isBlank()) {
                    title = code;
                }
                if (title != null) {
                    warn(path + ".fullStatement", "missing; the title is taken from "
                            + (title.equals(code) ? "humanCodingScheme" : "alternativeLabel"));
                }
            }
            if (title == null) {
                problem(path + ".fullStatement", "missing: it is the competency's statement");
            }
            String description = abbreviated != null && full != null && !full.equals(abbreviated) ? full : null;
            String enumeration = scalar(node, path + ".listEnumeration");
            items.add(new Item(i, path, id, uri, code, title, description, enumeration));
        }
        return items;
    }

    private String[] codes(List<Item> items) {
        String[] codes = new String[items.size()];
        if (options.strict()) {
            Map<String, String> firstWithCode = new HashMap<>();
            for (int i = 0; i < items.size(); i++) {
                Item it = items.get(i);
                String path = it.path() + ".humanCodingScheme";
                if (it.rawCode() == null || it.rawCode().isBlank()) {
                    problem(path, "missing: it is the competency's code");
                } else if (!CodeMapper.fits(it.rawCode())) {
                    problem(path, "'" + it.rawCode() + "' " + Codes.RULE);
                } else {
                    String first = firstWithCode.putIfAbsent(it.rawCode(), it.path());
                    if (first != null) {
                        problem(path, "'" + it.rawCode() + "' is also the code of " + first
                                + "; competency codes must be unique");
                    }
                    codes[i] = it.rawCode();
                }
            }
            return codes;
        }
        List<CodeMapper.Wanted> wanted = items.stream()
                .map(it -> new CodeMapper.Wanted(it.path() + ".humanCodingScheme", it.rawCode(), it.id()))
                .toList();
        CodeMapper.Result result = CodeMapper.assign(wanted, "competency");
        mappings.addAll(result.mappings());
        return result.codes().toArray(String[]::new);
    }

    // ---- the hierarchy ------------------------------------------------------------------------------

    private Map<String, Link> associations(JsonNode pkg, Document doc, List<Item> items) {
        Map<String, Link> parentOf = new HashMap<>();
        JsonNode array = optionalArray(pkg, "CFAssociations");
        if (array == null) {
            return parentOf;
        }
        Set<String> itemIds = new LinkedHashSet<>();
        Map<String, String> idByUri = new HashMap<>();
        for (Item it : items) {
            itemIds.add(it.id());
            if (it.uri() != null) {
                idByUri.put(it.uri(), it.id());
            }
        }
        if (doc.uri() != null && doc.id() != null) {
            idByUri.put(doc.uri(), doc.id());
        }
        Map<String, Integer> linkedAt = new HashMap<>();
        Map<String, Integer> otherTypes = new LinkedHashMap<>();
        for (int i = 0; i < array.size(); i++) {
            String path = "CFAssociations[" + i + "]";
            JsonNode node = array.get(i);
            if (!node.isObject()) {
                problem(path, "must be an object");
                continue;
            }
            String type = text(node, path + ".associationType", options.strict(), "missing: e.g. isChildOf");
            if (type == null) {
                if (!options.strict()) {
                    warn(path + ".associationType", "missing; the association is left out");
                }
                continue;
            }
            if (!"isChildOf".equals(type)) {
                otherTypes.merge(type, 1, Integer::sum);
                continue;
            }
            String origin = linkTarget(node, path + ".originNodeURI", idByUri);
            String destination = linkTarget(node, path + ".destinationNodeURI", idByUri);
            Long sequence = sequenceNumber(node, path + ".sequenceNumber");
            if (origin == null || destination == null) {
                continue;
            }
            if (!itemIds.contains(origin)) {
                repairable(linkPath(node, path + ".originNodeURI"), "'" + origin + "' is not the identifier of any of CFItems",
                        "the association is left out");
                continue;
            }
            boolean toDocument = destination.equals(doc.id());
            if (!toDocument && !itemIds.contains(destination)) {
                if (!repairable(linkPath(node, path + ".destinationNodeURI"), "'" + destination
                        + "' is neither the CFDocument nor any of CFItems", "the item is put at the top level")) {
                    continue;
                }
                toDocument = true;
            }
            Integer earlier = linkedAt.putIfAbsent(origin, i);
            if (earlier != null) {
                repairable(path, "makes item " + origin + " a child a second time (first in CFAssociations[" + earlier
                        + "]); a QI Pathways competency has one parent", "only the first parent is kept");
                continue;
            }
            parentOf.put(origin, new Link(i, toDocument ? null : destination, sequence));
        }
        if (!otherTypes.isEmpty()) {
            String counts = otherTypes.entrySet().stream().map(e -> e.getValue() + " " + e.getKey())
                    .collect(Collectors.joining(", "));
            warn("CFAssociations", counts + (otherTypes.values().stream().mapToInt(Integer::intValue).sum() == 1
                    ? " association" : " associations") + " not kept: a QI Pathways framework holds only the"
                    + " isChildOf hierarchy");
        }
        return parentOf;
    }

    /**
     * The identifier a reference points at: a LinkURI object's identifier or, in older exports, a
     * bare URI string (matched against the package's URIs, else read as an identifier).
     */
    private String linkTarget(JsonNode node, String path, Map<String, String> idByUri) {
        JsonNode link = node.path(field(path));
        if (link.isMissingNode() || link.isNull()) {
            repairable(path, "missing", "the association is left out");
            return null;
        }
        if (link.isTextual()) {
            return byUri(link.asText(), idByUri);
        }
        if (!link.isObject()) {
            problem(path, "must be a LinkURI object {title, identifier, uri}");
            return null;
        }
        if (!link.has("identifier") && !link.has("sourcedId") && link.path("uri").isTextual()) {
            return byUri(link.get("uri").asText(), idByUri);
        }
        return identifier(link, path);
    }

    /** Where a reference's identifier stands: its {@code identifier} (or {@code sourcedId}) field, else the reference. */
    private static String linkPath(JsonNode node, String path) {
        JsonNode link = node.path(field(path));
        if (link.has("identifier")) {
            return path + ".identifier";
        }
        return link.has("sourcedId") ? path + ".sourcedId" : path;
    }

    private static String byUri(String uri, Map<String, String> idByUri) {
        String id = idByUri.get(uri);
        if (id != null) {
            return id;
        }
        String last = uri.substring(uri.lastIndexOf('/') + 1);
        return UUID.matcher(last).matches() ? normaliseId(last) : normaliseId(uri);
    }

    private Long sequenceNumber(JsonNode node, String path) {
        JsonNode v = node.path(field(path));
        if (v.isMissingNode() || v.isNull()) {
            return null;
        }
        if (v.isNumber() && v.canConvertToExactIntegral() && v.canConvertToLong()) {
            return v.longValue();
        }
        if (v.isTextual()) {
            try {
                BigDecimal n = new BigDecimal(v.asText().strip());
                return n.longValueExact();
            } catch (NumberFormatException | ArithmeticException e) {
                // not a whole number: reported below
            }
        }
        repairable(path, "must be a whole number, not " + v, "it is not used for the order");
        return null;
    }

    /**
     * The competencies in CFItems order, except that each parent's children are put in the order
     * of their sequenceNumber, then listEnumeration, then humanCodingScheme compared naturally
     * ({@code L1.2} before {@code L1.10}), within the places they occupy: the order OpenSALT shows
     * (assets/js/cftree/view-documentclass.js, the sort of a parent's children). Our own export
     * gives every sibling a sequenceNumber and lists siblings in that order, so its list comes back
     * unchanged.
     */
    private List<Competency> competencies(List<Item> items, String[] codes, Map<String, Link> parents) {
        Map<String, Item> byId = new HashMap<>();
        Map<String, String> codeOf = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            byId.put(items.get(i).id(), items.get(i));
            codeOf.put(items.get(i).id(), codes[i]);
        }
        Map<String, List<Item>> siblings = new LinkedHashMap<>();
        for (Item it : items) {
            Link link = parents.get(it.id());
            siblings.computeIfAbsent(link == null ? null : link.parentId(), k -> new ArrayList<>()).add(it);
        }
        Comparator<Item> order = Comparator
                .comparing((Item it) -> parents.containsKey(it.id()) ? parents.get(it.id()).sequenceNumber() : null,
                        Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(Item::listEnumeration, Comparator.nullsLast(CaseReader::compareEnumerations))
                .thenComparing(Item::rawCode, Comparator.nullsLast(CaseReader::compareNaturally))
                .thenComparingInt(Item::index);
        Item[] placed = new Item[items.size()];
        for (List<Item> group : siblings.values()) {
            List<Item> sorted = new ArrayList<>(group);
            sorted.sort(order);
            for (int k = 0; k < group.size(); k++) {
                placed[group.get(k).index()] = sorted.get(k);
            }
        }
        if (circles(items, parents, codeOf)) {
            return List.of();
        }
        List<Competency> out = new ArrayList<>();
        for (Item it : placed) {
            Link link = parents.get(it.id());
            String parentCode = link == null || link.parentId() == null ? null : codeOf.get(link.parentId());
            out.add(new Competency(codeOf.get(it.id()), it.title(), it.description(), parentCode));
        }
        return out;
    }

    private boolean circles(List<Item> items, Map<String, Link> parents, Map<String, String> codeOf) {
        Set<String> reported = new LinkedHashSet<>();
        for (Item it : items) {
            List<String> walk = new ArrayList<>(List.of(codeOf.get(it.id())));
            Set<String> seen = new LinkedHashSet<>(List.of(it.id()));
            for (Link l = parents.get(it.id()); l != null && l.parentId() != null; l = parents.get(l.parentId())) {
                walk.add(codeOf.get(l.parentId()));
                if (!seen.add(l.parentId())) {
                    if (l.parentId().equals(it.id()) && reported.add(it.id())) {
                        reported.addAll(seen);
                        problem("CFAssociations[" + parents.get(it.id()).index() + "]",
                                "isChildOf links form a circle (" + String.join(" → ", walk)
                                        + "); a competency cannot be its own ancestor");
                    }
                    break;
                }
            }
        }
        return !reported.isEmpty();
    }

    /** Runs of digits compared as numbers, other runs without regard to case: {@code A.2 < a.10 < B.1}. */
    static int compareNaturally(String a, String b) {
        Matcher x = RUN.matcher(a);
        Matcher y = RUN.matcher(b);
        while (x.find() && y.find()) {
            String p = x.group();
            String q = y.group();
            int c;
            if (Character.isDigit(p.charAt(0)) && Character.isDigit(q.charAt(0))) {
                c = new java.math.BigInteger(p).compareTo(new java.math.BigInteger(q));
            } else {
                c = p.compareToIgnoreCase(q);
            }
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.length(), b.length());
    }

    private static int compareEnumerations(String a, String b) {
        try {
            return new BigDecimal(a.strip()).compareTo(new BigDecimal(b.strip()));
        } catch (NumberFormatException e) {
            return a.compareTo(b);
        }
    }

    // ---- the proficiency scale ---------------------------------------------------------------------

    private ProficiencyScale givenScale(JsonNode pkg) {
        JsonNode rubrics = pkg.path("CFRubrics");
        if (rubrics.isArray() && !rubrics.isEmpty()) {
            warn("CFRubrics", "not read: the proficiency scale given ('" + options.scale().name() + "') is used instead");
        }
        return options.scale();
    }

    private record Level(int index, String path, String quality, Double score, Long position, Boolean proficient) {
    }

    private ProficiencyScale scaleFromRubrics(JsonNode pkg) {
        String noScale = "the package has no proficiency scale QI Pathways can read; give the scale to import it"
                + " (FrameworkImportOptions.withScale, qip framework import --scale)";
        JsonNode rubrics = optionalArray(pkg, "CFRubrics");
        if (rubrics == null || rubrics.isEmpty()) {
            problem("CFRubrics", (rubrics == null ? "missing: " : "is empty: ") + noScale);
            return null;
        }
        List<String> criterionPaths = new ArrayList<>();
        List<JsonNode> criteria = new ArrayList<>();
        for (int r = 0; r < rubrics.size(); r++) {
            String rubric = "CFRubrics[" + r + "]";
            JsonNode cs = rubrics.get(r).path("CFRubricCriteria");
            for (int c = 0; cs.isArray() && c < cs.size(); c++) {
                criterionPaths.add(rubric + ".CFRubricCriteria[" + c + "]");
                criteria.add(cs.get(c));
            }
        }
        if (criteria.isEmpty()) {
            problem("CFRubrics[0].CFRubricCriteria", "has no criteria, so no levels: " + noScale);
            return null;
        }
        String name = text(rubrics.get(0), "CFRubrics[0].title", options.strict(), "missing: it is the proficiency scale's name");
        if (name == null && !options.strict()) {
            name = "Proficiency";
            warn("CFRubrics[0].title", "missing; the scale is called '" + name + "'");
        }
        List<Level> first = levels(criteria.get(0), criterionPaths.get(0), true);
        if (first == null) {
            return null;
        }
        List<String> expected = summary(first);
        for (int c = 1; c < criteria.size(); c++) {
            List<Level> other = levels(criteria.get(c), criterionPaths.get(c), false);
            if (other != null && !summary(other).equals(expected)) {
                problem(criterionPaths.get(c) + ".CFRubricCriterionLevels", "has levels " + summary(other) + " but "
                        + criterionPaths.get(0) + " has " + expected + ": QI Pathways rates every competency on one"
                        + " scale; give the scale to import this package");
                break;
            }
        }
        List<ProficiencyLevel> scale = new ArrayList<>();
        for (int n = 0; n < first.size(); n++) {
            Level l = first.get(n);
            if (options.strict() && l.score() != null && l.score() != n + 1) {
                problem(l.path() + ".score", "is " + l.score() + " but should be " + (n + 1)
                        + ": levels are scored 1, 2, 3... from the lowest, in position order");
            }
            scale.add(new ProficiencyLevel(n + 1, l.quality(), Boolean.TRUE.equals(l.proficient())));
        }
        return new ProficiencyScale(name, scale);
    }

    /** A criterion's levels lowest first; {@code null} when they cannot make a scale (problems recorded). */
    private List<Level> levels(JsonNode criterion, String path, boolean report) {
        JsonNode levelsNode = report
                ? array(criterion, path + ".CFRubricCriterionLevels", "missing: one criterion level per proficiency level")
                : criterion.path("CFRubricCriterionLevels");
        if (levelsNode == null || !levelsNode.isArray()) {
            return null;
        }
        if (levelsNode.isEmpty()) {
            problem(path + ".CFRubricCriterionLevels", "is empty: the scale needs at least one level");
            return null;
        }
        List<Level> levels = new ArrayList<>();
        boolean usable = true;
        for (int i = 0; i < levelsNode.size(); i++) {
            String lp = path + ".CFRubricCriterionLevels[" + i + "]";
            JsonNode l = levelsNode.get(i);
            String quality = report ? text(l, lp + ".quality", true, "missing: it is the level's name") : l.path("quality").asText(null);
            Double score = l.path("score").isNumber() ? l.get("score").doubleValue() : null;
            if (report && options.strict() && score == null) {
                problem(lp + ".score", "missing: it is the level's number, 1 for the lowest");
            }
            Long position = l.path("position").canConvertToExactIntegral() ? l.get("position").longValue() : null;
            String said = l.path("description").isTextual() ? l.get("description").asText().strip() : null;
            Boolean proficient = null;
            if (CaseWriter.PROFICIENT.equalsIgnoreCase(said)) {
                proficient = true;
            } else if (CaseWriter.NOT_PROFICIENT.equalsIgnoreCase(said)) {
                proficient = false;
            } else if (report) {
                problem(lp + ".description", (said == null ? "missing" : "is '" + said + "'") + " but must be '"
                        + CaseWriter.PROFICIENT + "' or '" + CaseWriter.NOT_PROFICIENT + "': QI Pathways reads from it"
                        + " which levels count as proficient; or give the scale to import this package");
            }
            usable &= quality != null && proficient != null;
            levels.add(new Level(i, lp, quality, score, position, proficient));
        }
        if (!usable && report) {
            return null;
        }
        levels.sort(Comparator.comparing(Level::position, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(Level::score, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparingInt(Level::index));
        return levels;
    }

    private static List<String> summary(List<Level> levels) {
        return levels.stream().map(l -> l.quality() + (Boolean.TRUE.equals(l.proficient()) ? " (proficient)" : ""))
                .toList();
    }

    // ---- field access: each records a problem and returns null when the value is unusable ----------

    private String identifier(JsonNode node, String path) {
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
    private static String normaliseId(String id) {
        String s = id.strip();
        return UUID.matcher(s).matches() ? s.toLowerCase(Locale.ROOT) : s;
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

    private static String field(String path) {
        return path.substring(path.lastIndexOf('.') + 1);
    }

    /**
     * Something QI Pathways would not write and the model cannot hold: a problem when reading
     * strictly, else a warning saying what was done instead.
     *
     * @return {@code true} when it was repaired (not strict)
     */
    private boolean repairable(String path, String message, String repair) {
        if (options.strict()) {
            problem(path, message);
            return false;
        }
        warn(path, message + "; " + repair);
        return true;
    }

    private void problem(String path, String message) {
        problems.add(at(path, message));
    }

    private void warn(String path, String message) {
        warnings.add(at(path, message));
    }

    private DefinitionProblem at(String path, String message) {
        String full = prefix + path;
        LocatedTree.Position pos = tree.positionOf(full);
        return new DefinitionProblem(source, full, pos.line(), pos.column(), message);
    }

    private static List<DefinitionProblem> sorted(List<DefinitionProblem> list) {
        List<DefinitionProblem> out = new ArrayList<>(list);
        out.sort(Comparator.comparingInt(DefinitionProblem::line).thenComparingInt(DefinitionProblem::column));
        return out;
    }
}
