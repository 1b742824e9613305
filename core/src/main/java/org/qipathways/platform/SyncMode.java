package org.qipathways.platform;

/**
 * Whether a sync only works out what it would change or also changes it.
 * <pre>{@code
 * SyncSummary planned = platform.pushProgramme(programme, SyncMode.PLAN);
 * }</pre>
 */
public enum SyncMode {
    /** Count what would be created, updated, removed or left alone; change nothing. */
    PLAN,
    /** Make the changes. */
    APPLY
}
