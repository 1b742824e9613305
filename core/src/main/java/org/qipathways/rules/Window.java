package org.qipathways.rules;

import jakarta.validation.constraints.Min;
import java.util.Objects;

/**
 * A time window that evidence must fall in: within {@code days} days after an anchor event.
 *
 * <p>The anchor's own date counts as day 0, so {@code days: 90} accepts evidence dated on days
 * 0 to 90 after it and refuses day 91. With {@link Anchor#ANY} any matching anchor event will do;
 * with {@link Anchor#LAST} only the latest anchor event up to the date being judged counts, which
 * expresses "within 90 days after the last of those sessions attended".
 * <pre>{@code
 * within: {days: 90, after: {attended: [SLV-IND], role: participant}}
 * }</pre>
 *
 * @param days   the window's length in days after the anchor, 0 or more
 * @param after  the anchor events
 * @param anchor which anchor event the window is measured from
 */
public record Window(
        @Min(value = 0, message = "must be 0 or more days (the anchor's own date is day 0)") int days,
        EventSelector after,
        Anchor anchor) {

    /** Which of several anchor events a window runs from. */
    public enum Anchor {
        /** Any anchor event on or before the evidence. */
        ANY,
        /** Only the latest anchor event up to the date being judged. */
        LAST;

        /** The name used in files. */
        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public Window {
        Objects.requireNonNull(after, "after");
        anchor = anchor == null ? Anchor.ANY : anchor;
    }
}
