package org.qipathways.record;

import java.time.LocalDate;
import java.util.Locale;
import org.qipathways.record.internal.Values;
import org.qipathways.rules.Role;

/**
 * One thing that happened to a learner on a date: a unit completed, an assessment scored, a
 * workshop attended, evidence judged, a competency rated, prior learning decided, a tier revoked.
 *
 * <p>There is one record per row type of {@code events.csv}; each checks its values when it is
 * made, so an event that exists is well formed (whether its codes belong to a programme is checked
 * by {@link EventsCsv} where events enter). Java 17 code can dispatch on {@link #type()}:
 * <pre>{@code
 * LearnerEvent e = new LearnerEvent.Assessed("L0001", LocalDate.of(2025, 3, 14), "BRZ-QUIZ", 85);
 * if (e.type() == LearnerEvent.Type.ASSESSED) {
 *     best = Math.max(best, ((LearnerEvent.Assessed) e).score());
 * }
 * e.result();   // "85", as written in the result column
 * }</pre>
 */
public sealed interface LearnerEvent {

    /** The learner's stable pseudonymous id: 1-64 of {@code A-Za-z0-9._-}. */
    String learnerId();

    /** The day the event happened. */
    LocalDate date();

    /** The code the event is about: a unit, competency, prior-learning or tier code. */
    String item();

    /** Which kind of event this is. */
    Type type();

    /** The event's {@code result} column as written in {@code events.csv}; empty for {@link Completed}. */
    String result();

    /** The kinds of event, as named in the {@code type} column. */
    enum Type {
        /** A unit completed; item is a unit. */
        COMPLETED,
        /** An assessment scored 0-100; item is an assessment unit. */
        ASSESSED,
        /** A workshop or session attended as participant or facilitator. */
        ATTENDED,
        /** Evidence submitted, approved or rejected; item is an evidence unit. */
        EVIDENCE,
        /** An assessor's rating of a competency at a level of the framework's scale. */
        RATED,
        /** A decision on recognised prior learning; item is a prior-learning code. */
        PRIOR_LEARNING,
        /** A tier revoked, with the reason; item is a tier. */
        REVOKED;

        private final String id = name().toLowerCase(Locale.ROOT);

        /** The name used in the {@code type} column, e.g. {@code prior_learning}. */
        public String id() {
            return id;
        }

        /** The type with this column name; {@code null} when there is none. */
        public static Type fromId(String id) {
            for (Type t : values()) {
                if (t.id.equals(id)) {
                    return t;
                }
            }
            return null;
        }
    }

    /** Where a piece of evidence stands. */
    enum EvidenceStatus {
        /** Handed in, not yet judged. */
        SUBMITTED,
        /** Accepted by a coach or assessor. */
        APPROVED,
        /** Judged not (yet) good enough. */
        REJECTED;

        private final String id = name().toLowerCase(Locale.ROOT);

        /** The name used in the {@code result} column, e.g. {@code approved}. */
        public String id() {
            return id;
        }

        /** The status with this column name; {@code null} when there is none. */
        public static EvidenceStatus fromId(String id) {
            for (EvidenceStatus s : values()) {
                if (s.id.equals(id)) {
                    return s;
                }
            }
            return null;
        }
    }

    /** The decision on a claim of recognised prior learning. */
    enum Decision {
        /** The prior learning is recognised. */
        APPROVED,
        /** The claim was turned down. */
        REJECTED;

        private final String id = name().toLowerCase(Locale.ROOT);

        /** The name used in the {@code result} column, e.g. {@code approved}. */
        public String id() {
            return id;
        }

        /** The decision with this column name; {@code null} when there is none. */
        public static Decision fromId(String id) {
            for (Decision d : values()) {
                if (d.id.equals(id)) {
                    return d;
                }
            }
            return null;
        }
    }

    /**
     * The learner completed a unit (for an online module, the completion that counts).
     *
     * @param learnerId the learner
     * @param date      when
     * @param item      the unit's code
     */
    record Completed(String learnerId, LocalDate date, String item) implements LearnerEvent {
        public Completed {
            Values.requireEvent(learnerId, date, item);
        }

