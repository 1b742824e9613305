package org.qipathways.programme;

import org.qipathways.definition.DefinitionProblem;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.qipathways.competency.CompetencyEvidence;
import org.qipathways.competency.CompetencyFramework;
import org.qipathways.programme.internal.DefinitionReader;
import org.qipathways.programme.internal.DefinitionWriter;
import org.qipathways.programme.internal.ProgrammeChecks;
import org.qipathways.rules.Requirement;

/**
 * A tiered quality-improvement training programme: its units, competency framework, recognised
 * prior learning and ordered tiers with their rules. Immutable, and always valid: the constructor
 * checks the whole definition (field constraints with Bean Validation, then references, cycles,
 * levels and rules that could never be met) and throws {@link ProgrammeDefinitionException} with
 * every problem it finds.
 *
 * <p>Load one from a YAML or JSON definition file, or the bundled reference programme:
 * <pre>{@code
 * Programme mine = Programme.load(Path.of("programme.yaml"));
 * Programme reference = Programme.reference();          // Bronze / Silver / Gold
 * reference.tier("SILVER").orElseThrow().rule();
 * }</pre>
 * Or define a small one in Java:
 * <pre>{@code
 * Programme p = Programme.builder("QI-MINI", "Mini QI pathway", "1.0")
 *         .framework(framework)
 *         .unit(Unit.of("INTRO", "Introduction to QI", UnitKind.ONLINE_MODULE))
 *         .unit(Unit.assessment("QUIZ", "Knowledge check", 70))
 *         .tier(Tier.of("FOUNDATION", "Foundation",
 *                 Requirement.allOf(Requirement.completed("INTRO"), Requirement.scored("QUIZ"))))
 *         .build();
 * String yaml = p.toYaml();
 * }</pre>
 *
 * @param code               stable code of the programme; the Moodle category's idnumber
 * @param title              the programme's name
 * @param version            the definition's version, e.g. {@code 2025.1}
 * @param description        may be {@code null}
 * @param framework          the competency framework the units evidence
 * @param units              every learning unit
 * @param priorLearning      recognised prior learning the programme accepts
 * @param competencyEvidence which units evidence which competency levels
 * @param tiers              the tiers, lowest first
 */
