package org.qipathways.moodle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.qipathways.moodle.simulator.MoodleSimulator;
import org.qipathways.moodle.simulator.internal.Desc;
import org.qipathways.moodle.simulator.internal.Functions;
import org.qipathways.moodle.simulator.internal.PhpArray;
import org.qipathways.moodle.ws.CategoryUpdate;
import org.qipathways.moodle.ws.CohortContext;
import org.qipathways.moodle.ws.CohortMember;
import org.qipathways.moodle.ws.CohortUpdate;
import org.qipathways.moodle.ws.CompetencyUpdate;
import org.qipathways.moodle.ws.ContextRef;
import org.qipathways.moodle.ws.CourseField;
import org.qipathways.moodle.ws.CourseUpdate;
import org.qipathways.moodle.ws.Criterion;
import org.qipathways.moodle.ws.Enrolment;
import org.qipathways.moodle.ws.Filter;
import org.qipathways.moodle.ws.FrameworkUpdate;
import org.qipathways.moodle.ws.Membership;
import org.qipathways.moodle.ws.NewCategory;
import org.qipathways.moodle.ws.NewCohort;
import org.qipathways.moodle.ws.NewCompetency;
import org.qipathways.moodle.ws.NewCourse;
import org.qipathways.moodle.ws.NewFramework;
import org.qipathways.moodle.ws.NewTemplate;
import org.qipathways.moodle.ws.NewUser;
import org.qipathways.moodle.ws.Option;
import org.qipathways.moodle.ws.TemplateUpdate;
import org.qipathways.moodle.ws.Unenrolment;
import org.qipathways.moodle.ws.UserField;
import org.qipathways.moodle.ws.UserUpdate;

/**
 * Every request the client builds, checked against the function's parameter structure as
 * ws-reference.md gives it (transcribed, with Moodle's validation rules, in the simulator's
 * descriptions): names, nesting, required keys, no unexpected keys, and values that clean to
 * themselves for their PARAM type. Each call is built with every optional field the client can set.
 */
class ContractTest {

    private static final String CONFIG = "[{\"scaleid\":\"2\"},{\"id\":1,\"scaledefault\":1,\"proficient\":1}]";

