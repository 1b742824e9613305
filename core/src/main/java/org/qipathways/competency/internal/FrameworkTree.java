package org.qipathways.competency.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.qipathways.competency.Competency;
import org.qipathways.competency.CompetencyFramework;
import org.qipathways.competency.ProficiencyLevel;

/**
 * A framework's competencies as a tree, checked for what an export needs: unique codes, parents
 * that exist, no circles, and a scale numbered 1, 2, 3... A framework read with a programme has
 * passed these checks already; one built in Java may not have, and an exporter should say so
 * plainly rather than write a file the other side rejects.
 */
public final class FrameworkTree {

    private final CompetencyFramework framework;
    private final Map<String, Competency> byCode = new HashMap<>();
    private final Map<String, List<Competency>> children = new LinkedHashMap<>();

    private FrameworkTree(CompetencyFramework framework) {
        this.framework = framework;
    }

    /**
     * The tree of {@code framework}.
     *
     * @throws IllegalArgumentException naming every problem that stops the framework being exported
     */
    public static FrameworkTree of(CompetencyFramework framework) {
        Objects.requireNonNull(framework, "framework");
        FrameworkTree tree = new FrameworkTree(framework);
        List<String> problems = new ArrayList<>();
        if (framework.scale() == null) {
            problems.add("scale: is required");
        } else {
            List<ProficiencyLevel> levels = framework.scale().levels();
            if (levels.isEmpty()) {
                problems.add("scale.levels: must list at least one level");
            }
            for (int i = 0; i < levels.size(); i++) {
                ProficiencyLevel l = levels.get(i);
                if (l == null || l.level() != i + 1) {
                    problems.add("scale.levels[" + i + "].level: should be " + (i + 1)
                            + ": levels are numbered 1, 2, 3... from the lowest, in order");
                } else if (l.name() == null || l.name().isBlank()) {
                    problems.add("scale.levels[" + i + "].name: is required");
                }
            }
        }
        List<Competency> all = framework.competencies();
        for (int i = 0; i < all.size(); i++) {
            Competency c = all.get(i);
            if (c == null || c.code() == null || c.title() == null || c.title().isBlank()) {
                problems.add("competencies[" + i + "]: needs a code and a title");
            } else if (tree.byCode.putIfAbsent(c.code(), c) != null) {
                problems.add("competencies[" + i + "].code: '" + c.code() + "' is used twice; codes must be unique");
            }
        }
        for (int i = 0; i < all.size(); i++) {
            Competency c = all.get(i);
            if (c == null || c.code() == null || tree.byCode.get(c.code()) != c) {
                continue;
            }
            if (c.parent() != null && !tree.byCode.containsKey(c.parent())) {
                problems.add("competencies[" + i + "].parent: '" + c.parent() + "' is not a competency of the framework");
                continue;
            }
            tree.children.computeIfAbsent(c.parent(), p -> new ArrayList<>()).add(c);
            Set<String> seen = new LinkedHashSet<>();
            seen.add(c.code());
            for (String at = c.parent(); at != null && tree.byCode.containsKey(at); at = tree.byCode.get(at).parent()) {
                if (!seen.add(at)) {
                    if (at.equals(c.code())) {
                        problems.add("competencies[" + i + "].parent: parents form a circle ("
                                + String.join(" → ", seen) + " → " + at + ")");
                    }
                    break;
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("Cannot export competency framework " + framework.code() + ":\n  "
                    + String.join("\n  ", problems));
        }
        return tree;
    }

    /** The framework. */
    public CompetencyFramework framework() {
        return framework;
    }

    /** The children of {@code parent} ({@code null} for the top level), in the framework's order. */
    public List<Competency> children(String parent) {
        return children.getOrDefault(parent, List.of());
    }

    /** 1-based position of {@code c} among its siblings. */
    public int siblingPosition(Competency c) {
        return children(c.parent()).indexOf(c) + 1;
    }

    /** Every competency, each parent before its children, siblings in the framework's order. */
    public List<Competency> parentsFirst() {
        List<Competency> out = new ArrayList<>();
        addWithDescendants(null, out);
        return out;
    }

    private void addWithDescendants(String parent, List<Competency> out) {
        for (Competency c : children(parent)) {
            out.add(c);
            addWithDescendants(c.code(), out);
        }
    }

    /** Levels in the deepest branch: 0 for no competencies, 1 for a flat list. */
    public int depth() {
        return depthBelow(null);
    }

    private int depthBelow(String parent) {
        int max = 0;
        for (Competency c : children(parent)) {
            max = Math.max(max, 1 + depthBelow(c.code()));
        }
        return max;
    }
}
