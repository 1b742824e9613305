package org.qipathways.platform;

/**
 * How many objects a sync created, updated, left unchanged or failed on.
 * <pre>{@code
 * new SyncSummary(3, 1, 20, 0).toString();   // "created 3, updated 1, unchanged 20, failed 0"
 * }</pre>
 *
 * @param created objects that did not exist and were (or would be) created
 * @param updated objects that existed but differed
 * @param unchanged objects that already matched
 * @param failed objects the platform refused
 */
public record SyncSummary(int created, int updated, int unchanged, int failed) {

    public SyncSummary {
        if (created < 0 || updated < 0 || unchanged < 0 || failed < 0) {
            throw new IllegalArgumentException("sync counts cannot be negative: " + created + ", " + updated
                    + ", " + unchanged + ", " + failed);
        }
    }

    @Override
    public String toString() {
        return "created " + created + ", updated " + updated + ", unchanged " + unchanged + ", failed " + failed;
    }
}
