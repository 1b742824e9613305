package org.qipathways.samples.cli;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.function.Function;
import org.qipathways.moodle.MoodleClient;
import org.qipathways.moodle.MoodleConfig;
import org.qipathways.moodle.MoodleToken;
import picocli.CommandLine.Option;

/**
 * The options every command that talks to a Moodle site shares ({@code --moodle}, the site's limits,
 * {@code --verbose}), and the client they make; {@code qip sync} adds {@link MoodleSyncOptions}. The token comes from the
 * {@code MOODLE_TOKEN} environment variable only: arguments show in process lists and histories.
 * <pre>{@code
 * @Mixin MoodleSiteOptions site;
 * try (MoodleClient client = site.client(environment)) { ... }
 * }</pre>
 */
final class MoodleSiteOptions {

    @Option(names = "--moodle", required = true, paramLabel = "URL",
            description = "The Moodle site's address (its wwwroot), e.g. https://moodle.example.nhs.uk."
                    + " Plain http only for localhost.")
    String moodle;

    @Option(names = "--max-input-vars", paramLabel = "N", defaultValue = "1000",
            description = "The site's PHP max_input_vars, if known to be larger (fewer requests). Default: ${DEFAULT-VALUE}.")
    int maxInputVars;

    @Option(names = "--call-timeout", paramLabel = "SECONDS", defaultValue = "300",
            description = "The longest one call to the site may take, retries included: a site that hangs or trickles"
                    + " its reply fails after this long. Default: ${DEFAULT-VALUE}.")
    long callTimeoutSeconds;

    @Option(names = "--max-reply-size", paramLabel = "BYTES", defaultValue = "" + MoodleConfig.DEFAULT_MAX_REPLY_BYTES,
            description = "The largest reply read from the site (after decompression). Default: ${DEFAULT-VALUE} (16 MiB).")
    long maxReplyBytes;

    @Option(names = {"-v", "--verbose"}, description = "Log each request at debug level on stderr (the token redacted).")
    boolean verbose;

    /** The client for the site; bad usage (no token, a malformed address) is a {@link QipException}. */
    MoodleClient client(Function<String, String> environment) {
        if (verbose) {
            System.setProperty("org.slf4j.simpleLogger.log.org.qipathways.moodle", "debug");
        }
        MoodleToken token = token(environment);
        URI site;
        try {
            site = new URI(moodle.strip());
        } catch (URISyntaxException e) {
            throw QipException.badInput("--moodle: '" + moodle + "' is not an address: " + e.getReason(), e);
        }
        try {
            // batches as large as max_input_vars allows: the fewest requests
            return MoodleClient.create(MoodleConfig.builder(site, token).maxInputVars(maxInputVars)
                    .maxBatchSize(Math.max(MoodleConfig.DEFAULT_MAX_BATCH_SIZE, maxInputVars))
                    // bundles are bounded by max_input_vars (two variables a call) and the request size anyway
                    .maxCallsPerBundle(Math.max(MoodleConfig.DEFAULT_MAX_CALLS_PER_BUNDLE, maxInputVars))
                    .callTimeout(java.time.Duration.ofSeconds(callTimeoutSeconds)).maxReplyBytes(maxReplyBytes).build());
        } catch (IllegalArgumentException e) {
            throw QipException.badInput("--moodle: " + e.getMessage(), e);
        }
    }

    private static MoodleToken token(Function<String, String> environment) {
        String value = environment.apply(DoctorCommand.TOKEN_VARIABLE);
        if (value == null || value.isBlank()) {
            throw QipException.badInput("set the " + DoctorCommand.TOKEN_VARIABLE + " environment variable to the site's"
                    + " web-service token (it is never given as an argument)");
        }
        try {
            return MoodleToken.of(value.strip());
        } catch (IllegalArgumentException e) {
            throw QipException.badInput(DoctorCommand.TOKEN_VARIABLE + ": " + e.getMessage(), e);
        }
    }
}
