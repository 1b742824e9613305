package org.qipathways.moodle;

import static org.qipathways.moodle.CallFactory.args;
import static org.qipathways.moodle.CallFactory.batch;
import static org.qipathways.moodle.CallFactory.none;
import static org.qipathways.moodle.CallFactory.of;
import static org.qipathways.moodle.CallFactory.warnings;
import static org.qipathways.moodle.MoodleFunction.*;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;
import org.qipathways.moodle.internal.Json;
import org.qipathways.moodle.ws.ActivitiesCompletion;
import org.qipathways.moodle.ws.Category;
import org.qipathways.moodle.ws.CategoryUpdate;
import org.qipathways.moodle.ws.Cohort;
import org.qipathways.moodle.ws.CohortMember;
import org.qipathways.moodle.ws.CohortMembers;
import org.qipathways.moodle.ws.CohortUpdate;
import org.qipathways.moodle.ws.CompetencyUpdate;
import org.qipathways.moodle.ws.ContextRef;
import org.qipathways.moodle.ws.CourseCompetency;
import org.qipathways.moodle.ws.CourseCompletion;
import org.qipathways.moodle.ws.CourseField;
import org.qipathways.moodle.ws.CourseUpdate;
import org.qipathways.moodle.ws.Courses;
import org.qipathways.moodle.ws.CreatedCategory;
import org.qipathways.moodle.ws.CreatedCourse;
import org.qipathways.moodle.ws.CreatedUser;
import org.qipathways.moodle.ws.DuplicatedCourse;
import org.qipathways.moodle.ws.Criterion;
import org.qipathways.moodle.ws.EnrolledUser;
import org.qipathways.moodle.ws.Enrolment;
import org.qipathways.moodle.ws.Filter;
import org.qipathways.moodle.ws.Framework;
import org.qipathways.moodle.ws.FrameworkCompetency;
import org.qipathways.moodle.ws.FrameworkUpdate;
import org.qipathways.moodle.ws.GradeItems;
import org.qipathways.moodle.ws.Membership;
import org.qipathways.moodle.ws.MoodleWarning;
import org.qipathways.moodle.ws.NewCategory;
import org.qipathways.moodle.ws.NewCohort;
import org.qipathways.moodle.ws.NewCompetency;
import org.qipathways.moodle.ws.NewCourse;
import org.qipathways.moodle.ws.NewFramework;
import org.qipathways.moodle.ws.NewTemplate;
import org.qipathways.moodle.ws.NewUser;
import org.qipathways.moodle.ws.Option;
import org.qipathways.moodle.ws.Plan;
import org.qipathways.moodle.ws.PlanCompetency;
import org.qipathways.moodle.ws.PlanTemplate;
import org.qipathways.moodle.ws.ScaleValue;
import org.qipathways.moodle.ws.SiteInfo;
import org.qipathways.moodle.ws.TemplateUpdate;
import org.qipathways.moodle.ws.Unenrolment;
import org.qipathways.moodle.ws.UserCompetencySummary;
import org.qipathways.moodle.ws.User;
import org.qipathways.moodle.ws.UserField;
import org.qipathways.moodle.ws.UserUpdate;

/**
 * One typed call of a Moodle web-service function: its arguments, and how its reply is read.
 * {@link MoodleClient} has a method for each of these; build calls directly to run many at once
 * with {@link MoodleClient#callAll}, bundled into few requests where the site allows it.
 * <pre>{@code
 * List<MoodleCall<CourseCompletion>> calls = learners.stream()
 *         .map(id -> MoodleCall.courseCompletionStatus(courseId, id)).toList();
 * List<MoodleResult<CourseCompletion>> results = client.callAll(calls);
 * }</pre>
 *
 * <p>A call whose function takes an array (users, courses, enrolments...) is split over as many
 * requests as the site's limits need when run on its own, and its reply is checked to account for
 * every item sent.
 */
public final class MoodleCall<T> {

    /** How the replies of a call split over several requests are checked and joined. */
    enum Merge {
        /** One result per item sent, in order: the counts must match. */
        ONE_PER_ITEM,
        /** A list of results, not necessarily one per item (searches): joined. */
        LIST,
        /** {@code {warnings: [...]}} (or {@code null} on older sites): the warnings are joined. */
        WARNINGS,
        /** {@code null}. */
        NONE
    }

