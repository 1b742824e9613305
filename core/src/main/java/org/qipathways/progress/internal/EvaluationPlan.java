package org.qipathways.progress.internal;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.qipathways.competency.Competency;
import org.qipathways.competency.CompetencyEvidence;
import org.qipathways.competency.ProficiencyLevel;
import org.qipathways.programme.Programme;
import org.qipathways.programme.Tier;
import org.qipathways.programme.Unit;
import org.qipathways.programme.UnitKind;
import org.qipathways.progress.CompetencyLevel;
import org.qipathways.progress.Progress;
import org.qipathways.progress.RequirementResult;
import org.qipathways.progress.TierProgress;
import org.qipathways.progress.TierStatus;
import org.qipathways.progress.ValidityPeriod;
import org.qipathways.rules.EventSelector;
import org.qipathways.rules.Requirement;
import org.qipathways.rules.Role;
import org.qipathways.rules.Window;

/**
 * A programme compiled for evaluation: codes interned to small integers, every requirement node
 * turned into an object that computes its {@link Timeline} from a {@link CompactRecord}.
 * Immutable and thread-safe; one plan serves any number of learners on any number of threads.
 */
public final class EvaluationPlan {
    private static final int FOREVER = Timeline.FOREVER;

    final Programme programme;
    private final Map<String, Integer> unitIndex = new HashMap<>();
    private final Map<String, Integer> competencyIndex = new HashMap<>();
    private final Map<String, Integer> priorLearningIndex = new HashMap<>();
    private final Map<String, Integer> tierIndex = new HashMap<>();

    final UnitKind[] unitKind;
    final int[] passMark;
    final String[] unitTitle;
    final String[] competencyTitle;
    final String[] competencyCode;
    final String[] levelName;
    final String[] priorLearningTitle;
    /** For each competency, the evidence mappings that give it: units needed and level given. */
    final int[][][] evidenceUnits;
    final int[][] evidenceLevel;
    final TierPlan[] tiers;
    final int[] tierOrder;
    private int nodeCount;

    private EvaluationPlan(Programme p) {
        this.programme = p;
        List<Unit> units = p.units();
        unitKind = new UnitKind[units.size()];
        passMark = new int[units.size()];
        unitTitle = new String[units.size()];
        for (int i = 0; i < units.size(); i++) {
            Unit u = units.get(i);
            unitIndex.put(u.code(), i);
            unitKind[i] = u.kind();
            passMark[i] = u.passMark() == null ? 0 : u.passMark();
            unitTitle[i] = u.title();
        }
        List<Competency> comps = p.framework().competencies();
        competencyTitle = new String[comps.size()];
        competencyCode = new String[comps.size()];
        for (int i = 0; i < comps.size(); i++) {
            competencyCode[i] = comps.get(i).code();
            competencyIndex.put(comps.get(i).code(), i);
            competencyTitle[i] = comps.get(i).title();
        }
        List<ProficiencyLevel> levels = p.framework().scale().levels();
        levelName = new String[levels.size() + 1];
        for (ProficiencyLevel l : levels) {
            levelName[l.level()] = l.name();
        }
        priorLearningTitle = new String[p.priorLearning().size()];
        for (int i = 0; i < p.priorLearning().size(); i++) {
            priorLearningIndex.put(p.priorLearning().get(i).code(), i);
            priorLearningTitle[i] = p.priorLearning().get(i).title();
        }
        List<List<int[]>> units4 = new ArrayList<>();
        List<List<Integer>> levels4 = new ArrayList<>();
        for (int i = 0; i < comps.size(); i++) {
            units4.add(new ArrayList<>());
            levels4.add(new ArrayList<>());
        }
        for (CompetencyEvidence e : p.competencyEvidence()) {
            int[] us = e.units().stream().mapToInt(unitIndex::get).toArray();
            e.gives().forEach((code, level) -> {
                int c = competencyIndex.get(code);
                units4.get(c).add(us);
                levels4.get(c).add(level);
            });
        }
        evidenceUnits = new int[comps.size()][][];
        evidenceLevel = new int[comps.size()][];
        for (int i = 0; i < comps.size(); i++) {
            evidenceUnits[i] = units4.get(i).toArray(new int[0][]);
            evidenceLevel[i] = levels4.get(i).stream().mapToInt(Integer::intValue).toArray();
        }
        for (int i = 0; i < p.tiers().size(); i++) {
            tierIndex.put(p.tiers().get(i).code(), i);
        }
        tiers = new TierPlan[p.tiers().size()];
        for (int i = 0; i < tiers.length; i++) {
            Tier t = p.tiers().get(i);
            Node rule = compile(t.rule());
            Node renewal = t.renewal() == null ? null : compile(t.renewal().rule());
            tiers[i] = new TierPlan(i, t, rule, renewal);
        }
        for (TierPlan t : tiers) {
            Set<Integer> deps = new LinkedHashSet<>();
            collectDeps(t.index, deps);
            deps.remove(t.index);
            t.dependsOn = deps.stream().mapToInt(Integer::intValue).toArray();
        }
        // Evaluate tiers that others hold before those others (the checks rule out cycles).
        tierOrder = new int[tiers.length];
        boolean[] done = new boolean[tiers.length];
        int k = 0;
        while (k < tiers.length) {
            for (TierPlan t : tiers) {
                if (!done[t.index] && Arrays.stream(t.directDeps).allMatch(d -> done[d])) {
                    done[t.index] = true;
                    tierOrder[k++] = t.index;
                }
            }
        }
    }

