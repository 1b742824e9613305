package org.qipathways.moodle.sync;

import java.util.List;
import org.qipathways.record.LearnerEvent;

/**
 * A pull's events, by learner then date, with its {@link PullSummary}.
 * <pre>{@code
 * PulledEvents r = pull.pullWithSummary(programme, since);
 * EventsCsv.write(out, r.events());
 * }</pre>
 */
public record PulledEvents(List<LearnerEvent> events, PullSummary summary) {

    public PulledEvents {
        events = List.copyOf(events);
    }
}
