package org.qipathways.rules;

import java.util.List;
import java.util.Objects;

/**
 * Picks out a learner's events of one kind for some units: the anchor of a time window, or the
 * events a {@link EventCount} counts.
 *
 * <p>In a definition file a selector is written like the matching requirement:
 * <pre>{@code
 * after: {attended: [SLV-IND], role: participant}
 * onOrAfter: {attended: [GLD-TTT-1]}
 * }</pre>
 *
 * @param kind  which events
 * @param units the unit codes whose events count (at least one)
 * @param role  for {@link Kind#ATTENDED}, the role the attendance must have; {@link Role#ANY}
 *              otherwise
 */
public record EventSelector(Kind kind, List<String> units, Role role) {

    /** The kinds of event a selector can pick. */
    public enum Kind {
        /** Attendance at a workshop or session ({@code attended}). */
        ATTENDED("attended"),
        /** Completion of a unit ({@code completed}). */
        COMPLETED("completed"),
        /** Approval of submitted evidence ({@code evidence}). */
        EVIDENCE_APPROVED("evidence");

        private final String key;

        Kind(String key) {
            this.key = key;
        }

        /** The key that introduces this kind in a definition file. */
        public String key() {
            return key;
        }
    }

    public EventSelector {
        Objects.requireNonNull(kind, "kind");
        units = units == null ? List.of() : List.copyOf(units);
        role = role == null ? Role.ANY : role;
    }

    /** Attendance at any of {@code units} in {@code role}. */
    public static EventSelector attended(Role role, String... units) {
        return new EventSelector(Kind.ATTENDED, List.of(units), role);
    }

    /** Completion of any of {@code units}. */
    public static EventSelector completed(String... units) {
        return new EventSelector(Kind.COMPLETED, List.of(units), Role.ANY);
    }

    /** Approval of evidence for any of {@code units}. */
    public static EventSelector evidenceApproved(String... units) {
        return new EventSelector(Kind.EVIDENCE_APPROVED, List.of(units), Role.ANY);
    }
}