    /** Compiles a programme; the programme is valid by construction, so this cannot fail. */
    public static EvaluationPlan compile(Programme programme) {
        return new EvaluationPlan(programme);
    }

    public Programme programme() {
        return programme;
    }

    int unitIndex(String code) {
        return index(unitIndex, code, "unit");
    }

    int competencyIndex(String code) {
        return index(competencyIndex, code, "competency");
    }

    int priorLearningIndex(String code) {
        return index(priorLearningIndex, code, "prior learning");
    }

    int tierIndex(String code) {
        return index(tierIndex, code, "tier");
    }

    private static int index(Map<String, Integer> map, String code, String what) {
        Integer i = map.get(code);
        if (i == null) {
            throw new IllegalArgumentException("The programme has no " + what + " '" + code + "'");
        }
        return i;
    }

    private void collectDeps(int tier, Set<Integer> into) {
        for (int d : tiers[tier].directDeps) {
            if (into.add(d)) {
                collectDeps(d, into);
            }
        }
    }

    // ---- evaluation ---------------------------------------------------------------------------

    /** Where the learner stands on every tier as of {@code asOf}; a pure function of its inputs. */
    public Progress evaluate(CompactRecord record, LocalDate asOf) {
        Ctx c = new Ctx(this, record, (int) asOf.toEpochDay(), nodeCount);
        TierProgress[] out = new TierProgress[tiers.length];
        for (int t : tierOrder) {
            out[t] = tiers[t].evaluate(c);
        }
        CompetencyLevel[] levels = new CompetencyLevel[competencyTitle.length];
        for (int comp = 0; comp < levels.length; comp++) {
            int level = c.competencyLevel(comp);
            levels[comp] = new CompetencyLevel(competencyCode[comp], level, level == 0 ? null : day(c.competencyDay(comp, level)));
        }
        return new Progress(record.learnerId, asOf, Arrays.asList(out), Arrays.asList(levels));
    }

    /** Per-evaluation state: the learner's events up to the as-of date and memoised timelines. */
    static final class Ctx {
        final EvaluationPlan plan;
        final CompactRecord r;
        final int n;
        final int asOf;
        final Timeline[] memo;
        final String[] missing;
        final int[] unitDone;
        final Timeline[] tierHeld;
        final int[] tierRevoked;
        final TierStatus[] tierStatus;
        final int[] tierLapsed;
        /** For a tier no longer held because a tier it needs was revoked: that tier; -1 otherwise. */
        final int[] tierCascadeFrom;

        Ctx(EvaluationPlan plan, CompactRecord r, int asOf, int nodes) {
            this.plan = plan;
            this.r = r;
            this.n = r.countUpTo(asOf);
            this.asOf = asOf;
            this.memo = new Timeline[nodes];
            this.missing = new String[nodes];
            this.unitDone = new int[plan.unitKind.length];
            Arrays.fill(unitDone, Integer.MIN_VALUE);
            this.tierHeld = new Timeline[plan.tiers.length];
            this.tierRevoked = new int[plan.tiers.length];
            this.tierStatus = new TierStatus[plan.tiers.length];
            this.tierLapsed = new int[plan.tiers.length];
            this.tierCascadeFrom = new int[plan.tiers.length];
        }

        Timeline timeline(Node node) {
            Timeline t = memo[node.id];
            if (t == null) {
                t = node.compute(this);
                memo[node.id] = t;
            }
            return t;
        }

        boolean holds(Node node) {
            return timeline(node).holdsOn(asOf);
        }

        /** The first day the unit was complete, as its kind is completed; FOREVER when not yet. */
        int unitDone(int u) {
            int d = unitDone[u];
            if (d == Integer.MIN_VALUE) {
                d = FOREVER;
                UnitKind kind = plan.unitKind[u];
                for (int i = 0; i < n && d == FOREVER; i++) {
                    if (r.item[i] != u) {
                        continue;
                    }
                    byte t = r.type[i];
                    boolean done = switch (kind) {
                        case ONLINE_MODULE -> t == CompactRecord.COMPLETED;
                        case ASSESSMENT -> t == CompactRecord.ASSESSED && r.value[i] >= plan.passMark[u];
                        case WORKSHOP, SESSION -> t == CompactRecord.ATTENDED || t == CompactRecord.COMPLETED;
                        case EVIDENCE -> t == CompactRecord.EVIDENCE && r.value[i] == CompactRecord.APPROVED;
                    };
                    if (done) {
                        d = r.day[i];
                    }
                }
                unitDone[u] = d;
            }
            return d;
        }

        /** Whether any event concerns the unit (an attempt, a submission...). */
        boolean anyUnitEvent(int u) {
            for (int i = 0; i < n; i++) {
                if (r.item[i] == u && r.type[i] <= CompactRecord.EVIDENCE) {
                    return true;
                }
            }
            return false;
        }

