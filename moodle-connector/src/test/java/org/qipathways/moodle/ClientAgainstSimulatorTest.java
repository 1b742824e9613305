package org.qipathways.moodle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.qipathways.moodle.simulator.Fault;
import org.qipathways.moodle.simulator.MoodleSimulator;
import org.qipathways.moodle.simulator.SimRequest;
import org.qipathways.moodle.simulator.SimulatedSite;
import org.qipathways.moodle.ws.ActivitiesCompletion;
import org.qipathways.moodle.ws.CohortContext;
import org.qipathways.moodle.ws.CohortMember;
import org.qipathways.moodle.ws.ContextRef;
import org.qipathways.moodle.ws.CourseCompletion;
import org.qipathways.moodle.ws.CourseField;
import org.qipathways.moodle.ws.CreatedUser;
import org.qipathways.moodle.ws.Criterion;
import org.qipathways.moodle.ws.Enrolment;
import org.qipathways.moodle.ws.Filter;
import org.qipathways.moodle.ws.Framework;
import org.qipathways.moodle.ws.FrameworkCompetency;
import org.qipathways.moodle.ws.GradeItems;
import org.qipathways.moodle.ws.NewCategory;
import org.qipathways.moodle.ws.NewCohort;
import org.qipathways.moodle.ws.NewCompetency;
import org.qipathways.moodle.ws.NewCourse;
import org.qipathways.moodle.ws.NewFramework;
import org.qipathways.moodle.ws.NewTemplate;
import org.qipathways.moodle.ws.NewUser;
import org.qipathways.moodle.ws.PlanCompetency;
import org.qipathways.moodle.ws.PlanTemplate;
import org.qipathways.moodle.ws.UserField;

/** The client against the simulator: typed calls end to end, the max_input_vars edge, errors and faults. */
class ClientAgainstSimulatorTest {

