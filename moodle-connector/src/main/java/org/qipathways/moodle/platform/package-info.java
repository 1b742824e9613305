/**
 * The Moodle connector as core's platform plugin: {@link org.qipathways.moodle.platform.MoodlePlatformProvider}
 * is found by {@link java.util.ServiceLoader} (META-INF/services) and builds a
 * {@link org.qipathways.moodle.platform.MoodleConnector}, which runs the sync, pull and publish of
 * {@code org.qipathways.moodle.sync} over the client of {@code org.qipathways.moodle}.
 * <pre>{@code
 * LearningPlatform moodle = Platforms.load().open("moodle", settings);
 * SyncSummary summary = moodle.pushProgramme(Programme.reference(), SyncMode.PLAN);
 * }</pre>
 * It sits on top: the client knows nothing of the sync, the sync nothing of the plugin.
 */
package org.qipathways.moodle.platform;
