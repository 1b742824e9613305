package org.qipathways.samples.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.Callable;
import org.qipathways.certification.Certificate;
import org.qipathways.certification.CertificateId;
import org.qipathways.certification.Certifier;
import org.qipathways.certification.RegisterException;
import org.qipathways.certification.jdbc.JdbcCertificateRegister;
import org.qipathways.programme.Programme;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code qip revoke}: revokes a certificate on request, with who and why, in the register's audit trail.
 * <pre>{@code
 * $ qip revoke 7KQ2M9XH4CT --register jdbc:sqlite:register.db --reason "project report plagiarised" --actor "A. Jones"
 * revoked 7KQ2M9XH4CT (GOLD, learner L0001) on 2026-03-31
 * }</pre>
 */
@Command(name = "revoke",
        description = {"Revoke a certificate, and the other certificates of the same learner's tier; final.",
                "To revoke the tiers that need it too, record a revoked event in events.csv and run qip certify."},
        footer = {"", "Exit codes: 0 done (or already revoked); 1 the register could not be reached or written;"
                + " 2 an unknown certificate, or bad usage."})
final class RevokeCommand implements Callable<Integer> {

    @Mixin
    ProgrammeOption programme;

    @Parameters(paramLabel = "ID", description = "The certificate's id (case, hyphens and spaces do not matter).")
    String id;

    @Option(names = "--register", paramLabel = "JDBC-URL", required = true, description = RegisterOption.DESCRIPTION)
    String register;

    @Option(names = "--reason", paramLabel = "TEXT", required = true, description = "Why, for the audit trail and verifiers.")
    String reason;

    @Option(names = "--actor", paramLabel = "NAME", required = true, description = "Who asks for the revocation.")
    String actor;

    @Option(names = "--on", paramLabel = "DATE", description = "The day it takes effect (yyyy-MM-dd). Default: today.")
    LocalDate on;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        CertificateId certificateId;
        try {
            certificateId = CertificateId.parse(id);
        } catch (IllegalArgumentException e) {
            throw QipException.badInput(e.getMessage(), e);
        }
        if (reason.isBlank() || actor.isBlank()) {
            throw QipException.badInput("--reason and --actor must not be empty");
        }
        Programme p = programme.programme();
        LocalDate date = on != null ? on : LocalDate.now();
        PrintWriter o = spec.commandLine().getOut();
        try (JdbcCertificateRegister reg = RegisterOption.open(register)) {
            List<Certificate> revoked = Certifier.of(p, reg, Clock.systemUTC(), actor).revoke(certificateId, date, reason, actor);
            if (revoked.isEmpty()) {
                o.println(certificateId + " was already revoked");
            }
            for (Certificate c : revoked) {
                o.println("revoked " + c.id() + " (" + c.tier() + ", learner " + c.learnerId() + ") on " + date);
            }
        } catch (NoSuchElementException e) {
            throw QipException.badInput(e.getMessage(), e);
        } catch (RegisterException e) {
            throw QipException.failed(e.getMessage(), e);
        }
        o.flush();
        return ExitCodes.OK;
    }
}
