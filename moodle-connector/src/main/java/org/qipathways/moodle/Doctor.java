package org.qipathways.moodle;

import static org.qipathways.moodle.MoodleFunction.*;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.qipathways.moodle.ws.SiteInfo;

/**
 * Checks a site and token before any sync: calls {@code core_webservice_get_site_info} and reports
 * the release, the token's user, every function the connector needs that the token's service
 * lacks, optional functions it lacks with what is lost without them, and site features that are
 * switched off. The functions needed are exactly those that sync, pull and publish call
 * (a test runs all three against the simulator and compares).
 * <pre>{@code
 * try (MoodleClient client = MoodleClient.create(config)) {
 *     DoctorReport report = Doctor.check(client);
 *     report.lines().forEach(out::println);   // out: where your application writes
 * }
 * }</pre>
 * A site that cannot be reached, or a token it refuses, is a {@link MoodleException}, not a report.
 */
public final class Doctor {

    static final String MISSING_PREFIX = "the token's service lacks ";

    private static final Set<MoodleFunction> REQUIRED = EnumSet.noneOf(MoodleFunction.class);
    private static final Map<MoodleFunction, String> OPTIONAL = new EnumMap<>(MoodleFunction.class);

    // What each part of the connector calls, one function a line: a function a part starts to call
    // is one more line here (the test DoctorFunctionsTest fails until it is).
    static {
        // every part: whether calls can be bundled
        REQUIRED.add(CORE_WEBSERVICE_GET_SITE_INFO);
        // sync: categories and courses
        REQUIRED.add(CORE_COURSE_GET_CATEGORIES);
        REQUIRED.add(CORE_COURSE_CREATE_CATEGORIES);
        REQUIRED.add(CORE_COURSE_UPDATE_CATEGORIES);
        REQUIRED.add(CORE_COURSE_GET_COURSES_BY_FIELD);
        REQUIRED.add(CORE_COURSE_CREATE_COURSES);
        REQUIRED.add(CORE_COURSE_UPDATE_COURSES);
        // sync: the competency framework, its competencies and the course links
        REQUIRED.add(CORE_COMPETENCY_LIST_COMPETENCY_FRAMEWORKS);
        REQUIRED.add(CORE_COMPETENCY_GET_SCALE_VALUES);
        REQUIRED.add(CORE_COMPETENCY_CREATE_COMPETENCY_FRAMEWORK);
        REQUIRED.add(CORE_COMPETENCY_UPDATE_COMPETENCY_FRAMEWORK);
        REQUIRED.add(CORE_COMPETENCY_LIST_COMPETENCIES);
        REQUIRED.add(CORE_COMPETENCY_CREATE_COMPETENCY);
        REQUIRED.add(CORE_COMPETENCY_UPDATE_COMPETENCY);
        REQUIRED.add(CORE_COMPETENCY_SET_PARENT_COMPETENCY);
        REQUIRED.add(CORE_COMPETENCY_LIST_COURSE_COMPETENCIES);
        REQUIRED.add(CORE_COMPETENCY_ADD_COMPETENCY_TO_COURSE);
        REQUIRED.add(CORE_COMPETENCY_SET_COURSE_COMPETENCY_RULEOUTCOME);
        REQUIRED.add(CORE_COMPETENCY_UPDATE_COURSE_COMPETENCY_SETTINGS);
        REQUIRED.add(CORE_COMPETENCY_REMOVE_COMPETENCY_FROM_COURSE);
        // sync: learning-plan templates and certified cohorts
        REQUIRED.add(CORE_COMPETENCY_LIST_TEMPLATES);
        REQUIRED.add(CORE_COMPETENCY_CREATE_TEMPLATE);
        REQUIRED.add(CORE_COMPETENCY_UPDATE_TEMPLATE);
        REQUIRED.add(CORE_COMPETENCY_LIST_COMPETENCIES_IN_TEMPLATE);
        REQUIRED.add(CORE_COMPETENCY_ADD_COMPETENCY_TO_TEMPLATE);
        REQUIRED.add(CORE_COMPETENCY_REMOVE_COMPETENCY_FROM_TEMPLATE);
        REQUIRED.add(CORE_COHORT_GET_COHORTS);
        REQUIRED.add(CORE_COHORT_CREATE_COHORTS);
        REQUIRED.add(CORE_COHORT_UPDATE_COHORTS);
        // sync --learners: users, organisation cohorts, enrolments
        REQUIRED.add(CORE_USER_GET_USERS_BY_FIELD);
        REQUIRED.add(CORE_USER_CREATE_USERS);
        REQUIRED.add(CORE_USER_UPDATE_USERS);
        REQUIRED.add(CORE_COHORT_GET_COHORT_MEMBERS);
        REQUIRED.add(CORE_COHORT_ADD_COHORT_MEMBERS);
        REQUIRED.add(CORE_ENROL_GET_ENROLLED_USERS);
        REQUIRED.add(ENROL_MANUAL_ENROL_USERS);
        // pull: completions, grades and learning-plan ratings
        REQUIRED.add(CORE_COMPLETION_GET_COURSE_COMPLETION_STATUS);
        REQUIRED.add(CORE_COMPLETION_GET_ACTIVITIES_COMPLETION_STATUS);
        REQUIRED.add(GRADEREPORT_USER_GET_GRADE_ITEMS);
        REQUIRED.add(CORE_COMPETENCY_LIST_USER_PLANS);
        REQUIRED.add(CORE_COMPETENCY_LIST_PLAN_COMPETENCIES);
        REQUIRED.add(TOOL_LP_DATA_FOR_USER_COMPETENCY_SUMMARY);
        // publish: certified-cohort members out
        REQUIRED.add(CORE_COHORT_DELETE_COHORT_MEMBERS);

        OPTIONAL.put(TOOL_MOBILE_CALL_EXTERNAL_FUNCTIONS, "calls cannot be bundled: they go one per request");
        OPTIONAL.put(CORE_COURSE_DUPLICATE_COURSE, "unit courses cannot be copied from an administrator's template"
                + " course (the template course id): they are made empty");
    }

