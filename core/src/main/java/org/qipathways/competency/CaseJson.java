package org.qipathways.competency;

import java.net.URI;
import java.time.Instant;
import org.qipathways.competency.internal.CaseReader;
import org.qipathways.competency.internal.CaseWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Exchanges a competency framework as a 1EdTech CASE package (CFPackage JSON), the form
 * competency registries, OpenSALT and Open Badges alignments use: writes CASE 1.0, reads 1.0 and 1.1.
 * <pre>{@code
 * CompetencyFramework fw = Programme.reference().framework();
 * String json = CaseJson.export(fw, URI.create("https://example.org/case"), Instant.parse("2025-01-01T00:00:00Z"));
 * CompetencyFramework back = CaseJson.parse(json, "qi-cf.case.json");   // equals fw
 *
 * // Someone else's package: most have no rubric, so give the scale; codes that do not fit are mapped.
 * FrameworkImport act = CaseJson.parse(Files.readString(Path.of("act-math.json")), "act-math.json",
 *         FrameworkImportOptions.DEFAULT.withScale(scale));
 * act.codes();      // e.g. CFItems[0].humanCodingScheme: 'CCSS.Math.Content.6.RP.A' -> CCSS.MATH.CONTENT.6.RP.A
 * act.warnings();   // e.g. CFAssociations: 16 exactMatchOf associations not kept ...
 * }</pre>
 *
 * <h2>What goes where</h2>
 * <ul>
 *   <li>Framework → {@code CFDocument}: {@code title}, {@code description}; the framework code in
 *       {@code notes} as {@code "QI Pathways framework code: QI-CF"} (CASE has no code field for a
 *       document); {@code creator} is the host of the base URI.</li>
 *   <li>Competency → {@code CFItem}: {@code humanCodingScheme} = code, {@code abbreviatedStatement}
 *       = title, {@code fullStatement} = description (the title when there is none),
 *       {@code CFItemType} "Competency", {@code listEnumeration} = position among its siblings.</li>
 *   <li>Hierarchy → {@code isChildOf} {@code CFAssociations}, origin = child, destination = parent
 *       item or, for a top-level competency, the document; {@code sequenceNumber} = position among
 *       siblings.</li>
 *   <li>Proficiency scale → one {@code CFRubric} (title = scale name) with one criterion per
 *       competency ({@code CFItemURI} = the competency's item), whose levels carry {@code quality} =
 *       level name, {@code score} and {@code position} = level number, and {@code description} =
 *       {@code "Proficient"} or {@code "Not proficient"}.</li>
 * </ul>
 * A description that is blank or the same as the title is not written, and comes back as
 * {@code null}. The package validates against OpenSALT's CASE 1.0 package schema and 1EdTech's
 * CASE 1.1 package schema (both checked by the tests).
 *
 * <p>Identifiers are name-based UUIDs (version 5) of the framework code and the item's code, so a
 * re-export gives the same identifiers and, with the same time, the same bytes. Each object's
 * {@code uri} is {@code <base>/<CFItems|CFDocuments|...>/<identifier>}: pass
 * {@code https://host/ims/case/v1p0} as the base to match the CASE REST layout.
 *
 * <p>Reading: CASE 1.0 and 1.1 name every object's id {@code identifier} (1.1 adds
 * {@code caseVersion}, {@code frameworkType} and {@code extensions}, which are not needed here);
 * {@code sourcedId}, which some implementations write instead, is accepted too. How codes, the
 * framework code and the scale are found in packages that other tools wrote is set by
 * {@link FrameworkImportOptions}.
 */
public final class CaseJson {

    private static final Logger LOG = LoggerFactory.getLogger(CaseJson.class);

    private CaseJson() {
    }

    /**
     * The framework as CASE v1.0 package JSON.
     *
     * @param framework  the framework; codes unique, parents present, scale numbered 1, 2, 3...
     * @param baseUri    absolute URI under which the package's objects are published
     * @param lastChange the {@code lastChangeDateTime} of every object (to the second)
     * @throws IllegalArgumentException if the framework is inconsistent (each problem named)
     */
    public static String export(CompetencyFramework framework, URI baseUri, Instant lastChange) {
        return CaseWriter.write(framework, baseUri, lastChange);
    }

    /**
     * Reads a CASE package (1.0 or 1.1; bare or wrapped as {@code {"CFPackage": {...}}}) with
     * {@link FrameworkImportOptions#DEFAULT}: the scale from the package's rubric, codes mapped
     * where they do not fit. What changed is logged; use
     * {@link #parse(String, String, FrameworkImportOptions)} to receive it.
     *
     * @param json   the package
     * @param source the name problems are reported against, e.g. a file name; may be {@code null}
     * @throws FrameworkImportException listing every problem with its JSON path, line and reason
     */
    public static CompetencyFramework parse(String json, String source) {
        FrameworkImport in = parse(json, source, FrameworkImportOptions.DEFAULT);
        if (!in.codes().isEmpty() || !in.warnings().isEmpty()) {
            LOG.warn("CASE package {}: {} codes changed and {} things not kept; CaseJson.parse(json, source, options)"
                    + " lists them", source, in.codes().size(), in.warnings().size());
        }
        return in.framework();
    }

    /**
     * Reads a CASE package. The hierarchy comes from {@code isChildOf} associations; siblings are
     * ordered by {@code sequenceNumber} (a number, or a string holding one), then
     * {@code listEnumeration}, then their order in {@code CFItems}. Other association types are
     * reported as not kept.
     *
     * @param json    the package
     * @param source  the name problems are reported against, e.g. a file name; may be {@code null}
     * @param options the framework code and scale when the package does not give them, and how strict to be
     * @return the framework, the codes that changed and what was not kept
     * @throws FrameworkImportException listing every problem with its JSON path, line and reason
     */
    public static FrameworkImport parse(String json, String source, FrameworkImportOptions options) {
        return CaseReader.read(json, source, options);
    }
}
