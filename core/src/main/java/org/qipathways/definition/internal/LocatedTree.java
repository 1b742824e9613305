package org.qipathways.definition.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.qipathways.text.internal.SafeText;

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
        if (factory instanceof YAMLFactory) {
            List<Refusal> refused = YamlScan.refusals(text);
            if (!refused.isEmpty()) {
                // Jackson would misread what is refused (or fail on it with a message about itself)
                return new LocatedTree(JsonNodeFactory.instance.missingNode(), new HashMap<>(), List.of(), refused);
            }
        }
        try (JsonParser parser = factory.createParser(text)) {
            Map<String, Position> positions = new HashMap<>();
            List<String[]> duplicates = new ArrayList<>();
            List<Refusal> refusals = new ArrayList<>();
            JsonToken first = parser.nextToken();
            if (first == null) {
                return new LocatedTree(JsonNodeFactory.instance.missingNode(), positions, duplicates, refusals);
            }
            positions.put("", position(parser.currentTokenLocation()));
            JsonNode root = new Builder(parser, positions, duplicates, refusals).value("");
            if (parser.nextToken() != null) {
                // (a second YAML document is found by YamlScan, at its --- line)
                refusals.add(new Refusal("", position(parser.currentTokenLocation()),
                        "a second value starts here; a programme file holds one JSON object (or one YAML document)"));
            }
            return new LocatedTree(root, positions, duplicates, refusals);
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

        Builder(JsonParser parser, Map<String, Position> positions, List<String[]> duplicates, List<Refusal> refusals) {
            this.parser = parser;
            this.positions = positions;
            this.duplicates = duplicates;
            this.refusals = refusals;
        }

        private String checkedText(String text, String path, String what) throws IOException {
            int bad = SafeText.controlCharacterAt(text);
            if (bad >= 0) {
                refusals.add(new Refusal(path, position(parser.currentTokenLocation()), what + " holds the control character "
                        + SafeText.codePoint(text.charAt(bad)) + " at character " + (bad + 1)
                        + "; control characters are not allowed in a programme file: remove it"));
            }
            return text;
        }

        /** Reads the value at the parser's current token. */
        JsonNode value(String path) throws IOException {
            JsonToken t = parser.currentToken();
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
                    // e.g. VALUE_EMBEDDED_OBJECT: only a tag makes one, and YamlScan refuses tags first
                    refusals.add(new Refusal(path, position(parser.currentTokenLocation()),
                            "is not plain data (text, a number, true or false, a list or a map)"));
                    return nodes.nullNode();
                }
            }
        }
    }
}
