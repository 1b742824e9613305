package org.qipathways.competency;

import java.net.URI;
import java.time.Instant;
import org.qipathways.competency.internal.CaseReader;
import org.qipathways.competency.internal.CaseWriter;

/**
 * Exchanges a competency framework as a 1EdTech CASE v1.0 package (CFPackage JSON), the form
 * competency registries, OpenSALT and Open Badges alignments use.
 * <pre>{@code
 * CompetencyFramework fw = Programme.reference().framework();
 * String json = CaseJson.export(fw, URI.create("https://example.org/case"), Instant.parse("2025-01-01T00:00:00Z"));
 * CompetencyFramework back = CaseJson.parse(json, "qi-cf.case.json");   // equals fw
 * }</pre>
 *
 * <h2>What goes where</h2>
 * <ul>
 *   <li>Framework → {@code CFDocument}: {@code title}, {@code description}; the framework code in
 *       {@code notes} as {@code "QI Pathways framework code: QI-CF"} (CASE 1.0 has no code field);
 *       {@code creator} is the host of the base URI.</li>
 *   <li>Competency → {@code CFItem}: {@code humanCodingScheme} = code, {@code abbreviatedStatement}
 *       = title, {@code fullStatement} = description (the title when there is none),
 *       {@code CFItemType} "Competency", {@code listEnumeration} = position among its siblings.</li>
 *   <li>Hierarchy → {@code isChildOf} {@code CFAssociations}, origin = child, destination = parent
 *       item or, for a top-level competency, the document; {@code sequenceNumber} = position among
 *       siblings.</li>
 *   <li>Proficiency scale → one {@code CFRubric} (title = scale name) with one criterion whose
 *       levels carry {@code quality} = level name, {@code score} and {@code position} = level
 *       number, and {@code description} = {@code "Proficient"} or {@code "Not proficient"}.</li>
 * </ul>
 * A description that is blank or the same as the title is not written, and comes back as
 * {@code null}.
 *
 * <p>Identifiers are name-based UUIDs (version 5) of the framework code and the item's code, so a
 * re-export gives the same identifiers and, with the same time, the same bytes. Each object's
 * {@code uri} is {@code <base>/<CFItems|CFDocuments|...>/<identifier>}: pass
 * {@code https://host/ims/case/v1p0} as the base to match the CASE REST layout.
 */
public final class CaseJson {

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
     * Reads a CASE package back into a framework. Accepts v1.0 {@code identifier} and v1.1
     * {@code sourcedId}, a bare package or one wrapped as {@code {"CFPackage": {...}}}. The
     * hierarchy comes from {@code isChildOf} associations; siblings are ordered by
     * {@code sequenceNumber}, then {@code listEnumeration}, then their order in {@code CFItems}.
     * Other association types are ignored.
     *
     * @param json   the package
     * @param source the name problems are reported against, e.g. a file name; may be {@code null}
     * @throws CaseImportException listing every problem with its JSON path, line and reason
     */
    public static CompetencyFramework parse(String json, String source) {
        return CaseReader.read(json, source);
    }
}