    /**
     * Where a call's array argument is, what its items are called in messages, how replies join,
     * which reply field must echo which item field ({@code echo}/{@code key}; a null key compares
     * the item itself), and whether an empty array is still a request ({@code sendEmpty}: it means
     * "all" to {@code core_cohort_get_cohorts}) or simply nothing to do.
     */
    record Split(String array, String noun, Merge merge, String echo, String key, boolean sendEmpty) {
        Split(String array, String noun, Merge merge, String echo, String key) {
            this(array, noun, merge, echo, key, false);
        }
    }

    private final MoodleFunction function;
    private final ObjectNode arguments;
    private final Split split;
    private final Function<JsonNode, T> decoder;
    /** Reads the reply's JSON text straight into the result, for calls that need no tree; null otherwise. */
    private final ObjectReader textReader;

    MoodleCall(MoodleFunction function, ObjectNode arguments, Split split, Function<JsonNode, T> decoder) {
        this(function, arguments, split, decoder, null);
    }

    MoodleCall(MoodleFunction function, ObjectNode arguments, Split split, Function<JsonNode, T> decoder,
            ObjectReader textReader) {
        this.function = function;
        this.arguments = arguments;
        this.split = split;
        this.decoder = decoder;
        this.textReader = textReader;
    }

    /** The function called. */
    public MoodleFunction function() {
        return function;
    }

    ObjectNode arguments() {
        return arguments;
    }

    Split split() {
        return split;
    }

    T decode(JsonNode reply) {
        return decoder.apply(reply);
    }

    /**
     * The result from the reply's JSON text. Bundled replies carry each result as text: reading it
     * straight into the result type, rather than into a tree first, halves the client's work on
     * large pulls. Throws {@link com.fasterxml.jackson.core.exc.StreamReadException} when the text
     * is not JSON, and {@link com.fasterxml.jackson.databind.DatabindException} or
     * {@link IllegalArgumentException} when it does not have the result's shape.
     */
    T decodeText(String json) throws IOException {
        // as UTF-8 bytes: Jackson's byte parser reads about twice as fast as its text parser, more than
        // paying for the copy
        return textReader != null ? textReader.readValue(json.getBytes(StandardCharsets.UTF_8))
                : decoder.apply(Json.MAPPER.readTree(json));
    }

    @Override
    public String toString() {
        if (split != null && arguments.path(split.array()).isArray()) {
            return function.wsName() + "(" + arguments.path(split.array()).size() + " " + split.noun() + ")";
        }
        return function.wsName() + "(" + String.join(", ", (Iterable<String>) arguments::fieldNames) + ")";
    }

    // ---- site ------------------------------------------------------------------------------------

    /** {@code core_webservice_get_site_info}: the site, the token's user and service. */
    public static MoodleCall<SiteInfo> siteInfo() {
        return of(CORE_WEBSERVICE_GET_SITE_INFO, args(), new TypeReference<SiteInfo>() { });
    }

    // ---- users -----------------------------------------------------------------------------------

    /** {@code core_user_create_users}: all or nothing per request; one result per user, in order. */
    public static MoodleCall<List<CreatedUser>> createUsers(List<NewUser> users) {
        return batch(CORE_USER_CREATE_USERS, args("users", users), new Split("users", "users", Merge.ONE_PER_ITEM,
                "username", "username"), new TypeReference<List<CreatedUser>>() { });
    }

    /** {@code core_user_update_users}: each user on its own; problems come back as warnings. */
    public static MoodleCall<List<MoodleWarning>> updateUsers(List<UserUpdate> users) {
        return warnings(CORE_USER_UPDATE_USERS, args("users", users), "users");
    }

    /**
     * {@code core_user_get_users_by_field}: users whose {@code field} is one of {@code values};
     * users not found, or whose field the token's user may not see, are simply absent.
     */
    public static MoodleCall<List<User>> getUsersByField(UserField field, List<String> values) {
        return batch(CORE_USER_GET_USERS_BY_FIELD, args("field", field.wsName(), "values", values),
                new Split("values", "values", Merge.LIST, null, null), new TypeReference<List<User>>() { });
    }

