/**
 * The programme sync with a Moodle site: {@link org.qipathways.moodle.sync.ProgrammeSync} (the
 * programme as categories, courses, a competency framework, learning-plan templates and certified
 * cohorts), {@link org.qipathways.moodle.sync.LearnerSync} (users, organisation cohorts,
 * enrolments), {@link org.qipathways.moodle.sync.EventPull} (learners' records back as events) and
 * {@link org.qipathways.moodle.sync.OutcomePublisher} (certified-cohort membership). Each plans
 * before it applies, finds its objects again by the keys in {@link org.qipathways.moodle.sync.SyncKeys}
 * and keeps no local state, so reruns are safe after a stop at any point. (The simulator's
 * {@code SimulatorSeeder}, in the {@code qipathways-moodle-simulator} module, fills a synced
 * simulator with learners' records in the shape {@code EventPull} reads.)
 */
package org.qipathways.moodle.sync;
