package org.qipathways.moodle.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.qipathways.moodle.simulator.SimHttp.call;
import static org.qipathways.moodle.simulator.SimHttp.form;
import static org.qipathways.moodle.simulator.SimHttp.raw;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The simulator over plain HTTP: Moodle's protocol and Moodle's behaviour, without the client. */
class MoodleSimulatorTest {

    private MoodleSimulator sim = MoodleSimulator.builder().debugging(true).build();

    @AfterEach
    void stop() {
        sim.close();
    }

    private static String[] user(int i, String username) {
        return new String[] {"users[" + i + "][username]", username, "users[" + i + "][firstname]", "Jane",
            "users[" + i + "][lastname]", "Doe", "users[" + i + "][email]", username + "@nhs.net",
            "users[" + i + "][createpassword]", "1"};
    }

    private static String[] concat(String[]... parts) {
        List<String> all = new ArrayList<>();
        for (String[] p : parts) {
            all.addAll(List.of(p));
        }
        return all.toArray(new String[0]);
    }

    // ---- the protocol ----------------------------------------------------------------------------

    @Test
    void anUnknownTokenIsInvalidtoken() throws Exception {
        JsonNode r = SimHttp.callWithToken(sim, "0000", "core_webservice_get_site_info");

        assertThat(r.toString()).isEqualTo("{\"exception\":\"moodle_exception\",\"errorcode\":\"invalidtoken\","
                + "\"message\":\"Invalid token - token not found\"}");
    }