        @Override
        public Type type() {
            return Type.COMPLETED;
        }

        @Override
        public String result() {
            return "";
        }
    }

    /**
     * The learner scored {@code score} out of 100 in an assessment; every attempt is one event.
     *
     * @param learnerId the learner
     * @param date      when
     * @param item      the assessment unit's code
     * @param score     0 to 100
     */
    record Assessed(String learnerId, LocalDate date, String item, int score) implements LearnerEvent {
        public Assessed {
            Values.requireEvent(learnerId, date, item);
            if (score < 0 || score > 100) {
                throw new IllegalArgumentException("score " + score + " must be a whole number 0-100");
            }
        }

        @Override
        public Type type() {
            return Type.ASSESSED;
        }

        @Override
        public String result() {
            return Integer.toString(score);
        }
    }

    /**
     * The learner attended a workshop or session, to learn or to run it.
     *
     * @param learnerId the learner
     * @param date      when
     * @param item      the workshop's or session's unit code
     * @param role      {@link Role#PARTICIPANT} or {@link Role#FACILITATOR}
     */
    record Attended(String learnerId, LocalDate date, String item, Role role) implements LearnerEvent {
        public Attended {
            Values.requireEvent(learnerId, date, item);
            if (role == null || role == Role.ANY) {
                throw new IllegalArgumentException("role " + role + " must be PARTICIPANT or FACILITATOR");
            }
        }

        @Override
        public Type type() {
            return Type.ATTENDED;
        }

        @Override
        public String result() {
            return role.id();
        }
    }

    /**
     * The learner's evidence (a project plan, a report) was submitted, approved or rejected.
     *
     * @param learnerId the learner
     * @param date      when
     * @param item      the evidence unit's code
     * @param status    what happened to it
     */
    record Evidence(String learnerId, LocalDate date, String item, EvidenceStatus status) implements LearnerEvent {
        public Evidence {
            Values.requireEvent(learnerId, date, item);
            Values.require(status, "evidence status");
        }

        @Override
        public Type type() {
            return Type.EVIDENCE;
        }

        @Override
        public String result() {
            return status.id();
        }
    }

    /**
     * An assessor rated the learner's competency directly.
     *
     * @param learnerId the learner
     * @param date      when
     * @param item      the competency's code
     * @param level     the level of the framework's scale, from 1
     */
    record Rated(String learnerId, LocalDate date, String item, int level) implements LearnerEvent {
        public Rated {
            Values.requireEvent(learnerId, date, item);
            if (level < 1) {
                throw new IllegalArgumentException("level " + level + " must be 1 or more");
            }
        }

        @Override
        public Type type() {
            return Type.RATED;
        }

        @Override
        public String result() {
            return Integer.toString(level);
        }
    }

    /**
     * A claim of recognised prior learning was approved or rejected.
     *
     * @param learnerId the learner
     * @param date      when the decision was made
     * @param item      the prior-learning code
     * @param decision  the decision
     */
    record PriorLearning(String learnerId, LocalDate date, String item, Decision decision) implements LearnerEvent {
        public PriorLearning {
            Values.requireEvent(learnerId, date, item);
            Values.require(decision, "decision");
        }

        @Override
        public Type type() {
            return Type.PRIOR_LEARNING;
        }

        @Override
        public String result() {
            return decision.id();
        }
    }

    /**
     * The learner's tier was revoked; final from this date on.
     *
     * @param learnerId the learner
     * @param date      when
     * @param item      the tier's code
     * @param reason    why, in words (required)
     */
    record Revoked(String learnerId, LocalDate date, String item, String reason) implements LearnerEvent {
        public Revoked {
            Values.requireEvent(learnerId, date, item);
            if (reason == null || reason.isBlank()) {
                throw new IllegalArgumentException("a revocation needs a reason");
            }
        }

        @Override
        public Type type() {
            return Type.REVOKED;
        }

        @Override
        public String result() {
            return reason;
        }
    }
}

