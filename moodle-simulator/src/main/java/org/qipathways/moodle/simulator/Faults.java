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

    /** A fault for the request that comes after {@code skip} more requests. */
    private static final class Later {
        long skip;
        final Fault fault;

        Later(long skip, Fault fault) {
            this.skip = skip;
            this.fault = fault;
        }
    }

    private final List<Rule> rules = new ArrayList<>();
    private final List<Later> later = new ArrayList<>();
    private long cutOffIn = -1;   // requests still served before the cut-off; -1 for none
    private boolean cutOff;

    Faults() {
    }

    /** Faults for the next requests, one each, whatever function they call. */
    public synchronized Faults next(Fault... faults) {
        for (Fault f : faults) {
            rules.add(new Rule(null, Objects.requireNonNull(f, "fault")));
        }
        return this;
    }

    /**
     * A fault for one request further on: the next {@code requests} requests are served as usual (unless
     * another fault hits them), the one after gets {@code fault}. A campaign injects a fault at each point
     * of a run this way.
     * <pre>{@code
     * sim.faults().after(17, Fault.truncatedJson());   // the 18th request from now
     * }</pre>
     */
    public synchronized Faults after(long requests, Fault fault) {
        if (requests < 0) {
            throw new IllegalArgumentException("a fault comes after 0 or more requests, not " + requests);
        }
        later.add(new Later(requests, Objects.requireNonNull(fault, "fault")));
        return this;
    }

    /** A fault for the next request that calls {@code function}. */
    public synchronized Faults onFunction(String function, Fault fault) {
        rules.add(new Rule(Objects.requireNonNull(function, "function"), Objects.requireNonNull(fault, "fault")));
        return this;
    }

    /**
     * Serves the next {@code requests} requests, then cuts the site off as if the client process had
     * been killed mid-request: the next request runs but its reply is lost, and every later one is
     * dropped before it runs, until {@link #clear()}.
     * <pre>{@code
     * sim.faults().cutOffAfter(17);   // the 18th request from now runs unseen; the rest never arrive
     * }</pre>
     */
    public synchronized Faults cutOffAfter(long requests) {
        if (requests < 0) {
            throw new IllegalArgumentException("a cut-off comes after 0 or more requests, not " + requests);
        }
        cutOffIn = requests;
        cutOff = false;
        return this;
    }

    /** Forgets every waiting fault and any cut-off. */
    public synchronized void clear() {
        rules.clear();
        later.clear();
        cutOffIn = -1;
        cutOff = false;
    }

    /** How many faults are still waiting. */
    public synchronized int pending() {
        return rules.size() + later.size();
    }

    /** The fault for a request calling {@code function}, removed from the waiting ones; null if none. */
    synchronized Fault take(String function) {
        if (cutOff) {
            return Fault.dropConnectionBeforeProcessing();
        }
        if (cutOffIn == 0) {
            cutOffIn = -1;
            cutOff = true;
            return Fault.dropConnectionAfterProcessing();
        }
        if (cutOffIn > 0) {
            cutOffIn--;
        }
        Fault due = null;
        for (Iterator<Later> it = later.iterator(); it.hasNext(); ) {
            Later l = it.next();
            if (l.skip == 0 && due == null) {
                due = l.fault;
                it.remove();
            } else if (l.skip > 0) {
                l.skip--;
            }
        }
        if (due != null) {
            return due;
        }
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
