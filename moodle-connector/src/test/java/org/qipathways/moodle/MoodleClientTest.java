package org.qipathways.moodle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.qipathways.moodle.MockMoodle.TOKEN;
import static org.qipathways.moodle.MockMoodle.config;
import static org.qipathways.moodle.MockMoodle.error;
import static org.qipathways.moodle.MockMoodle.form;
import static org.qipathways.moodle.MockMoodle.json;
import static org.qipathways.moodle.MockMoodle.status;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.qipathways.moodle.ws.CreatedUser;
import org.qipathways.moodle.ws.Enrolment;
import org.qipathways.moodle.ws.MoodleWarning;
import org.qipathways.moodle.ws.NewUser;
import org.qipathways.moodle.ws.User;
import org.qipathways.moodle.ws.UserField;
import org.qipathways.moodle.ws.UserUpdate;

/** The client against MockWebServer: what it sends, how it splits, retries and reads replies. */
class MoodleClientTest {

    private final MockWebServer server = new MockWebServer();
    private final MockMoodle.Sleeps sleeps = new MockMoodle.Sleeps();

    @BeforeEach
    void start() throws IOException {
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private MoodleClient client() {
        return MockMoodle.client(config(server).build(), sleeps);
    }

    private static List<NewUser> users(int n) {
        List<NewUser> users = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            users.add(NewUser.of("user" + i, "First" + i, "Last" + i, "user" + i + "@nhs.net").withIdnumber("L" + i));
        }
        return users;
    }

    private static String created(int from, int to) {
        StringBuilder b = new StringBuilder("[");
        for (int i = from; i < to; i++) {
            b.append(i == from ? "" : ",").append("{\"id\":").append(100 + i).append(",\"username\":\"user").append(i).append("\"}");
        }
        return b.append("]").toString();
    }

    private RecordedRequest take() throws InterruptedException {
        return server.takeRequest(5, TimeUnit.SECONDS);
    }

    // ---- the request ----------------------------------------------------------------------------

    @Test
    void aCallIsAFormPostToTheRestEndpointWithTheTokenFirstAndNothingInTheUrl() throws Exception {
        server.enqueue(json(MockMoodle.siteInfo()));
        try (MoodleClient c = client()) {
            c.siteInfo();
        }

        RecordedRequest r = take();
        assertThat(r.getMethod()).isEqualTo("POST");
        assertThat(r.getUrl().encodedPath()).isEqualTo("/webservice/rest/server.php");
        assertThat(r.getUrl().query()).isNull();
        assertThat(r.getHeaders().get("Content-Type")).startsWith("application/x-www-form-urlencoded");
        assertThat(MockMoodle.body(r)).isEqualTo("wstoken=" + TOKEN + "&wsfunction=core_webservice_get_site_info&moodlewsrestformat=json");
    }

    @Test
    void argumentsFollowTheReservedVariablesInMoodlesBracketForm() throws Exception {
        server.enqueue(json("[{\"id\":4,\"username\":\"jdoe\"}]"));
        try (MoodleClient c = client()) {
            c.createUsers(List.of(NewUser.of("jdoe", "Jane", "Doe", "jane.doe@nhs.net").withCreatePassword(true)));
        }

        assertThat(form(take())).containsExactly(
                Map.entry("wstoken", TOKEN), Map.entry("wsfunction", "core_user_create_users"),
                Map.entry("moodlewsrestformat", "json"), Map.entry("users[0][username]", "jdoe"),
                Map.entry("users[0][createpassword]", "1"), Map.entry("users[0][firstname]", "Jane"),
                Map.entry("users[0][lastname]", "Doe"), Map.entry("users[0][email]", "jane.doe@nhs.net"));
    }

    @Test
    void anEmptyBatchSendsNothing() {
        try (MoodleClient c = client()) {
            assertThat(c.createUsers(List.of())).isEmpty();
            c.enrolUsers(List.of());
            assertThat(c.updateUsers(List.of())).isEmpty();
        }
        assertThat(server.getRequestCount()).isZero();
    }

    // ---- batching --------------------------------------------------------------------------------

