package org.qipathways.rules;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import java.time.Period;
import java.util.List;
import java.util.Objects;

/**
 * One node of a tier's rule: a tree of requirements that a learner's events either meet or not.
 *
 * <p>Rules are data. The closed set of node types below covers every rule of the reference
 * programme and of the tiered programmes in the domain brief; one evaluator interprets them.
 * In a definition file each node is a map with exactly one node key (its type) plus that type's
 * options and an optional {@code label} used in explanations:
 * <pre>{@code
 * rule:
 *   anyOf:
 *     - label: Bronze course and knowledge check
 *       allOf:
 *         - completed: BRZ-ELN
 *         - scored: BRZ-QUIZ          # best score at or above the unit's pass mark
 *     - priorLearning: IMP-FUNDAMENTALS
 * }</pre>
 * The same rule in Java:
 * <pre>{@code
 * Requirement bronze = Requirement.anyOf(
 *         Requirement.allOf(Requirement.completed("BRZ-ELN"), Requirement.scored("BRZ-QUIZ"))
 *                 .withLabel("Bronze course and knowledge check"),
 *         Requirement.priorLearning("IMP-FUNDAMENTALS"));
 * }</pre>
 *
 * <p>Record components are named after the keys of the definition file, so a problem's path
 * ({@code tiers[1].rule.allOf[1].anyOf[0].evidence}) reads the same in the file and the model.
 */
public sealed interface Requirement {

    /** The author's label for this node, used in explanations; {@code null} when none. */
    String label();

    /** The child nodes of a composite node; empty for a leaf. */
    default List<Requirement> children() {
        return List.of();
    }

    /** This node with {@code label} as its label. */
    Requirement withLabel(String label);

    // ---- composites ----------------------------------------------------------------------

    /** Holds when every child holds. */
    record AllOf(String label,
                 @NotEmpty(message = "must list at least one requirement") List<@Valid Requirement> allOf)
            implements Requirement {
        public AllOf {
            allOf = copy(allOf);
        }

        @Override
        public List<Requirement> children() {
            return allOf;
        }

        @Override
        public AllOf withLabel(String label) {
            return new AllOf(label, allOf);
        }
    }

    /** Holds when at least one child holds: alternative routes such as Silver for Individuals or Teams. */
    record AnyOf(String label,
                 @NotEmpty(message = "must list at least one alternative") List<@Valid Requirement> anyOf)
            implements Requirement {
        public AnyOf {
            anyOf = copy(anyOf);
        }

        @Override
        public List<Requirement> children() {
            return anyOf;
        }

        @Override
        public AnyOf withLabel(String label) {
            return new AnyOf(label, anyOf);
        }
    }

    /** Holds when at least {@code atLeast} of the children hold ("2 of 3 team sessions"). */
    record AtLeastOf(String label,
                     @Min(value = 1, message = "must be at least 1") int atLeast,
                     @NotEmpty(message = "must list at least one requirement") List<@Valid Requirement> of)
            implements Requirement {
        public AtLeastOf {
            of = copy(of);
        }

        @Override
        public List<Requirement> children() {
            return of;
        }

        @Override
        public AtLeastOf withLabel(String label) {
            return new AtLeastOf(label, atLeast, of);
        }
    }

    // ---- leaves about units --------------------------------------------------------------

    /**
     * Holds once the unit is complete in the way its kind is completed: an online module by a
     * {@code completed} event, an assessment by a score at or above its pass mark, a workshop or
     * session by attendance (or a {@code completed} event), evidence by approval.
     */
    record Completed(String label, String completed) implements Requirement {
        @Override
        public Completed withLabel(String label) {
            return new Completed(label, completed);
        }
    }

    /**
     * Holds once the learner's best score in an assessment is at least {@code atLeast}, or the
     * unit's pass mark when {@code atLeast} is {@code null}.
     */
    record Scored(String label, String scored, Integer atLeast) implements Requirement {
        @Override
        public Scored withLabel(String label) {
            return new Scored(label, scored, atLeast);
        }
    }

    /** Holds once the learner attended any of the listed units in the given role. */
    record Attended(String label,
                    @NotEmpty(message = "must list at least one unit") List<String> attended,
                    Role role) implements Requirement {
        public Attended {
            attended = attended == null ? List.of() : List.copyOf(attended);
            role = role == null ? Role.ANY : role;
        }

        @Override
        public Attended withLabel(String label) {
            return new Attended(label, attended, role);
        }
    }

