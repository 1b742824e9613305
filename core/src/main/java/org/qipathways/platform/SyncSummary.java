package org.qipathways.platform;

/**
 * How many objects a sync created, updated, removed, left unchanged or failed on.
 * <pre>{@code
 * new SyncSummary(3, 1, 2, 20, 0).toString();       // "created 3, updated 1, removed 2, unchanged 20, failed 0"
 * new SyncSummary(3, 1, 2, 20, 0).toPlanString();   // "would create 3, would update 1, would remove 2, unchanged 20"
 * }</pre>
 * For a plan the counts are what applying would do: print it with {@link #toPlanString()}.
 *
 * @param created objects that did not exist and were (or would be) created
 * @param updated objects that existed but differed
 * @param removed objects (or links, or memberships) taken away because they are no longer wanted
 * @param unchanged objects that already matched
 * @param failed objects the platform refused
 */
public record SyncSummary(int created, int updated, int removed, int unchanged, int failed) {

    public SyncSummary {
        if (created < 0 || updated < 0 || removed < 0 || unchanged < 0 || failed < 0) {
            throw new IllegalArgumentException("sync counts cannot be negative: " + created + ", " + updated
                    + ", " + removed + ", " + unchanged + ", " + failed);
        }
    }

    /** A summary with nothing removed. */
    public SyncSummary(int created, int updated, int unchanged, int failed) {
        this(created, updated, 0, unchanged, failed);
    }

    /** The counts of a run that wrote: {@code created 3, updated 1, removed 2, unchanged 20, failed 0}. */
    @Override
    public String toString() {
        return "created " + created + ", updated " + updated + ", removed " + removed + ", unchanged " + unchanged
                + ", failed " + failed;
    }

    /** The counts of a plan, which wrote nothing: {@code would create 3, would update 1, would remove 2, unchanged 20}. */
    public String toPlanString() {
        return "would create " + created + ", would update " + updated + ", would remove " + removed + ", unchanged "
                + unchanged;
    }
}
