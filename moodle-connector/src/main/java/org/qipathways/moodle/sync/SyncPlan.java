package org.qipathways.moodle.sync;

import java.util.List;
import org.qipathways.platform.SyncSummary;

/**
 * What a sync found: every create and update it would make (or made), the objects of ours that the
 * programme no longer has, and how many objects already matched.
 * <pre>{@code
 * SyncPlan plan = sync.plan(programme);
 * plan.isEmpty();      // true when Moodle already holds the programme
 * plan.summary();      // created 0, updated 0, unchanged 61, failed 0
 * }</pre>
 *
 * @param changes the creates and updates, in the order they are applied
 * @param orphans objects of ours the programme no longer has
 * @param unchanged how many objects already matched
 * @param failed how many objects Moodle refused (only after applying)
 * @param writes how many writes were made: calls, or requests where a batch was split (0 for a plan)
 */
public record SyncPlan(List<Change> changes, List<Change> orphans, int unchanged, int failed, int writes) {

    public SyncPlan {
        changes = List.copyOf(changes);
        orphans = List.copyOf(orphans);
    }

    /** True when there is nothing to create or update. */
    public boolean isEmpty() {
        return changes.isEmpty();
    }

    /** The counts, as {@code qip sync} prints them; removals count as updates. */
    public SyncSummary summary() {
        int created = (int) changes.stream().filter(c -> c.action() == Change.Action.CREATE).count();
        return new SyncSummary(created, changes.size() - created, unchanged, failed);
    }

    /** This plan followed by {@code other}. */
    public SyncPlan plus(SyncPlan other) {
        List<Change> c = new java.util.ArrayList<>(changes);
        c.addAll(other.changes);
        List<Change> o = new java.util.ArrayList<>(orphans);
        o.addAll(other.orphans);
        return new SyncPlan(c, o, unchanged + other.unchanged, failed + other.failed, writes + other.writes);
    }
}
