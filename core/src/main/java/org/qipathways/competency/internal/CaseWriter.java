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
 *
 * <p>Each object carries only the properties the package classes of 1EdTech's CASE binding define
 * (CFPckgDocument, CFPckgItem, CFPckgAssociation: no {@code CFDocumentURI} or
 * {@code CFPackageURI}, which belong to the single-object REST responses). The 1.1 package schema
 * forbids any other property, and 1EdTech's OpenCASE validates uploads against it; the package is
 * also valid CASE 1.1 for that reason.
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
    private final UUID rubricId;

    private CaseWriter(FrameworkTree tree, URI baseUri, Instant lastChange) {
        this.tree = tree;
        String b = baseUri.toString();
        this.base = b.endsWith("/") ? b.substring(0, b.length() - 1) : b;
        this.when = DateTimeFormatter.ISO_INSTANT.format(lastChange.truncatedTo(ChronoUnit.SECONDS));
        this.fw = tree.framework().code();
        this.documentLink = link(tree.framework().title(), documentId(fw), "CFDocuments");
        this.rubricId = id(fw, "rubric");
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

    /**
     * The scale as one CFRubric with a criterion per competency, each naming its competency in
     * {@code CFItemURI} and carrying the scale's levels. A criterion is CASE's "the competency this
     * assesses": OpenSALT's importer reads {@code CFItemURI} of every criterion
     * (RubricsTransformer::updateCriterion) and fails on one without it, so one shared criterion
     * for the whole framework is not an option. A framework without competencies has a rubric
     * without criteria, and so no levels in the package.
     */
    private ObjectNode rubric() {
        CompetencyFramework f = tree.framework();
        ObjectNode r = base(rubricId, "CFRubrics");
        r.put("title", f.scale().name());
        r.put("description", "The proficiency scale of " + f.title() + ", lowest level first; "
                + "each criterion rates one competency on it");
        r.put("lastChangeDateTime", when);
        ArrayNode criteria = r.putArray("CFRubricCriteria");
        int position = 1;
        for (Competency c : f.competencies()) {
            criteria.add(criterion(c, position++));
        }
        return r;
    }

    private ObjectNode criterion(Competency c, int position) {
        UUID criterionId = id(fw, "rubric/criterion/" + c.code());
        ObjectNode criterion = base(criterionId, "CFRubricCriteria");
        criterion.put("category", "Proficiency");
        criterion.put("description", "Proficiency in " + c.title());
        criterion.set("CFItemURI", itemLink(c));
        criterion.put("position", position);
        criterion.put("rubricId", rubricId.toString());
        criterion.put("lastChangeDateTime", when);
        ArrayNode levels = criterion.putArray("CFRubricCriterionLevels");
        List<ProficiencyLevel> scale = tree.framework().scale().levels();
        for (ProficiencyLevel l : scale) {
            ObjectNode level = base(id(fw, "rubric/criterion/" + c.code() + "/level/" + l.level()), "CFRubricCriterionLevels");
            level.put("description", l.proficient() ? PROFICIENT : NOT_PROFICIENT);
            level.put("quality", l.name());
            level.put("score", l.level());
            level.put("position", l.level());
            level.put("rubricCriterionId", criterionId.toString());
            level.put("lastChangeDateTime", when);
            levels.add(level);
        }
        return criterion;
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