    /** One call per function, with as many fields set as the client offers. */
    static Map<MoodleFunction, MoodleCall<?>> samples() {
        Map<MoodleFunction, MoodleCall<?>> m = new EnumMap<>(MoodleFunction.class);
        add(m, MoodleCall.siteInfo());
        add(m, MoodleCall.createUsers(List.of(NewUser.of("jdoe", "Jane", "Doe", "jane.doe@nhs.net").withIdnumber("L1")
                .withAuth("manual").withPassword("Secret-123").withCreatePassword(false).withInstitution("Trust")
                .withDepartment("Theatres").withCustomField("staffgroup", "Nursing"))));
        add(m, MoodleCall.updateUsers(List.of(UserUpdate.of(4).withUsername("jdoe2").withSuspended(true)
                .withFirstname("J").withLastname("D").withEmail("j@nhs.net").withIdnumber("L2").withInstitution("T")
                .withDepartment("W"))));
        add(m, MoodleCall.getUsersByField(UserField.IDNUMBER, List.of("L1", "L2")));
        add(m, MoodleCall.createCategories(List.of(NewCategory.of("QI", 0).withIdnumber("QIP").withDescription("d"))));
        add(m, MoodleCall.updateCategories(List.of(new CategoryUpdate(2, "QI", "QIP", 0L, "d"))));
        add(m, MoodleCall.getCategories(List.of(new Criterion("idnumber", "QIP")), false));
        add(m, MoodleCall.createCourses(List.of(NewCourse.of("Bronze", "BRZ", 2).withIdnumber("QIP/BRZ").withSummary("s")
                .withFormat("topics").withVisible(1).withDates(1_767_225_600L, 1_798_761_600L).withEnableCompletion(1)
                .withCustomField("tier", "BRONZE"))));
        add(m, MoodleCall.updateCourses(List.of(new CourseUpdate(3, "Bronze", "BRZ", 2L, "QIP/BRZ", "s", 1,
                1_767_225_600L, 0L, 1))));
        add(m, MoodleCall.duplicateCourse(12, "Foundations of QI", "QIP-BSG:BRZ-ELN", 3, 1));
        add(m, MoodleCall.getCoursesByField(CourseField.IDNUMBER, "QIP/BRZ"));
        add(m, MoodleCall.createCohorts(List.of(new NewCohort(CohortContext.categoryIdnumber("QIP"), "Bronze", "QIP/B", "d", true))));
        add(m, MoodleCall.updateCohorts(List.of(new CohortUpdate(1, CohortContext.system(), "Bronze", "QIP/B", "d", false))));
        add(m, MoodleCall.getCohorts(List.of(1L, 2L)));
        add(m, MoodleCall.addCohortMembers(List.of(CohortMember.of(1, 4), CohortMember.byKeys("QIP/B", "jdoe"))));
        add(m, MoodleCall.deleteCohortMembers(List.of(new Membership(1, 4))));
        add(m, MoodleCall.getCohortMembers(List.of(1L)));
        add(m, MoodleCall.enrolUsers(List.of(new Enrolment(5, 4, 3, 1_767_225_600L, 0L, 1))));
        add(m, MoodleCall.unenrolUsers(List.of(new Unenrolment(4, 3))));
        add(m, MoodleCall.getEnrolledUsers(3, List.of(new Option("onlyactive", "1"), new Option("limitnumber", "100"))));
        add(m, MoodleCall.createFramework(NewFramework.of("QI", "FW", 2, CONFIG, ContextRef.category(2))
                .withDescription("d").withTaxonomies("domain,competency")));
        add(m, MoodleCall.readFramework(1));
        add(m, MoodleCall.updateFramework(new FrameworkUpdate(1, "QI", "FW", "d", true, CONFIG, "domain")));
        add(m, MoodleCall.listFrameworks(ContextRef.system(), "children", true));
        add(m, MoodleCall.getScaleValues(2));
        add(m, MoodleCall.createCompetency(NewCompetency.of("Measure", "C1", 1).withParent(0).withDescription("d")));
        add(m, MoodleCall.readCompetency(1));
        add(m, MoodleCall.updateCompetency(new CompetencyUpdate(1, "Measure", "C1", "d")));
        add(m, MoodleCall.listCompetencies(List.of(Filter.framework(1), new Filter("idnumber", "C1"))));
        add(m, MoodleCall.setParentCompetency(2, 1));
        add(m, MoodleCall.addCompetencyToCourse(3, 1));
        add(m, MoodleCall.removeCompetencyFromCourse(3, 1));
        add(m, MoodleCall.listCourseCompetencies(3));
        add(m, MoodleCall.setCourseCompetencyRuleOutcome(1, 3));
        add(m, MoodleCall.updateCourseCompetencySettings(3, true));
        add(m, MoodleCall.createTemplate(new NewTemplate("Bronze", "d", 0L, true, ContextRef.id(1))));
        add(m, MoodleCall.readTemplate(1));
        add(m, MoodleCall.updateTemplate(new TemplateUpdate(1, "Bronze", "d", 0L, false)));
        add(m, MoodleCall.listTemplates(ContextRef.category(2), "self", false));
        add(m, MoodleCall.addCompetencyToTemplate(1, 1));
        add(m, MoodleCall.removeCompetencyFromTemplate(1, 1));
        add(m, MoodleCall.listCompetenciesInTemplate(1));
        add(m, MoodleCall.listUserPlans(4));
        add(m, MoodleCall.listPlanCompetencies(1));
        add(m, MoodleCall.userCompetencySummary(3, 1));
        add(m, MoodleCall.courseCompletionStatus(3, 4));
        add(m, MoodleCall.activitiesCompletionStatus(3, 4));
        add(m, MoodleCall.gradeItems(3, 0));
        return m;
    }

    private static void add(Map<MoodleFunction, MoodleCall<?>> m, MoodleCall<?> c) {
        m.put(c.function(), c);
    }

    private static MockWebServer server;
    private static MoodleClient client;

    @BeforeAll
    static void start() throws IOException {
        server = new MockWebServer();
        server.start();
        client = MockMoodle.client(MockMoodle.config(server).maxAttempts(1).readTimeout(Duration.ofSeconds(5)).build(),
                new MockMoodle.Sleeps());
    }

    @AfterAll
    static void stop() {
        client.close();
        server.close();
    }

