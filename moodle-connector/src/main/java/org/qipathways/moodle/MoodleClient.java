package org.qipathways.moodle;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.qipathways.moodle.internal.Batches;
import org.qipathways.moodle.internal.Form;
import org.qipathways.moodle.internal.Json;
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
    private final Replies replies;
    private final ExecutorService pool;
    private volatile Boolean bundlingAvailable;

    private MoodleClient(MoodleConfig config, Transport transport) {
        this.config = config;
        this.transport = transport;
        this.replies = new Replies(config.token(), config.acceptOutputAroundJson());
        int client = CLIENTS.incrementAndGet();
        AtomicInteger thread = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(config.maxConcurrentRequests(), r -> {
            Thread t = new Thread(r, "moodle-client-" + client + "-" + thread.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
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
        MoodleCall.Split split = call.split();
        JsonNode items = split == null ? null : call.arguments().get(split.array());
        if (items == null || !items.isArray()) {
            return decode(call, request(call.function(), call.function().kind().repeatable(), call.arguments()), null);
        }
        if (items.isEmpty()) {
            return split.sendEmpty()
                    ? decode(call, request(call.function(), call.function().kind().repeatable(), call.arguments()), items)
                    : call.decode(emptyReply(split.merge()));
        }
        ObjectNode fixed = Json.MAPPER.createObjectNode();
        call.arguments().fields().forEachRemaining(e -> {
            if (!e.getKey().equals(split.array())) {
                fixed.set(e.getKey(), e.getValue().deepCopy());
            }
        });
        List<Batches.Range> ranges = Batches.split(split.array(), items, limits(call.function(), fixed));
        if (ranges.size() > 1) {
            LOG.debug("{}: {} {} in {} requests", call.function(), items.size(), split.noun(), ranges.size());
        }
        JsonNode joined = null;
        for (Batches.Range r : ranges) {
            ArrayNode part = Json.MAPPER.createArrayNode();
            for (int i = r.from(); i < r.to(); i++) {
                part.add(items.get(i));
            }
            // the fixed arguments only: copying the whole array for each request made large calls quadratic
            ObjectNode args = fixed.deepCopy();
            args.set(split.array(), part);
            try {
                JsonNode reply = request(call.function(), call.function().kind().repeatable(), args);
                account(call, part, reply);
                joined = join(split.merge(), joined, reply);
            } catch (MoodleException e) {
                e.itemsApplied(r.from());
                throw e;
            }
        }
        return decodeJoined(call, joined);
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
        if (config.bundling() && bundlingAvailable()) {
            try {
                return bundled(calls, inOrder);
            } catch (MoodleAccessException e) {
                // the service has the function listed but may not use it (e.g. a restricted service)
                LOG.warn("{} is refused ({}); making calls one by one", BUNDLE, e.errorcode());
                bundlingAvailable = false;
            }
        }
        return inOrder ? oneAfterAnother(calls) : oneByOne(calls);
    }

    /** How many HTTP requests this client has sent so far, retries included: a measure of a sync's cost. */
    public int requestCount() {
        return transport.requestCount();
    }

    /**
     * Like {@link #callAll}, but the calls run one after another in the order given (bundles one at
     * a time, or calls one at a time), so writes whose order Moodle records (the sort order of new
     * competencies and links, the sequence of new ids) land in that order.
     */
    public <T> List<MoodleResult<T>> callAllInOrder(List<? extends MoodleCall<? extends T>> calls) {
        return callAll(calls, true);
    }

    private <T> List<MoodleResult<T>> oneAfterAnother(List<? extends MoodleCall<? extends T>> calls) {
        List<MoodleResult<T>> results = new ArrayList<>(calls.size());
        for (MoodleCall<? extends T> c : calls) {
            try {
                results.add(MoodleResult.success(call(c)));
            } catch (MoodleException e) {
                results.add(MoodleResult.failure(e));
            }
        }
        return results;
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

    // ---- requests --------------------------------------------------------------------------------

    private JsonNode request(MoodleFunction function, boolean repeatable, ObjectNode args) {
        byte[] body = transport.post(function.wsName(), repeatable, Form.flatten(args));
        return replies.read(function.wsName(), body);
    }

    /** What is left for an array once the request's own and the fixed arguments' variables are counted. */
    private Batches.Limits limits(MoodleFunction function, ObjectNode fixed) {
        List<Form.Param> own = new ArrayList<>(Form.flatten(fixed));
        own.add(new Form.Param("wstoken", config.token().reveal()));
        own.add(new Form.Param("wsfunction", function.wsName()));
        own.add(new Form.Param("moodlewsrestformat", "json"));
        long ownBytes = Form.encode(own).length() + 1;
        return new Batches.Limits(config.maxInputVars() - own.size(), config.maxRequestBytes() - ownBytes,
                config.maxBatchSize());
    }

    // ---- replies ---------------------------------------------------------------------------------

    /** Checks that a reply accounts for every item sent, where the function answers one result per item. */
    private void account(MoodleCall<?> call, JsonNode sent, JsonNode reply) {
        MoodleCall.Split split = call.split();
        if (split.merge() != MoodleCall.Merge.ONE_PER_ITEM) {
            return;
        }
        String f = call.function().wsName();
        if (!reply.isArray()) {
            throw new MoodleReplyException(f, f + ": expected a list with one result per item sent, got "
                    + reply.getNodeType(), null);
        }
        int matched = 0;
        while (matched < Math.min(sent.size(), reply.size()) && echoes(split, sent.get(matched), reply.get(matched))) {
            matched++;
        }
        if (matched == sent.size() && reply.size() == sent.size()) {
            return;
        }
        String what = reply.size() == sent.size()
                ? "the reply's result " + (matched + 1) + " is for another item than the one sent"
                : "the reply accounts for " + reply.size();
        throw new IncompleteReplyException(f, f + ": sent " + sent.size() + " " + split.noun() + " in one request but "
                + what + ". PHP probably dropped form variables past the site's max_input_vars (this client assumes "
                + config.maxInputVars() + "; the site's may be lower), which Moodle cannot notice. Some items may have"
                + " been applied: read back what exists before sending again, and lower maxInputVars", sent.size(), matched);
    }

    private static boolean echoes(MoodleCall.Split split, JsonNode sentItem, JsonNode result) {
        if (split.echo() == null) {
            return true;
        }
        JsonNode expected = split.key() == null ? sentItem : sentItem.get(split.key());
        JsonNode actual = result.get(split.echo());
        return expected != null && actual != null && expected.asText().equals(actual.asText());
    }

    private static JsonNode emptyReply(MoodleCall.Merge merge) {
        switch (merge) {
            case ONE_PER_ITEM:
            case LIST:
                return Json.MAPPER.createArrayNode();
            case WARNINGS:
                return Json.MAPPER.createObjectNode().set("warnings", Json.MAPPER.createArrayNode());
            default:
                return NullNode.getInstance();
        }
    }

    private static JsonNode join(MoodleCall.Merge merge, JsonNode joined, JsonNode reply) {
        if (joined == null) {
            return reply;
        }
        switch (merge) {
            case ONE_PER_ITEM:
            case LIST:
                ((ArrayNode) joined).addAll((ArrayNode) reply);
                return joined;
            case WARNINGS:
                JsonNode more = reply.path("warnings");
                if (more.isArray()) {
                    if (!joined.path("warnings").isArray()) {
                        joined = Json.MAPPER.createObjectNode().set("warnings", Json.MAPPER.createArrayNode());
                    }
                    ((ArrayNode) joined.get("warnings")).addAll((ArrayNode) more);
                }
                return joined;
            default:
                return joined;
        }
    }

    private <T> T decodeJoined(MoodleCall<T> call, JsonNode joined) {
        try {
            return call.decode(joined);
        } catch (IllegalArgumentException e) {
            throw shapeProblem(call, e);
        }
    }

    private <T> T decode(MoodleCall<T> call, JsonNode reply, JsonNode sent) {
        if (sent != null && sent.size() > 0) {
            account(call, sent, reply);
        }
        return decodeJoined(call, reply);
    }

    private MoodleReplyException shapeProblem(MoodleCall<?> call, IllegalArgumentException e) {
        String detail = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("");
        return replies.problem(call.function().wsName(), "the reply does not have the shape of the function's result ("
                + detail + "): is the site's Moodle release one the connector supports?", e);
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

    private <T> List<MoodleResult<T>> oneByOne(List<? extends MoodleCall<? extends T>> calls) {
        List<Future<MoodleResult<T>>> futures = new ArrayList<>();
        for (MoodleCall<? extends T> c : calls) {
            futures.add(pool.submit(() -> {
                try {
                    return MoodleResult.<T>success(call(c));
                } catch (MoodleException e) {
                    return MoodleResult.<T>failure(e);
                }
            }));
        }
        List<MoodleResult<T>> results = new ArrayList<>();
        for (Future<MoodleResult<T>> f : futures) {
            try {
                results.add(f.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                futures.forEach(x -> x.cancel(true));
                throw new MoodleTransportException(null, "interrupted while waiting for Moodle calls", e, null, 0);
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof RuntimeException re) {
                    throw re;
                }
                throw new IllegalStateException(cause);
            }
        }
        return results;
    }

    /**
     * Bundles the calls. The first bundle goes alone, so that a service which lists the bundling
     * function but refuses it is found out before anything else is sent; the rest go up to
     * {@link MoodleConfig#maxConcurrentRequests()} at a time unless {@code inOrder}, so the client
     * reads one bundle's reply while the site works on the next.
     */
    private <T> List<MoodleResult<T>> bundled(List<? extends MoodleCall<? extends T>> calls, boolean inOrder) {
        Bundling<T> b = new Bundling<>(calls);
        int end = bundleEnd(b, 0);
        int answered;
        try {
            answered = send(b, 0, end);
        } catch (MoodleAccessException e) {
            throw e;   // the service refuses bundling: callAll makes the calls one by one
        } catch (MoodleException e) {
            return b.failFrom(0, e);
        }
        if (inOrder || config.maxConcurrentRequests() == 1) {
            // as Moodle runs a bundle: after a failure, the calls it did not run lead the next bundle
            int next = answered;
            while (next < calls.size()) {
                int to = bundleEnd(b, next);
                try {
                    next += send(b, next, to);
                } catch (MoodleException e) {
                    return b.failFrom(next, e);
                }
            }
            return b.results();
        }
        List<Future<?>> sent = new ArrayList<>();
        int rest = answered;
        sent.add(pool.submit(() -> finish(b, rest, end)));
        for (int from = end; from < calls.size(); ) {
            int to = bundleEnd(b, from);
            int f = from;
            sent.add(pool.submit(() -> finish(b, f, to)));
            from = to;
        }
        for (Future<?> f : sent) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                sent.forEach(x -> x.cancel(true));
                throw new MoodleTransportException(null, "interrupted while waiting for Moodle calls", e, null, 0);
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                throw cause instanceof RuntimeException re ? re : new IllegalStateException(cause);
            }
        }
        return b.results();
    }

    /**
     * Sends {@code [from, to)} until every call is answered: after a failure inside the bundle, the
     * calls Moodle did not run go again. Once any bundle fails as a whole (the site unreachable,
     * say), bundles not yet sent are not sent: their calls get that failure.
     */
    private <T> void finish(Bundling<T> b, int from, int to) {
        int next = from;
        while (next < to) {
            MoodleException abandoned = b.abandoned;
            if (abandoned != null) {
                b.fail(next, to, abandoned);
                return;
            }
            try {
                next += send(b, next, to);
            } catch (MoodleException e) {
                b.abandoned = e;
                b.fail(next, to, e);
                return;
            }
        }
    }

    /**
     * The calls being bundled, their arguments as JSON (written once), and their results so far.
     * Arguments are written by the thread that cuts the bundles ({@link #bundleEnd}) before a
     * bundle is handed to the pool, and only read there afterwards; results are set from the pool.
     */
    private static final class Bundling<T> {
        final List<? extends MoodleCall<? extends T>> calls;
        final String[] arguments;
        final AtomicReferenceArray<MoodleResult<T>> results;
        volatile MoodleException abandoned;

        Bundling(List<? extends MoodleCall<? extends T>> calls) {
            this.calls = calls;
            this.arguments = new String[calls.size()];
            this.results = new AtomicReferenceArray<>(calls.size());
        }

        String arguments(int i) {
            if (arguments[i] == null) {
                arguments[i] = json(calls.get(i).arguments());
            }
            return arguments[i];
        }

        void fail(int from, int to, MoodleException e) {
            for (int i = from; i < to; i++) {
                results.set(i, MoodleResult.failure(e));
            }
        }

        List<MoodleResult<T>> failFrom(int from, MoodleException e) {
            fail(from, calls.size(), e);
            return results();
        }

        List<MoodleResult<T>> results() {
            List<MoodleResult<T>> out = new ArrayList<>(calls.size());
            for (int i = 0; i < calls.size(); i++) {
                out.add(results.get(i));
            }
            return out;
        }
    }

    /**
     * Sends calls {@code [from, to)} as one bundle and records the result of each call answered;
     * returns how many were answered (Moodle stops after the first failure). Throws when the
     * request fails as a whole.
     */
    private <T> int send(Bundling<T> b, int from, int to) {
        ArrayNode requests = Json.MAPPER.createArrayNode();
        boolean repeatable = true;
        for (int i = from; i < to; i++) {
            MoodleCall<? extends T> c = b.calls.get(i);
            requests.addObject().put("function", c.function().wsName()).put("arguments", b.arguments(i));
            repeatable &= c.function().kind().repeatable();
        }
        ObjectNode args = Json.MAPPER.createObjectNode();
        args.set("requests", requests);
        JsonNode responses = request(MoodleFunction.TOOL_MOBILE_CALL_EXTERNAL_FUNCTIONS, repeatable, args)
                .path("responses");
        int answered = responses.isArray() ? Math.min(responses.size(), to - from) : 0;
        for (int i = 0; i < answered; i++) {
            b.results.set(from + i, bundledResult(b.calls.get(from + i), responses.get(i)));
        }
        boolean stoppedAtFailure = answered > 0 && responses.get(answered - 1).path("error").asBoolean(false);
        if (answered < to - from && !stoppedAtFailure) {
            // Moodle only stops early after a failure; anything else means the reply lost calls
            for (int i = from + answered; i < to; i++) {
                b.results.set(i, MoodleResult.failure(new IncompleteReplyException(BUNDLE, BUNDLE + ": sent "
                        + (to - from) + " calls in one request but the reply answers " + answered + "; "
                        + b.calls.get(i).function().wsName() + " may or may not have run", to - from, answered)));
            }
            return to - from;
        }
        return answered;
    }

    /** The end of the bundle starting at {@code from}: within the call count, variable and size limits. */
    private int bundleEnd(Bundling<?> b, int from) {
        int vars = Transport.RESERVED_VARS;
        long bytes = 100 + config.token().reveal().length();
        int end = from;
        while (end < b.calls.size() && end - from < config.maxCallsPerBundle()) {
            MoodleCall<?> c = b.calls.get(end);
            List<Form.Param> p = List.of(new Form.Param("requests[" + (end - from) + "][function]", c.function().wsName()),
                    new Form.Param("requests[" + (end - from) + "][arguments]", b.arguments(end)));
            long size = Form.encode(p).length() + 1;
            if (end > from && (vars + 2 > config.maxInputVars() || bytes + size > config.maxRequestBytes())) {
                break;
            }
            vars += 2;
            bytes += size;
            end++;
        }
        return end;
    }

    private <T> MoodleResult<T> bundledResult(MoodleCall<? extends T> call, JsonNode response) {
        String f = call.function().wsName();
        try {
            if (response.path("error").asBoolean(false)) {
                JsonNode exception = parseInner(f, response.get("exception"));
                return MoodleResult.failure(replies.error(f, null, exception));
            }
            JsonNode data = response.get("data");
            if (call.split() == null && data != null && data.isTextual()) {
                return MoodleResult.<T>success(decodeText(call, data.asText()));
            }
            JsonNode sent = call.split() == null ? null : call.arguments().get(call.split().array());
            return MoodleResult.<T>success(decode(call, parseInner(f, data), sent));
        } catch (MoodleException e) {
            return MoodleResult.failure(e);
        }
    }

    /** A bundled result with nothing to account for: read from its text in one pass. */
    private <T> T decodeText(MoodleCall<T> call, String text) {
        try {
            return call.decodeText(text);
        } catch (StreamReadException e) {
            throw replies.problem(call.function().wsName(), "a bundled reply's data is not JSON: " + e.getOriginalMessage(), e);
        } catch (JsonProcessingException e) {
            throw shapeProblem(call, new IllegalArgumentException(e.getOriginalMessage(), e));
        } catch (IllegalArgumentException e) {
            throw shapeProblem(call, e);
        } catch (IOException e) {
            // reading an array in memory has no other failure
            throw new UncheckedIOException(e);
        }
    }

    /** Bundled replies carry each call's data or exception as a JSON string, decoded a second time. */
    private JsonNode parseInner(String function, JsonNode encoded) {
        if (encoded == null || encoded.isNull()) {
            return NullNode.getInstance();   // functions without a result
        }
        try {
            return Json.MAPPER.readTree(encoded.asText());
        } catch (JsonProcessingException e) {
            throw replies.problem(function, "a bundled reply's data is not JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static String json(JsonNode args) {
        try {
            return Json.MAPPER.writeValueAsString(args);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
