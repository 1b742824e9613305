package org.qipathways.moodle.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qipathways.moodle.simulator.SimHttp.call;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * core_enrol_get_enrolled_users as enrol/externallib.php get_enrolled_users() and user/lib.php
 * user_get_user_details() give it: the userfields option, enrolledcourses, paging.
 */
class EnrolledUsersTest {

    private final MoodleSimulator sim = MoodleSimulator.builder().debugging(true).build();
    private final SimulatedSite site = sim.site();
    private final long category = site.addCategory("QI", "qi", 0);
    private final long first = site.addCourse("First course", "C1", category);
    private final long second = site.addCourse("Second course", "C2", category);
    private final long user = site.addUser("jdoe", "Jane", "Doe", "jane@example.org");

    @AfterEach
    void close() {
        sim.close();
    }

    @Test
    void withoutUserfieldsEveryFieldComesAndEnrolledcoursesListsEveryCourseOfTheUser() throws Exception {
        site.enrol(user, first, SimulatedSite.STUDENT);
        site.enrol(user, second, SimulatedSite.STUDENT);

        JsonNode u = call(sim, "core_enrol_get_enrolled_users", "courseid", "" + first).get(0);

        assertThat(u.get("username").asText()).isEqualTo("jdoe");
        assertThat(u.get("roles").get(0).get("shortname").asText()).isEqualTo("student");
        List<String> courses = new ArrayList<>();
        u.get("enrolledcourses").forEach(c -> courses.add(c.get("shortname").asText()));
        assertThat(courses).containsExactlyInAnyOrder("C1", "C2");
    }

    @Test
    void userfieldsGiveOnlyWhatIsAskedForWithIdAndFullnameAlways() throws Exception {
        site.enrol(user, first, SimulatedSite.STUDENT);

        JsonNode u = call(sim, "core_enrol_get_enrolled_users", "courseid", "" + first,
                "options[0][name]", "userfields", "options[0][value]", "roles").get(0);

        List<String> fields = new ArrayList<>();
        u.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactlyInAnyOrder("id", "fullname", "roles");
        assertThat(u.get("fullname").asText()).isEqualTo("Jane Doe");
    }

    @Test
    void anUnknownUserfieldIsRefusedAsMoodleRefusesIt() throws Exception {
        site.enrol(user, first, SimulatedSite.STUDENT);

        JsonNode r = call(sim, "core_enrol_get_enrolled_users", "courseid", "" + first,
                "options[0][name]", "userfields", "options[0][value]", "id,shoesize");

        assertThat(r.get("errorcode").asText()).isEqualTo("invaliduserfield");
    }

    @Test
    void pagesFollowTheOrderAskedFor() throws Exception {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            long u = site.addUser("u" + i, "U", "" + i, "u" + i + "@example.org");
            site.enrol(u, first, SimulatedSite.STUDENT);
            ids.add(u);
        }
        List<Long> read = new ArrayList<>();
        for (int from = 0; from < 9; from += 3) {
            call(sim, "core_enrol_get_enrolled_users", "courseid", "" + first,
                    "options[0][name]", "userfields", "options[0][value]", "id",
                    "options[1][name]", "sortby", "options[1][value]", "id",
                    "options[2][name]", "limitfrom", "options[2][value]", "" + from,
                    "options[3][name]", "limitnumber", "options[3][value]", "3").forEach(u -> read.add(u.get("id").asLong()));
        }
        assertThat(read).isEqualTo(ids);
    }
}
