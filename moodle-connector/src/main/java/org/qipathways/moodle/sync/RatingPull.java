package org.qipathways.moodle.sync;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.qipathways.moodle.MoodleCall;
import org.qipathways.moodle.MoodleClient;
import org.qipathways.moodle.ws.ContextRef;
import org.qipathways.moodle.ws.Filter;
import org.qipathways.moodle.ws.Framework;
import org.qipathways.moodle.ws.FrameworkCompetency;
import org.qipathways.moodle.ws.Plan;
import org.qipathways.moodle.ws.PlanCompetency;
import org.qipathways.moodle.ws.UserCompetencySummary;
import org.qipathways.programme.Programme;
import org.qipathways.record.LearnerEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The competency ratings in the learners' learning plans, each dated when it was made.
 * <p>A user competency's {@code timemodified} is not that date: Moodle's {@code api::add_evidence}
 * (competency/classes/api.php) saves the user competency for every piece of evidence, and the
 * course-completed observer adds evidence to every competency linked to the course, so a May
 * rating reads as September once the learner completes a linked course. A completed plan lists
 * only the copy archived at its completion ({@code usercompetencyplan}), stamped with that time
 * and blind to later ratings. So the plans say which competencies the learners have; each rated
 * one's live user competency and evidence are then read ({@code tool_lp_data_for_user_competency_summary},
 * one call per learner and competency, bundled), and the rating is dated by the evidence that set
 * its grade. A rated user competency of an open plan whose {@code timecreated} equals its
 * {@code timemodified} was never saved after the second it was made (persistent's create and
 * update stamp them), so it was rated then and its evidence is not read.
 */
final class RatingPull {

    private static final Logger LOG = LoggerFactory.getLogger(RatingPull.class);

    private final MoodleClient client;
    private final SliceReads slices;
    private final ZoneId zone;
    /** Ratings no evidence accounts for, dated from the user competency's last change. */
    private int undated;

    RatingPull(MoodleClient client, SliceReads slices, ZoneId zone) {
        this.client = client;
        this.slices = slices;
        this.zone = zone;
    }

    /** A learner (user id) and a competency of theirs. */
    private record Pair(long user, long competency) {
    }

    void read(Programme p, Map<Long, String> learnerOf, List<LearnerEvent> events) {
        if (p.framework() == null) {
            return;
        }
        Framework f = client.listFrameworks(ContextRef.system(), "children", false).stream()
                .filter(x -> p.framework().code().equals(x.idnumber())).findFirst().orElse(null);
        if (f == null) {
            return;
        }
        Map<Long, String> codeOf = new HashMap<>();
        for (FrameworkCompetency c : client.listCompetencies(List.of(Filter.framework(f.id())))) {
            codeOf.put(c.id(), c.idnumber());
        }
        List<Long> users = new ArrayList<>(learnerOf.keySet());
        users.sort(null);
        List<Plan> all = new ArrayList<>();
        slices.run("learning plans", users.stream().map(MoodleCall::listUserPlans).toList(),
                (offset, plans) -> ProgrammeSync.values(plans).forEach(all::addAll));
        List<List<PlanCompetency>> comps = ProgrammeSync.values(client.callAll(all.stream()
                .map(pl -> MoodleCall.listPlanCompetencies(pl.id())).toList()));
        // true: to be read; false: an open plan shows the live user competency unrated
        Map<Pair, Boolean> wanted = new LinkedHashMap<>();
        Map<Pair, PlanCompetency.Rating> known = new LinkedHashMap<>();
        for (int i = 0; i < all.size(); i++) {
            for (PlanCompetency pc : comps.get(i)) {
                if (!codeOf.containsKey(pc.competency().id())) {
                    continue;
                }
                Pair key = new Pair(all.get(i).userid(), pc.competency().id());
                PlanCompetency.Rating live = pc.usercompetency();
                if (live != null) {
                    // an open plan: the live user competency, rated or not; one never saved after the
                    // second it was made was rated then, and needs no evidence read
                    boolean once = live.timecreated() != null && live.timecreated() > 0
                            && live.timecreated().equals(live.timemodified());
                    if (live.grade() != null && once) {
                        known.put(key, live);
                    }
                    wanted.put(key, live.grade() != null && !once);
                } else {
                    // a completed plan's archived copy says nothing of ratings since: read the live one
                    wanted.putIfAbsent(key, true);
                }
            }
        }
        known.forEach((k, live) -> {
            if (!wanted.get(k)) {
                events.add(new LearnerEvent.Rated(learnerOf.get(k.user()), date(live.timemodified()),
                        codeOf.get(k.competency()), live.grade()));
            }
        });
        List<Pair> read = wanted.entrySet().stream().filter(Map.Entry::getValue).map(Map.Entry::getKey).toList();
        slices.run("competency evidence", read.stream()
                .map(k -> MoodleCall.userCompetencySummary(k.user(), k.competency())).toList(), (offset, results) -> {
                    List<UserCompetencySummary> summaries = ProgrammeSync.values(results);
                    for (int i = 0; i < summaries.size(); i++) {
                        Pair k = read.get(offset + i);
                        rating(learnerOf.get(k.user()), codeOf.get(k.competency()), summaries.get(i), events);
                    }
                });
        if (undated > 1) {
            LOG.warn("{} ratings in all had no evidence setting their grade and are dated from their last change",
                    undated);
        }
    }

    private void rating(String learner, String code, UserCompetencySummary s, List<LearnerEvent> events) {
        PlanCompetency.Rating live = s.usercompetency();
        if (live == null || live.grade() == null) {
            return;
        }
        long when = ratedAt(live.grade(), s.evidence());
        if (when <= 0) {
            // no evidence shows the grade being set (evidence deleted, say): the record's last change is all there is
            when = live.timemodified() == null ? 0 : live.timemodified();
            if (undated++ == 0) {
                LOG.warn("no evidence sets {}'s rating of {} to {} (deleted?): dated from the user competency's"
                        + " last change; the pull's end says how many more", learner, code, live.grade());
            }
        }
        if (when > 0) {
            events.add(new LearnerEvent.Rated(learner, date(when), code, live.grade()));
        }
    }

    /**
     * When the grade was set: the evidence replayed oldest first as {@code api::add_evidence} applies
     * it (an override sets the grade; a completion sets the default grade only when there is none;
     * a log changes nothing), the time of the last evidence to set it, if that left {@code grade};
     * otherwise the newest evidence carrying {@code grade} that could have set it; 0 when none did.
     */
    static long ratedAt(int grade, List<UserCompetencySummary.Evidence> evidence) {
        List<UserCompetencySummary.Evidence> oldestFirst = new ArrayList<>(evidence);
        oldestFirst.sort(Comparator.comparingLong(UserCompetencySummary.Evidence::timecreated)
                .thenComparingLong(UserCompetencySummary.Evidence::id));
        Integer current = null;
        long setAt = 0;
        long carrying = 0;
        for (UserCompetencySummary.Evidence e : oldestFirst) {
            boolean sets = e.action() == UserCompetencySummary.ACTION_OVERRIDE
                    || e.action() == UserCompetencySummary.ACTION_COMPLETE && current == null;
            if (sets) {
                current = e.grade();
                setAt = e.timecreated();
            }
            if (e.action() != UserCompetencySummary.ACTION_LOG && e.grade() != null && e.grade() == grade) {
                carrying = e.timecreated();
            }
        }
        return current != null && current == grade ? setAt : carrying;
    }

    private LocalDate date(long unixSeconds) {
        return Instant.ofEpochSecond(unixSeconds).atZone(zone).toLocalDate();
    }
}
