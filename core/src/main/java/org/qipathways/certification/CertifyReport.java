package org.qipathways.certification;

import java.time.LocalDate;
import java.util.List;

/**
 * What a certify run did. Every certificate already on record for the learners processed is counted
 * once, as lapsed, expired, revoked or unchanged; new ones are counted as issued or renewed.
 * <pre>{@code
 * CertifyReport r = certifier.certify(records, asOf);
 * log.info("issued {}, renewed {}, lapsed {}, unchanged {}", r.issued(), r.renewed(), r.lapsed(), r.unchanged());
 * }</pre>
 *
 * @param asOf            the date judged
 * @param learners        learners processed
 * @param issued          first certificates for a learner's tier
 * @param renewed         certificates continuing a tier: renewed before expiry, or regained after a lapse
 * @param lapsed          certificates that ended without being renewed in time
 * @param expired         certificates that ended after a newer one had already continued them
 * @param revoked         certificates revoked (by a {@code revoked} event, or because a tier they need was revoked)
 * @param unchanged       certificates on record that needed nothing
 * @param retries         batches planned again because another writer changed the register first
 * @param newCertificates the certificates issued or renewed, in learner order
 * @param warnings        things a person should look at, e.g. a certificate the record no longer supports
 */
public record CertifyReport(LocalDate asOf, int learners, int issued, int renewed, int lapsed, int expired, int revoked,
                            int unchanged, int retries, List<Certificate> newCertificates, List<String> warnings) {
    public CertifyReport {
        newCertificates = List.copyOf(newCertificates);
        warnings = List.copyOf(warnings);
    }

    /** Whether the run wrote anything to the register. */
    public boolean changedAnything() {
        return issued + renewed + lapsed + expired + revoked > 0;
    }
}
