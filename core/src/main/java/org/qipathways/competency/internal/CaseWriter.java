package org.qipathways.competency.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.qipathways.competency.Competency;
import org.qipathways.competency.CompetencyFramework;
import org.qipathways.competency.ProficiencyLevel;

/**
 * Writes a framework as a CASE v1.0 CFPackage. Field order, indentation and line ends are fixed
 * so that the same framework and time always give the same bytes (diffable, cacheable).
 */
public final class CaseWriter {

    /** The CFItemType every competency carries. */
    public static final String ITEM_TYPE = "Competency";
    /** Where the framework code goes: CASE 1.0 has no field for a document's code. */
    public static final String CODE_NOTE = "QI Pathways framework code: ";
    /** Criterion-level descriptions that say whether the level is proficient. */
    public static final String PROFICIENT = "Proficient";
    public static final String NOT_PROFICIENT = "Not proficient";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectWriter WRITER = new ObjectMapper().writer(new DefaultPrettyPrinter()
            .withSeparators(Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n")));

    private final FrameworkTree tree;
    private final String base;
    private final String when;
    private final String fw;
    private final ObjectNode documentLink;

    private CaseWriter(FrameworkTree tree, URI baseUri, Instant lastChange) {
        this.tree = tree;
        String b = baseUri.toString();
        this.base = b.endsWith("/") ? b.substring(0, b.length() - 1) : b;
        this.when = DateTimeFormatter.ISO_INSTANT.format(lastChange.truncatedTo(ChronoUnit.SECONDS));
        this.fw = tree.framework().code();
        this.documentLink = link(tree.framework().title(), documentId(fw), "CFDocuments");
    }

    /** The package as JSON text, ending in a newline. */
    public static String write(CompetencyFramework framework, URI baseUri, Instant lastChange) {
        Objects.requireNonNull(baseUri, "baseUri");
        Objects.requireNonNull(lastChange, "lastChange");
        if (!baseUri.isAbsolute()) {
            throw new IllegalArgumentException("baseUri must be absolute, e.g. https://example.org/case; got " + baseUri);
        }
        CaseWriter w = new CaseWriter(FrameworkTree.of(framework), baseUri, lastChange);
        try {
            return WRITER.writeValueAsString(w.packageNode()) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write a JSON tree built in memory", e);
        }
    }

    /** The CFDocument identifier of the framework with this code. */
    public static UUID documentId(String frameworkCode) {
        return NameUuid.v5(NameUuid.CASE_NAMESPACE, frameworkCode);
    }

    /** The CFItem identifier of a competency. */
    public static UUID itemId(String frameworkCode, String competencyCode) {
        return NameUuid.v5(NameUuid.CASE_NAMESPACE, frameworkCode + "/item/" + competencyCode);
    }

    private static UUID id(String frameworkCode, String what) {
        return NameUuid.v5(NameUuid.CASE_NAMESPACE, frameworkCode + "/" + what);
    }

    private ObjectNode packageNode() {
        ObjectNode pkg = NODES.objectNode();
        pkg.set("CFDocument", document());
        ArrayNode items = pkg.putArray("CFItems");
        ArrayNode associations = pkg.putArray("CFAssociations");
        for (Competency c : tree.framework().competencies()) {
            items.add(item(c));
            associations.add(childOf(c));
        }
        ObjectNode definitions = pkg.putObject("CFDefinitions");
        definitions.putArray("CFItemTypes").add(itemType());
        pkg.putArray("CFRubrics").add(rubric());
        return pkg;
    }

    private ObjectNode document() {
        CompetencyFramework f = tree.framework();
        UUID id = documentId(fw);
        ObjectNode d = base(id, "CFDocuments");
        d.put("creator", creator());
        d.put("title", f.title());
        d.put("lastChangeDateTime", when);
        if (present(f.description())) {
            d.put("description", f.description());
        }
        d.put("notes", CODE_NOTE + fw);
        d.set("CFPackageURI", link(f.title(), id, "CFPackages"));
        return d;
    }

    // CASE requires a creator and the model has no owner: the host that publishes the package is the
    // honest stand-in (a trust exporting to https://qi.example-trust.nhs.uk/case is the creator).
    private String creator() {
        String host = URI.create(base).getHost();
        return host == null ? base : host;
    }

    private ObjectNode item(Competency c) {
        ObjectNode i = base(itemId(fw, c.code()), "CFItems");
        i.put("fullStatement", present(c.description()) ? c.description() : c.title());
        i.put("abbreviatedStatement", c.title());
        i.put("humanCodingScheme", c.code());
        i.put("listEnumeration", Integer.toString(tree.siblingPosition(c)));
        i.put("CFItemType", ITEM_TYPE);
        i.set("CFItemTypeURI", link(ITEM_TYPE, id(fw, "itemType/" + ITEM_TYPE), "CFItemTypes"));
        i.set("CFDocumentURI", documentLink);
        i.put("lastChangeDateTime", when);
        return i;
    }

    private ObjectNode childOf(Competency c) {
        ObjectNode a = base(id(fw, "isChildOf/" + c.code()), "CFAssociations");
        a.put("associationType", "isChildOf");
        a.put("sequenceNumber", tree.siblingPosition(c));
        a.set("originNodeURI", itemLink(c));
        a.set("destinationNodeURI", c.parent() == null ? documentLink
                : itemLink(tree.framework().competency(c.parent()).orElseThrow()));
        a.set("CFDocumentURI", documentLink);
        a.put("lastChangeDateTime", when);
        return a;
    }

    private ObjectNode itemType() {
        ObjectNode t = base(id(fw, "itemType/" + ITEM_TYPE), "CFItemTypes");
        t.put("title", ITEM_TYPE);
        t.put("description", "A competency (or a domain of competencies) of " + tree.framework().title());
        t.put("hierarchyCode", "1");
        t.put("typeCode", ITEM_TYPE);
        t.put("lastChangeDateTime", when);
        return t;
    }

    private ObjectNode rubric() {
        CompetencyFramework f = tree.framework();
        UUID rubricId = id(fw, "rubric");
        ObjectNode r = base(rubricId, "CFRubrics");
        r.put("title", f.scale().name());
        r.put("description", "The proficiency scale of " + f.title() + ", lowest level first");
        r.put("lastChangeDateTime", when);
        ObjectNode criterion = base(id(fw, "rubric/criterion"), "CFRubricCriteria");
        criterion.put("category", "Proficiency");
        criterion.put("description", "Proficiency in any competency of " + f.title());
        criterion.put("position", 1);
        criterion.put("rubricId", rubricId.toString());
        criterion.put("lastChangeDateTime", when);
        ArrayNode levels = criterion.putArray("CFRubricCriterionLevels");
        List<ProficiencyLevel> scale = f.scale().levels();
        for (ProficiencyLevel l : scale) {
            ObjectNode level = base(id(fw, "rubric/level/" + l.level()), "CFRubricCriterionLevels");
            level.put("description", l.proficient() ? PROFICIENT : NOT_PROFICIENT);
            level.put("quality", l.name());
            level.put("score", l.level());
            level.put("position", l.level());
            level.put("lastChangeDateTime", when);
            levels.add(level);
        }
        r.putArray("CFRubricCriteria").add(criterion);
        return r;
    }

    private static boolean present(String text) {
        return text != null && !text.isBlank();
    }

    private ObjectNode base(UUID id, String collection) {
        ObjectNode o = NODES.objectNode();
        o.put("identifier", id.toString());
        o.put("uri", uri(collection, id));
        return o;
    }

    private ObjectNode itemLink(Competency c) {
        return link(c.title(), itemId(fw, c.code()), "CFItems");
    }

    private ObjectNode link(String title, UUID id, String collection) {
        ObjectNode l = NODES.objectNode();
        l.put("title", title);
        l.put("identifier", id.toString());
        l.put("uri", uri(collection, id));
        return l;
    }

    private String uri(String collection, UUID id) {
        return base + "/" + collection + "/" + id;
    }
}
