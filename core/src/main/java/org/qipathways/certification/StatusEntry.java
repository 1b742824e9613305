package org.qipathways.certification;

import java.util.Objects;

/**
 * A certificate's place in the register's status list: the bit at {@code index} of the W3C Bitstring
 * Status List that says whether its Open Badges credential is revoked. The index is given once, when
 * the certificate is first exported as a credential, and never changes.
 * <pre>{@code
 * for (StatusEntry e : register.statusEntries()) {
 *     e.index();                    // 48213
 *     e.certificate().status();     // REVOKED sets the bit
 * }
 * }</pre>
 *
 * @param certificate the certificate, with its status now
 * @param index       its place in the list, from 0
 */
public record StatusEntry(Certificate certificate, int index) {

    public StatusEntry {
        Objects.requireNonNull(certificate, "certificate");
        if (index < 0) {
            throw new IllegalArgumentException("status list index " + index + " is negative");
        }
    }
}
