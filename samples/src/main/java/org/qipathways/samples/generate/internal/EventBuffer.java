package org.qipathways.samples.generate.internal;

import java.io.IOException;
import java.util.Arrays;

/**
 * One learner's events while they are being made up: days relative to the first day of the
 * history, reused from learner to learner so that a million learners allocate nothing here.
 * Events dated after the last day are dropped as they are added, because the history stops there.
 */
final class EventBuffer {
    private final int lastDay;
    private int size;
    private int[] day = new int[32];
    private String[] type = new String[32];
    private String[] item = new String[32];
    private String[] result = new String[32];

    EventBuffer(int lastDay) {
        this.lastDay = lastDay;
    }

    void clear() {
        size = 0;
    }

    int size() {
        return size;
    }

    /** Adds an event; {@code result} must already be in CSV form. Ignored when after the last day. */
    void add(int d, String t, String i, String r) {
        if (d < 0) {
            throw new IllegalStateException("event before the history starts: day " + d + " " + t + " " + i);
        }
        if (d > lastDay) {
            return;
        }
        if (size == day.length) {
            int n = size * 2;
            day = Arrays.copyOf(day, n);
            type = Arrays.copyOf(type, n);
            item = Arrays.copyOf(item, n);
            result = Arrays.copyOf(result, n);
        }
        day[size] = d;
        type[size] = t;
        item[size] = i;
        result[size] = r;
        size++;
    }

    /**
     * Writes the events in date order; events of one day keep the order they were added in
     * (a plan is submitted before it is approved), so the output never depends on a sort's whims.
     */
    void writeTo(CsvOut out, String learnerId, String[] dateText) throws IOException {
        sortByDay();
        for (int k = 0; k < size; k++) {
            out.raw(learnerId).raw(dateText[day[k]]).raw(type[k]).raw(item[k]).raw(result[k]);
            out.endRow();
        }
    }

    /** A stable insertion sort: a learner has a handful of events, mostly added in order already. */
    private void sortByDay() {
        for (int k = 1; k < size; k++) {
            int d = day[k];
            String t = type[k];
            String i = item[k];
            String r = result[k];
            int j = k - 1;
            while (j >= 0 && day[j] > d) {
                day[j + 1] = day[j];
                type[j + 1] = type[j];
                item[j + 1] = item[j];
                result[j + 1] = result[j];
                j--;
            }
            day[j + 1] = d;
            type[j + 1] = t;
            item[j + 1] = i;
            result[j + 1] = r;
        }
    }
}
