package org.qipathways.moodle;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.qipathways.moodle.internal.Replies;
import org.qipathways.moodle.internal.Transport;
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
import org.qipathways.moodle.ws.User;
import org.qipathways.moodle.ws.UserField;
import org.qipathways.moodle.ws.UserUpdate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A client for one Moodle site's REST web services, with a typed method for every function the
 * connector uses. Thread-safe; close it to release connections and threads.
 * <pre>{@code
 * try (MoodleClient moodle = MoodleClient.create(MoodleConfig.of(site, MoodleToken.of(secret)))) {
 *     SiteInfo info = moodle.siteInfo();
 *     List<CreatedUser> created = moodle.createUsers(List.of(NewUser.of("jdoe", "Jane", "Doe", "jane.doe@nhs.net")));
 * }
 * }</pre>
 *
 * <p>What it takes care of:
 * <ul>
 * <li>Calls that take arrays are split so that no request exceeds the site's {@code max_input_vars},
 *     the size limit or the batch size; results come back joined, in order, and each reply must
 *     account for every item sent ({@link IncompleteReplyException} otherwise).</li>
 * <li>Moodle's error replies (HTTP 200 with {@code exception}, {@code errorcode}, {@code message})
 *     become {@link MoodleErrorException}s keeping the code; HTML pages, PHP notices and cut-off
 *     JSON become {@link MoodleReplyException}s that say so.</li>
 * <li>Timeouts, at most {@link MoodleConfig#maxConcurrentRequests()} requests in flight, an optional
 *     rate limit, and retries with backoff and jitter where a repeat cannot duplicate anything
 *     (see {@link MoodleFunction.Kind}).</li>
 * <li>{@link #callAll} bundles calls through {@code tool_mobile_call_external_functions} when the
 *     token's service has it, and makes them one by one when it does not.</li>
 * <li>The token goes in request bodies only and never appears in logs, messages or strings.</li>
 * </ul>
 */
public final class MoodleClient implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MoodleClient.class);
    private static final String BUNDLE = MoodleFunction.TOOL_MOBILE_CALL_EXTERNAL_FUNCTIONS.wsName();
    private static final AtomicInteger CLIENTS = new AtomicInteger();

    private final MoodleConfig config;
    private final Transport transport;
    private final CallExchange exchange;
    private final ManyCalls many;
    private final ExecutorService pool;
    private volatile Boolean bundlingAvailable;
    private final java.util.concurrent.atomic.AtomicLong callsMade = new java.util.concurrent.atomic.AtomicLong();

    private MoodleClient(MoodleConfig config, Transport transport) {
        this.config = config;
        this.transport = transport;
        this.exchange = new CallExchange(config, transport, new Replies(config.token(), config.acceptOutputAroundJson()));
        int client = CLIENTS.incrementAndGet();
        AtomicInteger thread = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(config.maxConcurrentRequests(), r -> {
            Thread t = new Thread(r, "moodle-client-" + client + "-" + thread.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.many = new ManyCalls(config, exchange, pool);
    }

    /** A client for the site and token in {@code config}. */
    public static MoodleClient create(MoodleConfig config) {
        return new MoodleClient(Objects.requireNonNull(config, "config"), new Transport(config));
    }

    /** A client over a given transport: tests use one with a fake clock. */
    static MoodleClient create(MoodleConfig config, Transport transport) {
        return new MoodleClient(config, transport);
    }

    /** The configuration this client works with. */
    public MoodleConfig config() {
        return config;
    }

    /**
     * Makes one call: in one request, or, for a function that takes an array, in as many as the
     * site's limits need. A failure in a later request leaves the earlier ones applied; the
     * exception's {@link MoodleException#itemsApplied()} says how many items they held.
     */
    public <T> T call(MoodleCall<T> call) {
        callsMade.incrementAndGet();
        return exchange.call(call);
    }

    /**
     * Makes several calls and returns each one's outcome, in the order of the calls; one failing
     * does not stop the others. When the token's service includes
     * {@code tool_mobile_call_external_functions}, calls travel bundled, many per request (Moodle
     * stops a bundle at its first failure; the calls after it are sent again), and bundles travel
     * up to {@link MoodleConfig#maxConcurrentRequests()} at a time. Otherwise calls are made one by
     * one, as many at a time. Either way calls may run in any order: use {@link #callAllInOrder}
     * where the order matters. Calls with arrays are not split inside bundles. When a bundled
     * request fails as a whole (the site unreachable, say), every call it carried, and every call
     * not yet sent, gets that failure.
     */
    public <T> List<MoodleResult<T>> callAll(List<? extends MoodleCall<? extends T>> calls) {
        return callAll(calls, false);
    }

    private <T> List<MoodleResult<T>> callAll(List<? extends MoodleCall<? extends T>> calls, boolean inOrder) {
        if (calls.isEmpty()) {
            return List.of();
        }
        callsMade.addAndGet(calls.size());
        if (config.bundling() && bundlingAvailable()) {
            try {
                return many.bundled(calls, inOrder);
            } catch (MoodleAccessException e) {
                // the service has the function listed but may not use it (e.g. a restricted service)
                LOG.warn("{} is refused ({}); making calls one by one", BUNDLE, e.errorcode());
                bundlingAvailable = false;
            }
        }
        return inOrder ? many.oneAfterAnother(calls) : many.oneByOne(calls);
    }

    /** How many HTTP requests this client has sent so far, retries included: a measure of a sync's cost. */
    public int requestCount() {
        return transport.requestCount();
    }

    /** How many web-service calls this client has been asked to make so far (bundled or not). */
    public long callCount() {
        return callsMade.get();
    }

    /** How many bytes of replies this client has received so far (after decompression). */
    public long bytesReceived() {
        return transport.bytesReceived();
    }

    /**
     * Like {@link #callAll}, but the calls run one after another in the order given (bundles one at
     * a time, or calls one at a time), so writes whose order Moodle records (the sort order of new
     * competencies and links, the sequence of new ids) land in that order.
     */
    public <T> List<MoodleResult<T>> callAllInOrder(List<? extends MoodleCall<? extends T>> calls) {
        return callAll(calls, true);
    }

    /** See {@link MoodleCall#duplicateCourse}. */
    public DuplicatedCourse duplicateCourse(long courseId, String fullname, String shortname, long categoryId,
            Integer visible) {
        return call(MoodleCall.duplicateCourse(courseId, fullname, shortname, categoryId, visible));
    }

    /** {@code core_webservice_get_site_info}; also tells the client whether bundling is available. */
    public SiteInfo siteInfo() {
        SiteInfo info = call(MoodleCall.siteInfo());
        bundlingAvailable = info.hasFunction(BUNDLE);
        return info;
    }

    @Override
    public void close() {
        pool.shutdownNow();
        transport.close();
    }

    @Override
    public String toString() {
        return "MoodleClient[" + config.site() + "]";
    }

    // ---- typed calls: see MoodleCall for each function's notes ---------------------------------

    public List<CreatedUser> createUsers(List<NewUser> users) {
        return call(MoodleCall.createUsers(users));
    }

    public List<MoodleWarning> updateUsers(List<UserUpdate> users) {
        return call(MoodleCall.updateUsers(users));
    }

    public List<User> getUsersByField(UserField field, List<String> values) {
        return call(MoodleCall.getUsersByField(field, values));
    }

    public List<CreatedCategory> createCategories(List<NewCategory> categories) {
        return call(MoodleCall.createCategories(categories));
    }

    public void updateCategories(List<CategoryUpdate> categories) {
        call(MoodleCall.updateCategories(categories));
    }

    public List<Category> getCategories(List<Criterion> criteria, boolean addSubcategories) {
        return call(MoodleCall.getCategories(criteria, addSubcategories));
    }

    public List<CreatedCourse> createCourses(List<NewCourse> courses) {
        return call(MoodleCall.createCourses(courses));
    }

    public List<MoodleWarning> updateCourses(List<CourseUpdate> courses) {
        return call(MoodleCall.updateCourses(courses));
    }

    public Courses getCoursesByField(CourseField field, String value) {
        return call(MoodleCall.getCoursesByField(field, value));
    }

    public List<Cohort> createCohorts(List<NewCohort> cohorts) {
        return call(MoodleCall.createCohorts(cohorts));
    }

    public void updateCohorts(List<CohortUpdate> cohorts) {
        call(MoodleCall.updateCohorts(cohorts));
    }

    public List<Cohort> getCohorts(List<Long> cohortIds) {
        return call(MoodleCall.getCohorts(cohortIds));
    }

    public List<MoodleWarning> addCohortMembers(List<CohortMember> members) {
        return call(MoodleCall.addCohortMembers(members));
    }

    public void deleteCohortMembers(List<Membership> members) {
        call(MoodleCall.deleteCohortMembers(members));
    }

    public List<CohortMembers> getCohortMembers(List<Long> cohortIds) {
        return call(MoodleCall.getCohortMembers(cohortIds));
    }

    public void enrolUsers(List<Enrolment> enrolments) {
        call(MoodleCall.enrolUsers(enrolments));
    }

    public void unenrolUsers(List<Unenrolment> enrolments) {
        call(MoodleCall.unenrolUsers(enrolments));
    }

    public List<EnrolledUser> getEnrolledUsers(long courseId, List<Option> options) {
        return call(MoodleCall.getEnrolledUsers(courseId, options));
    }

    public Framework createFramework(NewFramework framework) {
        return call(MoodleCall.createFramework(framework));
    }

    public Framework readFramework(long id) {
        return call(MoodleCall.readFramework(id));
    }

    public boolean updateFramework(FrameworkUpdate update) {
        return call(MoodleCall.updateFramework(update));
    }

    public List<Framework> listFrameworks(ContextRef context, String includes, boolean onlyVisible) {
        return call(MoodleCall.listFrameworks(context, includes, onlyVisible));
    }

    public List<ScaleValue> getScaleValues(long scaleId) {
        return call(MoodleCall.getScaleValues(scaleId));
    }

    public FrameworkCompetency createCompetency(NewCompetency competency) {
        return call(MoodleCall.createCompetency(competency));
    }

    public FrameworkCompetency readCompetency(long id) {
        return call(MoodleCall.readCompetency(id));
    }

    public boolean updateCompetency(CompetencyUpdate update) {
        return call(MoodleCall.updateCompetency(update));
    }

    public List<FrameworkCompetency> listCompetencies(List<Filter> filters) {
        return call(MoodleCall.listCompetencies(filters));
    }

    public boolean setParentCompetency(long competencyId, long parentId) {
        return call(MoodleCall.setParentCompetency(competencyId, parentId));
    }

    public boolean addCompetencyToCourse(long courseId, long competencyId) {
        return call(MoodleCall.addCompetencyToCourse(courseId, competencyId));
    }

    public boolean removeCompetencyFromCourse(long courseId, long competencyId) {
        return call(MoodleCall.removeCompetencyFromCourse(courseId, competencyId));
    }

    public List<CourseCompetency> listCourseCompetencies(long courseId) {
        return call(MoodleCall.listCourseCompetencies(courseId));
    }

    public boolean setCourseCompetencyRuleOutcome(long courseCompetencyId, int ruleOutcome) {
        return call(MoodleCall.setCourseCompetencyRuleOutcome(courseCompetencyId, ruleOutcome));
    }

    public boolean updateCourseCompetencySettings(long courseId, boolean pushRatingsToUserPlans) {
        return call(MoodleCall.updateCourseCompetencySettings(courseId, pushRatingsToUserPlans));
    }

    public PlanTemplate createTemplate(NewTemplate template) {
        return call(MoodleCall.createTemplate(template));
    }

    public PlanTemplate readTemplate(long id) {
        return call(MoodleCall.readTemplate(id));
    }

    public boolean updateTemplate(TemplateUpdate update) {
        return call(MoodleCall.updateTemplate(update));
    }

    public List<PlanTemplate> listTemplates(ContextRef context, String includes, boolean onlyVisible) {
        return call(MoodleCall.listTemplates(context, includes, onlyVisible));
    }

    public boolean addCompetencyToTemplate(long templateId, long competencyId) {
        return call(MoodleCall.addCompetencyToTemplate(templateId, competencyId));
    }

    public boolean removeCompetencyFromTemplate(long templateId, long competencyId) {
        return call(MoodleCall.removeCompetencyFromTemplate(templateId, competencyId));
    }

    public List<FrameworkCompetency> listCompetenciesInTemplate(long templateId) {
        return call(MoodleCall.listCompetenciesInTemplate(templateId));
    }

    public List<Plan> listUserPlans(long userId) {
        return call(MoodleCall.listUserPlans(userId));
    }

    public List<PlanCompetency> listPlanCompetencies(long planId) {
        return call(MoodleCall.listPlanCompetencies(planId));
    }

    public CourseCompletion getCourseCompletionStatus(long courseId, long userId) {
        return call(MoodleCall.courseCompletionStatus(courseId, userId));
    }

    public ActivitiesCompletion getActivitiesCompletionStatus(long courseId, long userId) {
        return call(MoodleCall.activitiesCompletionStatus(courseId, userId));
    }

    public GradeItems getGradeItems(long courseId, long userId) {
        return call(MoodleCall.gradeItems(courseId, userId));
    }

    // ---- several calls ---------------------------------------------------------------------------

    private boolean bundlingAvailable() {
        Boolean known = bundlingAvailable;
        if (known == null) {
            siteInfo();
            known = bundlingAvailable;
            LOG.debug("{} is {} in the token's service", BUNDLE, known ? "available" : "not available");
        }
        return known;
    }
}
