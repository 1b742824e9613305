package org.qipathways.moodle.sync;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.qipathways.moodle.MoodleCall;
import org.qipathways.moodle.MoodleClient;
import org.qipathways.moodle.ws.EnrolledUser;
import org.qipathways.moodle.ws.Option;

/**
 * Who is enrolled in each of many courses, read with {@code core_enrol_get_enrolled_users} a page
 * at a time ({@code limitfrom}, {@code limitnumber}, in id order) and with only the fields asked
 * for ({@code userfields}): a whole course of a region's learners, with every field and every
 * course each learner is in, is tens of megabytes in one reply (53 MB for the demo's 20,000).
 * <p>The first round asks for every course's first page; a course whose pages all came back full
 * asks for twice as many pages in the next round, so a course of n pages takes about log2(n)
 * rounds, and every round is bundled across courses. A short page ends the course.
 * enrol/externallib.php get_enrolled_users() pages in SQL and then leaves out the users whose
 * details the token may not see (user_get_user_details() returning null), so a page could be short
 * before the end; but a token that may not see learners' details misses them paged or not.
 */
final class CoursePopulations {
    /** Users per page: a few hundred kilobytes of reply with id, idnumber and roles. */
    static final int PAGE = 5_000;

    private CoursePopulations() {
    }

    /**
     * Each course's enrolled users, in id order, suspended enrolments included (as the function
     * gives them without {@code onlyactive}). {@code userfields}: Moodle's comma list, e.g. "id".
     */
    static Map<Long, List<EnrolledUser>> read(MoodleClient client, List<Long> courses, String userfields) {
        return read(client, courses, userfields, PAGE);
    }

    /** As {@link #read(MoodleClient, List, String)}, {@code pageSize} users a page. */
    static Map<Long, List<EnrolledUser>> read(MoodleClient client, List<Long> courses, String userfields, int pageSize) {
        Map<Long, List<EnrolledUser>> out = new LinkedHashMap<>();
        Map<Long, Integer> nextPage = new LinkedHashMap<>();
        for (long c : courses) {
            out.put(c, new ArrayList<>());
            nextPage.put(c, 0);
        }
        int ahead = 1;
        while (!nextPage.isEmpty()) {
            List<MoodleCall<List<EnrolledUser>>> calls = new ArrayList<>();
            List<Long> of = new ArrayList<>();
            for (Map.Entry<Long, Integer> e : nextPage.entrySet()) {
                for (int k = 0; k < ahead; k++) {
                    calls.add(page(e.getKey(), e.getValue() + k, userfields, pageSize));
                    of.add(e.getKey());
                }
            }
            List<List<EnrolledUser>> pages = ProgrammeSync.values(client.callAll(calls));
            Map<Long, Integer> still = new LinkedHashMap<>();
            for (int i = 0; i < pages.size(); i++) {
                long course = of.get(i);
                out.get(course).addAll(pages.get(i));
                still.merge(course, pages.get(i).size() < pageSize ? 0 : 1, Math::min);
            }
            Map<Long, Integer> next = new LinkedHashMap<>();
            for (Map.Entry<Long, Integer> e : nextPage.entrySet()) {
                if (still.get(e.getKey()) == 1) {
                    next.put(e.getKey(), e.getValue() + ahead);
                }
            }
            nextPage = next;
            ahead *= 2;
        }
        return out;
    }

    private static MoodleCall<List<EnrolledUser>> page(long course, int page, String userfields, int pageSize) {
        return MoodleCall.getEnrolledUsers(course, List.of(new Option("userfields", userfields),
                new Option("sortby", "id"), new Option("limitfrom", Integer.toString(page * pageSize)),
                new Option("limitnumber", Integer.toString(pageSize))));
    }
}