    /**
     * Holds once evidence for the unit is approved, and, when {@code within} is given, the
     * approval falls inside that window after an anchor event.
     */
    record EvidenceApproved(String label, String evidence, @Valid Window within) implements Requirement {
        @Override
        public EvidenceApproved withLabel(String label) {
            return new EvidenceApproved(label, evidence, within);
        }
    }

    // ---- other leaves --------------------------------------------------------------------

    /** Holds once the learner's level in the competency is at least {@code atLeast}. */
    record CompetencyAtLeast(String label, String competency,
                             @Min(value = 1, message = "must be a level of the scale, 1 or more") int atLeast)
            implements Requirement {
        @Override
        public CompetencyAtLeast withLabel(String label) {
            return new CompetencyAtLeast(label, competency, atLeast);
        }
    }

    /** Holds while the learner holds the tier: achieved, and neither lapsed nor revoked. */
    record HoldsTier(String label, String holdsTier) implements Requirement {
        @Override
        public HoldsTier withLabel(String label) {
            return new HoldsTier(label, holdsTier);
        }
    }

    /** Holds once recognised prior learning of this kind is approved for the learner. */
    record PriorLearningApproved(String label, String priorLearning) implements Requirement {
        @Override
        public PriorLearningApproved withLabel(String label) {
            return new PriorLearningApproved(label, priorLearning);
        }
    }

    /**
     * Holds while at least {@code atLeast} matching events are on record (on distinct dates when
     * {@code distinctDates}), counting only events on or after the first {@code onOrAfter} event
     * when given, and only those from ({@code date} minus {@code lookback}) to {@code date},
     * both included, when a lookback is given.
     * <pre>{@code
     * count: {attended: [SLV-IND, SLV-TEAM-1], role: facilitator}
     * atLeast: 2
     * distinctDates: true
     * onOrAfter: {attended: [GLD-TTT-1]}
     * }</pre>
     */
    record EventCount(String label, EventSelector count,
                      @Min(value = 1, message = "must be at least 1") int atLeast,
                      boolean distinctDates, EventSelector onOrAfter, Period lookback)
            implements Requirement {
        @Override
        public EventCount withLabel(String label) {
            return new EventCount(label, count, atLeast, distinctDates, onOrAfter, lookback);
        }
    }

    // ---- factories -------------------------------------------------------------------------

    /** Every one of {@code requirements}. */
    static AllOf allOf(Requirement... requirements) {
        return new AllOf(null, List.of(requirements));
    }

    /** Any one of {@code requirements}. */
    static AnyOf anyOf(Requirement... requirements) {
        return new AnyOf(null, List.of(requirements));
    }

    /** At least {@code n} of {@code requirements}. */
    static AtLeastOf atLeast(int n, Requirement... requirements) {
        return new AtLeastOf(null, n, List.of(requirements));
    }

    /** The unit completed as its kind is completed. */
    static Completed completed(String unit) {
        return new Completed(null, unit);
    }

    /** Best score in the assessment at or above its pass mark. */
    static Scored scored(String unit) {
        return new Scored(null, unit, null);
    }

    /** Best score in the assessment at or above {@code atLeast}. */
    static Scored scored(String unit, int atLeast) {
        return new Scored(null, unit, atLeast);
    }

    /** Attended any of {@code units} in {@code role}. */
    static Attended attended(Role role, String... units) {
        return new Attended(null, List.of(units), role);
    }

    /** Evidence for the unit approved. */
    static EvidenceApproved evidenceApproved(String unit) {
        return new EvidenceApproved(null, unit, null);
    }

    /** Evidence for the unit approved within {@code days} days after an event picked by {@code after}. */
    static EvidenceApproved evidenceApproved(String unit, int days, EventSelector after, Window.Anchor anchor) {
        return new EvidenceApproved(null, unit, new Window(days, after, anchor));
    }

    /** Level at least {@code level} in the competency. */
    static CompetencyAtLeast competency(String competency, int level) {
        return new CompetencyAtLeast(null, competency, level);
    }

    /** Holds the tier. */
    static HoldsTier holdsTier(String tier) {
        return new HoldsTier(null, tier);
    }

    /** Approved recognition of prior learning. */
    static PriorLearningApproved priorLearning(String code) {
        return new PriorLearningApproved(null, code);
    }

    private static List<Requirement> copy(List<Requirement> list) {
        if (list == null) {
            return List.of();
        }
        list.forEach(r -> Objects.requireNonNull(r, "a requirement in a list is null"));
        return List.copyOf(list);
    }
}
