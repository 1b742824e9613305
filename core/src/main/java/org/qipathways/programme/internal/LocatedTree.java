package org.qipathways.programme.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.qipathways.record.internal.Values;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.ScalarEvent;

/**
 * A parsed YAML or JSON document that remembers where each value stood, so that a problem found
 * later (by Bean Validation or a semantic check) can be reported at its line and column.
 *
 * <p>Jackson's tree model drops locations, so the document is read with the streaming parser and
 * the tree built by hand, recording for every path ({@code tiers[2].rule.allOf[1]}) the position
 * of its key (for object members) or of its value (for array elements). Duplicate keys, which
 * YAML parsers silently resolve to the last one, are reported.
 *
 * <p>What YAML offers beyond plain data is refused, each at its line and column: aliases and
 * anchors (an alias would otherwise be read as the anchor's name: {@code title: *t} as the text
 * {@code t}), explicit tags ({@code !!binary}, {@code !!python/object}), a second document after
 * {@code ---} (which a reader would silently ignore); and, in YAML and JSON alike, control
 * characters in keys and values (other than tab and line breaks).
 */
public final class LocatedTree {

    /** A 1-based position in the document. */
    public record Position(int line, int column) {
    }

    /** The prefix of YAML's own tags, written {@code !!} in a document. */
    private static final String YAML_TAGS = "tag:yaml.org,2002:";

    /** Something in the document that is refused, at its path and place. */
    public record Refusal(String path, Position at, String message) {
    }

    private final JsonNode root;
    private final Map<String, Position> positions;
    private final List<String[]> duplicates;
    private final List<Refusal> refusals;

    private LocatedTree(JsonNode root, Map<String, Position> positions, List<String[]> duplicates,
                        List<Refusal> refusals) {
        this.root = root;
        this.positions = positions;
        this.duplicates = duplicates;
        this.refusals = refusals;
    }

    /** Reads a whole document; a syntax error surfaces as Jackson's exception with its location. */
    public static LocatedTree parse(JsonFactory factory, String text) throws IOException {
        try (JsonParser parser = factory.createParser(text)) {
            Map<String, Position> positions = new HashMap<>();
            List<String[]> duplicates = new ArrayList<>();
            List<Refusal> refusals = new ArrayList<>();
            JsonToken first = parser.nextToken();
            if (first == null) {
                return new LocatedTree(JsonNodeFactory.instance.missingNode(), positions, duplicates, refusals);
            }
            positions.put("", position(parser.currentTokenLocation()));
            Builder builder = new Builder(parser, positions, duplicates, refusals);
            JsonNode root = builder.value("");
            if (parser.nextToken() != null) {
                boolean yaml = parser instanceof YAMLParser;
                refusals.add(new Refusal("", position(parser.currentTokenLocation()), yaml
                        ? "a second YAML document starts here (after a --- line); a programme file holds one document:"
                        + " remove the --- line and what follows it, or put the second programme in a file of its own"
                        : "a second JSON value starts here; a programme file holds one JSON object"));
            }
            if (parser instanceof YAMLParser) {
                scalarAnchors(text, builder.scalarPaths, refusals);
            }
            refusals.sort(java.util.Comparator.comparingInt((Refusal r) -> r.at().line())
                    .thenComparingInt(r -> r.at().column()));
            return new LocatedTree(root, positions, duplicates, refusals);
        }
    }

    /**
     * Jackson's YAML parser reports the anchor of a map or list but not of a scalar
     * ({@code title: &t Text}), so scalars' anchors are found in SnakeYAML's own events, at the
     * same place as Jackson's token.
     */
    private static void scalarAnchors(String text, Map<Position, String> scalarPaths, List<Refusal> refusals) {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(Math.max(text.length() + 1, options.getCodePointLimit()));
        try {
            for (Event e : new Yaml(options).parse(new StringReader(text))) {
                if (e instanceof ScalarEvent s && s.getAnchor() != null) {
                    Position at = new Position(s.getStartMark().getLine() + 1, s.getStartMark().getColumn() + 1);
                    refusals.add(new Refusal(scalarPaths.getOrDefault(at, ""), at, "defines a YAML anchor (&"
                            + Values.printable(s.getAnchor()) + "); aliases and anchors are not allowed in a programme"
                            + " file: remove the anchor and write out in full each value that refers to it"));
                }
            }
        } catch (RuntimeException e) {
            // Jackson read the same text without error; should SnakeYAML's event stream differ, the
            // document has been checked as far as Jackson sees it.
        }
    }

    /** What the document holds that is refused, in document order. */
    public List<Refusal> refusals() {
        return refusals;
    }

    /** The document's root value; a missing node for an empty document. */
    public JsonNode root() {
        return root;
    }

    /** Paths of keys that occur twice in one map, each with the key's second position. */
    public List<String[]> duplicates() {
        return duplicates;
    }

    /**
     * Where {@code path} stood; for a path that is absent (a missing field), where its nearest
     * present ancestor stood.
     */
    public Position positionOf(String path) {
        String p = path;
        while (true) {
            Position pos = positions.get(p);
            if (pos != null) {
                return pos;
            }
            if (p.isEmpty()) {
                return new Position(1, 1);
            }
            p = parent(p);
        }
    }