    // ---- categories and courses ------------------------------------------------------------------

    /** {@code core_course_create_categories}: all or nothing per request; one result per category. */
    public static MoodleCall<List<CreatedCategory>> createCategories(List<NewCategory> categories) {
        return batch(CORE_COURSE_CREATE_CATEGORIES, args("categories", categories),
                new Split("categories", "categories", Merge.ONE_PER_ITEM, null, null),
                new TypeReference<List<CreatedCategory>>() { });
    }

    /** {@code core_course_update_categories}: all or nothing per request. */
    public static MoodleCall<Void> updateCategories(List<CategoryUpdate> categories) {
        return none(CORE_COURSE_UPDATE_CATEGORIES, args("categories", categories), "categories");
    }

    /**
     * {@code core_course_get_categories}: categories matching every criterion (all visible ones
     * without criteria), with their sub-categories when {@code addSubcategories}.
     */
    public static MoodleCall<List<Category>> getCategories(List<Criterion> criteria, boolean addSubcategories) {
        return of(CORE_COURSE_GET_CATEGORIES, args("criteria", criteria, "addsubcategories", addSubcategories),
                new TypeReference<List<Category>>() { });
    }

    /** {@code core_course_create_courses}: all or nothing per request; one result per course, in order. */
    public static MoodleCall<List<CreatedCourse>> createCourses(List<NewCourse> courses) {
        return batch(CORE_COURSE_CREATE_COURSES, args("courses", courses), new Split("courses", "courses",
                Merge.ONE_PER_ITEM, "shortname", "shortname"), new TypeReference<List<CreatedCourse>>() { });
    }

    /** {@code core_course_update_courses}: each course on its own; problems come back as warnings. */
    public static MoodleCall<List<MoodleWarning>> updateCourses(List<CourseUpdate> courses) {
        return warnings(CORE_COURSE_UPDATE_COURSES, args("courses", courses), "courses");
    }

    /** {@code core_course_get_courses_by_field}: courses whose {@code field} equals {@code value}. */
    public static MoodleCall<Courses> getCoursesByField(CourseField field, String value) {
        return of(CORE_COURSE_GET_COURSES_BY_FIELD, args("field", field.wsName(), "value", value),
                new TypeReference<Courses>() { });
    }

    // ---- cohorts ---------------------------------------------------------------------------------

    /**
     * {@code core_course_duplicate_course}: a new course from a backup of {@code courseId} with its
     * activities and completion settings (Moodle's defaults: activities, blocks and filters, no users).
     * The copy has no idnumber: set it with {@link #updateCourses}.
     */
    public static MoodleCall<DuplicatedCourse> duplicateCourse(long courseId, String fullname, String shortname,
            long categoryId, Integer visible) {
        return of(CORE_COURSE_DUPLICATE_COURSE, args("courseid", courseId, "fullname", fullname, "shortname", shortname,
                "categoryid", categoryId, "visible", visible), new TypeReference<DuplicatedCourse>() { });
    }

    /** {@code core_cohort_create_cohorts}: all or nothing per request; one result per cohort, in order. */
    public static MoodleCall<List<Cohort>> createCohorts(List<NewCohort> cohorts) {
        return batch(CORE_COHORT_CREATE_COHORTS, args("cohorts", cohorts), new Split("cohorts", "cohorts",
                Merge.ONE_PER_ITEM, "idnumber", "idnumber"), new TypeReference<List<Cohort>>() { });
    }

    /** {@code core_cohort_update_cohorts}: all or nothing per request. */
    public static MoodleCall<Void> updateCohorts(List<CohortUpdate> cohorts) {
        return none(CORE_COHORT_UPDATE_COHORTS, args("cohorts", cohorts), "cohorts");
    }

    /** {@code core_cohort_get_cohorts}: the cohorts with these ids (unknown ids are skipped); all for an empty list. */
    public static MoodleCall<List<Cohort>> getCohorts(List<Long> cohortIds) {
        return batch(CORE_COHORT_GET_COHORTS, args("cohortids", cohortIds),
                new Split("cohortids", "cohort ids", Merge.LIST, null, null, true),
                new TypeReference<List<Cohort>>() { });
    }

