package org.qipathways.programme.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.qipathways.competency.Competency;
import org.qipathways.competency.CompetencyEvidence;
import org.qipathways.competency.CompetencyFramework;
import org.qipathways.competency.ProficiencyLevel;
import org.qipathways.competency.ProficiencyScale;
import org.qipathways.programme.PriorLearning;
import org.qipathways.programme.Programme;
import org.qipathways.programme.ProgrammeDefinitionException;
import org.qipathways.programme.Renewal;
import org.qipathways.programme.Tier;
import org.qipathways.programme.Unit;
import org.qipathways.programme.UnitKind;
import org.qipathways.rules.EventSelector;
import org.qipathways.rules.Requirement;
import org.qipathways.rules.Window;

/**
 * Turns the maps and lists of a programme document into the model: the programme, its competency
 * framework and scale, units, prior learning, competency evidence and tiers, and each tier's
 * requirement tree with its windows and event selectors. It checks what only the document can
 * say (which fields a map may have, which requirement type an entry is, known unit kinds and
 * anchors) and reports problems to its {@link Reading}; the model's own checks come after.
 */
final class StructureReader {

    private final Reading reading;

    StructureReader(Reading reading) {
        this.reading = reading;
    }

    // ---- the document's structure -----------------------------------------------------------

    Programme toProgramme(JsonNode root) {
        Fields f = reading.fields(root, "", Set.of("code", "title", "version", "description", "framework", "units",
                "priorLearning", "competencyEvidence", "tiers"), "the programme");
        if (f == null) {
            throw new ProgrammeDefinitionException(List.of());
        }
        return new Programme(f.text("code"), f.text("title"), f.text("version"), f.text("description"),
                framework(f.get("framework"), "framework"),
                reading.list(f.get("units"), "units", this::unit),
                reading.list(f.get("priorLearning"), "priorLearning", this::priorLearning),
                reading.list(f.get("competencyEvidence"), "competencyEvidence", this::evidence),
                reading.list(f.get("tiers"), "tiers", this::tier));
    }

    private CompetencyFramework framework(JsonNode node, String path) {
        Fields f = reading.fields(node, path, Set.of("code", "title", "description", "scale", "competencies"),
                "the competency framework");
        if (f == null) {
            return null;
        }
        return new CompetencyFramework(f.text("code"), f.text("title"), f.text("description"),
                scale(f.get("scale"), path + ".scale"),
                reading.list(f.get("competencies"), path + ".competencies", this::competency));
    }

    private ProficiencyScale scale(JsonNode node, String path) {
        Fields f = reading.fields(node, path, Set.of("name", "levels"), "the proficiency scale");
        if (f == null) {
            return null;
        }
        return new ProficiencyScale(f.text("name"), reading.list(f.get("levels"), path + ".levels", (n, p) -> {
            Fields l = reading.fields(n, p, Set.of("level", "name", "proficient"), "a level");
            if (l == null) {
                return null;
            }
            Integer level = l.integer("level");
            if (level == null && l.node.get("level") == null) {
                reading.problem(p + ".level", "is required: the level's number, 1 for the lowest");
                return null;
            }
            return level == null ? null : new ProficiencyLevel(level, l.text("name"), l.bool("proficient", false));
        }));
    }

    private Competency competency(JsonNode node, String path) {
        Fields f = reading.fields(node, path, Set.of("code", "title", "description", "parent"), "a competency");
        return f == null ? null : new Competency(f.text("code"), f.text("title"), f.text("description"), f.text("parent"));
    }

    private Unit unit(JsonNode node, String path) {
        Fields f = reading.fields(node, path, Set.of("code", "title", "kind", "passMark", "description"), "a unit");
        if (f == null) {
            return null;
        }
        UnitKind kind = null;
        String k = f.text("kind");
        if (k != null) {
            kind = UnitKind.fromId(k);
            if (kind == null) {
                reading.problem(path + ".kind", "'" + k + "' is not a unit kind; use one of online_module, assessment, workshop, session, evidence");
            }
        }
        return new Unit(f.text("code"), f.text("title"), kind, f.integer("passMark"), f.text("description"));
    }

    private PriorLearning priorLearning(JsonNode node, String path) {
        Fields f = reading.fields(node, path, Set.of("code", "title"), "a recognised prior learning");
        return f == null ? null : new PriorLearning(f.text("code"), f.text("title"));
    }

    private CompetencyEvidence evidence(JsonNode node, String path) {
        Fields f = reading.fields(node, path, Set.of("units", "gives"), "a competency evidence mapping");
        if (f == null) {
            return null;
        }
        Map<String, Integer> gives = new LinkedHashMap<>();
        JsonNode g = f.get("gives");
        if (g != null && !g.isNull()) {
            if (!g.isObject()) {
                reading.problem(path + ".gives", "expected a map of competency code to level, e.g. {C-MFI: 2}");
            } else {
                for (Map.Entry<String, JsonNode> e : g.properties()) {
                    Integer level = reading.wholeNumber(e.getValue(), path + ".gives." + e.getKey());
                    if (level != null) {
                        gives.put(e.getKey(), level);
                    }
                }
            }
        }
        return new CompetencyEvidence(f.codes("units"), gives);
    }

