package org.qipathways.progress;

import java.time.LocalDate;
import java.util.List;

/**
 * A learner's standing on one tier as of a date, with the explanation behind it.
 * <pre>{@code
 * TierProgress gold = progress.tier("GOLD");
 * gold.status();      // LAPSED
 * gold.expiresOn();   // the end of the last validity
 * gold.unmet();       // ["Silver sessions facilitated in the past year: 0 of 2"]
 * }</pre>
 *
 * @param tier             the tier's code
 * @param title            the tier's name
 * @param status           where the learner stands
 * @param achievedOn       the first date the tier was achieved; {@code null} when never
 * @param expiresOn        the last day of the current validity, or of the last one when lapsed;
 *                         {@code null} for a tier that never expires or was never achieved
 * @param revokedOn        the date of revocation, or {@code null}
 * @param revocationReason why it was revoked, or {@code null}
 * @param periods          the stretches of days on which the tier was held, oldest first
 * @param rule             the tier's rule as it stands on the as-of date; {@code null} when evaluated
 *                         with less than {@link Detail#FULL}
 * @param renewal          the renewal rule as it stands on the as-of date; {@code null} when the
 *                         tier is not renewable, or when evaluated with less than {@link Detail#FULL}
 * @param unmet            what is missing, in words; empty when the status is ACHIEVED, or when
 *                         evaluated with {@link Detail#STATUSES}
 */
public record TierProgress(String tier, String title, TierStatus status, LocalDate achievedOn, LocalDate expiresOn,
                           LocalDate revokedOn, String revocationReason, List<ValidityPeriod> periods,
                           RequirementResult rule, RequirementResult renewal, List<String> unmet) {
    public TierProgress {
        periods = List.copyOf(periods);
        unmet = List.copyOf(unmet);
    }
}
