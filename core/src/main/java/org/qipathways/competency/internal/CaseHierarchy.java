package org.qipathways.competency.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
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
import java.util.stream.Collectors;
import org.qipathways.competency.Competency;
import org.qipathways.competency.FrameworkImportOptions;
import org.qipathways.competency.internal.CaseItems.Item;

/**
 * The hierarchy of a CASE package and the order of its competencies: which item is whose child
 * (the {@code isChildOf} associations, with references as LinkURI objects or bare URIs), the
 * circles those links may form, and the order of each parent's children as OpenSALT shows them.
 * Other association types are counted as not kept. Part of {@link CaseReader}; problems go to its
 * {@link CaseContext}.
 */
final class CaseHierarchy {

    private static final Pattern RUN = Pattern.compile("[0-9]+|[^0-9]+");

    /** An item's place: its isChildOf association's index, its parent ({@code null}: top level) and order. */
    record Link(int index, String parentId, Long sequenceNumber) {
    }

    private final CaseContext ctx;
    private final FrameworkImportOptions options;

    CaseHierarchy(CaseContext ctx) {
        this.ctx = ctx;
        this.options = ctx.options();
    }

    Map<String, Link> associations(JsonNode pkg, CaseReader.Document doc, List<Item> items) {
        Map<String, Link> parentOf = new HashMap<>();
        JsonNode array = ctx.optionalArray(pkg, "CFAssociations");
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
                ctx.problem(path, "must be an object");
                continue;
            }
            String type = ctx.text(node, path + ".associationType", options.strict(), "missing: e.g. isChildOf");
            if (type == null) {
                if (!options.strict()) {
                    ctx.warn(path + ".associationType", "missing; the association is left out");
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
                ctx.repairable(linkPath(node, path + ".originNodeURI"), "'" + origin + "' is not the identifier of any of CFItems",
                        "the association is left out");
                continue;
            }
            boolean toDocument = destination.equals(doc.id());
            if (!toDocument && !itemIds.contains(destination)) {
                if (!ctx.repairable(linkPath(node, path + ".destinationNodeURI"), "'" + destination
                        + "' is neither the CFDocument nor any of CFItems", "the item is put at the top level")) {
                    continue;
                }
                toDocument = true;
            }
            Integer earlier = linkedAt.putIfAbsent(origin, i);
            if (earlier != null) {
                ctx.repairable(path, "makes item " + origin + " a child a second time (first in CFAssociations[" + earlier
                        + "]); a QI Pathways competency has one parent", "only the first parent is kept");
                continue;
            }
            parentOf.put(origin, new Link(i, toDocument ? null : destination, sequence));
        }
        if (!otherTypes.isEmpty()) {
            String counts = otherTypes.entrySet().stream().map(e -> e.getValue() + " " + e.getKey())
                    .collect(Collectors.joining(", "));
            ctx.warn("CFAssociations", counts + (otherTypes.values().stream().mapToInt(Integer::intValue).sum() == 1
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
        JsonNode link = node.path(CaseContext.field(path));
        if (link.isMissingNode() || link.isNull()) {
            ctx.repairable(path, "missing", "the association is left out");
            return null;
        }
        if (link.isTextual()) {
            return byUri(link.asText(), idByUri);
        }
        if (!link.isObject()) {
            ctx.problem(path, "must be a LinkURI object {title, identifier, uri}");
            return null;
        }
        if (!link.has("identifier") && !link.has("sourcedId") && link.path("uri").isTextual()) {
            return byUri(link.get("uri").asText(), idByUri);
        }
        return ctx.identifier(link, path);
    }

    /** Where a reference's identifier stands: its {@code identifier} (or {@code sourcedId}) field, else the reference. */
    private static String linkPath(JsonNode node, String path) {
        JsonNode link = node.path(CaseContext.field(path));
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
        return CaseContext.UUID.matcher(last).matches() ? CaseContext.normaliseId(last) : CaseContext.normaliseId(uri);
    }

    private Long sequenceNumber(JsonNode node, String path) {
        JsonNode v = node.path(CaseContext.field(path));
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
        ctx.repairable(path, "must be a whole number, not " + v, "it is not used for the order");
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
    List<Competency> competencies(List<Item> items, String[] codes, Map<String, Link> parents) {
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
                .thenComparing(Item::listEnumeration, Comparator.nullsLast(CaseHierarchy::compareEnumerations))
                .thenComparing(Item::rawCode, Comparator.nullsLast(CaseHierarchy::compareNaturally))
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
                        ctx.problem("CFAssociations[" + parents.get(it.id()).index() + "]",
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
}
