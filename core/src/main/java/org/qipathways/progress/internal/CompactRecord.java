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

    public String learnerId() {
        return learnerId;
    }

    public int size() {
        return size;
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
            // Sort by (day, type, item, value) so that the order events arrived in cannot matter.
            Integer[] order = new Integer[size];
            for (int i = 0; i < size; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> {
                int c = Integer.compare(day[a], day[b]);
                if (c == 0) {
                    c = Byte.compare(type[a], type[b]);
                }
                if (c == 0) {
                    c = Integer.compare(item[a], item[b]);
                }
                if (c == 0 && type[a] == REVOKED) {
                    c = reasons[value[a]].compareTo(reasons[value[b]]);
                } else if (c == 0) {
                    c = Integer.compare(value[a], value[b]);
                }
                return c;
            });
            int[] d = new int[size];
            byte[] t = new byte[size];
            int[] it = new int[size];
            int[] v = new int[size];
            for (int i = 0; i < size; i++) {
                int o = order[i];
                d[i] = day[o];
                t[i] = type[o];
                it[i] = item[o];
                v[i] = value[o];
            }
            return new CompactRecord(learnerId, size, d, t, it, v, reasons.clone());
        }
    }
}
