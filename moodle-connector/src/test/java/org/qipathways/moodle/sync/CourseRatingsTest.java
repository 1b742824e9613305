package org.qipathways.moodle.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.qipathways.programme.Programme;
import org.qipathways.record.LearnerEvent;

/**
 * A rating a teacher gives a learner in one of the programme's courses reaches the learner's
 * learning plan, where the pull reads it, even on a site whose administrator turned the site-wide
 * default ({@code core_competency | pushcourseratingstouserplans}) off: the sync switches each of
 * its courses' {@code pushratingstouserplans} on.
 */
class CourseRatingsTest {

    private static final Programme REFERENCE = Programme.reference();
    private static final LocalDate RATED = LocalDate.of(2025, 3, 1);

    private final SimulatorFixture fx = new SimulatorFixture();

    @AfterEach
    void close() {
        fx.close();
    }

    private long id(String table, String column, Object value) {
        return ((Number) fx.sim.site().find(table, column, value).orElseThrow().get("id")).longValue();
    }

    /** L000001 in the Bronze plan, rated 2 (Practitioner) in C-SYSTEMS in the BRZ-ELN course. */
    private void rateInCourse() {
        long user = id("user", "idnumber", "L000001");
        long course = id("course", "idnumber", "qip:QIP-BSG:unit:BRZ-ELN");
        long competency = id("competency", "idnumber", "C-SYSTEMS");
        fx.sim.site().addPlan(user, "Bronze plan", id("competency_template", "shortname", "Bronze [QIP-BSG:BRONZE]"), 1);
        fx.sim.site().rateInCourse(user, course, competency, 2, true, RATED.atStartOfDay().toEpochSecond(ZoneOffset.UTC));
    }

    private List<LearnerEvent> pulledRatings() {
        return new EventPull(fx.client, fx.options(), ZoneOffset.UTC).pull(REFERENCE, null).stream()
                .filter(e -> e instanceof LearnerEvent.Rated).toList();
    }

    @Test
    void aCourseRatingReachesThePlanWhenTheSiteDefaultIsOff() {
        fx.sim.site().pushCourseRatingsToUserPlans(false);
        new ProgrammeSync(fx.client, fx.options()).apply(REFERENCE);
        new LearnerSync(fx.client, fx.options()).apply(REFERENCE, LearnerSyncTest.learners(1, 1), Map.of());

        rateInCourse();

        assertThat(fx.sim.site().rows("competency_coursecompsetting")).hasSize(
                (int) fx.sim.site().rows("competency_coursecomp").stream().map(r -> r.get("courseid")).distinct().count())
                .allSatisfy(r -> assertThat(r.get("pushratingstouserplans")).isEqualTo(true));
        assertThat(pulledRatings()).containsExactly(new LearnerEvent.Rated("L000001", RATED, "C-SYSTEMS", 2));
    }

    @Test
    void withoutTheCourseSettingTheSiteDefaultDecidesAsInMoodle() {
        fx.sim.site().pushCourseRatingsToUserPlans(false);
        new ProgrammeSync(fx.client, fx.options()).apply(REFERENCE);
        new LearnerSync(fx.client, fx.options()).apply(REFERENCE, LearnerSyncTest.learners(1, 1), Map.of());
        long course = id("course", "idnumber", "qip:QIP-BSG:unit:BRZ-ELN");
        fx.client.updateCourseCompetencySettings(course, false);   // a teacher turns it off in the course

        rateInCourse();

        // kept in the course, not in the plan
        assertThat(fx.sim.site().rows("competency_usercompcourse")).hasSize(1);
        assertThat(pulledRatings()).isEmpty();
        assertThat(fx.sim.site().pushesRatingsToUserPlans(course)).isFalse();
        fx.sim.site().pushCourseRatingsToUserPlans(true);
        long other = fx.sim.site().addCourse("A course of the site's", "OTHER", 1);
        assertThat(fx.sim.site().pushesRatingsToUserPlans(other)).isTrue();
    }
}
