package org.qipathways.moodle.sync;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one pull did and found: its cost on the site and what it read or left aside.
 * <pre>{@code
 * PulledEvents r = new EventPull(client, options, zone).pullWithSummary(programme, null);
 * r.summary().requests();                    // 42
 * r.summary().eventsByType().get("rated");   // 10000
 * r.summary().lines().forEach(out::println);   // out: where your application writes
 * }</pre>
 *
 * @param requests               HTTP requests sent (retries included)
 * @param calls                  web-service calls made, bundled or not
 * @param bytesReceived          bytes of replies received
 * @param eventsByType           events returned (after {@code since}), by event type id ({@code completed}, {@code rated}...)
 * @param learnersSkipped        users not read as learners, by reason
 * @param coursesWithoutCriteria units whose course has no completion criteria: their completion calls were skipped
 */
public record PullSummary(int requests, long calls, long bytesReceived, Map<String, Integer> eventsByType,
        Map<String, Integer> learnersSkipped, List<String> coursesWithoutCriteria) {

    /** Why an enrolled user is not read: Moodle users without an idnumber are not programme learners. */
    public static final String NO_IDNUMBER = "enrolled without an idnumber (not a programme learner)";

    public PullSummary {
        eventsByType = Map.copyOf(new TreeMap<>(eventsByType));
        learnersSkipped = Map.copyOf(new TreeMap<>(learnersSkipped));
        coursesWithoutCriteria = List.copyOf(coursesWithoutCriteria);
    }

    /** All events returned. */
    public int events() {
        return eventsByType.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** The summary as lines of text, for a log or a terminal. */
    public List<String> lines() {
        List<String> out = new ArrayList<>();
        out.add(String.format(Locale.ROOT, "requests: %d (%,d calls, %,d bytes received)", requests, calls,
                bytesReceived));
        StringBuilder byType = new StringBuilder("events: " + events());
        if (!eventsByType.isEmpty()) {
            byType.append(" (");
            new TreeMap<>(eventsByType).forEach((t, n) -> byType.append(t).append(' ').append(n).append(", "));
            byType.setLength(byType.length() - 2);
            byType.append(')');
        }
        out.add(byType.toString());
        new TreeMap<>(learnersSkipped).forEach((why, n) -> out.add("users skipped: " + n + " " + why));
        if (!coursesWithoutCriteria.isEmpty()) {
            out.add("courses without completion criteria (completion not read): "
                    + String.join(", ", coursesWithoutCriteria));
        }
        return out;
    }
}
