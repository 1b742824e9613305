package org.qipathways.samples.cli;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.qipathways.moodle.Doctor;
import org.qipathways.moodle.DoctorReport;
import org.qipathways.moodle.MoodleClient;
import org.qipathways.moodle.MoodleConfig;
import org.qipathways.moodle.MoodleException;
import org.qipathways.moodle.MoodleToken;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code qip doctor}: checks a Moodle site and token before any sync. The token comes from the
 * {@code MOODLE_TOKEN} environment variable, never from an argument (arguments show in process
 * lists and shell histories).
 * <pre>{@code
 * $ MOODLE_TOKEN=... qip doctor --moodle https://moodle.example.nhs.uk
 * Site:      QI Academy (https://moodle.example.nhs.uk)
 * Moodle:    5.1+ (Build: 20251205), version 2025100600.13
 * User:      Integration User (wsconnector, id 3)
 * Functions: all 46 functions the connector needs are in the token's service
 * Bundling:  available (tool_mobile_call_external_functions)
 * OK: the connector can work with this site.
 * }</pre>
 */
@Command(name = "doctor",
        description = {"Check a Moodle site and token: release, user, and the functions the connector needs that the"
                + " token's service lacks.",
                "The token is read from the MOODLE_TOKEN environment variable."},
        footer = {"", "Exit codes: 0 the site is ready; 1 the site cannot be reached, refuses the token, or is not"
                + " ready (problems listed); 2 bad usage (no MOODLE_TOKEN, a malformed or non-https address)."})
final class DoctorCommand implements Callable<Integer> {

    static final String TOKEN_VARIABLE = "MOODLE_TOKEN";

    @Option(names = "--moodle", required = true, paramLabel = "URL",
            description = "The Moodle site's address (its wwwroot), e.g. https://moodle.example.nhs.uk."
                    + " Plain http only for localhost.")
    String moodle;

    @Option(names = {"-v", "--verbose"}, description = "Log each request at debug level on stderr (the token redacted).")
    boolean verbose;

    @Spec
    CommandSpec spec;

    private final Function<String, String> environment;

    DoctorCommand() {
        this(System::getenv);
    }

    /** A doctor reading the token from {@code environment} (tests pass a map). */
    DoctorCommand(Function<String, String> environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        MoodleConfig config = config(site(), token());
        if (verbose) {
            // slf4j-simple reads a logger's level when the logger is made: before the client's classes load
            System.setProperty("org.slf4j.simpleLogger.log.org.qipathways.moodle", "debug");
        }
        DoctorReport report;
        try (MoodleClient client = MoodleClient.create(config)) {
            report = Doctor.check(client);
        } catch (MoodleException e) {
            throw QipException.failed("cannot check " + config.site() + ": " + e.getMessage(), e);
        }
        report.lines().forEach(spec.commandLine().getOut()::println);
        spec.commandLine().getOut().flush();
        return report.ok() ? ExitCodes.OK : ExitCodes.FAILED;
    }

    private MoodleToken token() {
        String value = environment.apply(TOKEN_VARIABLE);
        if (value == null || value.isBlank()) {
            throw QipException.badInput("set the " + TOKEN_VARIABLE + " environment variable to the site's web-service"
                    + " token (it is never given as an argument)");
        }
        try {
            return MoodleToken.of(value.strip());
        } catch (IllegalArgumentException e) {
            throw QipException.badInput(TOKEN_VARIABLE + ": " + e.getMessage(), e);
        }
    }

    private URI site() {
        try {
            return new URI(moodle.strip());
        } catch (URISyntaxException e) {
            throw QipException.badInput("--moodle: '" + moodle + "' is not an address: " + e.getReason(), e);
        }
    }

    private static MoodleConfig config(URI site, MoodleToken token) {
        try {
            // a diagnosis should answer quickly: one retry, not the sync's patience
            return MoodleConfig.builder(site, token).maxAttempts(2).build();
        } catch (IllegalArgumentException e) {
            throw QipException.badInput("--moodle: " + e.getMessage(), e);
        }
    }
}
