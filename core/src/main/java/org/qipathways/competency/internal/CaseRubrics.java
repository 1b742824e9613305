package org.qipathways.competency.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.qipathways.competency.FrameworkImportOptions;
import org.qipathways.competency.ProficiencyLevel;
import org.qipathways.competency.ProficiencyScale;

/**
 * The proficiency scale of a CASE package: the one the caller gives, or else the levels of its
 * rubrics ({@code CFRubrics}), read from the first criterion, lowest first, each proficient or not
 * as its description says ({@link CaseWriter#PROFICIENT}), and required to be the same for every
 * criterion since QI Pathways rates every competency on one scale. Part of {@link CaseReader};
 * problems go to its {@link CaseContext}.
 */
final class CaseRubrics {

    private final CaseContext ctx;
    private final FrameworkImportOptions options;

    CaseRubrics(CaseContext ctx) {
        this.ctx = ctx;
        this.options = ctx.options();
    }

    ProficiencyScale givenScale(JsonNode pkg) {
        JsonNode rubrics = pkg.path("CFRubrics");
        if (rubrics.isArray() && !rubrics.isEmpty()) {
            ctx.warn("CFRubrics", "not read: the proficiency scale given ('" + options.scale().name() + "') is used instead");
        }
        return options.scale();
    }

    private record Level(int index, String path, String quality, Double score, Long position, Boolean proficient) {
    }

    ProficiencyScale scaleFromRubrics(JsonNode pkg) {
        String noScale = "the package has no proficiency scale QI Pathways can read; give the scale to import it"
                + " (FrameworkImportOptions.withScale, qip framework import --scale)";
        JsonNode rubrics = ctx.optionalArray(pkg, "CFRubrics");
        if (rubrics == null || rubrics.isEmpty()) {
            ctx.problem("CFRubrics", (rubrics == null ? "missing: " : "is empty: ") + noScale);
            return null;
        }
        List<String> criterionPaths = new ArrayList<>();
        List<JsonNode> criteria = new ArrayList<>();
        for (int r = 0; r < rubrics.size(); r++) {
            String rubric = "CFRubrics[" + r + "]";
            JsonNode cs = rubrics.get(r).path("CFRubricCriteria");
            for (int c = 0; cs.isArray() && c < cs.size(); c++) {
                criterionPaths.add(rubric + ".CFRubricCriteria[" + c + "]");
                criteria.add(cs.get(c));
            }
        }
        if (criteria.isEmpty()) {
            ctx.problem("CFRubrics[0].CFRubricCriteria", "has no criteria, so no levels: " + noScale);
            return null;
        }
        String name = ctx.text(rubrics.get(0), "CFRubrics[0].title", options.strict(), "missing: it is the proficiency scale's name");
        if (name == null && !options.strict()) {
            name = "Proficiency";
            ctx.warn("CFRubrics[0].title", "missing; the scale is called '" + name + "'");
        }
        List<Level> first = levels(criteria.get(0), criterionPaths.get(0), true);
        if (first == null) {
            return null;
        }
        List<String> expected = summary(first);
        for (int c = 1; c < criteria.size(); c++) {
            List<Level> other = levels(criteria.get(c), criterionPaths.get(c), false);
            if (other != null && !summary(other).equals(expected)) {
                ctx.problem(criterionPaths.get(c) + ".CFRubricCriterionLevels", "has levels " + summary(other) + " but "
                        + criterionPaths.get(0) + " has " + expected + ": QI Pathways rates every competency on one"
                        + " scale; give the scale to import this package");
                break;
            }
        }
        List<ProficiencyLevel> scale = new ArrayList<>();
        for (int n = 0; n < first.size(); n++) {
            Level l = first.get(n);
            if (options.strict() && l.score() != null && l.score() != n + 1) {
                ctx.problem(l.path() + ".score", "is " + l.score() + " but should be " + (n + 1)
                        + ": levels are scored 1, 2, 3... from the lowest, in position order");
            }
            scale.add(new ProficiencyLevel(n + 1, l.quality(), Boolean.TRUE.equals(l.proficient())));
        }
        return new ProficiencyScale(name, scale);
    }

    /** A criterion's levels lowest first; {@code null} when they cannot make a scale (problems recorded). */
    private List<Level> levels(JsonNode criterion, String path, boolean report) {
        JsonNode levelsNode = report
                ? ctx.array(criterion, path + ".CFRubricCriterionLevels", "missing: one criterion level per proficiency level")
                : criterion.path("CFRubricCriterionLevels");
        if (levelsNode == null || !levelsNode.isArray()) {
            return null;
        }
        if (levelsNode.isEmpty()) {
            ctx.problem(path + ".CFRubricCriterionLevels", "is empty: the scale needs at least one level");
            return null;
        }
        List<Level> levels = new ArrayList<>();
        boolean usable = true;
        for (int i = 0; i < levelsNode.size(); i++) {
            String lp = path + ".CFRubricCriterionLevels[" + i + "]";
            JsonNode l = levelsNode.get(i);
            String quality = report ? ctx.text(l, lp + ".quality", true, "missing: it is the level's name") : l.path("quality").asText(null);
            Double score = l.path("score").isNumber() ? l.get("score").doubleValue() : null;
            if (report && options.strict() && score == null) {
                ctx.problem(lp + ".score", "missing: it is the level's number, 1 for the lowest");
            }
            Long position = l.path("position").canConvertToExactIntegral() ? l.get("position").longValue() : null;
            String said = l.path("description").isTextual() ? l.get("description").asText().strip() : null;
            Boolean proficient = null;
            if (CaseWriter.PROFICIENT.equalsIgnoreCase(said)) {
                proficient = true;
            } else if (CaseWriter.NOT_PROFICIENT.equalsIgnoreCase(said)) {
                proficient = false;
            } else if (report) {
                ctx.problem(lp + ".description", (said == null ? "missing" : "is '" + said + "'") + " but must be '"
                        + CaseWriter.PROFICIENT + "' or '" + CaseWriter.NOT_PROFICIENT + "': QI Pathways reads from it"
                        + " which levels count as proficient; or give the scale to import this package");
            }
            usable &= quality != null && proficient != null;
            levels.add(new Level(i, lp, quality, score, position, proficient));
        }
        if (!usable && report) {
            return null;
        }
        levels.sort(Comparator.comparing(Level::position, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(Level::score, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparingInt(Level::index));
        return levels;
    }

    private static List<String> summary(List<Level> levels) {
        return levels.stream().map(l -> l.quality() + (Boolean.TRUE.equals(l.proficient()) ? " (proficient)" : ""))
                .toList();
    }
}
