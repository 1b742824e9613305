/**
 * A Moodle simulator, for tests and for trying the connector without a Moodle site:
 * {@link org.qipathways.moodle.simulator.MoodleSimulator} serves Moodle's REST web-service protocol
 * for the functions the connector uses, with Moodle's validation and behaviour, its data readable
 * and seedable through {@link org.qipathways.moodle.simulator.SimulatedSite}, and
 * {@link org.qipathways.moodle.simulator.Fault}s to inject; {@link org.qipathways.moodle.simulator.SimulatorSeeder}
 * writes a programme's learner events into a synced simulator. It is a simulator, not Moodle: check
 * anything that matters against a real site. It depends on the JDK's HTTP server, Jackson and (for
 * the seeder) core, never on the connector.
 * <pre>{@code
 * try (MoodleSimulator sim = MoodleSimulator.start()) {
 *     sim.url();                             // http://127.0.0.1:41234
 *     sim.token();                           // a web-service token with every function
 *     sim.faults().next(Fault.status(503));  // the next request fails
 *     sim.site().rows("user");               // what a client made
 * }
 * }</pre>
 */
package org.qipathways.moodle.simulator;
