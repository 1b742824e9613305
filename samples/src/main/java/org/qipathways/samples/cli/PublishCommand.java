package org.qipathways.samples.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.qipathways.certification.Certificate;
import org.qipathways.certification.RegisterException;
import org.qipathways.certification.jdbc.JdbcCertificateRegister;
import org.qipathways.moodle.MoodleClient;
import org.qipathways.moodle.MoodleException;
import org.qipathways.moodle.sync.OutcomePublisher;
import org.qipathways.moodle.sync.SyncPlan;
import org.qipathways.programme.Programme;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code qip publish}: makes each tier's certified cohort in Moodle hold exactly the learners with a
 * valid certificate in the register; lapsed and revoked ones are taken out.
 * <pre>{@code
 * $ MOODLE_TOKEN=... qip publish --moodle https://moodle.example.nhs.uk --register jdbc:sqlite:register.db
 * create cohort member L000004: qip:QIP-BSG:certified:BRONZE
 * remove cohort member L000002: qip:QIP-BSG:certified:GOLD
 * created 1, updated 0, removed 1, unchanged 2, failed 0
 * }</pre>
 */
@Command(name = "publish",
        description = {"Make the certified cohorts in Moodle follow the certificate register: learners with a valid"
                + " certificate in, lapsed and revoked ones out (a Moodle badge with the cohort criterion follows).",
                "The token is read from the MOODLE_TOKEN environment variable."},
        footer = {"", "Exit codes: 0 done (or planned); 1 the site or the register cannot be reached, or Moodle refused"
                + " some memberships; 2 bad usage (no MOODLE_TOKEN, a bad address or register URL, the programme not"
                + " synced yet)."})
final class PublishCommand implements Callable<Integer> {

    @Mixin
    MoodleSiteOptions site;

    @Mixin
    ProgrammeOption programme;

    @Mixin
    AsOfOption asOf;

    @Option(names = "--register", paramLabel = "JDBC-URL", required = true, description = RegisterOption.DESCRIPTION)
    String register;

    @Option(names = "--plan", description = "List what would change; write nothing.")
    boolean plan;

    @Spec
    CommandSpec spec;

    private final Function<String, String> environment;

    PublishCommand() {
        this(System::getenv);
    }

    /** A publish reading the token from {@code environment} (tests pass a map). */
    PublishCommand(Function<String, String> environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        Programme p = programme.programme();
        List<Certificate> certificates;
        try (JdbcCertificateRegister reg = RegisterOption.open(register)) {
            certificates = reg.certificates(p.code());
        } catch (RegisterException e) {
            throw QipException.failed(e.getMessage(), e);
        }
        Map<String, Set<String>> holders = OutcomePublisher.holders(certificates, asOf.date());
        SyncPlan result;
        try (MoodleClient client = site.client(environment)) {
            OutcomePublisher publisher = new OutcomePublisher(client);
            result = plan ? publisher.plan(p, holders) : publisher.apply(p, holders);
        } catch (MoodleException e) {
            throw QipException.failed("publish to " + site.moodle + " failed: " + e.getMessage()
                    + " (a rerun picks up where this one stopped)", e);
        } catch (IllegalStateException e) {
            throw QipException.badInput(e.getMessage(), e);
        }
        PrintWriter out = spec.commandLine().getOut();
        result.changes().forEach(out::println);
        out.println(plan ? result.summary().toPlanString() : result.summary().toString());
        out.flush();
        return result.failed() > 0 ? ExitCodes.FAILED : ExitCodes.OK;
    }
}
