package org.qipathways.programme.internal;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.qipathways.competency.Competency;
import org.qipathways.competency.CompetencyEvidence;
import org.qipathways.competency.CompetencyFramework;
import org.qipathways.competency.ProficiencyLevel;
import org.qipathways.definition.DefinitionProblem;
import org.qipathways.programme.PriorLearning;
import org.qipathways.programme.Programme;
import org.qipathways.programme.Tier;
import org.qipathways.programme.Unit;
import org.qipathways.programme.UnitKind;
import org.qipathways.rules.EventSelector;
import org.qipathways.rules.Requirement;
import org.qipathways.rules.Window;

/**
 * Every check a programme definition must pass: field constraints (Bean Validation on the model's
 * records) and then the semantic checks that need the whole programme. Problems carry the path of
 * the offending value in the definition's own terms; the reader adds lines and columns.
 */
public final class ProgrammeChecks {

    private static final LocalDate PERIOD_BASE = LocalDate.of(2001, 1, 1);

    private ProgrammeChecks() {
    }

    /** Every problem in {@code programme}, field constraints first, then semantics. */
    public static List<DefinitionProblem> check(Programme programme) {
        List<DefinitionProblem> problems = new ArrayList<>(fieldConstraints(programme));
        new Semantics(programme, problems).run();
        return problems;
    }

    // ---- Bean Validation ---------------------------------------------------------------------

    private static final class ValidatorHolder {
        static final Validator VALIDATOR = Validation.byDefaultProvider().configure()
                .messageInterpolator(new ParameterMessageInterpolator())
                .buildValidatorFactory().getValidator();
    }

    private static List<DefinitionProblem> fieldConstraints(Programme programme) {
        List<DefinitionProblem> problems = new ArrayList<>();
        for (ConstraintViolation<Programme> v : ValidatorHolder.VALIDATOR.validate(programme)) {
            String path = documentPath(v.getPropertyPath());
            Object value = v.getInvalidValue();
            String message = v.getMessage();
            if (value instanceof String s && !s.isBlank()) {
                message = "'" + s + "' " + message;
            } else if (value instanceof Number n) {
                message = n + " " + message;
            }
            problems.add(DefinitionProblem.at(path, message));
        }
        problems.sort(Comparator.comparing(DefinitionProblem::path));
        return problems;
    }

    /** Bean Validation's property path as a document path: {@code tiers[0].rule.allOf[1].completed}. */
    static String documentPath(Path propertyPath) {
        StringBuilder sb = new StringBuilder();
        for (Path.Node node : propertyPath) {
            if (node.isInIterable()) {
                if (node.getIndex() != null) {
                    sb.append('[').append(node.getIndex()).append(']');
                } else if (node.getKey() != null) {
                    sb.append('.').append(node.getKey());
                }
            }
            String name = node.getName();
            if (name != null && !name.startsWith("<")) {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(name);
            }
        }
        return sb.toString();
    }

    // ---- semantic checks ---------------------------------------------------------------------

    private static final class Semantics {
        private final Programme p;
        private final List<DefinitionProblem> problems;
        private final Map<String, Unit> units = new HashMap<>();
        private final Map<String, Tier> tiers = new HashMap<>();
        private final Set<String> competencies = new HashSet<>();
        private final Set<String> priorLearning = new HashSet<>();
        private final int maxLevel;

        Semantics(Programme p, List<DefinitionProblem> problems) {
            this.p = p;
            this.problems = problems;
            CompetencyFramework fw = p.framework();
            this.maxLevel = fw == null || fw.scale() == null ? 0 : fw.scale().levels().size();
        }

        void run() {
            indexUnique(p.units(), "units", Unit::code, "unit", units);
            indexUnique(p.tiers(), "tiers", Tier::code, "tier", tiers);
            Map<String, PriorLearning> rpl = new HashMap<>();
            indexUnique(p.priorLearning(), "priorLearning", PriorLearning::code, "prior learning", rpl);
            priorLearning.addAll(rpl.keySet());
            if (p.framework() != null) {
                checkFramework(p.framework());
            }
            checkUnits();
            checkEvidence();
            checkTiers();
        }