    private Doctor() {
    }

    /** The functions sync, pull and publish call, which the token's service must include, in Moodle's names, sorted. */
    public static List<String> required() {
        return REQUIRED.stream().map(MoodleFunction::wsName).sorted().toList();
    }

    /** Whether the connector cannot work without {@code f}. */
    public static boolean requires(MoodleFunction f) {
        return REQUIRED.contains(f);
    }

    /** The functions the connector uses when the service has them, each with what is lost without it, sorted. */
    public static Map<String, String> optional() {
        Map<String, String> out = new LinkedHashMap<>();
        OPTIONAL.entrySet().stream().sorted(Map.Entry.comparingByKey(java.util.Comparator.comparing(MoodleFunction::wsName)))
                .forEach(e -> out.put(e.getKey().wsName(), e.getValue()));
        return Collections.unmodifiableMap(out);
    }

    /** The report for the client's site. */
    public static DoctorReport check(MoodleClient client) {
        SiteInfo info = client.siteInfo();
        TreeSet<String> missing = new TreeSet<>(required());
        info.functions().forEach(f -> missing.remove(f.name()));
        Map<String, String> missingOptional = new LinkedHashMap<>(optional());
        info.functions().forEach(f -> missingOptional.remove(f.name()));
        List<String> problems = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        missing.forEach(f -> problems.add(MISSING_PREFIX + f));
        info.feature("enablecompletion").ifPresent(v -> {
            if (v != 1) {
                problems.add("completion tracking is disabled (enablecompletion=" + v + "): enable it in Site"
                        + " administration > Advanced features, or completions cannot be pulled");
            }
        });
        info.feature("enablecompetencies").ifPresent(v -> {
            if (v != 1) {
                problems.add("competencies are disabled (enablecompetencies=" + v + "): enable them in Site"
                        + " administration > Advanced features, or the framework cannot be pushed");
            }
        });
        info.feature("enablebadges").ifPresent(v -> {
            if (v != 1) {
                notes.add("badges are disabled (enablebadges=" + v + "): Moodle badges cannot follow certification");
            }
        });
        if (Boolean.TRUE.equals(info.userissiteadmin())) {
            notes.add("the token's user is a site administrator: a dedicated integration user with only the"
                    + " capabilities the connector needs is safer");
        }
        return new DoctorReport(info.sitename(), info.siteurl(), info.release(), info.version(), info.username(),
                info.fullname(), info.userid(), REQUIRED.size(), new ArrayList<>(missing), missingOptional,
                info.hasFunction(TOOL_MOBILE_CALL_EXTERNAL_FUNCTIONS.wsName()), problems, notes);
    }
}
