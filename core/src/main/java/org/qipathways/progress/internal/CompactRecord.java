package org.qipathways.progress.internal;

import java.time.LocalDate;
import java.util.Arrays;

/**
 * One learner's events in the form the evaluator reads: parallel primitive arrays sorted by day,
 * with every code already resolved to a small integer of the evaluation plan, so evaluation
 * touches no strings and allocates nothing per event.
 */
public final class CompactRecord {
    static final byte COMPLETED = 0;
    static final byte ASSESSED = 1;
    static final byte ATTENDED = 2;
    static final byte EVIDENCE = 3;
    static final byte RATED = 4;
    static final byte PRIOR_LEARNING = 5;
    static final byte REVOKED = 6;

    static final int PARTICIPANT = 0;
    static final int FACILITATOR = 1;
    static final int SUBMITTED = 0;
    static final int APPROVED = 1;
    static final int REJECTED = 2;

    /** Packed sort keys: 20 bits of day (offset so 1970 is not the floor), 3 type, 10 item, 10 value, 20 index. */
    private static final int DAY_OFFSET = 1 << 18;
    private static final int INDEX_BITS = 20;

    // Not final: a per-thread Builder refills one record for learner after learner (see Builder#reuse).
    String learnerId;
    int size;
    int[] day;
    byte[] type;
    int[] item;
    int[] value;
    /** Revocation reasons, indexed by the value of a REVOKED event. */
    String[] reasons;

    private CompactRecord(String learnerId, int size, int[] day, byte[] type, int[] item, int[] value, String[] reasons) {
        this.learnerId = learnerId;
        this.size = size;
        this.day = day;
        this.type = type;
        this.item = item;
        this.value = value;
        this.reasons = reasons;
    }