    /**
     * {@code core_cohort_add_cohort_members}: warning code 1 for a bad type or context, 2 for an
     * unknown cohort or user, 3 for an existing member.
     */
    public static MoodleCall<List<MoodleWarning>> addCohortMembers(List<CohortMember> members) {
        return warnings(CORE_COHORT_ADD_COHORT_MEMBERS, args("members", members), "members");
    }

    /** {@code core_cohort_delete_cohort_members}: all or nothing per request; non-members are ignored. */
    public static MoodleCall<Void> deleteCohortMembers(List<Membership> members) {
        return none(CORE_COHORT_DELETE_COHORT_MEMBERS, args("members", members), "members");
    }

    /** {@code core_cohort_get_cohort_members}: one member list per cohort, in order. */
    public static MoodleCall<List<CohortMembers>> getCohortMembers(List<Long> cohortIds) {
        return batch(CORE_COHORT_GET_COHORT_MEMBERS, args("cohortids", cohortIds),
                new Split("cohortids", "cohort ids", Merge.ONE_PER_ITEM, "cohortid", null),
                new TypeReference<List<CohortMembers>>() { });
    }

    // ---- enrolments ------------------------------------------------------------------------------

    /** {@code enrol_manual_enrol_users}: all or nothing per request. */
    public static MoodleCall<Void> enrolUsers(List<Enrolment> enrolments) {
        return none(ENROL_MANUAL_ENROL_USERS, args("enrolments", enrolments), "enrolments");
    }

    /** {@code enrol_manual_unenrol_users}: all or nothing per request. */
    public static MoodleCall<Void> unenrolUsers(List<Unenrolment> enrolments) {
        return none(ENROL_MANUAL_UNENROL_USERS, args("enrolments", enrolments), "enrolments");
    }

    /** {@code core_enrol_get_enrolled_users}: one page of a course's participants ({@code limitfrom}/{@code limitnumber}). */
    public static MoodleCall<List<EnrolledUser>> getEnrolledUsers(long courseId, List<Option> options) {
        return of(CORE_ENROL_GET_ENROLLED_USERS, args("courseid", courseId, "options", options),
                new TypeReference<List<EnrolledUser>>() { });
    }

    // ---- competency frameworks and competencies --------------------------------------------------

    /** {@code core_competency_create_competency_framework}. */
    public static MoodleCall<Framework> createFramework(NewFramework framework) {
        return of(CORE_COMPETENCY_CREATE_COMPETENCY_FRAMEWORK, args("competencyframework", framework),
                new TypeReference<Framework>() { });
    }

    /** {@code core_competency_read_competency_framework}. */
    public static MoodleCall<Framework> readFramework(long id) {
        return of(CORE_COMPETENCY_READ_COMPETENCY_FRAMEWORK, args("id", id), new TypeReference<Framework>() { });
    }

    /** {@code core_competency_update_competency_framework}. */
    public static MoodleCall<Boolean> updateFramework(FrameworkUpdate update) {
        return of(CORE_COMPETENCY_UPDATE_COMPETENCY_FRAMEWORK, args("competencyframework", update),
                new TypeReference<Boolean>() { });
    }

    /**
     * {@code core_competency_list_competency_frameworks} in {@code context} and, with
     * {@code includes} "children", below it ("parents" and "self" are the other choices).
     */
    public static MoodleCall<List<Framework>> listFrameworks(ContextRef context, String includes, boolean onlyVisible) {
        return of(CORE_COMPETENCY_LIST_COMPETENCY_FRAMEWORKS, args("context", context, "includes", includes,
                "onlyvisible", onlyVisible), new TypeReference<List<Framework>>() { });
    }

    /** {@code core_competency_get_scale_values}: a scale's items, 1-based. */
    public static MoodleCall<List<ScaleValue>> getScaleValues(long scaleId) {
        return of(CORE_COMPETENCY_GET_SCALE_VALUES, args("scaleid", scaleId), new TypeReference<List<ScaleValue>>() { });
    }

    /** {@code core_competency_create_competency}. */
    public static MoodleCall<FrameworkCompetency> createCompetency(NewCompetency competency) {
        return of(CORE_COMPETENCY_CREATE_COMPETENCY, args("competency", competency),
                new TypeReference<FrameworkCompetency>() { });
    }

