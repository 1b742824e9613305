/**
 * A Moodle simulator, for tests and for trying the connector without a Moodle site:
 * {@link org.qipathways.moodle.simulator.MoodleSimulator} serves Moodle's REST web-service protocol
 * for the functions the connector uses, with Moodle's validation and behaviour, its data readable
 * and seedable through {@link org.qipathways.moodle.simulator.SimulatedSite}, and
 * {@link org.qipathways.moodle.simulator.Fault}s to inject. It is a simulator, not Moodle: check
 * anything that matters against a real site. It depends on the JDK's HTTP server and Jackson only.
 */
package org.qipathways.moodle.simulator;