        private <T> void indexUnique(List<T> items, String listPath, Function<T, String> code, String what,
                                     Map<String, T> index) {
            Map<String, Integer> first = new HashMap<>();
            for (int i = 0; i < items.size(); i++) {
                String c = code.apply(items.get(i));
                if (c == null) {
                    continue;
                }
                Integer seen = first.putIfAbsent(c, i);
                if (seen != null) {
                    add(listPath + "[" + i + "].code", what + " code '" + c + "' is defined twice (first at "
                            + listPath + "[" + seen + "]); codes must be unique");
                } else {
                    index.put(c, items.get(i));
                }
            }
        }

        private void checkFramework(CompetencyFramework fw) {
            if (fw.scale() != null) {
                List<ProficiencyLevel> levels = fw.scale().levels();
                for (int i = 0; i < levels.size(); i++) {
                    if (levels.get(i) != null && levels.get(i).level() != i + 1) {
                        add("framework.scale.levels[" + i + "].level", "is " + levels.get(i).level()
                                + " but should be " + (i + 1) + ": levels are numbered 1, 2, 3... from the lowest, in order");
                    }
                }
            }
            Map<String, Competency> byCode = new HashMap<>();
            indexUnique(fw.competencies(), "framework.competencies", Competency::code, "competency", byCode);
            competencies.addAll(byCode.keySet());
            for (int i = 0; i < fw.competencies().size(); i++) {
                Competency c = fw.competencies().get(i);
                if (c.parent() == null) {
                    continue;
                }
                String path = "framework.competencies[" + i + "].parent";
                if (!byCode.containsKey(c.parent())) {
                    unknown(path, "competency", c.parent(), byCode.keySet());
                    continue;
                }
                // Follow the parents up: a walk that comes back to c is a cycle.
                Set<String> seen = new LinkedHashSet<>();
                seen.add(c.code());
                String at = c.parent();
                while (at != null && byCode.containsKey(at)) {
                    if (!seen.add(at)) {
                        if (at.equals(c.code())) {
                            add(path, "competency parents form a circle (" + String.join(" → ", seen) + " → " + at
                                    + "); a competency cannot be its own ancestor");
                        }
                        break;
                    }
                    at = byCode.get(at).parent();
                }
            }
        }

        private void checkUnits() {
            for (int i = 0; i < p.units().size(); i++) {
                Unit u = p.units().get(i);
                if (u.kind() == UnitKind.ASSESSMENT && u.passMark() == null) {
                    add("units[" + i + "].passMark", "is required for an assessment: the score out of 100 that passes");
                } else if (u.kind() != null && u.kind() != UnitKind.ASSESSMENT && u.passMark() != null) {
                    add("units[" + i + "].passMark", "applies only to assessments, and " + u.code() + " is "
                            + article(u.kind()));
                }
            }
        }

        private void checkEvidence() {
            for (int i = 0; i < p.competencyEvidence().size(); i++) {
                CompetencyEvidence e = p.competencyEvidence().get(i);
                String base = "competencyEvidence[" + i + "]";
                for (int j = 0; j < e.units().size(); j++) {
                    unitRef(base + ".units[" + j + "]", e.units().get(j));
                }
                for (Map.Entry<String, Integer> g : e.gives().entrySet()) {
                    String path = base + ".gives." + g.getKey();
                    if (!competencies.contains(g.getKey())) {
                        unknown(path, "competency", g.getKey(), competencies);
                    }
                    level(path, g.getValue());
                }
            }
        }

        private void checkTiers() {
            for (int i = 0; i < p.tiers().size(); i++) {
                Tier t = p.tiers().get(i);
                String base = "tiers[" + i + "]";
                if (t.rule() != null) {
                    rule(base + ".rule", t.rule(), t);
                }
                if (t.validity() != null && !positive(t.validity())) {
                    add(base + ".validity", "must be a positive period such as P2Y (two years)");
                }
                if (t.renewal() != null) {
                    if (t.validity() == null) {
                        add(base + ".renewal", "a tier that never expires cannot be renewed: give it a validity such as P2Y, or remove the renewal");
                    }
                    Period window = t.renewal().window();
                    if (window != null && !positive(window)) {
                        add(base + ".renewal.window", "must be a positive period such as P90D (90 days before expiry)");
                    } else if (window != null && t.validity() != null && positive(t.validity())
                            && !PERIOD_BASE.plus(window).isBefore(PERIOD_BASE.plus(t.validity()))) {
                        add(base + ".renewal.window", "the renewal window (" + window + ") must be shorter than the validity ("
                                + t.validity() + ")");
                    }
                    if (t.renewal().rule() != null) {
                        rule(base + ".renewal.rule", t.renewal().rule(), t);
                    }
                }
            }
            tierCycles();
        }

