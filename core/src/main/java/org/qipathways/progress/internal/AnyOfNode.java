package org.qipathways.progress.internal;

import java.util.ArrayList;
import java.util.List;
import org.qipathways.rules.Requirement;

/**
 * Decides "any of": holds on the days at least one child (a route) holds. Its explanation
 * follows the learner: the route they are on, or every route when they are on none or several.
 */
final class AnyOfNode extends CompositeNode {
    AnyOfNode(int id, Requirement req, Node[] children) {
        super(id, req, children, "one of: " + joined(children, " or "));
    }

    @Override
    Timeline compute(EvaluationContext c) {
        Timeline t = Timeline.NEVER;
        for (Node ch : children) {
            t = Timeline.or(t, c.timeline(ch));
        }
        return t;
    }

    @Override
    String explain(EvaluationContext c) {
        if (children.length == 1) {
            return children[0].missing(c);
        }
        // A learner on one route wants to hear about that route; only with no progress
        // anywhere (or on several) are the alternatives listed.
        List<String> routes = new ArrayList<>();
        for (Node ch : children) {
            if (ch.progressed(c)) {
                routes.add(summary(c, ch));
            }
        }
        if (routes.size() == 1) {
            return routes.get(0);
        }
        if (routes.isEmpty()) {
            for (Node ch : children) {
                routes.add(summary(c, ch));
            }
        }
        return "either " + String.join(", or ", routes);
    }

    /** A route of an any-of, for a learner: its label with what is missing on it. */
    private static String summary(EvaluationContext c, Node route) {
        String missing = route.missing(c);
        String label = route.req.label();
        if (label != null && !missing.equals(label) && !missing.startsWith(label + ": ")) {
            return label + " (" + missing + ")";
        }
        return missing;
    }
}