    /** {@code core_competency_read_competency}. */
    public static MoodleCall<FrameworkCompetency> readCompetency(long id) {
        return of(CORE_COMPETENCY_READ_COMPETENCY, args("id", id), new TypeReference<FrameworkCompetency>() { });
    }

    /** {@code core_competency_update_competency}. */
    public static MoodleCall<Boolean> updateCompetency(CompetencyUpdate update) {
        return of(CORE_COMPETENCY_UPDATE_COMPETENCY, args("competency", update), new TypeReference<Boolean>() { });
    }

    /**
     * {@code core_competency_list_competencies} matching every filter; Moodle requires at least
     * one, so give the framework.
     */
    public static MoodleCall<List<FrameworkCompetency>> listCompetencies(List<Filter> filters) {
        if (filters.isEmpty()) {
            throw new IllegalArgumentException("Moodle cannot receive an empty filter list: filter by competencyframeworkid");
        }
        return of(CORE_COMPETENCY_LIST_COMPETENCIES, args("filters", filters),
                new TypeReference<List<FrameworkCompetency>>() { });
    }

    /** {@code core_competency_set_parent_competency}; 0 for the top level. Fails if it is the current parent. */
    public static MoodleCall<Boolean> setParentCompetency(long competencyId, long parentId) {
        return of(CORE_COMPETENCY_SET_PARENT_COMPETENCY, args("competencyid", competencyId, "parentid", parentId),
                new TypeReference<Boolean>() { });
    }

    // ---- course competencies ---------------------------------------------------------------------

    /** {@code core_competency_add_competency_to_course}: false when already linked. */
    public static MoodleCall<Boolean> addCompetencyToCourse(long courseId, long competencyId) {
        return of(CORE_COMPETENCY_ADD_COMPETENCY_TO_COURSE, args("courseid", courseId, "competencyid", competencyId),
                new TypeReference<Boolean>() { });
    }

    /** {@code core_competency_remove_competency_from_course}. */
    public static MoodleCall<Boolean> removeCompetencyFromCourse(long courseId, long competencyId) {
        return of(CORE_COMPETENCY_REMOVE_COMPETENCY_FROM_COURSE, args("courseid", courseId, "competencyid",
                competencyId), new TypeReference<Boolean>() { });
    }

    /** {@code core_competency_list_course_competencies}. */
    public static MoodleCall<List<CourseCompetency>> listCourseCompetencies(long courseId) {
        return of(CORE_COMPETENCY_LIST_COURSE_COMPETENCIES, args("id", courseId),
                new TypeReference<List<CourseCompetency>>() { });
    }

    /** {@code core_competency_set_course_competency_ruleoutcome}: 0 none, 1 evidence, 2 recommend, 3 complete. */
    public static MoodleCall<Boolean> setCourseCompetencyRuleOutcome(long courseCompetencyId, int ruleOutcome) {
        return of(CORE_COMPETENCY_SET_COURSE_COMPETENCY_RULEOUTCOME, args("coursecompetencyid", courseCompetencyId,
                "ruleoutcome", ruleOutcome), new TypeReference<Boolean>() { });
    }

    /** {@code core_competency_update_course_competency_settings}: whether course ratings reach learning plans. */
    public static MoodleCall<Boolean> updateCourseCompetencySettings(long courseId, boolean pushRatingsToUserPlans) {
        ObjectNode settings = Json.MAPPER.createObjectNode().put("pushratingstouserplans", pushRatingsToUserPlans);
        return of(CORE_COMPETENCY_UPDATE_COURSE_COMPETENCY_SETTINGS, args("courseid", courseId, "settings", settings),
                new TypeReference<Boolean>() { });
    }

    // ---- learning-plan templates and plans -------------------------------------------------------

    /** {@code core_competency_create_template}. */
    public static MoodleCall<PlanTemplate> createTemplate(NewTemplate template) {
        return of(CORE_COMPETENCY_CREATE_TEMPLATE, args("template", template), new TypeReference<PlanTemplate>() { });
    }

    /** {@code core_competency_read_template}. */
    public static MoodleCall<PlanTemplate> readTemplate(long id) {
        return of(CORE_COMPETENCY_READ_TEMPLATE, args("id", id), new TypeReference<PlanTemplate>() { });
    }

