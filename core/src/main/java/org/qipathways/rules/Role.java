package org.qipathways.rules;

import java.util.Locale;

/**
 * The part a learner played at a face-to-face unit: attending to learn, or running it.
 *
 * <p>Gold in the reference programme flips the learner from {@link #PARTICIPANT} to
 * {@link #FACILITATOR}; a requirement that does not care names {@link #ANY}.
 * In definition files and events the lower-case name is used: {@code role: facilitator}.
 */
public enum Role {
    /** Took part as a learner. */
    PARTICIPANT,
    /** Ran or co-ran the session. */
    FACILITATOR,
    /** Either role satisfies the requirement (only meaningful inside a requirement). */
    ANY;

    /** The name used in files, e.g. {@code participant}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether an attendance in role {@code actual} satisfies this required role. */
    public boolean accepts(Role actual) {
        return this == ANY || this == actual;
    }

    /** Parses the file name of a role; {@code null} when it is not one. */
    public static Role fromId(String id) {
        for (Role r : values()) {
            if (r.id().equals(id)) {
                return r;
            }
        }
        return null;
    }
}
