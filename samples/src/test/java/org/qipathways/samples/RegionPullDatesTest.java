package org.qipathways.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qipathways.competency.ProficiencyLevel;
import org.qipathways.moodle.MoodleClient;
import org.qipathways.moodle.MoodleConfig;
import org.qipathways.moodle.MoodleToken;
import org.qipathways.moodle.simulator.MoodleSimulator;
import org.qipathways.moodle.simulator.SimulatorSeeder;
import org.qipathways.moodle.sync.EventPull;
import org.qipathways.moodle.sync.LearnerSync;
import org.qipathways.moodle.sync.ProgrammeSync;
import org.qipathways.moodle.sync.SyncOptions;
import org.qipathways.programme.Programme;
import org.qipathways.record.EventsCsv;
import org.qipathways.record.Learner;
import org.qipathways.record.LearnerEvent;
import org.qipathways.record.LearnersCsv;
import org.qipathways.record.ReadOptions;
import org.qipathways.samples.generate.RegionConfig;
import org.qipathways.samples.generate.RegionGenerator;

/**
 * Issue 12's end-to-end check on the demo's kind of region: after the generated activity, extra
 * ratings in May and, in September, completions of a course that gives evidence of the rated
 * competency (which, as in Moodle, stamps the user competency again), every rating comes back from
 * the simulated Moodle dated the day it was made.
 */
class RegionPullDatesTest {

    private static final Programme REFERENCE = Programme.reference();
    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 1);

    @TempDir
    Path dir;

    @Test
    void everyRatingComesBackDatedTheDayItWasMadeThoughLinkedCoursesWereCompletedLater() throws Exception {
        RegionGenerator.of(new RegionConfig(300, 3, AS_OF)).writeTo(dir);
        List<Learner> learners = LearnersCsv.read(dir.resolve(RegionGenerator.LEARNERS_FILE), ReadOptions.STRICT).rows();
        List<LearnerEvent> generated = EventsCsv.read(dir.resolve(RegionGenerator.EVENTS_FILE), REFERENCE, ReadOptions.STRICT)
                .rows().stream()
                // decided in the trust's own records, never in Moodle
                .filter(e -> e.type() != LearnerEvent.Type.PRIOR_LEARNING && e.type() != LearnerEvent.Type.REVOKED)
                .toList();
        // learners who never completed BRZ-ELN (it gives evidence of C-SYSTEMS) nor were rated on C-SYSTEMS
        Set<String> touched = generated.stream()
                .filter(e -> e instanceof LearnerEvent.Completed c && c.item().equals("BRZ-ELN")
                        || e instanceof LearnerEvent.Rated r && r.item().equals("C-SYSTEMS"))
                .map(LearnerEvent::learnerId).collect(Collectors.toSet());
        List<String> fresh = learners.stream().map(Learner::learnerId).filter(id -> !touched.contains(id)).limit(30).toList();
        assertThat(fresh).hasSizeGreaterThanOrEqualTo(10);
        List<LearnerEvent> mayRatings = new ArrayList<>();
        List<LearnerEvent> septemberCompletions = new ArrayList<>();
        for (int i = 0; i < fresh.size(); i++) {
            mayRatings.add(new LearnerEvent.Rated(fresh.get(i), LocalDate.of(2026, 5, 1 + i), "C-SYSTEMS", 1 + i % 3));
            septemberCompletions.add(new LearnerEvent.Completed(fresh.get(i), LocalDate.of(2026, 9, 1 + i % 28), "BRZ-ELN"));
        }

        List<LearnerEvent> pulled;
        try (MoodleSimulator moodle = MoodleSimulator.start()) {
            var scale = REFERENCE.framework().scale();
            long scaleId = moodle.site().addScale(scale.name(), scale.levels().stream().map(ProficiencyLevel::name).toList());
            SyncOptions options = SyncOptions.defaults().withScaleId(scaleId);
            try (MoodleClient client = MoodleClient.create(MoodleConfig.builder(moodle.url(), MoodleToken.of(moodle.token()))
                    .maxBatchSize(MoodleConfig.DEFAULT_MAX_INPUT_VARS).build())) {
                new ProgrammeSync(client, options).apply(REFERENCE);
                new LearnerSync(client, options).apply(REFERENCE, learners, Map.of());
                SimulatorSeeder.seed(moodle.site(), REFERENCE, generated);
                SimulatorSeeder.seed(moodle.site(), REFERENCE, mayRatings);
                SimulatorSeeder.seed(moodle.site(), REFERENCE, septemberCompletions);
                pulled = new EventPull(client, options, ZoneOffset.UTC).pull(REFERENCE, null);
            }
        }

        // Moodle keeps a user competency's current rating: the last one made of each competency
        Map<String, LearnerEvent> expected = new LinkedHashMap<>();
        generated.stream().filter(e -> e instanceof LearnerEvent.Rated).sorted(Comparator.comparing(LearnerEvent::date))
                .forEach(e -> expected.put(e.learnerId() + " " + e.item(), e));
        mayRatings.forEach(e -> expected.put(e.learnerId() + " " + e.item(), e));
        assertThat(expected.size()).isGreaterThan(fresh.size());
        assertThat(pulled.stream().filter(e -> e instanceof LearnerEvent.Rated).toList())
                .containsExactlyInAnyOrderElementsOf(expected.values());
        assertThat(pulled).containsAll(septemberCompletions);
    }
}