    private Tier tier(JsonNode node, String path) {
        Fields f = reading.fields(node, path, Set.of("code", "title", "description", "rule", "validity", "renewal"), "a tier");
        if (f == null) {
            return null;
        }
        Renewal renewal = null;
        Fields r = reading.fields(f.get("renewal"), path + ".renewal", Set.of("window", "rule"), "a renewal");
        if (r != null) {
            renewal = new Renewal(r.period("window"), requirement(r.get("rule"), path + ".renewal.rule"));
        }
        return new Tier(f.text("code"), f.text("title"), f.text("description"),
                requirement(f.get("rule"), path + ".rule"), f.period("validity"), renewal);
    }

    private Requirement requirement(JsonNode node, String path) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            reading.problem(path, "expected a requirement: a map with one of " + String.join(", ", DefinitionReader.REQUIREMENT_TYPES));
            return null;
        }
        List<String> types = new ArrayList<>();
        node.fieldNames().forEachRemaining(k -> {
            if (DefinitionReader.REQUIREMENT_TYPES.contains(k)) {
                types.add(k);
            }
        });
        if (types.isEmpty()) {
            reading.problem(path, "says no type of requirement; give exactly one of " + String.join(", ", DefinitionReader.REQUIREMENT_TYPES));
            return null;
        }
        if (types.size() > 1) {
            reading.problem(path + "." + types.get(1), "a requirement has exactly one type, but this one has both "
                    + types.get(0) + " and " + types.get(1) + "; put each in its own entry of an allOf or anyOf");
            return null;
        }
        String type = types.get(0);
        Fields f = reading.fields(node, path, switch (type) {
            case "allOf" -> Set.of("label", "allOf");
            case "anyOf" -> Set.of("label", "anyOf");
            case "of" -> Set.of("label", "atLeast", "of");
            case "scored", "competency" -> Set.of("label", type, "atLeast");
            case "attended" -> Set.of("label", "attended", "role");
            case "evidence" -> Set.of("label", "evidence", "within");
            case "count" -> Set.of("label", "count", "atLeast", "distinctDates", "onOrAfter", "lookback");
            default -> Set.of("label", type);
        }, "a requirement");
        String label = f.text("label");
        return switch (type) {
            case "allOf" -> new Requirement.AllOf(label, reading.list(f.get("allOf"), path + ".allOf", this::requirement));
            case "anyOf" -> new Requirement.AnyOf(label, reading.list(f.get("anyOf"), path + ".anyOf", this::requirement));
            case "of" -> {
                Integer n = f.required("atLeast", "how many of the listed requirements must hold");
                yield n == null ? null : new Requirement.AtLeastOf(label, n, reading.list(f.get("of"), path + ".of", this::requirement));
            }
            case "completed" -> new Requirement.Completed(label, f.text("completed"));
            case "scored" -> new Requirement.Scored(label, f.text("scored"), f.integer("atLeast"));
            case "attended" -> new Requirement.Attended(label, f.codes("attended"), f.role("role"));
            case "evidence" -> new Requirement.EvidenceApproved(label, f.text("evidence"), window(f.get("within"), path + ".within"));
            case "competency" -> {
                Integer level = f.required("atLeast", "the level of the scale the learner must reach");
                yield level == null ? null : new Requirement.CompetencyAtLeast(label, f.text("competency"), level);
            }
            case "holdsTier" -> new Requirement.HoldsTier(label, f.text("holdsTier"));
            case "priorLearning" -> new Requirement.PriorLearningApproved(label, f.text("priorLearning"));
            case "count" -> {
                Integer n = f.required("atLeast", "how many events are needed");
                EventSelector counted = selector(f.get("count"), path + ".count");
                EventSelector from = selector(f.get("onOrAfter"), path + ".onOrAfter");
                yield n == null || counted == null ? null : new Requirement.EventCount(label, counted, n,
                        f.bool("distinctDates", false), from, f.period("lookback"));
            }
            default -> throw new IllegalStateException(type);
        };
    }

    private Window window(JsonNode node, String path) {
        Fields f = reading.fields(node, path, Set.of("days", "after", "anchor"), "a window");
        if (f == null) {
            return null;
        }
        Integer days = f.required("days", "the window's length in days after the anchor event");
        EventSelector after = selector(f.get("after"), path + ".after");
        if (after == null && f.get("after") == null) {
            reading.problem(path + ".after", "is required: the event the window starts from, e.g. {attended: [SLV-IND], role: participant}");
        }
        Window.Anchor anchor = null;
        String a = f.text("anchor");
        if (a != null) {
            anchor = "any".equals(a) ? Window.Anchor.ANY : "last".equals(a) ? Window.Anchor.LAST : null;
            if (anchor == null) {
                reading.problem(path + ".anchor", "'" + a + "' is not an anchor; use any (any matching event) or last (the latest one)");
            }
        }
        return days == null || after == null ? null : new Window(days, after, anchor);
    }

    private EventSelector selector(JsonNode node, String path) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            reading.problem(path, "expected events to pick, e.g. {attended: [SLV-IND], role: participant}");
            return null;
        }
        List<EventSelector.Kind> kinds = new ArrayList<>();
        for (EventSelector.Kind k : EventSelector.Kind.values()) {
            if (node.has(k.key())) {
                kinds.add(k);
            }
        }
        if (kinds.size() != 1) {
            reading.problem(path, "must name exactly one of attended, completed or evidence, with the units whose events count");
            return null;
        }
        EventSelector.Kind kind = kinds.get(0);
        Fields f = reading.fields(node, path, kind == EventSelector.Kind.ATTENDED ? Set.of("attended", "role") : Set.of(kind.key()),
                "an event selector");
        return new EventSelector(kind, f.codes(kind.key()), f.role("role"));
    }
}
