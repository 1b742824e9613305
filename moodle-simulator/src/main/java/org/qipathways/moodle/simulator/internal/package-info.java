/**
 * How the Moodle simulator works inside: PHP's form parsing with {@code max_input_vars}, Moodle's
 * parameter descriptions and validation, the tables, and one class of handlers per area. Not an
 * API. Like the rest of the simulator it depends on the JDK and Jackson only, never on the client.
 */
package org.qipathways.moodle.simulator.internal;