        /** The first day the learner's level in competency c was at least {@code level}. */
        int competencyDay(int c, int level) {
            int d = FOREVER;
            for (int i = 0; i < n; i++) {
                if (r.type[i] == CompactRecord.RATED && r.item[i] == c && r.value[i] >= level) {
                    d = r.day[i];
                    break;
                }
            }
            int[][] mappings = plan.evidenceUnits[c];
            for (int m = 0; m < mappings.length; m++) {
                if (plan.evidenceLevel[c][m] < level) {
                    continue;
                }
                int all = Integer.MIN_VALUE;
                for (int u : mappings[m]) {
                    all = Math.max(all, unitDone(u));
                }
                d = Math.min(d, all);
            }
            return d;
        }

        /** The learner's level in competency c on the as-of date (0 when none). */
        int competencyLevel(int c) {
            int max = plan.levelName.length - 1;
            for (int level = max; level >= 1; level--) {
                if (competencyDay(c, level) <= asOf) {
                    return level;
                }
            }
            return 0;
        }
    }

    // ---- tiers --------------------------------------------------------------------------------

    final class TierPlan {
        final int index;
        final Tier tier;
        final Node rule;
        final Node renewal;
        final int[] directDeps;
        int[] dependsOn;

        TierPlan(int index, Tier tier, Node rule, Node renewal) {
            this.index = index;
            this.tier = tier;
            this.rule = rule;
            this.renewal = renewal;
            Set<Integer> direct = new LinkedHashSet<>();
            holds(tier.rule(), direct);
            if (tier.renewal() != null) {
                holds(tier.renewal().rule(), direct);
            }
            this.directDeps = direct.stream().mapToInt(Integer::intValue).toArray();
        }

        private void holds(Requirement r, Set<Integer> into) {
            if (r instanceof Requirement.HoldsTier h) {
                into.add(tierIndex(h.holdsTier()));
            }
            r.children().forEach(ch -> holds(ch, into));
        }

        TierProgress evaluate(Ctx c) {
            int revoked = FOREVER;
            String reason = null;
            for (int i = 0; i < c.n; i++) {
                if (c.r.type[i] == CompactRecord.REVOKED && c.r.item[i] == index) {
                    revoked = c.r.day[i];
                    reason = c.r.reasons[c.r.value[i]];
                    break;
                }
            }
            int cascade = FOREVER;
            int cascadeFrom = -1;
            for (int d : dependsOn) {
                if (c.tierRevoked[d] < cascade) {
                    cascade = c.tierRevoked[d];
                    cascadeFrom = d;
                }
            }
            Timeline ruleTimeline = c.timeline(rule);
            int achieved = ruleTimeline.first();
            if (achieved >= revoked) {
                achieved = FOREVER; // a revoked tier is not achieved later
            }
            int stop = Math.min(revoked, cascade);
            List<ValidityPeriod> periods = new ArrayList<>();
            Timeline held = Timeline.NEVER;
            LocalDate expiresOn = null;
            if (achieved != FOREVER) {
                if (!tier.expires()) {
                    held = Timeline.from(achieved);
                    periods.add(new ValidityPeriod(day(achieved), null, List.of()));
                } else {
                    expiresOn = validity(c, achieved, Math.min(c.asOf, stop - 1), periods);
                    int[] s = new int[periods.size()];
                    int[] e = new int[periods.size()];
                    for (int i = 0; i < s.length; i++) {
                        s[i] = (int) periods.get(i).from().toEpochDay();
                        e[i] = (int) periods.get(i).until().toEpochDay() + 1;
                    }
                    held = Timeline.union(s, e, s.length);
                }
                held = held.before(stop);
                if (stop != FOREVER) {
                    clip(periods, stop);
                }
            }
            c.tierHeld[index] = held;
            c.tierRevoked[index] = revoked;

            TierStatus status;
            List<String> unmet = new ArrayList<>();
            RequirementResult ruleResult = result(c, rule);
            RequirementResult renewalResult = renewal == null ? null : result(c, renewal);
            if (revoked <= c.asOf) {
                status = TierStatus.REVOKED;
                unmet.add(tier.title() + " was revoked on " + day(revoked) + (reason == null || reason.isBlank() ? "" : ": " + reason));
            } else if (achieved <= c.asOf) {
                if (cascade <= c.asOf) {
                    status = TierStatus.IN_PROGRESS;
                    c.tierCascadeFrom[index] = cascadeFrom;
                    rule.unmet(c, unmet);
                    if (unmet.isEmpty()) {
                        unmet.add(plan().tiers[cascadeFrom].tier.title() + " was revoked on " + day(cascade));
                    }
                } else if (held.holdsOn(c.asOf)) {
                    status = TierStatus.ACHIEVED;
                } else {
                    status = TierStatus.LAPSED;
                    if (renewal != null) {
                        List<String> renew = new ArrayList<>();
                        renewal.unmet(c, renew);
                        for (String s : renew) {
                            unmet.add("to regain " + tier.title() + ": " + s);
                        }
                    }
                    if (unmet.isEmpty()) {
                        unmet.add(tier.title() + " expired on " + expiresOn);
                    }
                }
            } else {
                rule.unmet(c, unmet);
                status = rule.progressed(c) ? TierStatus.IN_PROGRESS : TierStatus.NOT_STARTED;
            }
            if (status != TierStatus.IN_PROGRESS || cascade > c.asOf) {
                c.tierCascadeFrom[index] = -1;
            }
            c.tierStatus[index] = status;
            c.tierLapsed[index] = status == TierStatus.LAPSED && expiresOn != null ? (int) expiresOn.toEpochDay() + 1 : FOREVER;
            return new TierProgress(tier.code(), tier.title(), status, achieved == FOREVER ? null : day(achieved),
                    expiresOn, revoked == FOREVER ? null : day(revoked), reason, periods, ruleResult, renewalResult, unmet);
        }

