/**
 * Moodle support for QI Pathways: {@link org.qipathways.moodle.MoodleClient} for Moodle's REST web
 * services, its {@link org.qipathways.moodle.MoodleConfig}, the exceptions it throws,
 * {@link org.qipathways.moodle.Doctor} to check a site, and the platform plugin
 * ({@link org.qipathways.moodle.platform.MoodlePlatformProvider}). The records sent and received live in
 * {@code org.qipathways.moodle.ws}; the programme sync in {@code org.qipathways.moodle.sync}. The
 * Moodle simulator the tests run against is a module of its own ({@code qipathways-moodle-simulator}),
 * used here in test scope only, so nothing of it ships with the connector.
 */
package org.qipathways.moodle;