    /** {@code core_competency_update_template}. */
    public static MoodleCall<Boolean> updateTemplate(TemplateUpdate update) {
        return of(CORE_COMPETENCY_UPDATE_TEMPLATE, args("template", update), new TypeReference<Boolean>() { });
    }

    /** {@code core_competency_list_templates} in {@code context} ({@code includes}: children, parents or self). */
    public static MoodleCall<List<PlanTemplate>> listTemplates(ContextRef context, String includes, boolean onlyVisible) {
        return of(CORE_COMPETENCY_LIST_TEMPLATES, args("context", context, "includes", includes, "onlyvisible",
                onlyVisible), new TypeReference<List<PlanTemplate>>() { });
    }

    /** {@code core_competency_add_competency_to_template}. */
    public static MoodleCall<Boolean> addCompetencyToTemplate(long templateId, long competencyId) {
        return of(CORE_COMPETENCY_ADD_COMPETENCY_TO_TEMPLATE, args("templateid", templateId, "competencyid",
                competencyId), new TypeReference<Boolean>() { });
    }

    /** {@code core_competency_remove_competency_from_template}. */
    public static MoodleCall<Boolean> removeCompetencyFromTemplate(long templateId, long competencyId) {
        return of(CORE_COMPETENCY_REMOVE_COMPETENCY_FROM_TEMPLATE, args("templateid", templateId, "competencyid",
                competencyId), new TypeReference<Boolean>() { });
    }

    /** {@code core_competency_list_competencies_in_template}. */
    public static MoodleCall<List<FrameworkCompetency>> listCompetenciesInTemplate(long templateId) {
        return of(CORE_COMPETENCY_LIST_COMPETENCIES_IN_TEMPLATE, args("id", templateId),
                new TypeReference<List<FrameworkCompetency>>() { });
    }

    /** {@code core_competency_list_user_plans}. */
    public static MoodleCall<List<Plan>> listUserPlans(long userId) {
        return of(CORE_COMPETENCY_LIST_USER_PLANS, args("userid", userId), new TypeReference<List<Plan>>() { });
    }

    /** {@code core_competency_list_plan_competencies}: a plan's competencies with the user's ratings. */
    public static MoodleCall<List<PlanCompetency>> listPlanCompetencies(long planId) {
        return of(CORE_COMPETENCY_LIST_PLAN_COMPETENCIES, args("id", planId),
                new TypeReference<List<PlanCompetency>>() { });
    }

    /**
     * {@code tool_lp_data_for_user_competency_summary}: a user's live rating of a competency with
     * every piece of evidence behind it, newest first.
     */
    public static MoodleCall<UserCompetencySummary> userCompetencySummary(long userId, long competencyId) {
        return of(TOOL_LP_DATA_FOR_USER_COMPETENCY_SUMMARY, args("userid", userId, "competencyid", competencyId),
                new TypeReference<UserCompetencySummary>() { });
    }

    // ---- completion and grades -------------------------------------------------------------------

    /** {@code core_completion_get_course_completion_status}: one user in one course. */
    public static MoodleCall<CourseCompletion> courseCompletionStatus(long courseId, long userId) {
        return of(CORE_COMPLETION_GET_COURSE_COMPLETION_STATUS, args("courseid", courseId, "userid", userId),
                new TypeReference<CourseCompletion>() { });
    }

    /** {@code core_completion_get_activities_completion_status}: one user in one course. */
    public static MoodleCall<ActivitiesCompletion> activitiesCompletionStatus(long courseId, long userId) {
        return of(CORE_COMPLETION_GET_ACTIVITIES_COMPLETION_STATUS, args("courseid", courseId, "userid", userId),
                new TypeReference<ActivitiesCompletion>() { });
    }

    /** {@code gradereport_user_get_grade_items}: one user's grades, or every gradable user's for {@code userId} 0. */
    public static MoodleCall<GradeItems> gradeItems(long courseId, long userId) {
        return of(GRADEREPORT_USER_GET_GRADE_ITEMS, args("courseid", courseId, "userid", userId),
                new TypeReference<GradeItems>() { });
    }
}