    static Stream<MoodleFunction> functions() {
        return Arrays.stream(MoodleFunction.values()).filter(f -> f != MoodleFunction.TOOL_MOBILE_CALL_EXTERNAL_FUNCTIONS);
    }

    /** What the client sends for {@code call}, as PHP parses it. */
    private static PhpArray sent(MoodleCall<?> call) throws InterruptedException {
        server.enqueue(MockMoodle.json("null"));
        try {
            client.call(call);
        } catch (MoodleException | IllegalArgumentException e) {
            // the canned reply does not fit every function; only the request matters here
        }
        RecordedRequest r = server.takeRequest(5, TimeUnit.SECONDS);
        return MockMoodle.php(r);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("functions")
    void eachRequestMatchesItsFunctionsParameterStructure(MoodleFunction function) throws InterruptedException {
        PhpArray request = sent(samples().get(function));

        assertThat(request.keySet()).startsWith("wstoken", "wsfunction", "moodlewsrestformat");
        assertThat(request.get("wsfunction")).isEqualTo(function.wsName());
        PhpArray params = new PhpArray();
        request.forEach((k, v) -> {
            if (!Set.of("wstoken", "wsfunction", "moodlewsrestformat").contains(k)) {
                params.put(k, v);
            }
        });
        Desc.Single structure = Functions.all().get(function.wsName()).params();
        assertThatCode(() -> structure.validate(params)).as(function.wsName()).doesNotThrowAnyException();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("functions")
    void eachCallsJsonArgumentsForABundleMatchTheSameStructure(MoodleFunction function) throws Exception {
        MoodleCall<?> call = samples().get(function);
        String json = new ObjectMapper().writeValueAsString(call.arguments());
        Object args = PhpArray.fromJson(new ObjectMapper().readValue(json, Object.class));

        Desc.Single structure = Functions.all().get(function.wsName()).params();
        assertThatCode(() -> structure.validate((PhpArray) args)).as(function.wsName()).doesNotThrowAnyException();
    }

    @Test
    void theBundleRequestItselfMatchesItsStructure() throws Exception {
        server.enqueue(MockMoodle.json(MockMoodle.siteInfo("tool_mobile_call_external_functions")));
        server.enqueue(MockMoodle.json("{\"responses\":[{\"error\":false,\"data\":\"{}\"},{\"error\":false,\"data\":\"null\"}]}"));
        client.callAll(List.of(MoodleCall.readFramework(1), MoodleCall.enrolUsers(List.of(Enrolment.of(5, 4, 3)))));
        server.takeRequest(5, TimeUnit.SECONDS);

        PhpArray request = MockMoodle.php(server.takeRequest(5, TimeUnit.SECONDS));
        request.remove("wstoken");
        request.remove("wsfunction");
        request.remove("moodlewsrestformat");

        assertThatCode(() -> Functions.all().get("tool_mobile_call_external_functions").params().validate(request))
                .doesNotThrowAnyException();
    }

    @Test
    void everyFunctionTheClientUsesHasASampleAndTheSimulatorImplementsExactlyThoseFunctions() {
        Set<String> used = Arrays.stream(MoodleFunction.values()).map(MoodleFunction::wsName).collect(Collectors.toCollection(TreeSet::new));

        assertThat(samples().keySet()).containsAll(functions().toList());
        assertThat(MoodleSimulator.functions()).containsExactlyInAnyOrderElementsOf(used);
    }

    @Test
    void aRequestWithAKeyMoodleDoesNotDeclareWouldBeCaught() {
        PhpArray params = new PhpArray();
        PhpArray users = new PhpArray();
        PhpArray user = new PhpArray();
        user.put("username", "jdoe");
        user.put("firstname", "J");
        user.put("lastname", "D");
        user.put("email", "j@nhs.net");
        user.put("visible", "1");
        users.put("0", user);
        params.put("users", users);

        assertThatCode(() -> Functions.all().get("core_user_create_users").params().validate(params))
                .hasMessage("Invalid parameter value detected");
        List<String> reasons = new ArrayList<>();
        try {
            Functions.all().get("core_user_create_users").params().validate(params);
        } catch (org.qipathways.moodle.simulator.internal.WsError e) {
            reasons.add(e.debuginfo());
        }
        assertThat(reasons).containsExactly("users => Invalid parameter value detected: Unexpected keys (visible) detected in parameter array.");
    }
}
