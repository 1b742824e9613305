package org.qipathways.competency.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.qipathways.competency.Competency;
import org.qipathways.competency.CompetencyFramework;
import org.qipathways.competency.FrameworkImport;
import org.qipathways.competency.FrameworkImport.CodeMapping;
import org.qipathways.competency.FrameworkImportException;
import org.qipathways.competency.FrameworkImportOptions;
import org.qipathways.competency.ProficiencyScale;
import org.qipathways.competency.internal.CaseHierarchy.Link;
import org.qipathways.competency.internal.CaseItems.Item;
import org.qipathways.programme.Codes;
import org.qipathways.definition.DefinitionProblem;
import org.qipathways.definition.internal.LocatedTree;

/**
 * Reads a CASE CFPackage (1.0 or 1.1) into a framework. Every problem is collected with its JSON
 * path, line and column before anything is thrown, so one run shows everything to fix; what the
 * package holds that the model does not is collected as warnings.
 *
 * <p>What real publishers write, and how it is read (default options; {@code strict} turns each
 * repair into a problem):
 * <ul>
 *   <li>No framework code: OpenSALT, ACT and Common Core packages have none; it is made from the
 *       document's title.</li>
 *   <li>{@code humanCodingScheme} missing, in lower case or too long: see {@link CodeMapper}.</li>
 *   <li>No rubric: the caller gives the scale.</li>
 *   <li>{@code sequenceNumber} as a number or a numeric string ({@code "1"}, as in OpenSALT's 2017
 *       sample export).</li>
 *   <li>References as LinkURI objects or, in older exports, as bare URI strings; UUIDs compared
 *       without regard to case (OpenSALT does the same since 2023).</li>
 *   <li>{@code identifier}, which CASE 1.0 and 1.1 both use; {@code sourcedId}, which some
 *       implementations write instead, is read as the identifier too.</li>
 *   <li>No {@code isChildOf} to the document for top-level items (OpenCASE writes none): items
 *       without a parent are top level.</li>
 * </ul>
 *
 * <p>This class reads the document and the framework code; {@link CaseItems} reads the items and
 * their codes, {@link CaseHierarchy} the associations and the order, {@link CaseRubrics} the
 * scale, all collecting into one {@link CaseContext}.
 */
public final class CaseReader {

    private static final JsonFactory JSON = new JsonFactory();
    private static final Pattern CODE_NOTE = Pattern.compile(Pattern.quote(CaseWriter.CODE_NOTE) + "(\\S+)");
    private static final Set<String> KNOWN_VERSIONS = Set.of("1.0", "1.1");
    private static final String WHAT = "CASE package";

    private final CaseContext ctx;
    private final FrameworkImportOptions options;

    private CaseReader(String source, LocatedTree tree, String prefix, FrameworkImportOptions options) {
        this.ctx = new CaseContext(source, tree, prefix, options);
        this.options = options;
    }