    @Test
    void anArrayIsSplitSoThatNoRequestPassesMaxInputVarsAndResultsComeBackInOrder() throws Exception {
        // each user is 5 variables; 3 reserved + 3 users = 18 <= 20, a 4th would make 23
        server.enqueue(json(created(0, 3)));
        server.enqueue(json(created(3, 6)));
        server.enqueue(json(created(6, 7)));
        List<CreatedUser> created;
        try (MoodleClient c = MockMoodle.client(config(server).maxInputVars(20).build(), sleeps)) {
            created = c.createUsers(users(7));
        }

        assertThat(created).extracting(CreatedUser::id).containsExactly(100L, 101L, 102L, 103L, 104L, 105L, 106L);
        List<Integer> vars = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Map<String, String> f = form(take());
            vars.add(f.size());
            assertThat(f).containsKey("users[0][username]");
        }
        assertThat(vars).containsExactly(18, 18, 8);
    }

    @Test
    void aReplyThatAccountsForFewerItemsThanSentIsIncomplete() {
        server.enqueue(json(created(0, 2)));
        try (MoodleClient c = client()) {
            assertThatThrownBy(() -> c.createUsers(users(3)))
                    .isInstanceOfSatisfying(IncompleteReplyException.class, e -> {
                        assertThat(e.sent()).isEqualTo(3);
                        assertThat(e.accounted()).isEqualTo(2);
                    })
                    .hasMessageContaining("core_user_create_users: sent 3 users in one request but the reply accounts for 2")
                    .hasMessageContaining("max_input_vars");
        }
    }

    @Test
    void aReplyForOtherItemsThanThoseSentIsIncomplete() {
        server.enqueue(json("[{\"id\":100,\"username\":\"user0\"},{\"id\":101,\"username\":\"someoneelse\"}]"));
        try (MoodleClient c = client()) {
            assertThatThrownBy(() -> c.createUsers(users(2))).isInstanceOf(IncompleteReplyException.class)
                    .hasMessageContaining("the reply's result 2 is for another item than the one sent");
        }
    }

    @Test
    void aFailureInALaterRequestSaysHowManyItemsEarlierRequestsApplied() {
        server.enqueue(json(created(0, 3)));
        server.enqueue(error("invalid_parameter_exception", "invalidparameter", "Invalid parameter value detected"));
        try (MoodleClient c = MockMoodle.client(config(server).maxBatchSize(3).build(), sleeps)) {
            assertThatThrownBy(() -> c.createUsers(users(5)))
                    .isInstanceOfSatisfying(MoodleParameterException.class, e -> assertThat(e.itemsApplied()).isEqualTo(3))
                    .hasMessageContaining("the first 3 items were applied by earlier ones");
        }
    }

    @Test
    void perItemWarningsOfEveryRequestAreReturned() {
        server.enqueue(json("{\"warnings\":[{\"item\":\"user\",\"itemid\":7,\"warningcode\":\"useremailduplicate\",\"message\":\"Duplicate email address\"}]}"));
        server.enqueue(json("{\"warnings\":[{\"item\":\"user\",\"itemid\":9,\"warningcode\":\"invaliduserid\",\"message\":\"Invalid user ID\"}]}"));
        List<MoodleWarning> warnings;
        try (MoodleClient c = MockMoodle.client(config(server).maxBatchSize(1).build(), sleeps)) {
            warnings = c.updateUsers(List.of(UserUpdate.of(7).withEmail("a@b.org"), UserUpdate.of(9).withSuspended(true)));
        }
        assertThat(warnings).extracting(MoodleWarning::itemid, MoodleWarning::warningcode)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(7L, "useremailduplicate"),
                        org.assertj.core.groups.Tuple.tuple(9L, "invaliduserid"));
    }

    @Test
    void olderSitesAnsweringNullToUpdatesGiveNoWarnings() {
        server.enqueue(json("null"));
        try (MoodleClient c = client()) {
            assertThat(c.updateUsers(List.of(UserUpdate.of(7).withFirstname("Jo")))).isEmpty();
        }
    }

    @Test
    void aReplyOfTheWrongShapeIsAReplyProblem() {
        server.enqueue(json("{\"unexpected\":true}"));
        try (MoodleClient c = client()) {
            assertThatThrownBy(() -> c.getUsersByField(UserField.ID, List.of("1")))
                    .isInstanceOf(MoodleReplyException.class)
                    .hasMessageContaining("the reply does not have the shape of the function's result");
        }
    }

    // ---- retries ---------------------------------------------------------------------------------

    @Nested
    class Retries {

        @Test
        void aReadIsRetriedOn5xxWithGrowingWaits() {
            server.enqueue(status(503));
            server.enqueue(status(502));
            server.enqueue(json("[]"));
            List<User> found;
            try (MoodleClient c = client()) {
                found = c.getUsersByField(UserField.USERNAME, List.of("jdoe"));
            }
            assertThat(found).isEmpty();
            assertThat(server.getRequestCount()).isEqualTo(3);
            assertThat(sleeps.waits).hasSize(2);
            assertThat(sleeps.waits.get(0)).isBetween(Duration.ofMillis(50), Duration.ofMillis(100));
            assertThat(sleeps.waits.get(1)).isBetween(Duration.ofMillis(100), Duration.ofMillis(200));
        }

        @Test
        void aWriteThatMayHaveBeenAppliedIsNotRetried() {
            server.enqueue(status(503));
            server.enqueue(json(created(0, 1)));
            try (MoodleClient c = client()) {
                assertThatThrownBy(() -> c.createUsers(users(1)))
                        .isInstanceOfSatisfying(MoodleTransportException.class, e -> {
                            assertThat(e.httpStatus()).hasValue(503);
                            assertThat(e.attempts()).isEqualTo(1);
                        })
                        .hasMessageContaining("not retried: core_user_create_users changes data and the request may have been applied");
            }
            assertThat(server.getRequestCount()).isEqualTo(1);
        }

        @Test
        void anIdempotentWriteIsRetried() {
            server.enqueue(status(500));
            server.enqueue(json("null"));
            try (MoodleClient c = client()) {
                c.enrolUsers(List.of(Enrolment.of(5, 37, 12)));
            }
            assertThat(server.getRequestCount()).isEqualTo(2);
        }

        @Test
        void aConnectionDroppedAfterTheRequestIsRetriedForAReadButNotForACreate() {
            MockResponse drop = new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build();
            server.enqueue(drop);
            server.enqueue(json("[]"));
            try (MoodleClient c = client()) {
                assertThat(c.getUsersByField(UserField.ID, List.of("4"))).isEmpty();
            }
            assertThat(server.getRequestCount()).isEqualTo(2);

            server.enqueue(drop);
            server.enqueue(json(created(0, 1)));
            try (MoodleClient c = client()) {
                assertThatThrownBy(() -> c.createUsers(users(1))).isInstanceOf(MoodleTransportException.class)
                        .hasMessageContaining("not retried");
            }
            assertThat(server.getRequestCount()).isEqualTo(3);
        }

        @Test
        void aRequestThatNeverLeftIsRetriedEvenForACreate() throws IOException {
            MoodleConfig config = config(server).build();
            server.close();   // nothing listens on the port any more: connections are refused
            try (MoodleClient c = MockMoodle.client(config, sleeps)) {
                assertThatThrownBy(() -> c.createUsers(users(1)))
                        .isInstanceOfSatisfying(MoodleTransportException.class, e -> {
                            assertThat(e.attempts()).isEqualTo(MoodleConfig.DEFAULT_MAX_ATTEMPTS);
                            assertThat(e.httpStatus()).isEmpty();
                        })
                        .hasMessageContaining("cannot connect to")
                        .message().doesNotContain("not retried");
            }
            assertThat(sleeps.waits).hasSize(MoodleConfig.DEFAULT_MAX_ATTEMPTS - 1);
        }

        @Test
        void retryAfterIsHonoured() {
            server.enqueue(new MockResponse.Builder().code(503).setHeader("Retry-After", "3").build());
            server.enqueue(json("[]"));
            try (MoodleClient c = client()) {
                c.getUsersByField(UserField.ID, List.of("4"));
            }
            assertThat(sleeps.waits).containsExactly(Duration.ofSeconds(3));
        }

        @Test
        void moodleErrorsAreNeverRetried() {
            server.enqueue(error("moodle_exception", "invalidtoken", "Invalid token - token not found"));
            try (MoodleClient c = client()) {
                assertThatThrownBy(c::siteInfo).isInstanceOf(InvalidTokenException.class);
            }
            assertThat(server.getRequestCount()).isEqualTo(1);
        }
    }

    // ---- timeouts and statuses ---------------------------------------------------------------------

    @Test
    void aSiteThatDoesNotAnswerInTimeIsATransportFailure() {
        server.enqueue(json("[]").newBuilder().headersDelay(2, TimeUnit.SECONDS).build());
        MoodleConfig config = config(server).readTimeout(Duration.ofMillis(200)).maxAttempts(1).build();
        try (MoodleClient c = MockMoodle.client(config, sleeps)) {
            assertThatThrownBy(() -> c.getUsersByField(UserField.ID, List.of("4")))
                    .isInstanceOf(MoodleTransportException.class)
                    .hasMessageContaining("no reply from").hasMessageContaining("in time");
        }
    }

    @Test
    void aSlowReplyToAReadIsTriedAgain() {
        server.enqueue(json("[]").newBuilder().headersDelay(2, TimeUnit.SECONDS).build());
        server.enqueue(json("[{\"id\":4,\"fullname\":\"Jane Doe\"}]"));
        MoodleConfig config = config(server).readTimeout(Duration.ofMillis(200)).build();
        try (MoodleClient c = MockMoodle.client(config, sleeps)) {
            assertThat(c.getUsersByField(UserField.ID, List.of("4"))).extracting(User::id).containsExactly(4L);
        }
    }

    @Test
    void statusesSayWhatIsWrong() {
        server.enqueue(new MockResponse.Builder().code(404).body("Not Found").build());
        server.enqueue(new MockResponse.Builder().code(403).build());
        server.enqueue(new MockResponse.Builder().code(303).setHeader("Location", "https://moodle.example.org/login/index.php").build());
        try (MoodleClient c = client()) {
            assertThatThrownBy(c::siteInfo).hasMessageContaining("there is no Moodle REST server at")
                    .hasMessageContaining("(HTTP 404): check the site address");
            assertThatThrownBy(c::siteInfo).hasMessageContaining("web services or the REST protocol are disabled");
            assertThatThrownBy(c::siteInfo).hasMessageContaining("redirected the request (HTTP 303) to https://moodle.example.org/login/index.php");
        }
        assertThat(server.getRequestCount()).isEqualTo(3);
    }

    // ---- concurrency and bundling ------------------------------------------------------------------

    @Test
    void noMoreThanTheConfiguredRequestsAreInFlightAtOnce() {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                int now = inFlight.incrementAndGet();
                most.accumulateAndGet(now, Math::max);
                Thread.sleep(50);
                inFlight.decrementAndGet();
                return json("{\"completionstatus\":{\"completed\":true,\"aggregation\":1,\"completions\":[]},\"warnings\":[]}");
            }
        });
        List<MoodleCall<org.qipathways.moodle.ws.CourseCompletion>> calls = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            calls.add(MoodleCall.courseCompletionStatus(12, 100 + i));
        }
        MoodleConfig config = config(server).bundling(false).maxConcurrentRequests(2).build();
        List<MoodleResult<org.qipathways.moodle.ws.CourseCompletion>> results;
        try (MoodleClient c = MockMoodle.client(config, sleeps)) {
            results = c.callAll(calls);
        }
        assertThat(results).hasSize(8).allMatch(MoodleResult::isSuccess);
        assertThat(most.get()).isEqualTo(2);
    }

    @Test
    void withTheBundlingFunctionCallsTravelTogetherAndAFailureOnlyFailsItsOwnCall() throws Exception {
        server.enqueue(json(MockMoodle.siteInfo("tool_mobile_call_external_functions")));
        String ok = "{\\\"completionstatus\\\":{\\\"completed\\\":true,\\\"aggregation\\\":1,\\\"completions\\\":[]},\\\"warnings\\\":[]}";
        // Moodle stops a bundle at its first failure: the third call is not answered
        server.enqueue(json("{\"responses\":[{\"error\":false,\"data\":\"" + ok + "\"},{\"error\":true,\"exception\":"
                + "\"{\\\"message\\\":\\\"No criteria set for this course\\\",\\\"errorcode\\\":\\\"nocriteriaset\\\"}\"}]}"));
        server.enqueue(json("{\"responses\":[{\"error\":false,\"data\":\"" + ok + "\"}]}"));
        List<MoodleResult<org.qipathways.moodle.ws.CourseCompletion>> results;
        try (MoodleClient c = client()) {
            results = c.callAll(List.of(MoodleCall.courseCompletionStatus(12, 1), MoodleCall.courseCompletionStatus(13, 1),
                    MoodleCall.courseCompletionStatus(14, 1)));
        }

        assertThat(results.get(0).get().completionstatus().completed()).isTrue();
        assertThat(results.get(1).error()).get().isInstanceOfSatisfying(MoodleErrorException.class, e -> {
            assertThat(e.errorcode()).isEqualTo("nocriteriaset");
            assertThat(e.function()).contains("core_completion_get_course_completion_status");
        });
        assertThat(results.get(2).isSuccess()).isTrue();
        take();
        Map<String, String> first = form(take());
        assertThat(first).containsEntry("wsfunction", "tool_mobile_call_external_functions")
                .containsEntry("requests[0][function]", "core_completion_get_course_completion_status")
                .containsEntry("requests[0][arguments]", "{\"courseid\":12,\"userid\":1}")
                .containsEntry("requests[2][arguments]", "{\"courseid\":14,\"userid\":1}");
        assertThat(form(take())).containsEntry("requests[0][arguments]", "{\"courseid\":14,\"userid\":1}")
                .doesNotContainKey("requests[1][function]");
    }

    /**
     * A site with the bundling function that answers each bundled completion call with the user id
     * as the course completion's aggregation, fails user 13's call with nocriteriaset, and counts
     * the bundles in flight.
     */
    private static final class BundlingSite extends Dispatcher {
        final AtomicInteger inFlight = new AtomicInteger();
        final AtomicInteger most = new AtomicInteger();
        final List<List<Long>> bundles = java.util.Collections.synchronizedList(new ArrayList<>());

        @Override
        public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
            Map<String, String> form = form(request);
            if (form.get("wsfunction").equals("core_webservice_get_site_info")) {
                return json(MockMoodle.siteInfo("tool_mobile_call_external_functions"));
            }
            int now = inFlight.incrementAndGet();
            most.accumulateAndGet(now, Math::max);
            try {
                Thread.sleep(30);
                List<Long> users = new ArrayList<>();
                StringBuilder responses = new StringBuilder();
                for (int i = 0; form.containsKey("requests[" + i + "][arguments]"); i++) {
                    long user = Long.parseLong(form.get("requests[" + i + "][arguments]").replaceAll(".*\"userid\":(\\d+).*", "$1"));
                    users.add(user);
                    responses.append(i == 0 ? "" : ",");
                    if (user == 13) {
                        responses.append("{\"error\":true,\"exception\":\"{\\\"message\\\":\\\"No criteria set for this"
                                + " course\\\",\\\"errorcode\\\":\\\"nocriteriaset\\\"}\"}");
                        break;   // Moodle stops the bundle here
                    }
                    responses.append("{\"error\":false,\"data\":\"{\\\"completionstatus\\\":{\\\"completed\\\":true,"
                            + "\\\"aggregation\\\":" + user + ",\\\"completions\\\":[]},\\\"warnings\\\":[]}\"}");
                }
                bundles.add(users);
                return json("{\"responses\":[" + responses + "]}");
            } finally {
                inFlight.decrementAndGet();
            }
        }
    }

    private static List<MoodleCall<org.qipathways.moodle.ws.CourseCompletion>> completionCalls(int users) {
        List<MoodleCall<org.qipathways.moodle.ws.CourseCompletion>> calls = new ArrayList<>();
        for (int user = 10; user < 10 + users; user++) {
            calls.add(MoodleCall.courseCompletionStatus(12, user));
        }
        return calls;
    }

    @Test
    void bundlesTravelConcurrentlyAndResultsComeBackInTheOrderOfTheCalls() {
        BundlingSite site = new BundlingSite();
        server.setDispatcher(site);
        List<MoodleResult<org.qipathways.moodle.ws.CourseCompletion>> results;
        try (MoodleClient c = MockMoodle.client(config(server).maxCallsPerBundle(2).maxConcurrentRequests(3).build(), sleeps)) {
            results = c.callAll(completionCalls(12));
        }

        assertThat(site.most.get()).isEqualTo(3);
        for (int i = 0; i < 12; i++) {
            long user = 10 + i;
            if (user == 13) {
                assertThat(results.get(i).error()).get().isInstanceOfSatisfying(MoodleErrorException.class,
                        e -> assertThat(e.errorcode()).isEqualTo("nocriteriaset"));
            } else {
                assertThat(results.get(i).get().completionstatus().aggregation()).as("call %d", i).isEqualTo(user);
            }
        }
        // user 13 stopped the bundle [12, 13]; nothing was left after it in that bundle
        assertThat(site.bundles).contains(List.of(12L, 13L)).hasSize(6);
    }

    @Test
    void aFailureInsideAConcurrentBundleSendsTheCallsMoodleDidNotRunAgain() {
        BundlingSite site = new BundlingSite();
        server.setDispatcher(site);
        List<MoodleResult<org.qipathways.moodle.ws.CourseCompletion>> results;
        try (MoodleClient c = MockMoodle.client(config(server).maxCallsPerBundle(3).maxConcurrentRequests(2).build(), sleeps)) {
            results = c.callAll(completionCalls(9));
        }

        // bundles [10 11 12] [13 14 15] [16 17 18]: 13 fails first, so 14 and 15 go again on their own
        assertThat(site.bundles).containsExactlyInAnyOrder(List.of(10L, 11L, 12L), List.of(13L), List.of(14L, 15L),
                List.of(16L, 17L, 18L));
        assertThat(results).hasSize(9).filteredOn(MoodleResult::isSuccess).hasSize(8);
        assertThat(results.get(3).isSuccess()).isFalse();
        assertThat(results.get(5).get().completionstatus().aggregation()).isEqualTo(15);
    }

    @Test
    void onceABundleFailsAsAWholeNoFurtherBundleIsSent() {
        AtomicInteger bundles = new AtomicInteger();
        BundlingSite answering = new BundlingSite();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                boolean bundle = form(request).get("wsfunction").equals("tool_mobile_call_external_functions");
                if (bundle && bundles.incrementAndGet() > 1) {
                    Thread.sleep(30);
                    return MockMoodle.status(500);   // the site falls over after the first bundle
                }
                return answering.dispatch(request);
            }
        });
        List<MoodleResult<org.qipathways.moodle.ws.CourseCompletion>> results;
        try (MoodleClient c = MockMoodle.client(config(server).maxCallsPerBundle(2).maxConcurrentRequests(2)
                .maxAttempts(1).build(), sleeps)) {
            results = c.callAll(completionCalls(10));
        }

        // the first bundle alone, then at most the two in flight when the failure came
        assertThat(bundles.get()).isBetween(2, 3);
        assertThat(results.subList(0, 2)).allMatch(MoodleResult::isSuccess);
        assertThat(results.subList(2, 10)).allSatisfy(r -> assertThat(r.error()).get()
                .isInstanceOfSatisfying(MoodleTransportException.class, e -> assertThat(e.httpStatus()).hasValue(500)));
    }

    @Test
    void inOrderBundlesGoOneAtATimeAndAfterAFailureTheRestLeadTheNextBundle() {
        BundlingSite site = new BundlingSite();
        server.setDispatcher(site);
        List<MoodleResult<org.qipathways.moodle.ws.CourseCompletion>> results;
        try (MoodleClient c = MockMoodle.client(config(server).maxCallsPerBundle(3).maxConcurrentRequests(4).build(), sleeps)) {
            results = c.callAllInOrder(completionCalls(9));
        }

        assertThat(site.most.get()).isEqualTo(1);
        assertThat(site.bundles).containsExactly(List.of(10L, 11L, 12L), List.of(13L), List.of(14L, 15L, 16L),
                List.of(17L, 18L));
        assertThat(results).extracting(MoodleResult::isSuccess)
                .containsExactly(true, true, true, false, true, true, true, true, true);
    }

    @Test
    void bundledDataOfTheWrongShapeOrNotJsonFailsOnlyItsOwnCall() {
        server.enqueue(json(MockMoodle.siteInfo("tool_mobile_call_external_functions")));
        String ok = "{\\\"completionstatus\\\":{\\\"completed\\\":true,\\\"aggregation\\\":1,\\\"completions\\\":[]},\\\"warnings\\\":[]}";
        server.enqueue(json("{\"responses\":[{\"error\":false,\"data\":\"{\\\"completionstatus\\\":\\\"yes\\\"}\"},"
                + "{\"error\":false,\"data\":\"{\\\"completionstatus\\\":\"},{\"error\":false,\"data\":\"" + ok + "\"}]}"));
        List<MoodleResult<org.qipathways.moodle.ws.CourseCompletion>> results;
        try (MoodleClient c = client()) {
            results = c.callAll(completionCalls(3));
        }

        assertThat(results.get(0).error()).get().isInstanceOf(MoodleReplyException.class).extracting(Throwable::getMessage)
                .asString().contains("core_completion_get_course_completion_status")
                .contains("the reply does not have the shape of the function's result");
        assertThat(results.get(1).error()).get().isInstanceOf(MoodleReplyException.class).extracting(Throwable::getMessage)
                .asString().contains("a bundled reply's data is not JSON");
        assertThat(results.get(2).get().completionstatus().completed()).isTrue();
    }

    @Test
    void withoutTheBundlingFunctionCallsGoOneByOne() throws Exception {
        server.enqueue(json(MockMoodle.siteInfo()));
        server.enqueue(json("{\"statuses\":[],\"warnings\":[]}"));
        server.enqueue(json("{\"statuses\":[],\"warnings\":[]}"));
        try (MoodleClient c = MockMoodle.client(config(server).maxConcurrentRequests(1).build(), sleeps)) {
            List<MoodleResult<org.qipathways.moodle.ws.ActivitiesCompletion>> r = c.callAll(List.of(
                    MoodleCall.activitiesCompletionStatus(12, 1), MoodleCall.activitiesCompletionStatus(12, 2)));
            assertThat(r).allMatch(MoodleResult::isSuccess);
        }
        take();
        assertThat(form(take())).containsEntry("wsfunction", "core_completion_get_activities_completion_status")
                .containsEntry("userid", "1");
        assertThat(form(take())).containsEntry("userid", "2");
    }

    @Test
    void aBundleThatFailsAsAWholeFailsEachCallItCarriedAndThoseAfterIt() {
        server.enqueue(json(MockMoodle.siteInfo("tool_mobile_call_external_functions")));
        server.enqueue(MockMoodle.status(500));
        List<MoodleResult<org.qipathways.moodle.ws.ActivitiesCompletion>> results;
        try (MoodleClient c = MockMoodle.client(config(server).maxAttempts(1).build(), sleeps)) {
            results = c.callAll(List.of(MoodleCall.activitiesCompletionStatus(12, 1),
                    MoodleCall.activitiesCompletionStatus(12, 2)));
        }
        assertThat(results).hasSize(2).allSatisfy(r -> assertThat(r.error()).get()
                .isInstanceOfSatisfying(MoodleTransportException.class, e -> assertThat(e.httpStatus()).hasValue(500)));
    }

    @Test
    void aServiceThatListsButRefusesBundlingFallsBackToOneByOne() {
        server.enqueue(json(MockMoodle.siteInfo("tool_mobile_call_external_functions")));
        server.enqueue(error("webservice_access_exception", "accessexception", "Access control exception"));
        server.enqueue(json("{\"statuses\":[],\"warnings\":[]}"));
        try (MoodleClient c = client()) {
            assertThat(c.callAll(List.of(MoodleCall.activitiesCompletionStatus(12, 1)))).allMatch(MoodleResult::isSuccess);
        }
        assertThat(server.getRequestCount()).isEqualTo(3);
    }
}
