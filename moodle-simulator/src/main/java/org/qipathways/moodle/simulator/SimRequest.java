package org.qipathways.moodle.simulator;

/**
 * One request the simulator received, for tests that check how a client talks to Moodle.
 * <pre>{@code
 * sim.requests().get(0).function();   // "core_user_create_users"
 * sim.requests().get(0).dropped();    // 0: nothing lost to max_input_vars
 * }</pre>
 *
 * @param function the {@code wsfunction} asked for, as received (null if absent)
 * @param formVariables form variables sent, query and body together
 * @param dropped variables PHP would have dropped past {@code max_input_vars} (or a body over {@code post_max_size})
 * @param fault the fault applied to this request, if any
 */
public record SimRequest(String function, int formVariables, int dropped, Fault fault) {
}