    /** The framework in {@code json}; {@code source} names the file in problem reports. */
    public static FrameworkImport read(String json, String source, FrameworkImportOptions options) {
        Objects.requireNonNull(json, "json");
        Objects.requireNonNull(options, "options");
        LocatedTree tree;
        try {
            tree = LocatedTree.parse(JSON, json);
        } catch (JsonProcessingException e) {
            LocatedTree.Position at = LocatedTree.positionOf(e);
            throw new FrameworkImportException(WHAT, List.of(new DefinitionProblem(source, "", at.line(), at.column(),
                    "is not valid JSON: " + e.getOriginalMessage())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        JsonNode root = tree.root();
        if (!root.isObject()) {
            throw new FrameworkImportException(WHAT, List.of(new DefinitionProblem(source, "", 1, 1,
                    "must be a JSON object: a CASE CFPackage with CFDocument, CFItems and CFAssociations")));
        }
        // Some servers wrap the package ({"CFPackage": {...}}); others return its parts at the top.
        if (root.path("CFPackage").isObject()) {
            return new CaseReader(source, tree, "CFPackage.", options).framework(root.get("CFPackage"));
        }
        return new CaseReader(source, tree, "", options).framework(root);
    }

    /** CFDocument as read; {@code present} is false when the package has none (already a problem). */
    record Document(boolean present, String id, String uri, String title, String description, String notes) {
    }

    private FrameworkImport framework(JsonNode pkg) {
        Document doc = document(pkg);
        String code = frameworkCode(doc);
        CaseItems itemReader = new CaseItems(ctx);
        List<Item> items = itemReader.items(pkg);
        String[] codes = itemReader.codes(items);
        CaseHierarchy hierarchy = new CaseHierarchy(ctx);
        Map<String, Link> parents = hierarchy.associations(pkg, doc, items);
        CaseRubrics rubrics = new CaseRubrics(ctx);
        ProficiencyScale scale = options.scale() != null ? rubrics.givenScale(pkg) : rubrics.scaleFromRubrics(pkg);
        List<Competency> competencies = ctx.problems().isEmpty() ? hierarchy.competencies(items, codes, parents) : List.of();
        if (!ctx.problems().isEmpty()) {
            throw new FrameworkImportException(WHAT, CaseContext.sorted(ctx.problems()));
        }
        CompetencyFramework framework = new CompetencyFramework(code, doc.title(), doc.description(), scale, competencies);
        return new FrameworkImport(framework, ctx.mappings(), CaseContext.sorted(ctx.warnings()));
    }

    // ---- the document and the framework code -----------------------------------------------------

    private Document document(JsonNode pkg) {
        JsonNode doc = ctx.object(pkg, "CFDocument", "missing: the package must describe its framework");
        if (doc == null) {
            return new Document(false, null, null, null, null, null);
        }
        String id = ctx.identifier(doc, "CFDocument");
        String uri = ctx.text(doc, "CFDocument.uri", false, null);
        String title = ctx.text(doc, "CFDocument.title", true, "missing: it is the framework's title");
        String description = ctx.text(doc, "CFDocument.description", false, null);
        String notes = ctx.text(doc, "CFDocument.notes", false, null);
        String version = ctx.scalar(doc, "CFDocument.caseVersion");
        if (version != null && !KNOWN_VERSIONS.contains(version.strip())) {
            ctx.warn("CFDocument.caseVersion", "is '" + version + "'; QI Pathways knows CASE 1.0 and 1.1 and reads it as 1.1");
        }
        return new Document(true, id, uri, title, description, notes);
    }

    private String frameworkCode(Document doc) {
        if (options.frameworkCode() != null) {
            return options.frameworkCode();
        }
        if (!doc.present()) {
            return null; // already a problem
        }
        Matcher m = doc.notes() == null ? null : CODE_NOTE.matcher(doc.notes());
        if (m != null && m.find()) {
            String noted = m.group(1);
            if (CodeMapper.fits(noted)) {
                return noted;
            }
            if (options.strict()) {
                ctx.problem("CFDocument.notes", "framework code '" + noted + "' " + Codes.RULE);
                return null;
            }
            String code = frameworkCodeFrom(noted, doc);
            ctx.mappings().add(new CodeMapping("CFDocument.notes", noted, code, CodeMapper.NOT_A_CODE));
            return code;
        }
        if (options.strict()) {
            ctx.problem("CFDocument.notes", (doc.notes() == null ? "missing" : "does not give the framework code")
                    + ": QI Pathways reads it from '" + CaseWriter.CODE_NOTE + "<code>'; or give the code"
                    + " (FrameworkImportOptions.withFrameworkCode, qip framework import --code)");
            return null;
        }
        String code = frameworkCodeFrom(doc.title(), doc);
        ctx.mappings().add(new CodeMapping("CFDocument.title", null, code,
                "the package gives no QI Pathways framework code, so it is made from the document's title;"
                        + " give another with --code"));
        return code;
    }

    /** A framework code made from {@code text}: its words in capitals, cut at a word to 40 characters. */
    private static String frameworkCodeFrom(String text, Document doc) {
        String code = CodeMapper.normalise(text);
        if (code != null && code.length() > 40) {
            int cut = code.lastIndexOf('-', 40);
            code = (cut >= 8 ? code.substring(0, cut) : code.substring(0, 40)).replaceAll("[._-]+$", "");
        }
        if (code == null || !CodeMapper.fits(code)) {
            code = "CASE-" + CodeMapper.hash(doc.id() != null ? doc.id() : String.valueOf(text), 8);
        }
        return code;
    }
}
