package org.qipathways.definition.internal;

import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.qipathways.definition.internal.LocatedTree.Position;
import org.qipathways.definition.internal.LocatedTree.Refusal;
import org.qipathways.text.internal.SafeText;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.DocumentStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.MappingStartEvent;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.events.SequenceStartEvent;

/**
 * Finds what a programme file may not use of YAML, in SnakeYAML's event stream, before Jackson
 * reads the document: aliases and anchors, explicit tags, a second document. Jackson cannot be
 * asked first: it resolves some of these itself (an alias reads as the anchor's name, a
 * {@code !!binary} value is decoded, and fails with a message about base64), and does not report
 * a scalar's anchor at all.
 * <pre>{@code
 * List<Refusal> refused = YamlScan.refusals(text);   // [units[0].title at 16:24: is a YAML alias (*t); ...]
 * }</pre>
 */
final class YamlScan {

    /** The prefix of YAML's own tags, written {@code !!} in a document. */
    private static final String YAML_TAGS = "tag:yaml.org,2002:";

    /** Where the scan is: in a map (expecting a key or the value of {@code key}) or a list (at {@code index}). */
    private static final class Frame {
        final String path;
        final boolean map;
        boolean expectKey = true;
        String key;
        int index;

        Frame(String path, boolean map) {
            this.path = path;
            this.map = map;
        }

        /** The path of the node that comes next in this collection. */
        String child() {
            if (map) {
                return expectKey ? path : (path.isEmpty() ? key : path + "." + key);
            }
            return path + "[" + index + "]";
        }

        /** Moves past a node that ended; {@code keyText} is the text of a key just read. */
        void passed(String keyText) {
            if (map) {
                if (expectKey) {
                    key = keyText == null ? "?" : keyText;
                }
                expectKey = !expectKey;
            } else {
                index++;
            }
        }
    }

    private YamlScan() {
    }

    /**
     * The refused constructs of {@code text}, in document order; empty when there are none or when
     * the text is not valid YAML (Jackson, reading it next, reports where).
     */
    static List<Refusal> refusals(String text) {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(Math.max(text.length() + 1, options.getCodePointLimit()));
        List<Refusal> out = new ArrayList<>();
        Deque<Frame> stack = new ArrayDeque<>();
        int documents = 0;
        try {
            for (Event e : new Yaml(options).parse(new StringReader(text))) {
                if (e instanceof DocumentStartEvent) {
                    if (++documents == 2) {
                        out.add(new Refusal("", at(e.getStartMark()), "a second YAML document starts here (after a"
                                + " --- line); a programme file holds one document: remove the --- line and what"
                                + " follows it, or put the second programme in a file of its own"));
                    }
                    continue;
                }
                if (documents > 1) {
                    continue;
                }
                if (e instanceof NodeEvent node) {
                    Frame parent = stack.peek();
                    String path = parent == null ? "" : parent.child();
                    check(node, path, out);
                    if (e instanceof MappingStartEvent || e instanceof SequenceStartEvent) {
                        stack.push(new Frame(path, e instanceof MappingStartEvent));
                    } else if (parent != null) {
                        parent.passed(e instanceof ScalarEvent s ? s.getValue() : null);
                    }
                } else if (e.is(Event.ID.MappingEnd) || e.is(Event.ID.SequenceEnd)) {
                    stack.pop();
                    Frame parent = stack.peek();
                    if (parent != null) {
                        parent.passed(null);
                    }
                }
            }
        } catch (RuntimeException e) {
            // not valid YAML: Jackson reads the same text next and reports the syntax error at its place
        }
        return out;
    }

    private static void check(NodeEvent node, String path, List<Refusal> out) {
        Position at = at(node.getStartMark());
        if (node instanceof AliasEvent) {
            out.add(new Refusal(path, at, "is a YAML alias (*" + SafeText.printable(node.getAnchor())
                    + "); aliases and anchors are not allowed in a programme file: write the value out in full"));
            return;
        }
        if (node.getAnchor() != null) {
            out.add(new Refusal(path, at, "defines a YAML anchor (&" + SafeText.printable(node.getAnchor())
                    + "); aliases and anchors are not allowed in a programme file: remove the anchor and write"
                    + " out in full each value that refers to it"));
        }
        String tag = node instanceof ScalarEvent s ? s.getTag()
                : node instanceof CollectionStartEvent c ? c.getTag() : null;
        // A plain or quoted scalar without a tag has none here; "!" alone is the non-specific tag
        // SnakeYAML reports for nothing the author wrote.
        if (tag != null && !tag.equals("!")) {
            String shown = tag.startsWith(YAML_TAGS) ? "!!" + tag.substring(YAML_TAGS.length()) : tag;
            out.add(new Refusal(path, at, "has the YAML tag " + SafeText.printable(shown)
                    + "; tags are not allowed in a programme file: remove it and write the value as plain text,"
                    + " a number, true or false, a list or a map"));
        }
    }

    private static Position at(Mark mark) {
        return new Position(mark.getLine() + 1, mark.getColumn() + 1);
    }
}
