package org.qipathways.record;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.qipathways.record.internal.PackedEvents;
import org.qipathways.record.internal.Values;

/**
 * Everything on record for one learner: their events, oldest first. Immutable.
 *
 * <p>Events are sorted by date, then by type (in the order of {@link LearnerEvent.Type}), item and
 * result (scores as numbers), so the same events give an equal record whatever order they arrived in.
 * <pre>{@code
 * ReadResult<LearnerEvent> events = EventsCsv.read(Path.of("events.csv"), programme, ReadOptions.STRICT);
 * Map<String, LearnerRecord> records = LearnerRecord.group(List.of(), events.rows());
 * // a learner with no events has no entry in the map: their record is empty, not missing
 * LearnerRecord one = records.getOrDefault("L0001", LearnerRecord.empty("L0001"));
 * one.events().isEmpty();   // true when L0001 has done nothing yet
 * }</pre>
 *
 * @param learnerId the learner
 * @param events    the learner's events, sorted (held compactly: an event read from the list is
 *                  equal to the one given, not the same instance)
 */
public record LearnerRecord(String learnerId, List<LearnerEvent> events) {

    /**
     * Sorts and checks the events.
     *
     * @throws IllegalArgumentException when an event belongs to another learner
     */
    public LearnerRecord {
        Values.requireLearnerId(learnerId);
        List<LearnerEvent> sorted = new ArrayList<>(Values.require(events, "events"));
        for (LearnerEvent e : sorted) {
            if (!e.learnerId().equals(learnerId)) {
                throw new IllegalArgumentException("event " + e + " belongs to learner " + e.learnerId()
                        + ", not " + learnerId);
            }
        }
        sorted.sort(LearnerRecord::compare);
        // One long per event rather than an object each (PackedEvents.get makes the event again);
        // records with a revocation keep their event objects.
        List<LearnerEvent> packed = PackedEvents.of(learnerId, sorted);
        events = packed != null ? packed : Collections.unmodifiableList(sorted);
    }

    /**
     * The record of a learner with nothing on record yet: evaluated, every tier is not started. Use it
     * where a learner is looked up and may have no events, since {@link #group} only holds learners
     * it was given or saw in events.
     * <pre>{@code
     * LearnerRecord r = records.getOrDefault(id, LearnerRecord.empty(id));
     * }</pre>
     *
     * @throws IllegalArgumentException when {@code learnerId} is not a valid learner id
     */
    public static LearnerRecord empty(String learnerId) {
        return new LearnerRecord(learnerId, List.of());
    }

    private static int compare(LearnerEvent a, LearnerEvent b) {
        int c = a.date().compareTo(b.date());
        if (c == 0) {
            c = a.type().compareTo(b.type());
        }
        if (c == 0) {
            c = a.item().compareTo(b.item());
        }
        if (c == 0) {
            c = a instanceof LearnerEvent.Assessed && b instanceof LearnerEvent.Assessed
                    ? Integer.compare(((LearnerEvent.Assessed) a).score(), ((LearnerEvent.Assessed) b).score())
                    : a.result().compareTo(b.result());
        }
        return c;
    }

    /**
     * One record per learner, in order of first appearance: first the learners listed (each with a
     * record, even without events), then learners who only appear in {@code events}.
     *
     * @param learners learners in input order, e.g. the rows of {@code learners.csv}; may be empty
     * @param events   events of any learners, in input order
     * @return an unmodifiable map from learner id to record, iterating in that order
     */
    public static Map<String, LearnerRecord> group(Collection<Learner> learners, Collection<? extends LearnerEvent> events) {
        Map<String, List<LearnerEvent>> byLearner = new LinkedHashMap<>(learners.size() * 4 / 3 + 16);
        for (Learner l : learners) {
            byLearner.putIfAbsent(l.learnerId(), List.of());
        }
        String lastId = null;
        List<LearnerEvent> last = null;
        for (LearnerEvent e : events) {
            // files list a learner's events together, so the previous row's list is usually the one
            if (!e.learnerId().equals(lastId)) {
                lastId = e.learnerId();
                last = byLearner.get(lastId);
                if (last == null || last.isEmpty()) {
                    last = new ArrayList<>(4);
                    byLearner.put(lastId, last);   // a listed learner keeps their place and their id
                }
            }
            last.add(e);
        }
        Map<String, LearnerRecord> records = new LinkedHashMap<>(byLearner.size() * 4 / 3 + 1);
        byLearner.forEach((id, list) -> records.put(id, new LearnerRecord(id, list)));
        return Collections.unmodifiableMap(records);
    }
}
