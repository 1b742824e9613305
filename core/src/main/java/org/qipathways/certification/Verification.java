package org.qipathways.certification;

import java.util.Objects;

/**
 * What checking a signed certificate found: a verdict in one word, and why.
 * <pre>{@code
 * Verification v = verifier.verify(Files.readAllBytes(file), LocalDate.now());
 * v.verdict();   // TAMPERED
 * v.reason();    // "the signature does not match the content: ..."
 * }</pre>
 *
 * @param verdict         the answer
 * @param reason          why, in words
 * @param certificate     the certificate (with its status from the register when one was checked);
 *                        {@code null} when the file could not be trusted
 * @param registerChecked whether the register was consulted for revocation and expiry
 */
public record Verification(Verdict verdict, String reason, Certificate certificate, boolean registerChecked) {

    /** The possible answers. */
    public enum Verdict {
        /** Signed by a known issuer key, unchanged, in force on the date checked. */
        VALID,
        /** Genuine, but past its valid-until date (or marked expired in the register). */
        EXPIRED,
        /** Genuine, but revoked. */
        REVOKED,
        /** Not genuine: changed after signing, signed by an unknown key, or not a certificate file. */
        TAMPERED,
        /**
         * Genuine, but not checked as asked: the register given does not know it (probably the wrong
         * register), or the status list given cannot be trusted or does not cover it.
         */
        UNKNOWN
    }

    public Verification {
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(reason, "reason");
    }
}