    static String parent(String path) {
        int dot = path.lastIndexOf('.');
        int bracket = path.lastIndexOf('[');
        int cut = Math.max(dot, bracket);
        return cut <= 0 ? "" : path.substring(0, cut);
    }

    private static Position position(JsonLocation location) {
        return new Position(Math.max(1, location.getLineNr()), Math.max(1, location.getColumnNr()));
    }

    /** Where a parse error happened. */
    public static Position positionOf(JsonProcessingException e) {
        JsonLocation l = e.getLocation();
        return l == null ? new Position(1, 1) : position(l);
    }

    private static final class Builder {
        private final JsonParser parser;
        private final Map<String, Position> positions;
        private final List<String[]> duplicates;
        private final List<Refusal> refusals;
        private final JsonNodeFactory nodes = JsonNodeFactory.instance;
        /** The path of each text value, by its place: to name the value a scalar's anchor is on. */
        final Map<Position, String> scalarPaths = new HashMap<>();

        Builder(JsonParser parser, Map<String, Position> positions, List<String[]> duplicates, List<Refusal> refusals) {
            this.parser = parser;
            this.positions = positions;
            this.duplicates = duplicates;
            this.refusals = refusals;
        }

        /**
         * Whether the current token uses YAML beyond plain data (reported); a refused value reads
         * as null, so that the rest of the document is still checked.
         */
        private boolean refusedYaml(String path) throws IOException {
            if (!(parser instanceof YAMLParser y)) {
                return false;
            }
            Position at = position(parser.currentTokenLocation());
            if (y.isCurrentAlias()) {
                refusals.add(new Refusal(path, at, "is a YAML alias (*" + Values.printable(parser.getText())
                        + "); aliases and anchors are not allowed in a programme file: write the value out in full"));
                return true;
            }
            String anchor = y.getCurrentAnchor();
            if (anchor != null) {
                refusals.add(new Refusal(path, at, "defines a YAML anchor (&" + Values.printable(anchor)
                        + "); aliases and anchors are not allowed in a programme file: remove the anchor and write"
                        + " out in full each value that refers to it"));
                return true;
            }
            String tag = y.getTypeId();
            if (tag != null) {
                String shown = tag.startsWith(YAML_TAGS) ? "!!" + tag.substring(YAML_TAGS.length()) : "!" + tag;
                refusals.add(new Refusal(path, at, "has the YAML tag " + Values.printable(shown)
                        + "; tags are not allowed in a programme file: remove it and write the value as plain text,"
                        + " a number, true or false, a list or a map"));
                return true;
            }
            return false;
        }

        private String checkedText(String text, String path, String what) throws IOException {
            int bad = Values.controlCharacterAt(text);
            if (bad >= 0) {
                refusals.add(new Refusal(path, position(parser.currentTokenLocation()), what + " holds the control character "
                        + Values.codePoint(text.charAt(bad)) + " at character " + (bad + 1)
                        + "; control characters are not allowed in a programme file: remove it"));
            }
            return text;
        }

        /** Reads the value at the parser's current token. */
        JsonNode value(String path) throws IOException {
            JsonToken t = parser.currentToken();
            if (refusedYaml(path)) {
                parser.skipChildren();
                return nodes.nullNode();
            }
            switch (t) {
                case START_OBJECT -> {
                    ObjectNode obj = nodes.objectNode();
                    while (parser.nextToken() == JsonToken.FIELD_NAME) {
                        String key = parser.currentName();
                        String childPath = path.isEmpty() ? key : path + "." + key;
                        checkedText(key, childPath, "the key");
                        Position keyPos = position(parser.currentTokenLocation());
                        parser.nextToken();
                        JsonNode child = value(childPath);
                        if (obj.has(key)) {
                            duplicates.add(new String[] {childPath, keyPos.line() + ":" + keyPos.column()});
                        } else {
                            positions.put(childPath, keyPos);
                            obj.set(key, child);
                        }
                    }
                    return obj;
                }
                case START_ARRAY -> {
                    ArrayNode arr = nodes.arrayNode();
                    int i = 0;
                    while (parser.nextToken() != JsonToken.END_ARRAY) {
                        String childPath = path + "[" + i + "]";
                        positions.put(childPath, position(parser.currentTokenLocation()));
                        arr.add(value(childPath));
                        i++;
                    }
                    return arr;
                }
                case VALUE_STRING -> {
                    if (parser instanceof YAMLParser) {
                        scalarPaths.put(position(parser.currentTokenLocation()), path);
                    }
                    return nodes.textNode(checkedText(parser.getText(), path, "the value"));
                }
                case VALUE_NUMBER_INT -> {
                    return nodes.numberNode(parser.getLongValue());
                }
                case VALUE_NUMBER_FLOAT -> {
                    return nodes.numberNode(parser.getDecimalValue());
                }
                case VALUE_TRUE -> {
                    return nodes.booleanNode(true);
                }
                case VALUE_FALSE -> {
                    return nodes.booleanNode(false);
                }
                case VALUE_NULL -> {
                    return nodes.nullNode();
                }
                default -> {
                    // e.g. VALUE_EMBEDDED_OBJECT: only a tag makes one, and tags are refused above
                    refusals.add(new Refusal(path, position(parser.currentTokenLocation()),
                            "is not plain data (text, a number, true or false, a list or a map)"));
                    return nodes.nullNode();
                }
            }
        }
    }
}
