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
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A parsed YAML or JSON document that remembers where each value stood, so that a problem found
 * later (by Bean Validation or a semantic check) can be reported at its line and column.
 *
 * <p>Jackson's tree model drops locations, so the document is read with the streaming parser and
 * the tree built by hand, recording for every path ({@code tiers[2].rule.allOf[1]}) the position
 * of its key (for object members) or of its value (for array elements). Duplicate keys, which
 * YAML parsers silently resolve to the last one, are reported.
 */
public final class LocatedTree {

    /** A 1-based position in the document. */
    public record Position(int line, int column) {
    }

    private final JsonNode root;
    private final Map<String, Position> positions;
    private final List<String[]> duplicates;

    private LocatedTree(JsonNode root, Map<String, Position> positions, List<String[]> duplicates) {
        this.root = root;
        this.positions = positions;
        this.duplicates = duplicates;
    }

    /** Reads a whole document; a syntax error surfaces as Jackson's exception with its location. */
    public static LocatedTree parse(JsonFactory factory, String text) throws IOException {
        try (JsonParser parser = factory.createParser(text)) {
            Map<String, Position> positions = new HashMap<>();
            List<String[]> duplicates = new ArrayList<>();
            JsonToken first = parser.nextToken();
            if (first == null) {
                return new LocatedTree(JsonNodeFactory.instance.missingNode(), positions, duplicates);
            }
            positions.put("", position(parser.currentTokenLocation()));
            JsonNode root = new Builder(parser, positions, duplicates).value("");
            return new LocatedTree(root, positions, duplicates);
        }
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
        private final JsonNodeFactory nodes = JsonNodeFactory.instance;

        Builder(JsonParser parser, Map<String, Position> positions, List<String[]> duplicates) {
            this.parser = parser;
            this.positions = positions;
            this.duplicates = duplicates;
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
                    return nodes.textNode(parser.getText());
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
                default -> throw new IllegalStateException("Unexpected token " + t + " at " + path);
            }
        }
    }
}
