package org.qipathways.report.internal;

import java.util.ArrayList;
import java.util.List;
import org.qipathways.progress.RequirementResult;
import org.qipathways.progress.TierProgress;
import org.qipathways.rules.Requirement;

/**
 * The requirement a learner in progress is missing first, named in the programme's own words, so
 * that learners can be grouped by it. {@link TierProgress#unmet()} cannot serve: it speaks to the
 * learner, with their scores and dates in it. This walks the rule's result tree the way the
 * explanation does (all-of: the first part not met; any-of: the route the learner is on) and
 * takes the description of the node it stops at, prefixed by the labels of the routes taken.
 */
final class StallKey {

    private StallKey() {
    }

    static String of(TierProgress tier) {
        RequirementResult node = tier.rule();
        List<String> routes = new ArrayList<>();
        while (!node.holds()) {
            RequirementResult next = null;
            if (node.requirement() instanceof Requirement.AllOf) {
                for (RequirementResult child : node.children()) {
                    if (!child.holds()) {
                        next = child;
                        break;
                    }
                }
            } else if (node.requirement() instanceof Requirement.AnyOf) {
                next = route(node);
                if (next != null && next.requirement().label() != null) {
                    routes.add(next.requirement().label());
                }
            }
            if (next == null) {
                break;
            }
            node = next;
        }
        String what = node.description();
        if (!routes.isEmpty() && routes.get(routes.size() - 1).equals(what)) {
            routes.remove(routes.size() - 1);
        }
        routes.add(what);
        return String.join(" > ", routes);
    }

    /**
     * The one route of an any-of that the learner is on (the only one showing progress), as the
     * explanation speaks of it, or {@code null} when several or none are.
     */
    private static RequirementResult route(RequirementResult anyOf) {
        if (anyOf.children().size() == 1) {
            return anyOf.children().get(0);
        }
        RequirementResult found = null;
        for (RequirementResult child : anyOf.children()) {
            if (child.progressed()) {
                if (found != null) {
                    return null;
                }
                found = child;
            }
        }
        return found;
    }
}