    static final String SCALE_CONFIG = "[{\"scaleid\":\"2\"},{\"id\":1,\"scaledefault\":0,\"proficient\":0},"
            + "{\"id\":2,\"scaledefault\":1,\"proficient\":1}]";

    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
    }

    private MoodleSimulator sim(MoodleSimulator.Builder b) {
        MoodleSimulator sim = b.build();
        open.add(sim);
        return sim;
    }

    private MoodleClient client(MoodleSimulator sim, java.util.function.UnaryOperator<MoodleConfig.Builder> settings) {
        MoodleConfig.Builder b = MoodleConfig.builder(sim.url(), MoodleToken.of(sim.token()))
                .retryDelays(Duration.ofMillis(1), Duration.ofMillis(5));
        MoodleClient c = MoodleClient.create(settings.apply(b).build());
        open.add(c);
        return c;
    }

    private static List<NewUser> users(int n) {
        List<NewUser> users = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            users.add(NewUser.of(String.format("learner%03d", i), "First", "Last" + i, "learner" + i + "@nhs.net")
                    .withIdnumber(String.format("L%03d", i)).withCreatePassword(true));
        }
        return users;
    }

    @Test
    void aProgrammeShapedSiteCanBeBuiltAndReadBack() {
        MoodleSimulator sim = sim(MoodleSimulator.builder());
        MoodleClient c = client(sim, b -> b);

        long programme = c.createCategories(List.of(NewCategory.of("QI Pathway", 0).withIdnumber("QIP-BSG"))).get(0).id();
        long bronze = c.createCategories(List.of(NewCategory.of("Bronze", programme).withIdnumber("QIP-BSG/BRONZE"))).get(0).id();
        long course = c.createCourses(List.of(NewCourse.of("Bronze e-learning", "BRZ-E", bronze)
                .withIdnumber("QIP-BSG/BRZ-E").withEnableCompletion(1))).get(0).id();
        Framework fw = c.createFramework(NewFramework.of("QI skills", "QIP-BSG-FW", 2, SCALE_CONFIG, ContextRef.system()));
        FrameworkCompetency domain = c.createCompetency(NewCompetency.of("Improvement", "QIP-D1", fw.id()));
        FrameworkCompetency skill = c.createCompetency(NewCompetency.of("Measurement", "QIP-C1", fw.id()).withParent(domain.id()));
        assertThat(c.addCompetencyToCourse(course, skill.id())).isTrue();
        assertThat(c.addCompetencyToCourse(course, skill.id())).as("already linked").isFalse();
        long link = c.listCourseCompetencies(course).get(0).coursecompetency().id();
        assertThat(c.setCourseCompetencyRuleOutcome(link, 3)).isTrue();
        assertThat(c.updateCourseCompetencySettings(course, true)).isTrue();
        PlanTemplate template = c.createTemplate(NewTemplate.of("Bronze", ContextRef.system()));
        assertThat(c.addCompetencyToTemplate(template.id(), skill.id())).isTrue();
        long cohort = c.createCohorts(List.of(NewCohort.of(CohortContext.system(), "Bronze certified", "QIP-BSG/BRONZE"))).get(0).id();
        List<CreatedUser> learners = c.createUsers(users(3));
        c.enrolUsers(learners.stream().map(u -> Enrolment.of(SimulatedSite.STUDENT, u.id(), course)).toList());
        assertThat(c.addCohortMembers(List.of(CohortMember.byKeys("QIP-BSG/BRONZE", "learner000")))).isEmpty();

        assertThat(c.getCategories(List.of(new Criterion("idnumber", "QIP-BSG")), true)).extracting(x -> x.idnumber())
                .containsExactly("QIP-BSG", "QIP-BSG/BRONZE");
        assertThat(c.getCoursesByField(CourseField.IDNUMBER, "QIP-BSG/BRZ-E").courses()).singleElement()
                .satisfies(x -> assertThat(x.categoryid()).isEqualTo(bronze));
        assertThat(c.listCompetencies(List.of(Filter.framework(fw.id())))).extracting(FrameworkCompetency::idnumber)
                .containsExactly("QIP-D1", "QIP-C1");
        assertThat(c.readCompetency(skill.id()).path()).isEqualTo("/0/" + domain.id() + "/");
        assertThat(c.listCourseCompetencies(course).get(0).coursecompetency().ruleoutcome()).isEqualTo(3);
        assertThat(c.listCompetenciesInTemplate(template.id())).extracting(FrameworkCompetency::id).containsExactly(skill.id());
        assertThat(c.listFrameworks(ContextRef.system(), "children", false)).extracting(Framework::idnumber).containsExactly("QIP-BSG-FW");
        assertThat(c.getEnrolledUsers(course, List.of())).hasSize(3);
        assertThat(c.getCohortMembers(List.of(cohort)).get(0).userids()).containsExactly(learners.get(0).id());
        assertThat(c.getUsersByField(UserField.IDNUMBER, List.of("L001", "L002"))).extracting(x -> x.username())
                .containsExactly("learner001", "learner002");

        assertThat(sim.site().find("course", "shortname", "BRZ-E").get()).containsEntry("category", bronze);
        assertThat(sim.site().cohortMembers("QIP-BSG/BRONZE")).containsExactly("learner000");
    }

    @Test
    void whatLearnersDidCanBePulled() {
        MoodleSimulator sim = sim(MoodleSimulator.builder());
        SimulatedSite site = sim.site();
        long course = site.addCourse("Bronze e-learning", "BRZ-E", 1);
        long learner = site.addUser("jdoe", "Jane", "Doe", "jane.doe@nhs.net");
        site.enrol(learner, course, SimulatedSite.STUDENT);
        long quiz = site.addActivity(course, "quiz", "Knowledge check", 2);
        site.addCompletionCriterion(course, quiz);
        site.completeActivity(quiz, learner, 2, 1_767_225_600L);
        site.grade(site.addGradeItem(course, quiz, "Knowledge check", 100), learner, 85, 1_767_225_600L);
        MoodleClient c = client(sim, b -> b);
        Framework fw = c.createFramework(NewFramework.of("QI", "FW", 2, SCALE_CONFIG, ContextRef.system()));
        FrameworkCompetency comp = c.createCompetency(NewCompetency.of("Measurement", "C1", fw.id()));
        PlanTemplate template = c.createTemplate(NewTemplate.of("Bronze", ContextRef.system()));
        c.addCompetencyToTemplate(template.id(), comp.id());
        long plan = site.addPlan(learner, "Bronze", template.id(), 1);
        site.rate(learner, comp.id(), 2, true);

        CourseCompletion done = c.getCourseCompletionStatus(course, learner);
        assertThat(done.completionstatus().completed()).isTrue();
        assertThat(done.completionstatus().completions().get(0).timecompleted()).isEqualTo(1_767_225_600L);
        ActivitiesCompletion activities = c.getActivitiesCompletionStatus(course, learner);
        assertThat(activities.statuses()).singleElement().satisfies(a -> {
            assertThat(a.cmid()).isEqualTo(quiz);
            assertThat(a.state()).isEqualTo(2);
        });
        GradeItems grades = c.getGradeItems(course, 0);
        assertThat(grades.usergrades()).singleElement().satisfies(g -> assertThat(g.gradeitems())
                .extracting(GradeItems.Item::itemtype, GradeItems.Item::graderaw)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("mod", 85.0), org.assertj.core.groups.Tuple.tuple("course", 85.0)));
        assertThat(c.listUserPlans(learner)).singleElement().satisfies(p -> assertThat(p.templateid()).isEqualTo(template.id()));
        List<PlanCompetency> rated = c.listPlanCompetencies(plan);
        assertThat(rated).singleElement().satisfies(r -> {
            assertThat(r.usercompetency().grade()).isEqualTo(2);
            assertThat(r.usercompetency().proficiency()).isTrue();
        });
        assertThatThrownBy(() -> c.getCourseCompletionStatus(site.addCourse("No criteria", "NOC", 1), learner))
                .isInstanceOfSatisfying(MoodleErrorException.class, e -> assertThat(e.errorcode()).isEqualTo("usernotenroled"));
    }

    // ---- max_input_vars --------------------------------------------------------------------------

    @Nested
    class MaxInputVars {

        @Test
        void batchesFillRequestsToTheSitesLimitAndLoseNothing() {
            MoodleSimulator sim = sim(MoodleSimulator.builder().maxInputVars(1000));
            // 6 variables per user: (1000 - 3) / 6 = 166 users a request
            MoodleClient c = client(sim, b -> b.maxInputVars(1000).maxBatchSize(1000));

            List<CreatedUser> created = c.createUsers(users(300));

            assertThat(created).hasSize(300);
            assertThat(created).extracting(CreatedUser::username).isEqualTo(users(300).stream().map(NewUser::username).toList());
            assertThat(sim.requests()).extracting(SimRequest::formVariables).containsExactly(999, 807);
            assertThat(sim.requests()).extracting(SimRequest::dropped).containsOnly(0);
        }

        @Test
        void whenPhpDropsWholeUsersTheReplyIsCaughtAsIncompleteAndSaysWhatWasApplied() {
            // PHP keeps max_input_vars + 1 = 999 variables: 3 reserved and exactly 166 users
            MoodleSimulator sim = sim(MoodleSimulator.builder().maxInputVars(998));
            MoodleClient c = client(sim, b -> b.maxInputVars(5000).maxBatchSize(1000));

            assertThatThrownBy(() -> c.createUsers(users(300)))
                    .isInstanceOfSatisfying(IncompleteReplyException.class, e -> {
                        assertThat(e.sent()).isEqualTo(300);
                        assertThat(e.accounted()).isEqualTo(166);
                    });
            assertThat(sim.site().count("user")).as("166 were created before the rest was lost").isEqualTo(3 + 166);
        }

        @Test
        void whenPhpCutsThroughAUserTheCallFailsWithAMissingKeyAndNothingIsApplied() {
            MoodleSimulator sim = sim(MoodleSimulator.builder().maxInputVars(1000).debugging(true));
            MoodleClient c = client(sim, b -> b.maxInputVars(2000).maxBatchSize(1000));

            assertThatThrownBy(() -> c.createUsers(users(300)))
                    .isInstanceOfSatisfying(MoodleParameterException.class, e -> assertThat(e.debugInfo().orElseThrow())
                            .startsWith("users => Invalid parameter value detected: Missing required key in single structure:"));
            assertThat(sim.site().count("user")).isEqualTo(3);
        }

        @Test
        void bundledCallsSidestepTheLimit() {
            MoodleSimulator sim = sim(MoodleSimulator.builder().maxInputVars(100));
            MoodleClient c = client(sim, b -> b.maxInputVars(100));

            List<MoodleResult<List<CreatedUser>>> results = c.callAll(List.of(MoodleCall.createUsers(users(40))));

            assertThat(results.get(0).get()).hasSize(40);
            assertThat(sim.requests()).extracting(SimRequest::function)
                    .containsExactly("core_webservice_get_site_info", "tool_mobile_call_external_functions");
        }
    }

    // ---- errors as the site gives them ---------------------------------------------------------------

    @Test
    void moodlesErrorsArriveAsTheirExceptions() {
        MoodleSimulator sim = sim(MoodleSimulator.builder());
        MoodleClient c = client(sim, b -> b);
        c.createCourses(List.of(NewCourse.of("Bronze", "BRZ", 1)));

        assertThatThrownBy(() -> c.createCourses(List.of(NewCourse.of("Again", "BRZ", 1))))
                .isInstanceOfSatisfying(DuplicateRecordException.class, e -> assertThat(e.errorcode()).isEqualTo("shortnametaken"));
        assertThatThrownBy(() -> c.getGradeItems(999, 0)).isInstanceOf(RecordNotFoundException.class);
        c.createUsers(users(1));
        assertThatThrownBy(() -> c.createUsers(users(1))).isInstanceOf(MoodleParameterException.class);
        sim.site().denyCapability("moodle/cohort:manage");
        assertThatThrownBy(() -> c.createCohorts(List.of(NewCohort.of(CohortContext.system(), "B", "B"))))
                .isInstanceOfSatisfying(MissingCapabilityException.class,
                        e -> assertThat(e.capabilityName()).contains("Create, delete and move cohorts"));
        sim.site().competenciesEnabled(false);
        assertThatThrownBy(() -> c.createTemplate(NewTemplate.of("B", ContextRef.system()))).isInstanceOf(FeatureDisabledException.class);
        sim.site().serviceHasFunction("core_cohort_get_cohorts", false);
        assertThatThrownBy(() -> c.getCohorts(List.of())).isInstanceOf(MoodleAccessException.class)
                .hasMessageContaining("accessexception");
        sim.site().maintenance(true);
        assertThatThrownBy(c::siteInfo).isInstanceOf(SiteMaintenanceException.class);
        sim.site().maintenance(false);
        sim.site().suspendTokenUser(true);
        assertThatThrownBy(c::siteInfo).isInstanceOfSatisfying(MoodleAccessException.class,
                e -> assertThat(e.errorcode()).isEqualTo("wsaccessusersuspended"));
    }

    @Test
    void aWrongTokenIsAnInvalidTokenException() {
        MoodleSimulator sim = sim(MoodleSimulator.builder());
        MoodleClient c = MoodleClient.create(MoodleConfig.of(sim.url(), MoodleToken.of("0123456789abcdef")));
        open.add(c);

        assertThatThrownBy(c::siteInfo).isInstanceOf(InvalidTokenException.class);
    }

    // ---- faults ----------------------------------------------------------------------------------

    @Test
    void readsRecoverFromServerErrorsAndDroppedConnections() {
        MoodleSimulator sim = sim(MoodleSimulator.builder());
        MoodleClient c = client(sim, b -> b);
        sim.faults().next(Fault.status(503), Fault.dropConnectionBeforeProcessing(), Fault.status(502));

        assertThat(c.siteInfo().username()).isEqualTo("wsconnector");
        assertThat(sim.requests()).hasSize(4);
    }

    @Test
    void aCreateWhoseReplyIsLostIsNotSentAgainSoNothingIsDuplicated() {
        MoodleSimulator sim = sim(MoodleSimulator.builder());
        MoodleClient c = client(sim, b -> b);
        sim.faults().onFunction("core_competency_create_template", Fault.dropConnectionAfterProcessing());

        assertThatThrownBy(() -> c.createTemplate(NewTemplate.of("Bronze", ContextRef.system())))
                .isInstanceOf(MoodleTransportException.class).hasMessageContaining("not retried");
        assertThat(sim.site().count("competency_template")).as("created once, reply lost, not repeated").isEqualTo(1);
        assertThat(sim.requests()).hasSize(1);
    }

    @Test
    void brokenRepliesAreReportedForWhatTheyAre() {
        MoodleSimulator sim = sim(MoodleSimulator.builder());
        MoodleClient c = client(sim, b -> b);
        sim.faults().next(Fault.htmlErrorPage(), Fault.truncatedJson(), Fault.phpWarning());

        assertThatThrownBy(c::siteInfo).isInstanceOf(MoodleReplyException.class).hasMessageContaining("HTML page (title: 'Error | QI Academy')");
        assertThatThrownBy(c::siteInfo).isInstanceOf(MoodleReplyException.class).hasMessageContaining("stops in the middle of the JSON");
        assertThatThrownBy(c::siteInfo).isInstanceOf(MoodleReplyException.class)
                .hasMessageContaining("Warning: Undefined array key \"theme\" in /var/www/moodle/public/lib/outputlib.php");

        MoodleClient tolerant = client(sim, b -> b.acceptOutputAroundJson(true));
        sim.faults().next(Fault.phpWarning());
        assertThat(tolerant.siteInfo().username()).isEqualTo("wsconnector");
    }

    @Test
    void aSlowSiteTimesOut() {
        MoodleSimulator sim = sim(MoodleSimulator.builder());
        MoodleClient c = client(sim, b -> b.readTimeout(Duration.ofMillis(150)).maxAttempts(1));
        sim.faults().next(Fault.delay(Duration.ofMillis(600)));

        assertThatThrownBy(c::siteInfo).isInstanceOf(MoodleTransportException.class).hasMessageContaining("in time");
    }

    // ---- bundling and the doctor -----------------------------------------------------------------

    @Test
    void manyReadsTravelInOneBundledRequest() {
        MoodleSimulator sim = sim(MoodleSimulator.builder());
        long course = sim.site().addCourse("Bronze", "BRZ", 1);
        long quiz = sim.site().addActivity(course, "quiz", "Quiz", 2);
        List<MoodleCall<ActivitiesCompletion>> calls = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            long learner = sim.site().addUser("l" + i, "L", "N" + i, "l" + i + "@nhs.net");
            sim.site().enrol(learner, course, SimulatedSite.STUDENT);
            sim.site().completeActivity(quiz, learner, i % 2, 1_767_225_600L);
            calls.add(MoodleCall.activitiesCompletionStatus(course, learner));
        }
        calls.add(5, MoodleCall.activitiesCompletionStatus(course, 1));   // the guest: not enrolled
        MoodleClient c = client(sim, b -> b);

        List<MoodleResult<ActivitiesCompletion>> results = c.callAll(calls);

        assertThat(results).hasSize(21);
        assertThat(results.get(5).error()).get().isInstanceOf(MoodleErrorException.class);
        assertThat(results.stream().filter(MoodleResult::isSuccess).map(r -> r.get().statuses().get(0).state()))
                .containsExactly(0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1);
        // site info, then one bundle that Moodle stops at the failure, then one for the rest
        assertThat(sim.requests()).extracting(SimRequest::function).containsExactly("core_webservice_get_site_info",
                "tool_mobile_call_external_functions", "tool_mobile_call_external_functions");
    }

    @Test
    void theDoctorReportsTheSiteAndEveryMissingFunction() {
        MoodleSimulator sim = sim(MoodleSimulator.builder().withoutFunctions("core_user_create_users",
                "core_cohort_add_cohort_members", "tool_mobile_call_external_functions"));
        sim.site().completionEnabled(false);
        MoodleClient c = client(sim, b -> b);

        DoctorReport r = Doctor.check(c);

        assertThat(r.release()).isEqualTo("5.1+ (Build: 20251205)");
        assertThat(r.username()).isEqualTo("wsconnector");
        assertThat(r.missingFunctions()).containsExactly("core_cohort_add_cohort_members", "core_user_create_users");
        assertThat(r.bundling()).isFalse();
        assertThat(r.ok()).isFalse();
        assertThat(r.problems()).anyMatch(p -> p.startsWith("completion tracking is disabled"));
        assertThat(r.lines()).contains("  - core_cohort_add_cohort_members", "  - core_user_create_users")
                .anyMatch(l -> l.startsWith("Functions: 2 of the " + MoodleFunction.required().size()))
                .last().asString().startsWith("NOT READY: 3 problems");
    }

    @Test
    void theDoctorPassesACompleteSite() {
        MoodleSimulator sim = sim(MoodleSimulator.builder());

        DoctorReport r = Doctor.check(client(sim, b -> b));

        assertThat(r.ok()).isTrue();
        assertThat(r.bundling()).isTrue();
        assertThat(r.lines()).last().isEqualTo("OK: the connector can work with this site.");
    }

    @Test
    void thePlatformPluginIsFoundByDiscoveryAndChecksTheSite() {
        MoodleSimulator sim = sim(MoodleSimulator.builder().withoutFunctions("core_user_create_users"));

        try (org.qipathways.platform.LearningPlatform moodle = org.qipathways.platform.Platforms.discover()
                .open("moodle", org.qipathways.platform.PlatformSettings.of(sim.url(), sim.token())
                        .withOption("max-input-vars", "5000"))) {
            org.qipathways.platform.PlatformCheck check = moodle.check();
            assertThat(check.platform()).isEqualTo("moodle");
            assertThat(check.release()).isEqualTo("5.1+ (Build: 20251205)");
            assertThat(check.problems()).containsExactly("the token's service lacks core_user_create_users");
        }
    }

    @Test
    void unknownPluginOptionsAreRefusedByName() {
        assertThatThrownBy(() -> MoodlePlatformProvider.config(org.qipathways.platform.PlatformSettings
                .of(java.net.URI.create("https://moodle.example.org"), "abc123").withOption("max-vars", "5")))
                .hasMessageStartingWith("the Moodle connector has no option 'max-vars'; its options are auth, bundling, call-timeout-seconds, email-domain, max-attempts");
        assertThatThrownBy(() -> MoodlePlatformProvider.config(org.qipathways.platform.PlatformSettings
                .of(java.net.URI.create("https://moodle.example.org"), "abc123").withOption("max-input-vars", "lots")))
                .hasMessage("option max-input-vars: 'lots' is not a number");
        assertThat(MoodlePlatformProvider.config(org.qipathways.platform.PlatformSettings
                .of(java.net.URI.create("https://moodle.example.org"), "abc123")
                .withOption("max-input-vars", "5000").withOption("bundling", "false")
                .withOption("call-timeout-seconds", "90").withOption("max-reply-bytes", "4194304")))
                .satisfies(cfg -> {
                    assertThat(cfg.maxInputVars()).isEqualTo(5000);
                    assertThat(cfg.bundling()).isFalse();
                    assertThat(cfg.callTimeout()).isEqualTo(java.time.Duration.ofSeconds(90));
                    assertThat(cfg.maxReplyBytes()).isEqualTo(4194304L);
                });
    }
}
