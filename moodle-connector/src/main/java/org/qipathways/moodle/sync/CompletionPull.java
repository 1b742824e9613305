package org.qipathways.moodle.sync;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.LongFunction;
import org.qipathways.moodle.MoodleCall;
import org.qipathways.moodle.MoodleClient;
import org.qipathways.moodle.MoodleErrorException;
import org.qipathways.moodle.MoodleException;
import org.qipathways.moodle.MoodleResult;
import org.qipathways.moodle.ws.CourseCompletion;
import org.qipathways.record.LearnerEvent;

/**
 * Online modules' course completion, one call per learner and course, a slice at a time.
 * <p>A course without completion criteria fails every learner's call with {@code nocriteriaset}
 * (completion/classes/external.php, {@code get_course_completion_status}), and Moodle stops a
 * bundle at its first failure, so its learners' calls would go nearly one per request. Each
 * course's first learner is therefore read first, all courses together; a course answering
 * {@code nocriteriaset} is not read further, and one found later is dropped from the slices after.
 */
final class CompletionPull {

    private final MoodleClient client;
    private final EventPull.Progress progress;
    private final List<String> units;
    private final Map<Long, String> learnerOf;
    private final LongFunction<LocalDate> date;

    CompletionPull(MoodleClient client, EventPull.Progress progress, List<String> units, Map<Long, String> learnerOf,
            LongFunction<LocalDate> date) {
        this.client = client;
        this.progress = progress;
        this.units = units;
        this.learnerOf = learnerOf;
        this.date = date;
    }

    /**
     * Reads each {@code {unit index, course id, user id}} into {@code events}; returns the units
     * whose course has no completion criteria, in the order found.
     */
    Set<String> read(List<long[]> keys, List<LearnerEvent> events) {
        List<long[]> probes = new ArrayList<>();
        List<long[]> rest = new ArrayList<>();
        Set<Long> probed = new java.util.HashSet<>();
        for (long[] k : keys) {
            (probed.add(k[0]) ? probes : rest).add(k);
        }
        List<long[]> all = new ArrayList<>(probes);
        all.addAll(rest);
        Set<String> noCriteria = new LinkedHashSet<>();
        handle(probes, noCriteria, events);
        // the probes went on their own: slices of the rest, so that each is whole bundles
        int slice = SliceReads.sliceFor(client.config());
        for (int from = probes.size(); from < all.size(); from += slice) {
            int to = Math.min(all.size(), from + slice);
            List<long[]> batch = new ArrayList<>();
            for (long[] k : all.subList(from, to)) {
                if (!noCriteria.contains(units.get((int) k[0]))) {
                    batch.add(k);
                }
            }
            handle(batch, noCriteria, events);
            progress.read("course completion", to, all.size());
        }
        return noCriteria;
    }

    private void handle(List<long[]> keys, Set<String> noCriteria, List<LearnerEvent> events) {
        if (keys.isEmpty()) {
            return;
        }
        List<MoodleResult<CourseCompletion>> results = client.callAll(keys.stream()
                .map(k -> MoodleCall.courseCompletionStatus(k[1], k[2])).toList());
        for (int i = 0; i < results.size(); i++) {
            MoodleResult<CourseCompletion> r = results.get(i);
            String unit = units.get((int) keys.get(i)[0]);
            if (!r.isSuccess()) {
                MoodleException e = r.error().orElseThrow();
                if (e instanceof MoodleErrorException m && m.errorcode().equals("nocriteriaset")) {
                    noCriteria.add(unit);   // nothing to read until an admin sets completion criteria
                    continue;
                }
                throw e;
            }
            CourseCompletion.Status s = r.get().completionstatus();
            if (s != null && s.completed()) {
                long when = s.completions().stream().map(CourseCompletion.Criterion::timecompleted)
                        .filter(Objects::nonNull).mapToLong(Long::longValue).max().orElse(0);
                if (when > 0) {
                    events.add(new LearnerEvent.Completed(learnerOf.get(keys.get(i)[2]), date.apply(when), unit));
                }
            }
        }
    }
}
