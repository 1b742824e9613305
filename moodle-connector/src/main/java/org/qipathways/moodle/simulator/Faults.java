package org.qipathways.moodle.simulator;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;

/**
 * The faults waiting for the simulator's next requests. Each fault is used once, by the first
 * request it matches, in the order they were added.
 * <pre>{@code
 * sim.faults().next(Fault.status(502));                                    // whatever comes next
 * sim.faults().onFunction("core_cohort_get_cohorts", Fault.truncatedJson());
 * sim.faults().pending();                                                  // 2
 * }</pre>
 */
public final class Faults {

    private record Rule(String function, Fault fault) {
    }

    private final List<Rule> rules = new ArrayList<>();

    Faults() {
    }

    /** Faults for the next requests, one each, whatever function they call. */
    public synchronized Faults next(Fault... faults) {
        for (Fault f : faults) {
            rules.add(new Rule(null, Objects.requireNonNull(f, "fault")));
        }
        return this;
    }

    /** A fault for the next request that calls {@code function}. */
    public synchronized Faults onFunction(String function, Fault fault) {
        rules.add(new Rule(Objects.requireNonNull(function, "function"), Objects.requireNonNull(fault, "fault")));
        return this;
    }

    /** Forgets every waiting fault. */
    public synchronized void clear() {
        rules.clear();
    }

    /** How many faults are still waiting. */
    public synchronized int pending() {
        return rules.size();
    }

    /** The fault for a request calling {@code function}, removed from the waiting ones; null if none. */
    synchronized Fault take(String function) {
        for (Iterator<Rule> it = rules.iterator(); it.hasNext(); ) {
            Rule r = it.next();
            if (r.function() == null || r.function().equals(function)) {
                it.remove();
                return r.fault();
            }
        }
        return null;
    }
}
