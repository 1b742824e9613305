package org.qipathways.moodle.sync;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.qipathways.competency.CompetencyEvidence;
import org.qipathways.programme.Programme;
import org.qipathways.programme.Tier;
import org.qipathways.rules.EventSelector;
import org.qipathways.rules.Requirement;

/**
 * The stable keys that tie Moodle objects to a programme: every object the sync makes carries one
 * (as its idnumber, or for learning-plan templates at the end of the short name), derived only from
 * programme codes, so a rerun finds what an earlier run made without any local state.
 * <pre>{@code
 * SyncKeys.unit(programme, "BRZ-ELN");        // "qip:QIP-BSG:unit:BRZ-ELN" (the course's idnumber)
 * SyncKeys.courseShortname(programme, "BRZ-ELN");   // "QIP-BSG:BRZ-ELN"
 * }</pre>
 */
public final class SyncKeys {

    private static final String PREFIX = "qip:";

    private SyncKeys() {
    }

    /** The programme's category. */
    public static String programme(Programme p) {
        return PREFIX + p.code();
    }

    /** Every key of this programme starts with this. */
    public static String ours(Programme p) {
        return programme(p) + ":";
    }

    /** A tier's category. */
    public static String tier(Programme p, String tier) {
        return ours(p) + "tier:" + tier;
    }

    /** A unit's course. */
    public static String unit(Programme p, String unit) {
        return ours(p) + "unit:" + unit;
    }

    /** A unit course's short name (unique site-wide in Moodle, so it carries the programme code too). */
    public static String courseShortname(Programme p, String unit) {
        return p.code() + ":" + unit;
    }

    /** The cohort of learners certified in a tier. */
    public static String certifiedCohort(Programme p, String tier) {
        return ours(p) + "certified:" + tier;
    }

    /** The cohort of learners of an organisation (ODS code). */
    public static String organisationCohort(Programme p, String organisation) {
        return ours(p) + "org:" + organisation;
    }

    /** The end of a tier's learning-plan template's short name (templates have no idnumber). */
    public static String templateSuffix(Programme p, String tier) {
        return " [" + p.code() + ":" + tier + "]";
    }

    /** A learner's Moodle username: the learner id in lower case (Moodle refuses upper case). */
    public static String username(String learnerId) {
        return learnerId.toLowerCase(Locale.ROOT);
    }

    /** The units a tier's rule (and renewal) names, in the order they first appear. */
    public static List<String> tierUnits(Tier tier) {
        Set<String> out = new LinkedHashSet<>();
        collectUnits(tier.rule(), out);
        if (tier.renewal() != null && tier.renewal().rule() != null) {
            collectUnits(tier.renewal().rule(), out);
        }
        return new ArrayList<>(out);
    }

    /** Each unit's course goes in the category of the first tier that names it; unnamed units in the programme's. */
    public static Map<String, String> unitTier(Programme p) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Tier t : p.tiers()) {
            for (String u : tierUnits(t)) {
                out.putIfAbsent(u, t.code());
            }
        }
        return out;
    }

    /** The competencies a unit's completion gives evidence of, unit by unit, in programme order. */
    public static Map<String, Set<String>> unitCompetencies(Programme p) {
        Map<String, Set<String>> out = new LinkedHashMap<>();
        for (CompetencyEvidence e : p.competencyEvidence()) {
            for (String u : e.units()) {
                out.computeIfAbsent(u, k -> new LinkedHashSet<>()).addAll(e.gives().keySet());
            }
        }
        return out;
    }

    /** A tier's competencies: those its rule names and those its units give evidence of. */
    public static List<String> tierCompetencies(Programme p, Tier tier) {
        Set<String> out = new LinkedHashSet<>();
        Map<String, Set<String>> byUnit = unitCompetencies(p);
        for (String u : tierUnits(tier)) {
            out.addAll(byUnit.getOrDefault(u, Set.of()));
        }
        collectCompetencies(tier.rule(), out);
        return new ArrayList<>(out);
    }

    private static void collectUnits(Requirement r, Set<String> out) {
        if (r instanceof Requirement.Completed c) {
            out.add(c.completed());
        } else if (r instanceof Requirement.Scored s) {
            out.add(s.scored());
        } else if (r instanceof Requirement.Attended a) {
            out.addAll(a.attended());
        } else if (r instanceof Requirement.EvidenceApproved e) {
            out.add(e.evidence());
            if (e.within() != null && e.within().after() != null) {
                add(e.within().after(), out);
            }
        } else if (r instanceof Requirement.EventCount c) {
            add(c.count(), out);
            if (c.onOrAfter() != null) {
                add(c.onOrAfter(), out);
            }
        }
        for (Requirement child : r.children()) {
            collectUnits(child, out);
        }
    }

    private static void add(EventSelector s, Set<String> out) {
        out.addAll(s.units());
    }

    private static void collectCompetencies(Requirement r, Set<String> out) {
        if (r instanceof Requirement.CompetencyAtLeast c) {
            out.add(c.competency());
        }
        for (Requirement child : r.children()) {
            collectCompetencies(child, out);
        }
    }
}
