package org.qipathways.programme.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.util.List;
import java.util.Map;
import org.qipathways.competency.Competency;
import org.qipathways.competency.CompetencyEvidence;
import org.qipathways.competency.CompetencyFramework;
import org.qipathways.competency.ProficiencyLevel;
import org.qipathways.programme.PriorLearning;
import org.qipathways.programme.Programme;
import org.qipathways.programme.Tier;
import org.qipathways.programme.Unit;
import org.qipathways.rules.EventSelector;
import org.qipathways.rules.Requirement;
import org.qipathways.rules.Role;
import org.qipathways.rules.Window;

/**
 * Writes a programme as a definition document in the canonical form {@link DefinitionReader}
 * reads: keys in a fixed order, optional values left out.
 */
public final class DefinitionWriter {

    private static final ObjectMapper YAML = new YAMLMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .build());
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private DefinitionWriter() {
    }

    public static String toYaml(Programme p) {
        return write(YAML, p);
    }

    public static String toJson(Programme p) {
        return write(JSON, p) + "\n";
    }

    private static String write(ObjectMapper mapper, Programme p) {
        try {
            return mapper.writeValueAsString(tree(p));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write programme " + p.code(), e);
        }
    }

    /** The programme as a document tree. */
    public static ObjectNode tree(Programme p) {
        ObjectNode o = NODES.objectNode();
        o.put("code", p.code());
        o.put("title", p.title());
        o.put("version", p.version());
        putIfPresent(o, "description", p.description());
        o.set("framework", framework(p.framework()));
        ArrayNode units = o.putArray("units");
        for (Unit u : p.units()) {
            ObjectNode n = units.addObject();
            n.put("code", u.code());
            n.put("title", u.title());
            n.put("kind", u.kind().id());
            if (u.passMark() != null) {
                n.put("passMark", u.passMark());
            }
            putIfPresent(n, "description", u.description());
        }
        if (!p.priorLearning().isEmpty()) {
            ArrayNode rpl = o.putArray("priorLearning");
            for (PriorLearning r : p.priorLearning()) {
                rpl.addObject().put("code", r.code()).put("title", r.title());
            }
        }
        if (!p.competencyEvidence().isEmpty()) {
            ArrayNode ev = o.putArray("competencyEvidence");
            for (CompetencyEvidence e : p.competencyEvidence()) {
                ObjectNode n = ev.addObject();
                codes(n.putArray("units"), e.units());
                ObjectNode gives = n.putObject("gives");
                for (Map.Entry<String, Integer> g : e.gives().entrySet()) {
                    gives.put(g.getKey(), g.getValue());
                }
            }
        }
        ArrayNode tiers = o.putArray("tiers");
        for (Tier t : p.tiers()) {
            ObjectNode n = tiers.addObject();
            n.put("code", t.code());
            n.put("title", t.title());
            putIfPresent(n, "description", t.description());
            if (t.validity() != null) {
                n.put("validity", t.validity().toString());
            }
            n.set("rule", requirement(t.rule()));
            if (t.renewal() != null) {
                ObjectNode r = n.putObject("renewal");
                r.put("window", t.renewal().window().toString());
                r.set("rule", requirement(t.renewal().rule()));
            }
        }
        return o;
    }

    private static ObjectNode framework(CompetencyFramework fw) {
        ObjectNode o = NODES.objectNode();
        o.put("code", fw.code());
        o.put("title", fw.title());
        putIfPresent(o, "description", fw.description());
        ObjectNode scale = o.putObject("scale");
        scale.put("name", fw.scale().name());
        ArrayNode levels = scale.putArray("levels");
        for (ProficiencyLevel l : fw.scale().levels()) {
            levels.addObject().put("level", l.level()).put("name", l.name()).put("proficient", l.proficient());
        }
        ArrayNode comps = o.putArray("competencies");
        for (Competency c : fw.competencies()) {
            ObjectNode n = comps.addObject();
            n.put("code", c.code());
            n.put("title", c.title());
            putIfPresent(n, "description", c.description());
            putIfPresent(n, "parent", c.parent());
        }
        return o;
    }

    /** One requirement node in the definition syntax. */
    public static ObjectNode requirement(Requirement r) {
        ObjectNode o = NODES.objectNode();
        putIfPresent(o, "label", r.label());
        if (r instanceof Requirement.AllOf a) {
            children(o.putArray("allOf"), a.allOf());
        } else if (r instanceof Requirement.AnyOf a) {
            children(o.putArray("anyOf"), a.anyOf());
        } else if (r instanceof Requirement.AtLeastOf a) {
            o.put("atLeast", a.atLeast());
            children(o.putArray("of"), a.of());
        } else if (r instanceof Requirement.Completed c) {
            o.put("completed", c.completed());
        } else if (r instanceof Requirement.Scored s) {
            o.put("scored", s.scored());
            if (s.atLeast() != null) {
                o.put("atLeast", s.atLeast());
            }
        } else if (r instanceof Requirement.Attended a) {
            codes(o.putArray("attended"), a.attended());
            role(o, a.role());
        } else if (r instanceof Requirement.EvidenceApproved e) {
            o.put("evidence", e.evidence());
            if (e.within() != null) {
                Window w = e.within();
                ObjectNode n = o.putObject("within");
                n.put("days", w.days());
                n.set("after", selector(w.after()));
                if (w.anchor() != Window.Anchor.ANY) {
                    n.put("anchor", w.anchor().id());
                }
            }
        } else if (r instanceof Requirement.CompetencyAtLeast c) {
            o.put("competency", c.competency());
            o.put("atLeast", c.atLeast());
        } else if (r instanceof Requirement.HoldsTier h) {
            o.put("holdsTier", h.holdsTier());
        } else if (r instanceof Requirement.PriorLearningApproved p) {
            o.put("priorLearning", p.priorLearning());
        } else if (r instanceof Requirement.EventCount c) {
            o.set("count", selector(c.count()));
            o.put("atLeast", c.atLeast());
            if (c.distinctDates()) {
                o.put("distinctDates", true);
            }
            if (c.onOrAfter() != null) {
                o.set("onOrAfter", selector(c.onOrAfter()));
            }
            if (c.lookback() != null) {
                o.put("lookback", c.lookback().toString());
            }
        }
        return o;
    }

    private static ObjectNode selector(EventSelector s) {
        ObjectNode o = NODES.objectNode();
        codes(o.putArray(s.kind().key()), s.units());
        if (s.kind() == EventSelector.Kind.ATTENDED) {
            role(o, s.role());
        }
        return o;
    }

    private static void role(ObjectNode o, Role role) {
        if (role != Role.ANY) {
            o.put("role", role.id());
        }
    }

    private static void children(ArrayNode into, List<Requirement> children) {
        children.forEach(c -> into.add(requirement(c)));
    }

    private static void codes(ArrayNode into, List<String> codes) {
        codes.forEach(into::add);
    }

    private static void putIfPresent(ObjectNode o, String key, String value) {
        if (value != null) {
            o.put(key, value);
        }
    }
}