        /** Ends the periods the day before {@code stop} (a revocation, or one of a tier this one needs). */
        private void clip(List<ValidityPeriod> periods, int stop) {
            LocalDate last = day(stop - 1);
            periods.removeIf(p -> p.from().isAfter(last));
            if (!periods.isEmpty()) {
                ValidityPeriod p = periods.get(periods.size() - 1);
                if (p.until() == null || p.until().isAfter(last)) {
                    periods.set(periods.size() - 1, new ValidityPeriod(p.from(), last, p.renewals()));
                }
            }
        }

        /**
         * Walks an expiring tier's validity from its achievement: renewal on the first day inside
         * each window on which the renewal rule holds, lapse past expiry, regain on the first
         * later day it holds. Only days up to {@code limit} are decided.
         */
        private LocalDate validity(Ctx c, int achieved, int limit, List<ValidityPeriod> periods) {
            Period v = tier.validity();
            Period w = tier.renewal() == null ? null : tier.renewal().window();
            Timeline renewalTimeline = renewal == null ? Timeline.NEVER : c.timeline(renewal);
            int start = achieved;
            LocalDate expires = day(achieved).plus(v);
            List<LocalDate> renewals = new ArrayList<>();
            while (true) {
                int e = (int) expires.toEpochDay();
                if (w != null) {
                    int windowStart = (int) expires.minus(w).toEpochDay();
                    int d = renewalTimeline.firstOnOrAfter(windowStart);
                    if (d <= e && d <= limit) {
                        renewals.add(day(d));
                        expires = expires.plus(v);
                        continue;
                    }
                }
                periods.add(new ValidityPeriod(day(start), expires, renewals));
                if (e >= limit) {
                    return expires;
                }
                int regain = renewalTimeline.firstOnOrAfter(e + 1);
                if (regain > limit) {
                    return expires;
                }
                start = regain;
                expires = day(regain).plus(v);
                renewals = new ArrayList<>();
            }
        }

        private EvaluationPlan plan() {
            return EvaluationPlan.this;
        }
    }

    RequirementResult result(Ctx c, Node node) {
        Timeline t = c.timeline(node);
        boolean holds = t.holdsOn(c.asOf);
        List<RequirementResult> children = List.of();
        if (node.children.length > 0) {
            RequirementResult[] cs = new RequirementResult[node.children.length];
            for (int i = 0; i < cs.length; i++) {
                cs[i] = result(c, node.children[i]);
            }
            children = List.of(cs);
        }
        return new RequirementResult(node.req, node.description, holds, holds ? day(t.since(c.asOf)) : null,
                holds ? null : node.missing(c), holds || node.progressed(c), children);
    }

    static LocalDate day(int epochDay) {
        return LocalDate.ofEpochDay(epochDay);
    }

    // ---- nodes ----------------------------------------------------------------------------------

    private Node compile(Requirement r) {
        int id = nodeCount++;
        if (r instanceof Requirement.AllOf a) {
            return new AllOfNode(id, r, compileAll(a.allOf()));
        } else if (r instanceof Requirement.AnyOf a) {
            return new AnyOfNode(id, r, compileAll(a.anyOf()));
        } else if (r instanceof Requirement.AtLeastOf a) {
            return new AtLeastNode(id, r, a.atLeast(), compileAll(a.of()));
        } else if (r instanceof Requirement.Completed x) {
            return new CompletedNode(id, r, unitIndex(x.completed()));
        } else if (r instanceof Requirement.Scored x) {
            int u = unitIndex(x.scored());
            return new ScoredNode(id, r, u, x.atLeast() == null ? passMark[u] : x.atLeast());
        } else if (r instanceof Requirement.Attended x) {
            return new AttendedNode(id, r, selector(new EventSelector(EventSelector.Kind.ATTENDED, x.attended(), x.role())));
        } else if (r instanceof Requirement.EvidenceApproved x) {
            Window w = x.within();
            return new EvidenceNode(id, r, unitIndex(x.evidence()), w == null ? -1 : w.days(),
                    w == null ? null : selector(w.after()), w != null && w.anchor() == Window.Anchor.LAST);
        } else if (r instanceof Requirement.CompetencyAtLeast x) {
            return new CompetencyNode(id, r, competencyIndex(x.competency()), x.atLeast());
        } else if (r instanceof Requirement.HoldsTier x) {
            return new HoldsTierNode(id, r, tierIndex(x.holdsTier()));
        } else if (r instanceof Requirement.PriorLearningApproved x) {
            return new PriorLearningNode(id, r, priorLearningIndex(x.priorLearning()));
        } else if (r instanceof Requirement.EventCount x) {
            return new CountNode(id, r, selector(x.count()), x.atLeast(), x.distinctDates(),
                    x.onOrAfter() == null ? null : selector(x.onOrAfter()), x.lookback());
        }
        throw new IllegalStateException("Unknown requirement " + r);
    }

