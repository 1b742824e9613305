package org.qipathways.programme;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Period;
import org.qipathways.rules.Requirement;

/**
 * How an expiring tier is renewed: on the first date inside {@code window} before expiry on which
 * {@code rule} holds; past expiry, the tier is regained on the first later date the rule holds.
 * <pre>{@code
 * renewal:
 *   window: P90D
 *   rule:
 *     count: {attended: [SLV-IND, SLV-TEAM-1], role: facilitator}
 *     atLeast: 2
 *     distinctDates: true
 *     lookback: P1Y
 * }</pre>
 *
 * @param window how long before the expiry date renewal opens (the expiry date itself included)
 * @param rule   what renews the tier
 */
public record Renewal(@NotNull(message = "is required, e.g. P90D") Period window,
                      @NotNull(message = "is required") @Valid Requirement rule) {
}
