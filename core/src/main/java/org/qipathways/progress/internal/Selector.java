package org.qipathways.progress.internal;

import java.util.List;
import org.qipathways.rules.EventSelector;
import org.qipathways.rules.Role;

/**
 * An {@link EventSelector} of the programme resolved for evaluation: its units as a mask over the
 * plan's unit indices, its kind and role as the record's codes, so matching an event reads only
 * primitive arrays. Its words ("attending X as a participant") are fixed by the programme and built
 * here once, not per learner.
 */
final class Selector {
    private static final int FOREVER = Timeline.FOREVER;

    final EventSelector source;
    final boolean[] units;
    final byte type;
    final int role;
    private final String phrase;
    private final String imperative;
    private final String noun;

    /**
     * @param units  which unit indices the selector names
     * @param titles the titles of the selector's units, in the order the programme lists them
     */
    Selector(EventSelector source, boolean[] units, List<String> titles) {
        this.source = source;
        this.units = units;
        this.type = switch (source.kind()) {
            case ATTENDED -> CompactRecord.ATTENDED;
            case COMPLETED -> CompactRecord.COMPLETED;
            case EVIDENCE_APPROVED -> CompactRecord.EVIDENCE;
        };
        this.role = source.role() == Role.PARTICIPANT ? CompactRecord.PARTICIPANT
                : source.role() == Role.FACILITATOR ? CompactRecord.FACILITATOR : -1;
        // The words are fixed by the programme: build them once, not per learner.
        String names = String.join(" or ", titles);
        this.phrase = switch (source.kind()) {
            case ATTENDED -> "attending " + names + rolePhrase(source.role());
            case COMPLETED -> "completing " + names;
            case EVIDENCE_APPROVED -> "approval of " + names;
        };
        this.imperative = switch (source.kind()) {
            case ATTENDED -> "attend " + names + rolePhrase(source.role());
            case COMPLETED -> "complete " + names;
            case EVIDENCE_APPROVED -> "get " + names + " approved";
        };
        this.noun = String.join(", ", titles);
    }

    private static String rolePhrase(Role role) {
        return switch (role) {
            case PARTICIPANT -> " as a participant";
            case FACILITATOR -> " as a facilitator";
            case ANY -> "";
        };
    }

    boolean matches(CompactRecord r, int i) {
        if (r.type[i] != type || !units[r.item[i]]) {
            return false;
        }
        return switch (type) {
            case CompactRecord.ATTENDED -> role < 0 || r.value[i] == role;
            case CompactRecord.EVIDENCE -> r.value[i] == CompactRecord.APPROVED;
            default -> true;
        };
    }

    /** The first matching day, or FOREVER. */
    int first(EvaluationContext c) {
        for (int i = 0; i < c.n; i++) {
            if (matches(c.r, i)) {
                return c.r.day[i];
            }
        }
        return FOREVER;
    }

    /** Words for the selected events: "attending Silver for Individuals as a participant". */
    String phrase() {
        return phrase;
    }

    /** What the learner should do: "attend Silver for Individuals as a participant". */
    String imperative() {
        return imperative;
    }

    /** The units' titles joined by commas, for a count: "attend 3 of" followed by these. */
    String noun() {
        return noun;
    }
}
