package org.qipathways.rules;

import jakarta.validation.constraints.Min;
import java.util.Objects;

/**
 * A time window that evidence must fall in: within {@code days} days after an anchor event.
 *
 * <p>The anchor's own date counts as day 0, so {@code days: 90} accepts evidence dated on days
 * 0 to 90 after it and refuses day 91. Evidence counts when it falls within the days after the
 * latest anchor event on or before it; anchor events after it neither help nor hurt. With
 * {@link Anchor#LAST} ("within 90 days after the last of those sessions attended") the
 * requirements beside it in its all-of that count the anchor events, such as "at least 2 of the
 * 3 sessions", must also hold on the evidence's date.
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
        /**
         * The last of the anchor events that the requirements beside it count: they must hold on
         * the evidence's date, and the window runs from the latest anchor event on or before it.
         */
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
