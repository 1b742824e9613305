package org.qipathways.certification;

import java.util.List;

/**
 * Changes to a register that are made together or not at all: new certificates, status changes and
 * the audit entries that explain them.
 * <pre>{@code
 * register.apply(new RegisterUpdate(List.of(newCertificate), List.of(), List.of(issuedEntry)));
 * }</pre>
 *
 * @param issued  certificates to add
 * @param changes status changes to make
 * @param audit   audit entries to append, in order
 */
public record RegisterUpdate(List<Certificate> issued, List<StatusChange> changes, List<AuditEntry> audit) {
    public RegisterUpdate {
        issued = List.copyOf(issued);
        changes = List.copyOf(changes);
        audit = List.copyOf(audit);
    }

    /** Whether there is nothing to do. */
    public boolean isEmpty() {
        return issued.isEmpty() && changes.isEmpty() && audit.isEmpty();
    }
}
