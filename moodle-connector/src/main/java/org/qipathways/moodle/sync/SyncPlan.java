package org.qipathways.moodle.sync;

import java.util.List;
import org.qipathways.platform.SyncSummary;

/**
 * What a sync found: every create, update and removal it would make (or made), the objects of ours
 * that the programme no longer has and that stay, and how many objects already matched.
 * <pre>{@code
 * SyncPlan plan = sync.plan(programme);
 * plan.isEmpty();                  // true when Moodle already holds the programme
 * plan.summary().toPlanString();   // would create 0, would update 0, would remove 0, unchanged 61
 * sync.apply(programme).summary(); // created 0, updated 0, removed 0, unchanged 61, failed 0
 * }</pre>
 *
 * @param changes the creates, updates and removals, in the order they are applied
 * @param orphans objects of ours the programme no longer has, reported and left in place (links removed by
 *        pruning are {@link Change.Action#REMOVE} changes instead)
 * @param unchanged how many objects already matched
 * @param failed how many objects Moodle refused (only after applying)
 * @param writes how many writes were made: calls, or requests where a batch was split (0 for a plan)
 */
public record SyncPlan(List<Change> changes, List<Change> orphans, int unchanged, int failed, int writes) {

    public SyncPlan {
        changes = List.copyOf(changes);
        orphans = List.copyOf(orphans);
    }

    /** True when there is nothing to create, update or remove. */
    public boolean isEmpty() {
        return changes.isEmpty();
    }

    /** The counts, as {@code qip sync} prints them: each change counted by its action. */
    public SyncSummary summary() {
        return new SyncSummary(count(Change.Action.CREATE), count(Change.Action.UPDATE), count(Change.Action.REMOVE),
                unchanged, failed);
    }

    private int count(Change.Action action) {
        return (int) changes.stream().filter(c -> c.action() == action).count();
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
