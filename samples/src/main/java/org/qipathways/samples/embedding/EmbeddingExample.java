package org.qipathways.samples.embedding;

// README:begin
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.qipathways.programme.Programme;
import org.qipathways.progress.Evaluator;
import org.qipathways.progress.Progress;
import org.qipathways.progress.TierProgress;
import org.qipathways.record.EventsCsv;
import org.qipathways.record.LearnerEvent;
import org.qipathways.record.LearnerRecord;
import org.qipathways.record.ReadOptions;
import org.qipathways.record.ReadResult;

/** Where one learner stands on every tier: {@code EmbeddingExample events.csv L0000042 2025-03-31}. */
public final class EmbeddingExample {

    public static void main(String[] args) {
        Path eventsFile = Path.of(args[0]);
        String learnerId = args[1];
        LocalDate asOf = LocalDate.parse(args[2]);

        Programme programme = Programme.reference();            // or Programme.load(Path.of("mine.yaml"))
        ReadResult<LearnerEvent> events = EventsCsv.read(eventsFile, programme, ReadOptions.STRICT);
        Map<String, LearnerRecord> records = LearnerRecord.group(List.of(), events.rows());
        // a learner with no events has no entry: their record is empty, every tier NOT_STARTED
        LearnerRecord record = records.getOrDefault(learnerId, LearnerRecord.empty(learnerId));

        Evaluator evaluator = Evaluator.of(programme);           // compiled once, thread-safe
        Progress progress = evaluator.evaluate(record, asOf);
        for (TierProgress tier : progress.tiers()) {
            System.out.println(tier.title() + ": " + tier.status()
                    + (tier.achievedOn() == null ? "" : " on " + tier.achievedOn()));
            for (String missing : tier.unmet()) {
                System.out.println("  to do: " + missing);
            }
        }
    }
}
// README:end
