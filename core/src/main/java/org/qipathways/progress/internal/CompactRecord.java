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

    final String learnerId;
    final int size;
    final int[] day;
    final byte[] type;
    final int[] item;
    final int[] value;
    /** Revocation reasons, indexed by the value of a REVOKED event. */
    final String[] reasons;

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
        private final EvaluationPlan plan;
        private final String learnerId;
        private int size;
        private int[] day = new int[16];
        private byte[] type = new byte[16];
        private int[] item = new int[16];
        private int[] value = new int[16];
        private String[] reasons = new String[0];

        public Builder(EvaluationPlan plan, String learnerId) {
            this.plan = plan;
            this.learnerId = learnerId;
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
            day[size] = (int) date.toEpochDay();
            type[size] = t;
            item[size] = i;
            value[size] = v;
            size++;
            return this;
        }

        public CompactRecord build() {
            // Revocation reasons are numbered in text order, so the order events arrived in cannot matter.
            String[] sortedReasons = Arrays.stream(reasons).distinct().sorted().toArray(String[]::new);
            if (size >= 1 << INDEX_BITS) {
                throw new IllegalArgumentException("Learner " + learnerId + " has " + size
                        + " events; at most " + ((1 << INDEX_BITS) - 1) + " are supported");
            }
            // One primitive sort on packed keys (day, type, item, value, arrival index): no boxing.
            long[] keys = new long[size];
            for (int i = 0; i < size; i++) {
                int v = type[i] == REVOKED ? Arrays.binarySearch(sortedReasons, reasons[value[i]]) : value[i];
                value[i] = v;
                keys[i] = ((long) (day[i] + DAY_OFFSET) << 43) | ((long) type[i] << 40) | ((long) item[i] << 30)
                        | ((long) v << 20) | i;
            }
            Arrays.sort(keys);
            int[] d = new int[size];
            byte[] t = new byte[size];
            int[] it = new int[size];
            int[] v = new int[size];
            for (int i = 0; i < size; i++) {
                int o = (int) (keys[i] & ((1 << INDEX_BITS) - 1));
                d[i] = day[o];
                t[i] = type[o];
                it[i] = item[o];
                v[i] = value[o];
            }
            return new CompactRecord(learnerId, size, d, t, it, v, sortedReasons);
        }
    }
}
