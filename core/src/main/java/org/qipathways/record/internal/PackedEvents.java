package org.qipathways.record.internal;

import java.time.LocalDate;
import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;
import org.qipathways.record.LearnerEvent;
import org.qipathways.record.LearnerEvent.Decision;
import org.qipathways.record.LearnerEvent.EvidenceStatus;
import org.qipathways.rules.Role;

/**
 * A learner's sorted events held as one {@code long} each (day, type, item code number, result)
 * instead of one object each: about 8 bytes an event where an event object, its date and its
 * learner id took 40 to 90. {@link #get} makes the event again, equal to the one packed. Immutable.
 *
 * <p>Bits of an event, from the lowest: the day ({@link LocalDate#toEpochDay()}, 32 bits), the
 * type's ordinal (3), the item's number in {@link Codes} (16) and the result (13: score, level, or
 * the ordinal of role, evidence status or decision). A revocation (its reason is words), a date
 * or level outside those bits, or a full code table leave the events as objects: {@link #of}
 * answers {@code null}.
 */
public final class PackedEvents extends AbstractList<LearnerEvent> implements RandomAccess {

    private static final int TYPE_SHIFT = 32;
    private static final int ITEM_SHIFT = 35;
    private static final int RESULT_SHIFT = 51;
    private static final int ITEM_MASK = 0xFFFF;
    private static final int RESULT_MAX = (1 << 13) - 1;
    private static final LearnerEvent.Type[] TYPES = LearnerEvent.Type.values();
    private static final EvidenceStatus[] STATUSES = EvidenceStatus.values();
    private static final Decision[] DECISIONS = Decision.values();

    /**
     * The days from 1970 to 2149, each made once when first asked for, so that reading a record
     * makes no date; shared by all records (LocalDate is immutable, so a race only makes one twice).
     */
    private static final LocalDate[] DAYS = new LocalDate[1 << 16];

    private final String learnerId;
    private final long[] events;

    private PackedEvents(String learnerId, long[] events) {
        this.learnerId = learnerId;
        this.events = events;
    }

    /**
     * {@code sorted} (all of {@code learnerId}, in order) packed, or {@code null} when one of them
     * cannot be; an empty list is {@link List#of()}.
     */
    public static List<LearnerEvent> of(String learnerId, List<LearnerEvent> sorted) {
        if (sorted.isEmpty()) {
            return List.of();
        }
        long[] packed = new long[sorted.size()];
        for (int i = 0; i < packed.length; i++) {
            long p = pack(sorted.get(i));
            if (p == -1) {
                return null;
            }
            packed[i] = p;
        }
        return new PackedEvents(learnerId, packed);
    }

    private static long pack(LearnerEvent e) {
        long day = e.date().toEpochDay();
        if (day < Integer.MIN_VALUE || day > Integer.MAX_VALUE) {
            return -1;
        }
        int result;
        if (e instanceof LearnerEvent.Completed) {
            result = 0;
        } else if (e instanceof LearnerEvent.Assessed a) {
            result = a.score();
        } else if (e instanceof LearnerEvent.Attended a) {
            result = a.role().ordinal();
        } else if (e instanceof LearnerEvent.Evidence v) {
            result = v.status().ordinal();
        } else if (e instanceof LearnerEvent.Rated r) {
            result = r.level();
        } else if (e instanceof LearnerEvent.PriorLearning p) {
            result = p.decision().ordinal();
        } else {
            return -1;   // a revocation's reason is words
        }
        if (result > RESULT_MAX) {
            return -1;
        }
        int item = Codes.number(e.item());
        if (item < 0) {
            return -1;
        }
        return (day & 0xFFFF_FFFFL) | ((long) e.type().ordinal() << TYPE_SHIFT) | ((long) item << ITEM_SHIFT)
                | ((long) result << RESULT_SHIFT);
    }

    @Override
    public LearnerEvent get(int index) {
        long p = events[index];
        LocalDate date = day((int) p);
        String item = Codes.code((int) (p >>> ITEM_SHIFT) & ITEM_MASK);
        int result = (int) (p >>> RESULT_SHIFT);
        return switch (TYPES[(int) (p >>> TYPE_SHIFT) & 7]) {
            case COMPLETED -> new LearnerEvent.Completed(learnerId, date, item);
            case ASSESSED -> new LearnerEvent.Assessed(learnerId, date, item, result);
            case ATTENDED -> new LearnerEvent.Attended(learnerId, date, item, result == 0 ? Role.PARTICIPANT : Role.FACILITATOR);
            case EVIDENCE -> new LearnerEvent.Evidence(learnerId, date, item, STATUSES[result]);
            case RATED -> new LearnerEvent.Rated(learnerId, date, item, result);
            case PRIOR_LEARNING -> new LearnerEvent.PriorLearning(learnerId, date, item, DECISIONS[result]);
            case REVOKED -> throw new IllegalStateException("a revocation is never packed");
        };
    }

    private static LocalDate day(int epochDay) {
        if (epochDay < 0 || epochDay >= DAYS.length) {
            return LocalDate.ofEpochDay(epochDay);
        }
        LocalDate d = DAYS[epochDay];
        if (d == null) {
            d = LocalDate.ofEpochDay(epochDay);
            DAYS[epochDay] = d;
        }
        return d;
    }

    @Override
    public int size() {
        return events.length;
    }
}