public record Programme(
        @NotBlank(message = "is required") @Pattern(regexp = Codes.PATTERN, message = Codes.RULE) String code,
        @NotBlank(message = "is required") String title,
        @NotBlank(message = "is required, e.g. \"1.0\"") String version,
        String description,
        @NotNull(message = "is required") @Valid CompetencyFramework framework,
        @NotEmpty(message = "must list at least one unit") List<@Valid Unit> units,
        List<@Valid PriorLearning> priorLearning,
        List<@Valid CompetencyEvidence> competencyEvidence,
        @NotEmpty(message = "must list at least one tier") List<@Valid Tier> tiers) {

    /**
     * Checks the whole definition.
     *
     * @throws ProgrammeDefinitionException listing every problem
     */
    public Programme(String code, String title, String version, String description,
                     CompetencyFramework framework, List<Unit> units, List<PriorLearning> priorLearning,
                     List<CompetencyEvidence> competencyEvidence, List<Tier> tiers) {
        this.code = code;
        this.title = title;
        this.version = version;
        this.description = description;
        this.framework = framework;
        this.units = copy(units);
        this.priorLearning = copy(priorLearning);
        this.competencyEvidence = copy(competencyEvidence);
        this.tiers = copy(tiers);
        List<DefinitionProblem> problems = ProgrammeChecks.check(this);
        if (!problems.isEmpty()) {
            throw new ProgrammeDefinitionException(problems);
        }
    }

    /**
     * The largest definition file {@link #load(Path)} reads: 8 MiB. The reference programme is a
     * few KB, so a file this large is the wrong file or a hostile one; {@link #load(Path, long)}
     * takes another limit.
     */
    public static final long DEFAULT_MAX_DEFINITION_BYTES = DefinitionReader.DEFAULT_MAX_BYTES;

    /**
     * Loads and checks a definition file: YAML ({@code .yaml}, {@code .yml}) or JSON ({@code .json}),
     * UTF-8 (a byte-order mark is skipped), at most {@link #DEFAULT_MAX_DEFINITION_BYTES}.
     *
     * @throws ProgrammeDefinitionException when the definition has problems, is larger than the limit
     *                                      or is not UTF-8 text (each with its place)
     * @throws UncheckedIOException         when the file cannot be read
     */
    public static Programme load(Path file) {
        return load(file, DEFAULT_MAX_DEFINITION_BYTES);
    }

    /**
     * As {@link #load(Path)}, reading files of up to {@code maxBytes}.
     * <pre>{@code
     * Programme p = Programme.load(Path.of("huge-programme.yaml"), 64L * 1024 * 1024);
     * }</pre>
     */
    public static Programme load(Path file, long maxBytes) {
        try {
            return DefinitionReader.read(file, maxBytes);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read programme definition " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Parses and checks a definition held in a string, of at most
     * {@link #DEFAULT_MAX_DEFINITION_BYTES} characters.
     *
     * @param text   the definition, YAML or JSON (JSON is valid YAML)
     * @param source the name problems are reported against, e.g. a file name
     */
    public static Programme parse(String text, String source) {
        return DefinitionReader.parse(text, source);
    }

    /** The Bronze / Silver / Gold reference programme bundled with the library. */
    public static Programme reference() {
        return DefinitionReader.reference();
    }

    /** A builder for a programme defined in Java. */
    public static Builder builder(String code, String title, String version) {
        return new Builder(code, title, version);
    }

    /** This programme as a YAML definition, which {@link #parse} reads back to an equal programme. */
    public String toYaml() {
        return DefinitionWriter.toYaml(this);
    }

    /** This programme as a JSON definition, which {@link #parse} reads back to an equal programme. */
    public String toJson() {
        return DefinitionWriter.toJson(this);
    }

    /** The unit with this code. */
    public Optional<Unit> unit(String code) {
        return units.stream().filter(u -> u.code().equals(code)).findFirst();
    }

    /** The tier with this code. */
    public Optional<Tier> tier(String code) {
        return tiers.stream().filter(t -> t.code().equals(code)).findFirst();
    }

    /** The recognised prior learning with this code. */
    public Optional<PriorLearning> priorLearning(String code) {
        return priorLearning.stream().filter(p -> p.code().equals(code)).findFirst();
    }

    private static <T> List<T> copy(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }

    /** Collects the parts of a programme defined in Java; {@link #build()} checks them all. */
    public static final class Builder {
        private final String code;
        private final String title;
        private final String version;
        private String description;
        private CompetencyFramework framework;
        private final List<Unit> units = new ArrayList<>();
        private final List<PriorLearning> priorLearning = new ArrayList<>();
        private final List<CompetencyEvidence> evidence = new ArrayList<>();
        private final List<Tier> tiers = new ArrayList<>();

        private Builder(String code, String title, String version) {
            this.code = code;
            this.title = title;
            this.version = version;
        }

        public Builder description(String description) {
            this.description = description;
            return this;
        }

        public Builder framework(CompetencyFramework framework) {
            this.framework = framework;
            return this;
        }

        public Builder unit(Unit unit) {
            units.add(unit);
            return this;
        }

        public Builder priorLearning(PriorLearning recognition) {
            priorLearning.add(recognition);
            return this;
        }

        /** Completing all of {@code units} gives {@code competency} at {@code level}. */
        public Builder evidence(CompetencyEvidence mapping) {
            evidence.add(mapping);
            return this;
        }

        /** Adds a tier above those added so far. */
        public Builder tier(Tier tier) {
            tiers.add(tier);
            return this;
        }

        /** Adds an expiring tier. */
        public Builder tier(String code, String title, Requirement rule, Period validity, Renewal renewal) {
            return tier(new Tier(code, title, null, rule, validity, renewal));
        }

        /**
         * The programme.
         *
         * @throws ProgrammeDefinitionException listing every problem
         */
        public Programme build() {
            return new Programme(code, title, version, description, framework, units, priorLearning, evidence, tiers);
        }
    }
}