        private void tierCycles() {
            Map<String, Set<String>> needs = new LinkedHashMap<>();
            for (Tier t : p.tiers()) {
                if (t.code() == null) {
                    continue;
                }
                Set<String> refs = needs.computeIfAbsent(t.code(), k -> new LinkedHashSet<>());
                collectHolds(t.rule(), refs);
                if (t.renewal() != null) {
                    collectHolds(t.renewal().rule(), refs);
                }
                refs.remove(t.code()); // reported as self-reference already
            }
            Set<String> reported = new HashSet<>();
            for (int i = 0; i < p.tiers().size(); i++) {
                String start = p.tiers().get(i).code();
                if (start == null) {
                    continue;
                }
                List<String> cycle = findCycle(start, needs);
                if (cycle != null && reported.add(String.join(",", new java.util.TreeSet<>(cycle)))) {
                    add("tiers[" + i + "].rule", "tiers require each other in a circle (" + String.join(" → ", cycle)
                            + "), so none of them can ever be achieved");
                }
            }
        }

        private static List<String> findCycle(String start, Map<String, Set<String>> needs) {
            // Depth-first search for a path from start back to start.
            List<String> path = new ArrayList<>();
            path.add(start);
            return dfs(start, start, needs, path, new HashSet<>()) ? path : null;
        }

        private static boolean dfs(String start, String at, Map<String, Set<String>> needs, List<String> path,
                                   Set<String> visited) {
            for (String next : needs.getOrDefault(at, Set.of())) {
                if (next.equals(start)) {
                    path.add(start);
                    return true;
                }
                if (visited.add(next)) {
                    path.add(next);
                    if (dfs(start, next, needs, path, visited)) {
                        return true;
                    }
                    path.remove(path.size() - 1);
                }
            }
            return false;
        }

        private static void collectHolds(Requirement r, Set<String> into) {
            if (r == null) {
                return;
            }
            if (r instanceof Requirement.HoldsTier h && h.holdsTier() != null) {
                into.add(h.holdsTier());
            }
            r.children().forEach(c -> collectHolds(c, into));
        }

        private void rule(String path, Requirement r, Tier owner) {
            if (r instanceof Requirement.AllOf a) {
                children(path + ".allOf", a.allOf(), owner);
            } else if (r instanceof Requirement.AnyOf a) {
                children(path + ".anyOf", a.anyOf(), owner);
            } else if (r instanceof Requirement.AtLeastOf a) {
                if (a.atLeast() > a.of().size() && !a.of().isEmpty()) {
                    add(path + ".atLeast", "asks for " + a.atLeast() + " but lists only " + a.of().size()
                            + ", so it can never be met");
                }
                children(path + ".of", a.of(), owner);
            } else if (r instanceof Requirement.Completed c) {
                unitRef(path + ".completed", c.completed());
            } else if (r instanceof Requirement.Scored s) {
                Unit u = unitRef(path + ".scored", s.scored());
                if (u != null && u.kind() != null && u.kind() != UnitKind.ASSESSMENT) {
                    add(path + ".scored", u.code() + " is " + article(u.kind()) + ", not an assessment, so it has no score");
                }
                if (s.atLeast() != null && (s.atLeast() < 0 || s.atLeast() > 100)) {
                    add(path + ".atLeast", s.atLeast() + " is not a score from 0 to 100, so it can never be met");
                }
            } else if (r instanceof Requirement.Attended a) {
                for (int i = 0; i < a.attended().size(); i++) {
                    attendedUnit(path + ".attended[" + i + "]", a.attended().get(i));
                }
            } else if (r instanceof Requirement.EvidenceApproved e) {
                Unit u = unitRef(path + ".evidence", e.evidence());
                if (u != null && u.kind() != null && u.kind() != UnitKind.EVIDENCE) {
                    add(path + ".evidence", u.code() + " is " + article(u.kind()) + ", not evidence, so it is never approved");
                }
                if (e.within() != null) {
                    selector(path + ".within.after", e.within().after());
                }
            } else if (r instanceof Requirement.CompetencyAtLeast c) {
                if (c.competency() == null) {
                    add(path + ".competency", "is required");
                } else if (!competencies.contains(c.competency())) {
                    unknown(path + ".competency", "competency", c.competency(), competencies);
                }
                level(path + ".atLeast", c.atLeast());
            } else if (r instanceof Requirement.HoldsTier h) {
                if (h.holdsTier() == null) {
                    add(path + ".holdsTier", "is required");
                } else if (h.holdsTier().equals(owner.code())) {
                    add(path + ".holdsTier", "tier " + owner.code() + " cannot require itself");
                } else if (!tiers.containsKey(h.holdsTier())) {
                    unknown(path + ".holdsTier", "tier", h.holdsTier(), tiers.keySet());
                }
            } else if (r instanceof Requirement.PriorLearningApproved pl) {
                if (pl.priorLearning() == null) {
                    add(path + ".priorLearning", "is required");
                } else if (!priorLearning.contains(pl.priorLearning())) {
                    unknown(path + ".priorLearning", "prior learning", pl.priorLearning(), priorLearning);
                }
            } else if (r instanceof Requirement.EventCount c) {
                if (c.count() == null) {
                    add(path + ".count", "is required: which events to count, e.g. {attended: [SLV-IND], role: facilitator}");
                } else {
                    selector(path + ".count", c.count());
                }
                if (c.onOrAfter() != null) {
                    selector(path + ".onOrAfter", c.onOrAfter());
                }
                if (c.lookback() != null && !positive(c.lookback())) {
                    add(path + ".lookback", "must be a positive period such as P1Y (the year up to the date judged)");
                }
            }
        }