    @Test
    void errorsComeWithHttp200AndJsonAsMoodleSendsThem() throws Exception {
        HttpResponse<String> r = raw(sim, null, form("wstoken", "nope", "wsfunction", "x", "moodlewsrestformat", "json"));

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).contains("application/json");
    }

    @Test
    void anUnknownFunctionIsAMissingRecordAndOneOutsideTheServiceAnAccessException() throws Exception {
        assertThat(call(sim, "core_no_such_function").toString()).isEqualTo("{\"exception\":\"dml_missing_record_exception\","
                + "\"errorcode\":\"invalidrecord\",\"message\":\"Can't find data record in database table external_functions.\"}");

        sim.site().serviceHasFunction("core_user_create_users", false);
        JsonNode r = call(sim, "core_user_create_users", user(0, "jdoe"));
        assertThat(r.get("errorcode").asText()).isEqualTo("accessexception");
        assertThat(r.get("message").asText()).isEqualTo("Access control exception");
        assertThat(r.get("debuginfo").asText()).startsWith("Access to the function core_user_create_users() is not allowed.");
    }

    @Test
    void siteInfoListsTheServiceFunctionsAndTheRelease() throws Exception {
        try (MoodleSimulator lacking = MoodleSimulator.builder().withoutFunctions("core_user_create_users").build()) {
            JsonNode r = call(lacking, "core_webservice_get_site_info");
            List<String> names = new ArrayList<>();
            r.get("functions").forEach(f -> names.add(f.get("name").asText()));

            assertThat(names).contains("core_user_update_users", "tool_mobile_call_external_functions")
                    .doesNotContain("core_user_create_users");
            assertThat(r.get("release").asText()).isEqualTo("5.1+ (Build: 20251205)");
            assertThat(r.get("username").asText()).isEqualTo("wsconnector");
            assertThat(r.get("userid").asInt()).isEqualTo(3);
            assertThat(r.get("siteurl").asText()).isEqualTo(lacking.url().toString());
        }
    }

    @Test
    void repliesEscapeSlashesAsPhpJsonEncodeDoes() throws Exception {
        assertThat(raw(sim, null, form("wstoken", sim.token(), "wsfunction", "core_webservice_get_site_info",
                "moodlewsrestformat", "json")).body()).contains("\"siteurl\":\"http:\\/\\/127.0.0.1:");
    }

    // ---- parameter validation --------------------------------------------------------------------

    @Test
    void unexpectedKeysAreRefused() throws Exception {
        JsonNode r = call(sim, "core_webservice_get_site_info", "cachebuster", "1");

        assertThat(r.get("errorcode").asText()).isEqualTo("invalidparameter");
        assertThat(r.get("debuginfo").asText()).isEqualTo("Unexpected keys (cachebuster) detected in parameter array.");
    }

    @Test
    void aMissingRequiredKeyIsNamedWithItsPath() throws Exception {
        JsonNode r = call(sim, "core_user_create_users", "users[0][username]", "jdoe", "users[0][firstname]", "Jane",
                "users[0][lastname]", "Doe");

        assertThat(r.get("message").asText()).isEqualTo("Invalid parameter value detected");
        assertThat(r.get("debuginfo").asText()).isEqualTo("users => Invalid parameter value detected: Missing required key"
                + " in single structure: email");
    }

    @Test
    void usernamesMustAlreadyBeLowerCase() throws Exception {
        JsonNode r = call(sim, "core_user_create_users", user(0, "JDoe"));

        assertThat(r.get("debuginfo").asText()).isEqualTo("users => Invalid parameter value detected: username =>"
                + " Invalid parameter value detected: Invalid external api parameter: the value is \"JDoe\", the server"
                + " was expecting \"username\" type");
    }

    @Test
    void booleansMustBeOneOrZeroAndIntegersPlainDecimals() throws Exception {
        String[] u = user(0, "jdoe");
        u[9] = "true";
        assertThat(call(sim, "core_user_create_users", u).get("debuginfo").asText())
                .endsWith("the value is \"true\", the server was expecting \"bool\" type");
        assertThat(call(sim, "core_cohort_get_cohorts", "cohortids[0]", "05").get("debuginfo").asText())
                .isEqualTo("cohortids => Invalid parameter value detected: Invalid external api parameter: the value is"
                        + " \"05\", the server was expecting \"int\" type");
    }

    @Test
    void withDebuggingOffTheDetailIsAbsentAsOnProductionSites() throws Exception {
        sim.site().debugging(false);

        JsonNode r = call(sim, "core_user_create_users", user(0, "JDoe"));

        assertThat(r.has("debuginfo")).isFalse();
        assertThat(r.get("message").asText()).isEqualTo("Invalid parameter value detected");
    }

    // ---- behaviour -------------------------------------------------------------------------------

    @Test
    void idsComeFromSequencesAndAFailedBatchRollsBackButUsesUpItsIds() throws Exception {
        assertThat(call(sim, "core_user_create_users", user(0, "first")).get(0).get("id").asInt()).isEqualTo(4);

        JsonNode failed = call(sim, "core_user_create_users", concat(user(0, "second"), user(1, "first")));
        assertThat(failed.get("errorcode").asText()).isEqualTo("invalidparameter");
        assertThat(failed.get("debuginfo").asText()).isEqualTo("Username already exists: first");
        assertThat(sim.site().find("user", "username", "second")).isEmpty();

        assertThat(call(sim, "core_user_create_users", user(0, "third")).get(0).get("id").asInt()).isEqualTo(6);
    }

    @Test
    void updatesReportEachUsersProblemAndApplyTheRest() throws Exception {
        call(sim, "core_user_create_users", user(0, "jdoe"));

        JsonNode r = call(sim, "core_user_update_users", "users[0][id]", "4", "users[0][department]", "Theatres",
                "users[1][id]", "99", "users[1][department]", "Wards");

        assertThat(r.toString()).isEqualTo("{\"warnings\":[{\"item\":\"user\",\"itemid\":99,\"warningcode\":"
                + "\"invaliduserid\",\"message\":\"Invalid user ID\"}]}");
        assertThat(sim.site().find("user", "username", "jdoe").get()).containsEntry("department", "Theatres");
    }

    @Test
    void uniquenessIsCheckedAsMoodleChecksIt() throws Exception {
        call(sim, "core_course_create_courses", "courses[0][fullname]", "Bronze", "courses[0][shortname]", "BRZ",
                "courses[0][categoryid]", "1", "courses[0][idnumber]", "QIP/BRZ");
        assertThat(call(sim, "core_course_create_courses", "courses[0][fullname]", "Other", "courses[0][shortname]", "BRZ",
                "courses[0][categoryid]", "1").get("errorcode").asText()).isEqualTo("shortnametaken");
        assertThat(call(sim, "core_course_create_courses", "courses[0][fullname]", "Other", "courses[0][shortname]", "OTH",
                "courses[0][categoryid]", "1", "courses[0][idnumber]", "QIP/BRZ").get("errorcode").asText())
                .isEqualTo("courseidnumbertaken");
        // cohorts compare idnumbers exactly at creation, so two empty ones collide
        String[] cohort = {"cohorts[0][categorytype][type]", "system", "cohorts[0][categorytype][value]", "",
            "cohorts[0][name]", "A", "cohorts[0][idnumber]", ""};
        call(sim, "core_cohort_create_cohorts", cohort);
        assertThat(call(sim, "core_cohort_create_cohorts", cohort).get("debuginfo").asText())
                .isEqualTo("record already exists: idnumber=");
    }

    @Test
    void cohortMembershipsReportExistingMembersAsWarning3() throws Exception {
        call(sim, "core_user_create_users", user(0, "jdoe"));
        call(sim, "core_cohort_create_cohorts", "cohorts[0][categorytype][type]", "system",
                "cohorts[0][categorytype][value]", "", "cohorts[0][name]", "Bronze", "cohorts[0][idnumber]", "QIP/BRONZE");
        String[] member = {"members[0][cohorttype][type]", "idnumber", "members[0][cohorttype][value]", "QIP/BRONZE",
            "members[0][usertype][type]", "username", "members[0][usertype][value]", "jdoe"};

        assertThat(call(sim, "core_cohort_add_cohort_members", member).toString()).isEqualTo("{\"warnings\":[]}");
        assertThat(call(sim, "core_cohort_add_cohort_members", member).get("warnings").get(0).get("warningcode").asText())
                .isEqualTo("3");
        assertThat(sim.site().cohortMembers("QIP/BRONZE")).containsExactly("jdoe");
    }

    @Test
    void aMissingCapabilityIsNopermissionsNamingItInWords() throws Exception {
        sim.site().denyCapability("moodle/user:create");

        JsonNode r = call(sim, "core_user_create_users", user(0, "jdoe"));

        assertThat(r.get("exception").asText()).isEqualTo("required_capability_exception");
        assertThat(r.get("errorcode").asText()).isEqualTo("nopermissions");
        assertThat(r.get("message").asText()).isEqualTo("Sorry, but you do not currently have permissions to do that (Create users).");
    }

    @Test
    void competencyRulesAreMoodles() throws Exception {
        String config = "[{\"scaleid\":\"2\"},{\"id\":1,\"scaledefault\":0,\"proficient\":0},{\"id\":2,\"scaledefault\":1,\"proficient\":1}]";
        String[] fw = {"competencyframework[shortname]", "QI", "competencyframework[idnumber]", "FW",
            "competencyframework[scaleid]", "2", "competencyframework[scaleconfiguration]", config,
            "competencyframework[contextlevel]", "system", "competencyframework[instanceid]", "0"};
        long frameworkId = call(sim, "core_competency_create_competency_framework", fw).get("id").asLong();
        JsonNode again = call(sim, "core_competency_create_competency_framework", fw);
        assertThat(again.get("errorcode").asText()).isEqualTo("invalidpersistenterror");
        assertThat(again.get("message").asText()).isEqualTo("Error: This ID number is already in use");

        String[] noContext = {"competencyframework[shortname]", "QI", "competencyframework[idnumber]", "FW2",
            "competencyframework[scaleid]", "2", "competencyframework[scaleconfiguration]", config};
        assertThat(call(sim, "core_competency_create_competency_framework", noContext).get("debuginfo").asText())
                .isEqualTo("Missing parameters, please provide either context level with instance id or contextid");

        long c = call(sim, "core_competency_create_competency", "competency[shortname]", "Measure",
                "competency[idnumber]", "C1", "competency[competencyframeworkid]", String.valueOf(frameworkId)).get("id").asLong();
        assertThat(call(sim, "core_competency_set_parent_competency", "competencyid", String.valueOf(c), "parentid", "0")
                .get("errorcode").asText()).isEqualTo("codingerror");
        long course = call(sim, "core_course_create_courses", "courses[0][fullname]", "Bronze", "courses[0][shortname]", "BRZ",
                "courses[0][categoryid]", "1").get(0).get("id").asLong();
        String[] link = {"courseid", String.valueOf(course), "competencyid", String.valueOf(c)};
        assertThat(call(sim, "core_competency_add_competency_to_course", link).asBoolean()).isTrue();
        assertThat(call(sim, "core_competency_add_competency_to_course", link).asBoolean()).isFalse();
        sim.site().competenciesEnabled(false);
        assertThat(call(sim, "core_competency_add_competency_to_course", link).get("errorcode").asText())
                .isEqualTo("competenciesarenotenabled");
    }

    // ---- max_input_vars and post_max_size --------------------------------------------------------

    @Test
    void phpKeepsMaxInputVarsPlusOneBodyVariablesAndDropsTheRestSilently() throws Exception {
        // 3 reserved + 3 users of 5 variables = 18; with max_input_vars 12 PHP keeps 13: two whole users
        try (MoodleSimulator small = MoodleSimulator.builder().maxInputVars(12).build()) {
            JsonNode r = call(small, "core_user_create_users", concat(user(0, "a"), user(1, "b"), user(2, "c")));

            assertThat(r).hasSize(2);
            assertThat(small.requests().get(0).dropped()).isEqualTo(5);
            assertThat(small.site().find("user", "username", "c")).isEmpty();
        }
    }

    @Test
    void aCutThroughAnElementFailsTheCallAsAMissingKey() throws Exception {
        try (MoodleSimulator small = MoodleSimulator.builder().maxInputVars(10).debugging(true).build()) {
            JsonNode r = call(small, "core_user_create_users", concat(user(0, "a"), user(1, "b")));

            assertThat(r.get("debuginfo").asText()).startsWith("users => Invalid parameter value detected: Missing required key");
            assertThat(small.site().find("user", "username", "a")).isEmpty();
        }
    }

    @Test
    void theQueryStringKeepsExactlyMaxInputVars() throws Exception {
        try (MoodleSimulator small = MoodleSimulator.builder().maxInputVars(3).build()) {
            String query = form("wstoken", small.token(), "wsfunction", "core_webservice_get_site_info",
                    "moodlewsrestformat", "json", "extra", "1");
            assertThat(raw(small, query, "").body()).contains("\"sitename\"");
            assertThat(small.requests().get(0).dropped()).isEqualTo(1);
        }
    }

    @Test
    void aBodyOverPostMaxSizeIsDroppedWholeSoTheTokenIsMissingAndTheReplyIsXml() throws Exception {
        try (MoodleSimulator small = MoodleSimulator.builder().postMaxSize(100).build()) {
            String body = form(concat(new String[] {"wstoken", small.token(), "wsfunction", "core_user_create_users",
                "moodlewsrestformat", "json"}, user(0, "a"), user(1, "b")));

            assertThat(raw(small, null, body).body()).isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\" ?>\n"
                    + "<EXCEPTION class=\"moodle_exception\">\n<ERRORCODE>invalidtoken</ERRORCODE>\n"
                    + "<MESSAGE>Invalid token - token not found</MESSAGE>\n</EXCEPTION>\n");
        }
    }

    // ---- progress --------------------------------------------------------------------------------

    @Test
    void activityCompletionListsEveryTrackedActivityWithMoodlesFieldsInMoodlesOrder() throws Exception {
        SimulatedSite site = sim.site();
        long user = site.addUser("jdoe", "Jane", "Doe", "jdoe@nhs.net");
        long course = site.addCourse("Silver team session", "SLV-TEAM-1", 1);
        site.enrol(user, course, SimulatedSite.STUDENT);
        long attended = site.addActivity(course, "attendance", "Session 2026-03-04", 1);
        long other = site.addActivity(course, "attendance", "Session 2026-03-11", 1);
        site.completeActivity(attended, user, 1, 1_772_625_600L);

        JsonNode r = call(sim, "core_completion_get_activities_completion_status", "courseid", Long.toString(course),
                "userid", Long.toString(user));

        List<String> fields = new ArrayList<>();
        r.get("statuses").get(0).fieldNames().forEachRemaining(fields::add);
        // core_completion_external::get_activities_completion_status_returns()
        assertThat(fields).containsExactly("cmid", "modname", "instance", "state", "timecompleted", "tracking",
                "overrideby", "valueused", "hascompletion", "isautomatic", "istrackeduser", "uservisible", "details");
        assertThat(r.get("statuses")).hasSize(2);
        assertThat(r.get("statuses").get(0).get("cmid").asLong()).isEqualTo(attended);
        assertThat(r.get("statuses").get(0).get("state").asInt()).isEqualTo(1);
        assertThat(r.get("statuses").get(0).get("timecompleted").asLong()).isEqualTo(1_772_625_600L);
        assertThat(r.get("statuses").get(0).get("overrideby").isNull()).isTrue();
        assertThat(r.get("statuses").get(0).get("isautomatic").asBoolean()).isFalse();
        assertThat(r.get("statuses").get(1).get("cmid").asLong()).isEqualTo(other);
        assertThat(r.get("statuses").get(1).get("state").asInt()).isZero();
        assertThat(r.get("warnings")).isEmpty();
    }

    // ---- bundling --------------------------------------------------------------------------------

    @Test
    void bundledCallsAnswerInOrderWithJsonInsideJsonAndStopAtTheFirstFailure() throws Exception {
        JsonNode r = call(sim, "tool_mobile_call_external_functions",
                "requests[0][function]", "core_user_create_users",
                "requests[0][arguments]", "{\"users\":[{\"username\":\"jdoe\",\"firstname\":\"J\",\"lastname\":\"D\","
                        + "\"email\":\"j@nhs.net\",\"createpassword\":true}]}",
                "requests[1][function]", "core_course_get_courses_by_field",
                "requests[1][arguments]", "{\"field\":\"nonsense\"}",
                "requests[2][function]", "core_webservice_get_site_info");

        JsonNode responses = r.get("responses");
        assertThat(responses).hasSize(2);
        assertThat(responses.get(0).get("error").asBoolean()).isFalse();
        assertThat(SimHttp.parse(responses.get(0).get("data").asText()).get(0).get("username").asText()).isEqualTo("jdoe");
        assertThat(responses.get(1).get("error").asBoolean()).isTrue();
        JsonNode exception = SimHttp.parse(responses.get(1).get("exception").asText());
        assertThat(exception.get("errorcode").asText()).isEqualTo("invalidparameter");
        assertThat(exception.has("exception")).isFalse();
    }

    @Test
    void aBundledFunctionOutsideTheServiceGetsAnAccessExceptionEntry() throws Exception {
        sim.site().serviceHasFunction("core_cohort_get_cohorts", false);

        JsonNode r = call(sim, "tool_mobile_call_external_functions", "requests[0][function]", "core_cohort_get_cohorts");

        assertThat(SimHttp.parse(r.get("responses").get(0).get("exception").asText()).get("errorcode").asText())
                .isEqualTo("accessexception");
    }

    // ---- faults ----------------------------------------------------------------------------------

    @Test
    void injectedFaultsHitTheNextMatchingRequestOnce() throws Exception {
        String body = form("wstoken", sim.token(), "wsfunction", "core_webservice_get_site_info", "moodlewsrestformat", "json");
        sim.faults().next(Fault.status(503)).onFunction("core_webservice_get_site_info", Fault.htmlErrorPage())
                .next(Fault.truncatedJson(), Fault.phpWarning());

        HttpResponse<String> r1 = raw(sim, null, body);
        assertThat(r1.statusCode()).isEqualTo(503);
        assertThat(raw(sim, null, body).body()).startsWith("<!DOCTYPE html>").contains("<title>Error");
        String cut = raw(sim, null, body).body();
        assertThatThrownBy(() -> SimHttp.parse(cut)).isInstanceOf(IOException.class);
        assertThat(raw(sim, null, body).body()).startsWith("<br />\n<b>Warning</b>:").contains("{\"sitename\"");
        assertThat(raw(sim, null, body).body()).startsWith("{\"sitename\"");
        assertThat(sim.faults().pending()).isZero();
        assertThat(sim.requests()).extracting(SimRequest::fault).containsExactly(Fault.status(503), Fault.htmlErrorPage(),
                Fault.truncatedJson(), Fault.phpWarning(), null);
    }

    @Test
    void aConnectionDroppedAfterProcessingLeavesTheChangeMadeAndBeforeProcessingLeavesNothing() throws Exception {
        sim.faults().next(Fault.dropConnectionBeforeProcessing(), Fault.dropConnectionAfterProcessing());
        String create = form(concat(new String[] {"wstoken", sim.token(), "wsfunction", "core_user_create_users",
            "moodlewsrestformat", "json"}, user(0, "jdoe")));

        assertThatThrownBy(() -> raw(sim, null, create)).isInstanceOf(IOException.class);
        assertThat(sim.site().find("user", "username", "jdoe")).isEmpty();
        assertThatThrownBy(() -> raw(sim, null, create)).isInstanceOf(IOException.class);
        assertThat(sim.site().find("user", "username", "jdoe")).isPresent();
    }

    @Test
    void aDelayedReplyComesLate() throws Exception {
        sim.faults().next(Fault.delay(Duration.ofMillis(300)));
        long start = System.nanoTime();

        call(sim, "core_webservice_get_site_info");

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }

    @Test
    void aFaultAfterNRequestsHitsExactlyTheOneAfterThem() throws Exception {
        sim.faults().after(2, Fault.status(502)).after(0, Fault.status(504));

        for (int i = 0; i < 4; i++) {
            raw(sim, null, form("wstoken", sim.token(), "wsfunction", "core_webservice_get_site_info",
                    "moodlewsrestformat", "json"));
        }

        assertThat(sim.requests()).extracting(SimRequest::fault).containsExactly(Fault.status(504), null,
                Fault.status(502), null);
        assertThat(sim.faults().pending()).isZero();
    }

    @Test
    void anOversizedReplyIsTheRealReplyPaddedAndTheFunctionRan() throws Exception {
        sim.faults().next(Fault.oversizedReply(100_000));
        String create = form(concat(new String[] {"wstoken", sim.token(), "wsfunction", "core_user_create_users",
            "moodlewsrestformat", "json"}, user(0, "jdoe")));

        String body = raw(sim, null, create).body();

        assertThat(body.length()).isGreaterThan(100_000);
        assertThat(body.strip()).startsWith("[{\"id\":");
        assertThat(sim.site().find("user", "username", "jdoe")).isPresent();
    }

    @Test
    void aRevokedTokenIsMoodlesInvalidtokenAndRunsNothing() throws Exception {
        sim.faults().next(Fault.invalidToken());
        String create = form(concat(new String[] {"wstoken", sim.token(), "wsfunction", "core_user_create_users",
            "moodlewsrestformat", "json"}, user(0, "jdoe")));

        assertThat(raw(sim, null, create).body()).contains("\"errorcode\":\"invalidtoken\"");
        assertThat(sim.site().find("user", "username", "jdoe")).isEmpty();
        assertThat(raw(sim, null, create).body()).startsWith("[{\"id\":");   // one request only
    }

    @Test
    void aFunctionTakenOutOfTheServiceStaysOutUntilPutBack() throws Exception {
        sim.faults().next(Fault.removeFunction());
        String info = form("wstoken", sim.token(), "wsfunction", "core_webservice_get_site_info", "moodlewsrestformat", "json");

        assertThat(raw(sim, null, info).body()).contains("\"errorcode\":\"accessexception\"");
        assertThat(raw(sim, null, info).body()).contains("\"errorcode\":\"accessexception\"");
        sim.site().serviceHasFunction("core_webservice_get_site_info", true);
        assertThat(raw(sim, null, info).body()).startsWith("{\"sitename\"");
    }
}
