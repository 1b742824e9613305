package org.qipathways.moodle.sync;

import java.util.List;
import org.qipathways.moodle.MoodleCall;
import org.qipathways.moodle.MoodleClient;
import org.qipathways.moodle.MoodleConfig;
import org.qipathways.moodle.MoodleResult;
import org.qipathways.moodle.internal.Transport;

/**
 * Per-user reads a slice at a time, each slice's results handed on before the next is read: a
 * session course's reply lists every session it has run, so 20,000 learners' replies held at once
 * would take gigabytes where their events take megabytes. Reports progress after each slice.
 */
final class SliceReads {

    /** About how many per-user calls are read at a time. */
    static final int SLICE = 2_000;

    private final MoodleClient client;
    private final EventPull.Progress progress;
    private final int slice;

    SliceReads(MoodleClient client, EventPull.Progress progress) {
        this.client = client;
        this.progress = progress;
        this.slice = sliceFor(client.config());
    }

    /**
     * Calls per slice: a whole number of full bundles near {@link #SLICE}. A slice of exactly 2,000
     * calls, at 498 calls a bundle (max_input_vars 1000: two variables a call, three reserved),
     * ends in a bundle of 8, and every slice of a pull paid that extra request.
     */
    static int sliceFor(MoodleConfig config) {
        int perBundle = Math.max(1, Math.min(config.maxCallsPerBundle(),
                (config.maxInputVars() - Transport.RESERVED_VARS) / 2));
        return Math.max(1, Math.round(SLICE / (float) perBundle)) * perBundle;
    }

    <T> void run(String what, List<MoodleCall<T>> calls, Reader<T> reader) {
        for (int from = 0; from < calls.size(); from += slice) {
            int to = Math.min(calls.size(), from + slice);
            reader.read(from, client.callAll(calls.subList(from, to)));
            progress.read(what, to, calls.size());
        }
    }

    @FunctionalInterface
    interface Reader<T> {
        void read(int offset, List<MoodleResult<T>> results);
    }
}
