package org.qipathways.programme;

import java.util.Locale;

/**
 * What sort of learning unit a unit is; it decides which events complete it.
 * Written in files in lower case: {@code kind: online_module}.
 */
public enum UnitKind {
    /** Self-paced e-learning, complete on a {@code completed} event. */
    ONLINE_MODULE,
    /** A scored test, complete when the best score reaches the pass mark. */
    ASSESSMENT,
    /** A face-to-face or virtual workshop, complete on attendance. */
    WORKSHOP,
    /** One session of a series (e.g. Silver for Teams session 2), complete on attendance. */
    SESSION,
    /** A piece of work judged by a coach or assessor, complete on approval. */
    EVIDENCE;

    /** The name used in files, e.g. {@code online_module}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether learners attend this unit (so {@code attended} events apply to it). */
    public boolean isAttended() {
        return this == WORKSHOP || this == SESSION;
    }

    /** The kind with this file name; {@code null} when there is none. */
    public static UnitKind fromId(String id) {
        for (UnitKind k : values()) {
            if (k.id().equals(id)) {
                return k;
            }
        }
        return null;
    }
}