    /** The number of events dated on or before {@code asOf}. */
    int countUpTo(int asOf) {
        int lo = 0;
        int hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (day[mid] <= asOf) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /**
     * Collects one learner's events; codes are resolved against the plan as they are added.
     * Events may come in any order.
     */
    public static final class Builder {
        private static final String[] NO_REASONS = new String[0];

        private final EvaluationPlan plan;
        private String learnerId;
        private int size;
        private int[] day = new int[16];
        private byte[] type = new byte[16];
        private int[] item = new int[16];
        private int[] value = new int[16];
        private String[] reasons = NO_REASONS;
        // For reuse only: sort keys, the arrays events are sorted into, and the record handed out.
        private long[] keys;
        private int[] day2;
        private byte[] type2;
        private int[] item2;
        private int[] value2;
        private CompactRecord shared;

        public Builder(EvaluationPlan plan, String learnerId) {
            this.plan = plan;
            this.learnerId = learnerId;
        }

        /** Whether the builder resolves codes against {@code p}. */
        boolean isFor(EvaluationPlan p) {
            return plan == p;
        }

        /** Empties the builder for another learner, keeping its arrays. */
        Builder reset(String learnerId) {
            this.learnerId = learnerId;
            this.size = 0;
            this.reasons = NO_REASONS;
            return this;
        }

        public Builder completed(LocalDate date, String unit) {
            return add(date, COMPLETED, plan.unitIndex(unit), 0);
        }

        public Builder assessed(LocalDate date, String unit, int score) {
            return add(date, ASSESSED, plan.unitIndex(unit), score);
        }

        public Builder attended(LocalDate date, String unit, boolean facilitator) {
            return add(date, ATTENDED, plan.unitIndex(unit), facilitator ? FACILITATOR : PARTICIPANT);
        }

        /** {@code status}: 0 submitted, 1 approved, 2 rejected. */
        public Builder evidence(LocalDate date, String unit, int status) {
            return add(date, EVIDENCE, plan.unitIndex(unit), status);
        }

        public Builder rated(LocalDate date, String competency, int level) {
            return add(date, RATED, plan.competencyIndex(competency), level);
        }

        public Builder priorLearning(LocalDate date, String code, boolean approved) {
            return add(date, PRIOR_LEARNING, plan.priorLearningIndex(code), approved ? APPROVED : REJECTED);
        }

        public Builder revoked(LocalDate date, String tier, String reason) {
            reasons = Arrays.copyOf(reasons, reasons.length + 1);
            reasons[reasons.length - 1] = reason;
            return add(date, REVOKED, plan.tierIndex(tier), reasons.length - 1);
        }

        private Builder add(LocalDate date, byte t, int i, int v) {
            long epochDay = date.toEpochDay();
            if (epochDay + DAY_OFFSET < 0 || epochDay + DAY_OFFSET >= 1 << 20) {
                throw new IllegalArgumentException("Date " + date + " is outside the supported range");
            }
            if (v < 0 || v >= 1 << 10 || i >= 1 << 10) {
                throw new IllegalArgumentException("Event value " + v + " or item " + i + " is out of range");
            }
            if (size == day.length) {
                int n = size * 2;
                day = Arrays.copyOf(day, n);
                type = Arrays.copyOf(type, n);
                item = Arrays.copyOf(item, n);
                value = Arrays.copyOf(value, n);
            }
            day[size] = (int) epochDay;
            type[size] = t;
            item[size] = i;
            value[size] = v;
            size++;
            return this;
        }

        /**
         * The events as a record like {@link #build()}'s, but in the builder's own arrays, and the
         * same record object each time: valid until the next {@link #reset}, so for a builder that
         * belongs to one thread and whose record is dropped before the next learner. Events that
         * already come in the record's order (as {@code LearnerRecord}'s sorted events mostly do)
         * are not sorted again.
         */
        CompactRecord reuse() {
            String[] sortedReasons = reasons.length == 0 ? NO_REASONS : numberReasons();
            checkSize();
            if (keys == null || keys.length < day.length) {
                keys = new long[day.length];
                day2 = new int[day.length];
                type2 = new byte[day.length];
                item2 = new int[day.length];
                value2 = new int[day.length];
            }
            boolean sorted = true;
            long previous = Long.MIN_VALUE;
            for (int i = 0; i < size; i++) {
                long k = key(i);
                keys[i] = k;
                sorted &= k > previous;
                previous = k;
            }
            if (!sorted) {
                Arrays.sort(keys, 0, size);
                inKeyOrder(keys, day2, type2, item2, value2);
                int[] d = day;
                day = day2;
                day2 = d;
                byte[] t = type;
                type = type2;
                type2 = t;
                int[] it = item;
                item = item2;
                item2 = it;
                int[] v = value;
                value = value2;
                value2 = v;
            }
            if (shared == null) {
                shared = new CompactRecord(learnerId, size, day, type, item, value, sortedReasons);
            } else {
                shared.learnerId = learnerId;
                shared.size = size;
                shared.day = day;
                shared.type = type;
                shared.item = item;
                shared.value = value;
                shared.reasons = sortedReasons;
            }
            return shared;
        }

        /** Numbers the revocation reasons in text order and renumbers the REVOKED events' values to match. */
        private String[] numberReasons() {
            String[] sortedReasons = Arrays.stream(reasons).distinct().sorted().toArray(String[]::new);
            for (int i = 0; i < size; i++) {
                if (type[i] == REVOKED) {
                    value[i] = Arrays.binarySearch(sortedReasons, reasons[value[i]]);
                }
            }
            return sortedReasons;
        }

        /** Copies the events into {@code d, t, it, v} in the order of the sorted {@code keys}. */
        private void inKeyOrder(long[] keys, int[] d, byte[] t, int[] it, int[] v) {
            for (int i = 0; i < size; i++) {
                int o = (int) (keys[i] & ((1 << INDEX_BITS) - 1));
                d[i] = day[o];
                t[i] = type[o];
                it[i] = item[o];
                v[i] = value[o];
            }
        }

        private void checkSize() {
            if (size >= 1 << INDEX_BITS) {
                throw new IllegalArgumentException("Learner " + learnerId + " has " + size
                        + " events; at most " + ((1 << INDEX_BITS) - 1) + " are supported");
            }
        }

        /** Event i's sort key: day, type, item, value, arrival index. */
        private long key(int i) {
            return ((long) (day[i] + DAY_OFFSET) << 43) | ((long) type[i] << 40) | ((long) item[i] << 30)
                    | ((long) value[i] << 20) | i;
        }

        public CompactRecord build() {
            // Revocation reasons are numbered in text order, so the order events arrived in cannot matter.
            String[] sortedReasons = reasons.length == 0 ? NO_REASONS : numberReasons();
            checkSize();
            // One primitive sort on packed keys (day, type, item, value, arrival index): no boxing.
            long[] keys = new long[size];
            for (int i = 0; i < size; i++) {
                keys[i] = key(i);
            }
            Arrays.sort(keys);
            int[] d = new int[size];
            byte[] t = new byte[size];
            int[] it = new int[size];
            int[] v = new int[size];
            inKeyOrder(keys, d, t, it, v);
            return new CompactRecord(learnerId, size, d, t, it, v, sortedReasons);
        }
    }
}
