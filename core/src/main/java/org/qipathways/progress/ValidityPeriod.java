package org.qipathways.progress;

import java.time.LocalDate;

/**
 * An unbroken stretch of days on which a learner held a tier: from achievement or regain to
 * expiry (renewals extend a period rather than start a new one).
 * <pre>{@code
 * new ValidityPeriod(LocalDate.of(2024, 3, 1), LocalDate.of(2026, 3, 1), List.of())
 * }</pre>
 *
 * @param from     the first day held
 * @param until    the last day held; {@code null} for a tier that never expires
 * @param renewals the dates on which the validity was renewed within this period
 */
public record ValidityPeriod(LocalDate from, LocalDate until, java.util.List<LocalDate> renewals) {
    public ValidityPeriod {
        renewals = java.util.List.copyOf(renewals);
    }
}