        private void children(String path, List<Requirement> list, Tier owner) {
            for (int i = 0; i < list.size(); i++) {
                rule(path + "[" + i + "]", list.get(i), owner);
            }
        }

        private void selector(String path, EventSelector s) {
            String base = path + "." + s.kind().key();
            if (s.units().isEmpty()) {
                add(base, "must list at least one unit");
            }
            for (int i = 0; i < s.units().size(); i++) {
                String at = base + "[" + i + "]";
                switch (s.kind()) {
                    case ATTENDED -> attendedUnit(at, s.units().get(i));
                    case EVIDENCE_APPROVED -> {
                        Unit u = unitRef(at, s.units().get(i));
                        if (u != null && u.kind() != null && u.kind() != UnitKind.EVIDENCE) {
                            add(at, u.code() + " is " + article(u.kind()) + ", not evidence, so it is never approved");
                        }
                    }
                    case COMPLETED -> unitRef(at, s.units().get(i));
                }
            }
        }

        private void attendedUnit(String path, String code) {
            Unit u = unitRef(path, code);
            if (u != null && u.kind() != null && !u.kind().isAttended()) {
                add(path, u.code() + " is " + article(u.kind()) + ", which is not attended; only workshops and sessions are");
            }
        }

        private Unit unitRef(String path, String code) {
            if (code == null) {
                add(path, "is required: a unit code");
                return null;
            }
            Unit u = units.get(code);
            if (u == null) {
                unknown(path, "unit", code, units.keySet());
            }
            return u;
        }

        private void level(String path, Integer level) {
            if (level == null || maxLevel == 0) {
                return;
            }
            if (level < 1 || level > maxLevel) {
                add(path, "level " + level + " is outside the proficiency scale, which has "
                        + (maxLevel == 1 ? "only level 1" : "levels 1 to " + maxLevel));
            }
        }

        private void unknown(String path, String what, String code, Collection<String> known) {
            String suggestion = closest(code, known);
            add(path, "refers to " + what + " '" + code + "', which the programme does not define"
                    + (suggestion == null ? "" : " (did you mean " + suggestion + "?)"));
        }

        private void add(String path, String message) {
            problems.add(DefinitionProblem.at(path, message));
        }
    }

    private static boolean positive(Period p) {
        return !p.isZero() && !p.isNegative() && PERIOD_BASE.plus(p).isAfter(PERIOD_BASE);
    }

    private static String article(UnitKind kind) {
        String words = kind.id().replace('_', ' ');
        return (words.startsWith("a") || words.startsWith("e") || words.startsWith("o") ? "an " : "a ") + words;
    }

    /** The known code nearest to {@code code} by edit distance, when it is close enough to be a typo. */
    static String closest(String code, Collection<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String k : known) {
            int d = distance(code, k);
            if (d < bestDistance || (d == bestDistance && Objects.compare(k, best, Comparator.naturalOrder()) < 0)) {
                best = k;
                bestDistance = d;
            }
        }
        return bestDistance <= Math.max(1, Math.min(3, code.length() / 3)) ? best : null;
    }

    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = Character.toUpperCase(a.charAt(i - 1)) == Character.toUpperCase(b.charAt(j - 1)) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