    private Node[] compileAll(List<Requirement> rs) {
        Node[] out = new Node[rs.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = compile(rs.get(i));
        }
        return out;
    }

    private Selector selector(EventSelector s) {
        boolean[] mask = new boolean[unitKind.length];
        for (String u : s.units()) {
            mask[unitIndex(u)] = true;
        }
        return new Selector(s, mask);
    }

    /** An event selector resolved to a unit mask. */
    final class Selector {
        final EventSelector source;
        final boolean[] units;
        final byte type;
        final int role;
        private final String phrase;
        private final String imperative;
        private final String noun;

        Selector(EventSelector source, boolean[] units) {
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
            String names = unitNames(source.units(), " or ");
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
            this.noun = unitNames(source.units(), ", ");
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
        int first(Ctx c) {
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

        String noun() {
            return noun;
        }
    }

    String unitNames(List<String> codes, String joiner) {
        List<String> names = new ArrayList<>();
        for (String code : codes) {
            names.add(unitTitle[unitIndex(code)]);
        }
        return String.join(joiner, names);
    }

    static String rolePhrase(Role role) {
        return switch (role) {
            case PARTICIPANT -> " as a participant";
            case FACILITATOR -> " as a facilitator";
            case ANY -> "";
        };
    }

    /** A compiled requirement node. */
    abstract static class Node {
        static final Node[] NONE = new Node[0];
        final int id;
        final Requirement req;
        final Node[] children;
        String description;

        Node(int id, Requirement req, Node[] children) {
            this.id = id;
            this.req = req;
            this.children = children;
        }

        abstract Timeline compute(Ctx c);

        /** What is missing on the as-of date, when the node does not hold then; worked out once per evaluation. */
        final String missing(Ctx c) {
            String m = c.missing[id];
            if (m == null) {
                m = explain(c);
                c.missing[id] = m;
            }
            return m;
        }

        /** Works out {@link #missing}. */
        abstract String explain(Ctx c);

        /** Whether any part of this node shows progress on the as-of date (holding a tier does not count). */
        boolean progressed(Ctx c) {
            return c.holds(this);
        }

        /** Adds what is missing, one entry per unmet requirement a learner can act on. */
        void unmet(Ctx c, List<String> out) {
            if (!c.holds(this)) {
                out.add(missing(c));
            }
        }

        String labelOr(String generated) {
            return req.label() != null ? req.label() : generated;
        }
    }

    /** A node made of other nodes: it shows progress when any child does. */
    abstract static class CompositeNode extends Node {
        CompositeNode(int id, Requirement req, Node[] children) {
            super(id, req, children);
        }

        /** The children's descriptions joined, for a node without a label. */
        String joined(String joiner) {
            List<String> parts = new ArrayList<>(children.length);
            for (Node ch : children) {
                parts.add(ch.description);
            }
            return String.join(joiner, parts);
        }

        @Override
        boolean progressed(Ctx c) {
            for (Node ch : children) {
                if (ch.progressed(c)) {
                    return true;
                }
            }
            return false;
        }
    }

    final class AllOfNode extends CompositeNode {
        AllOfNode(int id, Requirement req, Node[] children) {
            super(id, req, children);
            description = labelOr(joined(" and "));
        }

        @Override
        Timeline compute(Ctx c) {
            Timeline t = c.timeline(children[0]);
            for (int i = 1; i < children.length && !t.isNever(); i++) {
                t = Timeline.and(t, c.timeline(children[i]));
            }
            return t;
        }

        @Override
        String explain(Ctx c) {
            List<String> out = new ArrayList<>();
            unmet(c, out);
            return String.join("; ", out);
        }

        @Override
        void unmet(Ctx c, List<String> out) {
            for (Node ch : children) {
                ch.unmet(c, out);
            }
        }

    }

    final class AnyOfNode extends CompositeNode {
        AnyOfNode(int id, Requirement req, Node[] children) {
            super(id, req, children);
            description = labelOr("one of: " + joined(" or "));
        }

        @Override
        Timeline compute(Ctx c) {
            Timeline t = Timeline.NEVER;
            for (Node ch : children) {
                t = Timeline.or(t, c.timeline(ch));
            }
            return t;
        }

        @Override
        String explain(Ctx c) {
            if (children.length == 1) {
                return children[0].missing(c);
            }
            // A learner on one route wants to hear about that route; only with no progress
            // anywhere (or on several) are the alternatives listed.
            List<String> routes = new ArrayList<>();
            for (Node ch : children) {
                if (ch.progressed(c)) {
                    routes.add(summary(c, ch));
                }
            }
            if (routes.size() == 1) {
                return routes.get(0);
            }
            if (routes.isEmpty()) {
                for (Node ch : children) {
                    routes.add(summary(c, ch));
                }
            }
            return "either " + String.join(", or ", routes);
        }

    }

    /** A route of an any-of, for a learner: its label with what is missing on it. */
    static String summary(Ctx c, Node route) {
        String missing = route.missing(c);
        String label = route.req.label();
        if (label != null && !missing.equals(label) && !missing.startsWith(label + ": ")) {
            return label + " (" + missing + ")";
        }
        return missing;
    }

    final class AtLeastNode extends CompositeNode {
        final int k;

        AtLeastNode(int id, Requirement req, int k, Node[] children) {
            super(id, req, children);
            this.k = k;
            description = labelOr("at least " + k + " of: " + joined(", "));
        }

        @Override
        Timeline compute(Ctx c) {
            Timeline[] parts = new Timeline[children.length];
            for (int i = 0; i < parts.length; i++) {
                parts[i] = c.timeline(children[i]);
            }
            return Timeline.atLeast(k, parts);
        }

        @Override
        String explain(Ctx c) {
            int done = 0;
            List<String> open = new ArrayList<>();
            for (Node ch : children) {
                if (c.holds(ch)) {
                    done++;
                } else {
                    open.add(ch.missing(c));
                }
            }
            return description + ": " + done + " of " + k + " done"
                    + (req.label() != null ? "" : " (still open: " + String.join("; ", open) + ")");
        }

    }

    final class CompletedNode extends Node {
        final int unit;

        CompletedNode(int id, Requirement req, int unit) {
            super(id, req, NONE);
            this.unit = unit;
            String title = unitTitle[unit];
            description = labelOr(switch (unitKind[unit]) {
                case ONLINE_MODULE -> "complete " + title;
                case ASSESSMENT -> "pass " + title + " (" + passMark[unit] + " or more)";
                case WORKSHOP, SESSION -> "attend " + title;
                case EVIDENCE -> title + " approved";
            });
        }

        @Override
        Timeline compute(Ctx c) {
            return Timeline.from(c.unitDone(unit));
        }

        @Override
        String explain(Ctx c) {
            return switch (unitKind[unit]) {
                case ASSESSMENT -> scoreMissing(c, unit, passMark[unit]);
                case EVIDENCE -> evidenceMissing(c, unit);
                default -> description;
            };
        }

        @Override
        boolean progressed(Ctx c) {
            return c.anyUnitEvent(unit);
        }
    }

    String scoreMissing(Ctx c, int unit, int needed) {
        int best = -1;
        for (int i = 0; i < c.n; i++) {
            if (c.r.type[i] == CompactRecord.ASSESSED && c.r.item[i] == unit) {
                best = Math.max(best, c.r.value[i]);
            }
        }
        return unitTitle[unit] + ": " + (best < 0 ? "no attempt yet" : "best score " + best) + ", needs " + needed;
    }

    String evidenceMissing(Ctx c, int unit) {
        int last = -1;
        for (int i = 0; i < c.n; i++) {
            if (c.r.type[i] == CompactRecord.EVIDENCE && c.r.item[i] == unit) {
                last = i;
            }
        }
        String title = unitTitle[unit];
        if (last < 0) {
            return title + ": not submitted yet";
        }
        return switch (c.r.value[last]) {
            case CompactRecord.SUBMITTED -> title + ": submitted on " + day(c.r.day[last]) + ", awaiting approval";
            case CompactRecord.REJECTED -> title + ": not approved on " + day(c.r.day[last]) + "; revise and resubmit";
            default -> title + " approved on " + day(c.r.day[last]);
        };
    }

    final class ScoredNode extends Node {
        final int unit;
        final int min;

        ScoredNode(int id, Requirement req, int unit, int min) {
            super(id, req, NONE);
            this.unit = unit;
            this.min = min;
            description = labelOr(unitTitle[unit] + ": best score " + min + " or more");
        }

        @Override
        Timeline compute(Ctx c) {
            for (int i = 0; i < c.n; i++) {
                if (c.r.type[i] == CompactRecord.ASSESSED && c.r.item[i] == unit && c.r.value[i] >= min) {
                    return Timeline.from(c.r.day[i]);
                }
            }
            return Timeline.NEVER;
        }

        @Override
        String explain(Ctx c) {
            return scoreMissing(c, unit, min);
        }

        @Override
        boolean progressed(Ctx c) {
            return c.anyUnitEvent(unit);
        }
    }

    final class AttendedNode extends Node {
        final Selector selector;

        AttendedNode(int id, Requirement req, Selector selector) {
            super(id, req, NONE);
            this.selector = selector;
            description = labelOr(selector.imperative());
        }

        @Override
        Timeline compute(Ctx c) {
            return Timeline.from(selector.first(c));
        }

        @Override
        String explain(Ctx c) {
            return req.label() == null ? selector.imperative() : req.label() + ": " + selector.imperative();
        }
    }

    final class EvidenceNode extends Node {
        final int unit;
        final int days;
        final Selector anchor;
        final boolean last;

        EvidenceNode(int id, Requirement req, int unit, int days, Selector anchor, boolean last) {
            super(id, req, NONE);
            this.unit = unit;
            this.days = days;
            this.anchor = anchor;
            this.last = last;
            description = labelOr(unitTitle[unit] + " approved" + (anchor == null ? ""
                    : " within " + days + " days after " + (last ? "the last " : "") + anchor.phrase()));
        }

        private boolean approved(CompactRecord r, int i) {
            return r.type[i] == CompactRecord.EVIDENCE && r.item[i] == unit && r.value[i] == CompactRecord.APPROVED;
        }

        @Override
        Timeline compute(Ctx c) {
            CompactRecord r = c.r;
            if (anchor == null) {
                for (int i = 0; i < c.n; i++) {
                    if (approved(r, i)) {
                        return Timeline.from(r.day[i]);
                    }
                }
                return Timeline.NEVER;
            }
            if (!last) {
                // Events are in day order: the first approval with an anchor at most `days` before it.
                for (int i = 0; i < c.n; i++) {
                    if (!approved(r, i)) {
                        continue;
                    }
                    for (int j = 0; j < c.n && r.day[j] <= r.day[i]; j++) {
                        if (anchor.matches(r, j) && r.day[i] - r.day[j] <= days) {
                            return Timeline.from(r.day[i]);
                        }
                    }
                }
                return Timeline.NEVER;
            }
            // Only the latest anchor counts: between anchors a(k) and a(k+1) the node holds from the
            // first approval in [a(k), a(k) + days] that comes before a(k+1).
            int[] starts = new int[c.n];
            int[] ends = new int[c.n];
            int m = 0;
            int prevAnchor = Integer.MIN_VALUE;
            for (int j = 0; j <= c.n; j++) {
                boolean isAnchor = j < c.n && anchor.matches(r, j) && r.day[j] != prevAnchor;
                if (!isAnchor && j < c.n) {
                    continue;
                }
                int next = j < c.n ? r.day[j] : FOREVER;
                if (prevAnchor != Integer.MIN_VALUE) {
                    int deadline = prevAnchor + days;
                    for (int i = 0; i < c.n; i++) {
                        int d = r.day[i];
                        if (d >= prevAnchor && d <= deadline && d < next && approved(r, i)) {
                            starts[m] = d;
                            ends[m++] = next;
                            break;
                        }
                    }
                }
                prevAnchor = next;
            }
            return Timeline.union(starts, ends, m);
        }

        @Override
        String explain(Ctx c) {
            if (anchor == null) {
                return labelled(evidenceMissing(c, unit));
            }
            int a = Integer.MIN_VALUE;
            for (int i = 0; i < c.n; i++) {
                if (anchor.matches(c.r, i)) {
                    a = c.r.day[i];
                }
            }
            String what = unitTitle[unit] + " approved within " + days + " days after " + anchor.phrase();
            if (a == Integer.MIN_VALUE) {
                return labelled(what + ": first " + anchor.imperative());
            }
            int deadline = a + days;
            if (deadline >= c.asOf) {
                return labelled(evidenceMissing(c, unit) + "; needs approval by " + day(deadline)
                        + " (" + days + " days after " + day(a) + ")");
            }
            return labelled(what + ": the " + days + " days after " + day(a) + " ended on " + day(deadline)
                    + " without an approval");
        }

        private String labelled(String s) {
            return req.label() == null ? s : req.label() + ": " + s;
        }

        @Override
        boolean progressed(Ctx c) {
            return c.anyUnitEvent(unit) || (anchor != null && anchor.first(c) != FOREVER);
        }
    }

    final class CompetencyNode extends Node {
        final int competency;
        final int level;

        CompetencyNode(int id, Requirement req, int competency, int level) {
            super(id, req, NONE);
            this.competency = competency;
            this.level = level;
            description = labelOr(competencyTitle[competency] + " at level " + level + " (" + levelName[level] + ")");
        }

        @Override
        Timeline compute(Ctx c) {
            return Timeline.from(c.competencyDay(competency, level));
        }

        @Override
        String explain(Ctx c) {
            int now = c.competencyLevel(competency);
            return competencyTitle[competency] + " at level " + level + " (" + levelName[level] + "): currently "
                    + (now == 0 ? "not evidenced" : "level " + now + " (" + levelName[now] + ")");
        }

        @Override
        boolean progressed(Ctx c) {
            return c.competencyLevel(competency) > 0;
        }
    }

    final class HoldsTierNode extends Node {
        final int tier;

        HoldsTierNode(int id, Requirement req, int tier) {
            super(id, req, NONE);
            this.tier = tier;
            description = labelOr("hold " + programme.tiers().get(tier).title());
        }

        @Override
        Timeline compute(Ctx c) {
            Timeline t = c.tierHeld[tier];
            return t == null ? Timeline.NEVER : t;
        }

        @Override
        String explain(Ctx c) {
            String title = programme.tiers().get(tier).title();
            TierStatus s = c.tierStatus[tier];
            if (s == TierStatus.REVOKED) {
                return title + " was revoked on " + day(c.tierRevoked[tier]);
            }
            if (s == TierStatus.LAPSED) {
                return title + " lapsed on " + day(c.tierLapsed[tier]) + "; renew it first";
            }
            if (s == TierStatus.IN_PROGRESS && c.tierCascadeFrom[tier] >= 0) {
                int from = c.tierCascadeFrom[tier];
                return title + " is no longer held: " + programme.tiers().get(from).title() + " was revoked on "
                        + day(c.tierRevoked[from]);
            }
            return "achieve " + title + " first";
        }

        @Override
        boolean progressed(Ctx c) {
            return false; // holding a lower tier alone does not start a tier
        }
    }

    final class PriorLearningNode extends Node {
        final int code;

        PriorLearningNode(int id, Requirement req, int code) {
            super(id, req, NONE);
            this.code = code;
            description = labelOr("recognised prior learning: " + priorLearningTitle[code]);
        }

        @Override
        Timeline compute(Ctx c) {
            for (int i = 0; i < c.n; i++) {
                if (c.r.type[i] == CompactRecord.PRIOR_LEARNING && c.r.item[i] == code && c.r.value[i] == CompactRecord.APPROVED) {
                    return Timeline.from(c.r.day[i]);
                }
            }
            return Timeline.NEVER;
        }

        @Override
        String explain(Ctx c) {
            return description + " approved";
        }
    }

    final class CountNode extends Node {
        final Selector counted;
        final int needed;
        final boolean distinct;
        final Selector from;
        final Period lookback;

        CountNode(int id, Requirement req, Selector counted, int needed, boolean distinct, Selector from, Period lookback) {
            super(id, req, NONE);
            this.counted = counted;
            this.needed = needed;
            this.distinct = distinct;
            this.from = from;
            this.lookback = lookback;
            String verb = switch (counted.source.kind()) {
                case ATTENDED -> counted.source.role() == Role.FACILITATOR ? "facilitate" : "attend";
                case COMPLETED -> "complete";
                case EVIDENCE_APPROVED -> "have approved";
            };
            description = labelOr(verb + " " + needed + " of " + counted.noun()
                    + (distinct ? " on distinct dates" : "")
                    + (from == null ? "" : " on or after " + from.phrase())
                    + (lookback == null ? "" : " within " + words(lookback) + " up to the date"));
        }

        /** Matching days on or after the anchor, ascending (one per date when distinct). */
        private int collect(Ctx c, int[] out) {
            int start = from == null ? Integer.MIN_VALUE : from.first(c);
            if (start == FOREVER) {
                return 0;
            }
            int m = 0;
            for (int i = 0; i < c.n; i++) {
                int d = c.r.day[i];
                if (d >= start && counted.matches(c.r, i) && !(distinct && m > 0 && out[m - 1] == d)) {
                    out[m++] = d;
                }
            }
            return m;
        }

        @Override
        Timeline compute(Ctx c) {
            int[] days = new int[c.n];
            int m = collect(c, days);
            if (m < needed) {
                return Timeline.NEVER;
            }
            if (lookback == null) {
                return Timeline.from(days[needed - 1]);
            }
            // Counted on day D: events from D minus lookback to D. The i-th..(i+needed-1)-th events
            // are all inside from the later one's day until the last D whose lookback reaches the first.
            int k = m - needed + 1;
            int[] starts = new int[k];
            int[] ends = new int[k];
            for (int i = 0; i < k; i++) {
                starts[i] = days[i + needed - 1];
                ends[i] = lastDayReaching(days[i]) + 1;
            }
            return Timeline.union(starts, ends, k);
        }

        private int lastDayReaching(int day) {
            LocalDate x = day(day);
            LocalDate d = x.plus(lookback);
            while (!d.plusDays(1).minus(lookback).isAfter(x)) {
                d = d.plusDays(1);
            }
            while (d.minus(lookback).isAfter(x)) {
                d = d.minusDays(1);
            }
            return (int) d.toEpochDay();
        }

        @Override
        String explain(Ctx c) {
            int[] days = new int[c.n];
            int m = collect(c, days);
            int have = m;
            if (lookback != null) {
                int since = (int) day(c.asOf).minus(lookback).toEpochDay();
                have = 0;
                for (int i = 0; i < m; i++) {
                    if (days[i] >= since) {
                        have++;
                    }
                }
            }
            String head = req.label() != null ? req.label() : description;
            String tail = "";
            if (from != null && from.first(c) == FOREVER) {
                tail = " (counting starts once you " + from.imperative() + ")";
            }
            return head + ": " + have + " of " + needed + tail;
        }

        @Override
        boolean progressed(Ctx c) {
            int start = from == null ? Integer.MIN_VALUE : from.first(c);
            for (int i = 0; i < c.n && start != FOREVER; i++) {
                if (c.r.day[i] >= start && counted.matches(c.r, i)) {
                    return true;
                }
            }
            return false;
        }
    }

    static String words(Period p) {
        if (p.getMonths() == 0 && p.getDays() == 0) {
            return p.getYears() == 1 ? "the year" : "the " + p.getYears() + " years";
        }
        if (p.getYears() == 0 && p.getDays() == 0) {
            return p.getMonths() == 1 ? "the month" : "the " + p.getMonths() + " months";
        }
        if (p.getYears() == 0 && p.getMonths() == 0) {
            return "the " + p.getDays() + " days";
        }
        return p.toString();
    }
}
