package org.qipathways.moodle.sync;

import java.util.Objects;

/**
 * One thing a sync would do, or did, to one Moodle object.
 * <pre>{@code
 * new Change(Change.Action.CREATE, "course", "qip:QIP-BSG:unit:BRZ-ELN", "Foundations of Quality Improvement");
 * }</pre>
 *
 * @param action what happens to the object
 * @param type the kind of Moodle object: category, course, framework, competency, course competency, template,
 *        template competency, cohort, user, cohort member, enrolment
 * @param key the object's stable key (its idnumber, or for links the keys of both ends)
 * @param detail what differs, in words; empty for creates
 */
public record Change(Action action, String type, String key, String detail) {

    /** What a change does. */
    public enum Action {
        /** Made because it is missing. */
        CREATE,
        /** Changed because it differs. */
        UPDATE,
        /**
         * Taken away because it is no longer wanted: a lapsed or revoked learner's certified-cohort
         * membership, or with pruning a course or template competency link the programme no longer has.
         */
        REMOVE,
        /** Ours, but no longer in the programme: reported and left in place (pruning removes links only, as REMOVE). */
        ORPHAN
    }

    public Change {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(key, "key");
        detail = detail == null ? "" : detail;
    }

    @Override
    public String toString() {
        return action.name().toLowerCase(java.util.Locale.ROOT) + " " + type + " " + key
                + (detail.isEmpty() ? "" : ": " + detail);
    }
}
