package org.qipathways.moodle.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.qipathways.competency.CompetencyFramework;
import org.qipathways.competency.ProficiencyLevel;
import org.qipathways.moodle.MoodleCall;
import org.qipathways.moodle.MoodleClient;
import org.qipathways.moodle.MoodleResult;
import org.qipathways.moodle.ws.Course;
import org.qipathways.moodle.ws.CourseField;
import org.qipathways.moodle.ws.Courses;
import org.qipathways.moodle.ws.MoodleWarning;
import org.qipathways.programme.Programme;
import org.qipathways.programme.Tier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes a Moodle site hold a programme, plan first: {@link #plan} compares the programme with what
 * the site holds and lists each create and update; {@link #apply} carries them out.
 * <pre>{@code
 * ProgrammeSync sync = new ProgrammeSync(client, SyncOptions.defaults().withScaleId(4));
 * SyncPlan plan = sync.plan(Programme.reference());   // reads only
 * sync.apply(Programme.reference());                   // created 61, updated 0, removed 0, unchanged 0, failed 0
 * sync.apply(Programme.reference()).writes();          // 0: nothing left to do
 * }</pre>
 * Every object carries a key from {@link SyncKeys}, and each step reads what the site holds before
 * writing, so a run that was interrupted anywhere and is run again converges on the state an
 * uninterrupted run leaves, with no duplicates and no local state. Objects of ours that the
 * programme no longer has are reported as orphans; with {@link SyncOptions#prune()} links the
 * programme no longer has (course and template competencies) are removals instead, planned and
 * counted like creates and updates, while courses, categories, competencies, templates and cohorts
 * are never deleted (web services cannot delete most of them safely).
 */
public final class ProgrammeSync {

    private static final Logger LOG = LoggerFactory.getLogger(ProgrammeSync.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Course-competency outcome 1: completing the course attaches evidence to the learner's competency. */
    public static final int RULE_OUTCOME_EVIDENCE = 1;

    private final MoodleClient client;
    private final SyncOptions options;

    public ProgrammeSync(MoodleClient client, SyncOptions options) {
        this.client = Objects.requireNonNull(client, "client");
        this.options = Objects.requireNonNull(options, "options");
    }

    /** What {@link #apply} would do; reads only. */
    public SyncPlan plan(Programme programme) {
        return new SyncRun(client, options, programme, false).run();
    }

    /** Makes the site hold the programme; returns what was done. */
    public SyncPlan apply(Programme programme) {
        return new SyncRun(client, options, programme, true).run();
    }

    /** The Moodle id of each unit's course, by unit code; units without a course are left out. Reads only. */
    public Map<String, Long> courseIds(Programme programme) {
        List<MoodleCall<Courses>> reads = programme.units().stream()
                .map(u -> MoodleCall.getCoursesByField(CourseField.IDNUMBER, SyncKeys.unit(programme, u.code()))).toList();
        List<Courses> read = values(client.callAll(reads));
        Map<String, Long> out = new LinkedHashMap<>();
        for (int i = 0; i < read.size(); i++) {
            if (!read.get(i).courses().isEmpty()) {
                out.put(programme.units().get(i).code(), read.get(i).courses().get(0).id());
            }
        }
        return out;
    }

    /** The name of a tier's certified cohort, e.g. {@code Bronze certified (QIP-BSG)}. */
    public static String certifiedCohortName(Programme p, Tier t) {
        return t.title() + " certified (" + p.code() + ")";
    }

    // ---- helpers -----------------------------------------------------------------------------------

    /** Moodle's scale configuration: the first proficient level is what a "complete" rule awards. */
    static String scaleConfiguration(CompetencyFramework f, long scaleId) {
        ArrayNode a = JSON.createArrayNode();
        a.addObject().put("scaleid", Long.toString(scaleId));
        boolean defaultSet = false;
        for (ProficiencyLevel l : f.scale().levels()) {
            ObjectNode item = a.addObject();
            item.put("id", l.level());
            boolean isDefault = l.proficient() && !defaultSet;
            defaultSet |= isDefault;
            item.put("scaledefault", isDefault ? 1 : 0);
            item.put("proficient", l.proficient() ? 1 : 0);
        }
        return a.toString();
    }

    static String levelNames(CompetencyFramework f) {
        return f.scale().levels().stream().map(ProficiencyLevel::name).toList().toString();
    }

    static boolean sameJson(String a, String b) {
        try {
            JsonNode x = a == null ? null : JSON.readTree(a);
            return x != null && x.equals(JSON.readTree(b));
        } catch (Exception e) {
            return false;
        }
    }

    static String text(String s) {
        return s == null ? "" : s;
    }

    static String blankToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    static boolean sameText(String a, String b) {
        return text(a).equals(text(b));
    }

    static void differs(List<String> diff, String field, String have, String want) {
        if (!sameText(have, want)) {
            diff.add(field + " '" + text(have) + "' -> '" + text(want) + "'");
        }
    }

    static int failures(List<MoodleWarning> warnings) {
        warnings.forEach(w -> LOG.warn("Moodle refused {} {}: {} ({})", w.item(), w.itemid(), w.message(), w.warningcode()));
        return (int) warnings.stream().map(MoodleWarning::itemid).distinct().count();
    }

    /** The values of calls that all succeeded; the first failure is thrown, as one call would throw it. */
    static <T> List<T> values(List<MoodleResult<T>> results) {
        List<T> out = new ArrayList<>(results.size());
        for (MoodleResult<T> r : results) {
            if (!r.isSuccess()) {
                throw r.error().orElseThrow();
            }
            out.add(r.get());
        }
        return out;
    }
}
