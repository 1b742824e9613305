/**
 * Moodle support for QI Pathways: {@link org.qipathways.moodle.MoodleClient} for Moodle's REST web
 * services, its {@link org.qipathways.moodle.MoodleConfig}, the exceptions it throws,
 * {@link org.qipathways.moodle.Doctor} to check a site, and the platform plugin
 * ({@link org.qipathways.moodle.MoodlePlatformProvider}). The records sent and received live in
 * {@code org.qipathways.moodle.ws}; a Moodle simulator for tests and trials in
 * {@code org.qipathways.moodle.simulator}; the programme sync in {@code org.qipathways.moodle.sync}.
 */
package org.qipathways.moodle;
