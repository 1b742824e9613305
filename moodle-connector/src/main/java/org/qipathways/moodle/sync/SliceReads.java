package org.qipathways.moodle.sync;

import java.util.List;
import org.qipathways.moodle.MoodleCall;
import org.qipathways.moodle.MoodleClient;
import org.qipathways.moodle.MoodleResult;

/**
 * Per-user reads a slice at a time, each slice's results handed on before the next is read: a
 * session course's reply lists every session it has run, so 20,000 learners' replies held at once
 * would take gigabytes where their events take megabytes. Reports progress after each slice.
 */
final class SliceReads {

    /** Per-user calls read at a time. */
    static final int SLICE = 2_000;

    private final MoodleClient client;
    private final EventPull.Progress progress;

    SliceReads(MoodleClient client, EventPull.Progress progress) {
        this.client = client;
        this.progress = progress;
    }

    <T> void run(String what, List<MoodleCall<T>> calls, Reader<T> reader) {
        for (int from = 0; from < calls.size(); from += SLICE) {
            int to = Math.min(calls.size(), from + SLICE);
            reader.read(from, client.callAll(calls.subList(from, to)));
            progress.read(what, to, calls.size());
        }
    }

    @FunctionalInterface
    interface Reader<T> {
        void read(int offset, List<MoodleResult<T>> results);
    }
}
