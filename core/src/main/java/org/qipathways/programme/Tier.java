package org.qipathways.programme;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Period;
import org.qipathways.rules.Requirement;

/**
 * A tier of a programme (Bronze, Silver, Gold): a rule that achieves it and, for tiers that
 * expire, how long it stays valid and how it is renewed.
 * <pre>{@code
 * Tier bronze = Tier.of("BRONZE", "Bronze", Requirement.completed("BRZ-ELN"));
 * Tier gold = new Tier("GOLD", "Gold", null, goldRule, Period.ofYears(2), new Renewal(Period.ofDays(90), renewalRule));
 * }</pre>
 *
 * @param code        stable code, e.g. {@code GOLD}
 * @param title       the tier's name
 * @param description may be {@code null}
 * @param rule        what achieves the tier
 * @param validity    how long an achievement stays valid; {@code null} when the tier never expires
 * @param renewal     how an expiring tier is renewed; {@code null} when it is not renewable
 */
public record Tier(
        @NotBlank(message = "is required") @Pattern(regexp = Codes.PATTERN, message = Codes.RULE) String code,
        @NotBlank(message = "is required") String title,
        String description,
        @NotNull(message = "is required") @Valid Requirement rule,
        Period validity,
        @Valid Renewal renewal) {

    /** A tier that never expires. */
    public static Tier of(String code, String title, Requirement rule) {
        return new Tier(code, title, null, rule, null, null);
    }

    /** Whether achievements of this tier expire. */
    public boolean expires() {
        return validity != null;
    }
}
