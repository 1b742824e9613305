package org.qipathways.moodle.platform;

import org.qipathways.moodle.MoodleConfig;
import org.qipathways.moodle.MoodleToken;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.qipathways.moodle.sync.SyncOptions;
import org.qipathways.platform.LearningPlatform;
import org.qipathways.platform.LearningPlatformProvider;
import org.qipathways.platform.PlatformSettings;

/**
 * The Moodle connector's entry in {@code META-INF/services}: {@link org.qipathways.platform.Platforms}
 * finds it under the name {@code moodle}. The credential is a web-service token; options tune the
 * client (names as below, values as text).
 * <pre>{@code
 * LearningPlatform moodle = Platforms.discover().open("moodle",
 *         PlatformSettings.of(URI.create("https://moodle.example.nhs.uk"), token).withOption("max-input-vars", "5000"));
 * }</pre>
 * Options: {@code max-input-vars}, {@code max-request-bytes}, {@code max-batch-size},
 * {@code max-concurrent-requests}, {@code max-requests-per-second}, {@code max-attempts},
 * {@code read-timeout-seconds}, {@code call-timeout-seconds}, {@code max-reply-bytes}, {@code bundling}
 * ({@code true}/{@code false}); and for the programme sync
 * ({@link SyncOptions}) {@code scale-id}, {@code parent-category}, {@code auth}, {@code email-domain},
 * {@code template-course}.
 */
public final class MoodlePlatformProvider implements LearningPlatformProvider {

    private static final Set<String> OPTIONS = new TreeSet<>(Set.of("max-input-vars", "max-request-bytes",
            "max-batch-size", "max-concurrent-requests", "max-requests-per-second", "max-attempts",
            "read-timeout-seconds", "call-timeout-seconds", "max-reply-bytes", "bundling", "scale-id", "parent-category", "auth", "email-domain", "template-course"));

    @Override
    public String name() {
        return "moodle";
    }

    @Override
    public String description() {
        return "Moodle 4.x/5.x through its REST web services, with a token";
    }

    @Override
    public LearningPlatform open(PlatformSettings settings) {
        return new MoodleConnector(config(settings), syncOptions(settings));
    }

    /** The client configuration for {@code settings}; an unknown or malformed option is refused by name. */
    static MoodleConfig config(PlatformSettings settings) {
        MoodleConfig.Builder b = MoodleConfig.builder(settings.site(), MoodleToken.of(settings.credential()));
        for (Map.Entry<String, String> o : settings.options().entrySet()) {
            String name = o.getKey();
            String value = o.getValue().strip();
            if (!OPTIONS.contains(name)) {
                throw new IllegalArgumentException("the Moodle connector has no option '" + name
                        + "'; its options are " + String.join(", ", OPTIONS));
            }
            try {
                switch (name) {
                    case "max-input-vars":
                        b.maxInputVars(Integer.parseInt(value));
                        break;
                    case "max-request-bytes":
                        b.maxRequestBytes(Long.parseLong(value));
                        break;
                    case "max-batch-size":
                        b.maxBatchSize(Integer.parseInt(value));
                        break;
                    case "max-concurrent-requests":
                        b.maxConcurrentRequests(Integer.parseInt(value));
                        break;
                    case "max-requests-per-second":
                        b.maxRequestsPerSecond(Double.parseDouble(value));
                        break;
                    case "max-attempts":
                        b.maxAttempts(Integer.parseInt(value));
                        break;
                    case "read-timeout-seconds":
                        b.readTimeout(Duration.ofSeconds(Long.parseLong(value)));
                        break;
                    case "call-timeout-seconds":
                        b.callTimeout(Duration.ofSeconds(Long.parseLong(value)));
                        break;
                    case "max-reply-bytes":
                        b.maxReplyBytes(Long.parseLong(value));
                        break;
                    case "bundling":
                        b.bundling(parseBoolean(value));
                        break;
                    case "scale-id", "parent-category", "auth", "email-domain", "template-course":
                        break;   // how the programme maps onto the site: syncOptions

                    default:
                        throw new AssertionError(name);   // OPTIONS and the cases above list the same names
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("option " + name + ": '" + value + "' is not a number", e);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("option " + name + ": " + e.getMessage(), e);
            }
        }
        return b.build();
    }

    /** How programmes map onto the site: {@code scale-id}, {@code parent-category}, {@code auth}, {@code email-domain}, {@code template-course}. */
    static SyncOptions syncOptions(PlatformSettings settings) {
        SyncOptions o = SyncOptions.defaults();
        Map<String, String> opts = settings.options();
        try {
            if (opts.containsKey("scale-id")) {
                o = o.withScaleId(Long.parseLong(opts.get("scale-id").strip()));
            }
            if (opts.containsKey("parent-category")) {
                o = o.withParentCategoryId(Long.parseLong(opts.get("parent-category").strip()));
            }
            if (opts.containsKey("template-course")) {
                o = o.withTemplateCourseId(Long.parseLong(opts.get("template-course").strip()));
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("options scale-id, parent-category and template-course are ids: "
                    + e.getMessage(), e);
        }
        if (opts.containsKey("auth")) {
            o = o.withAuth(opts.get("auth").strip());
        }
        if (opts.containsKey("email-domain")) {
            o = o.withEmailDomain(opts.get("email-domain").strip());
        }
        return o;
    }

    private static boolean parseBoolean(String value) {
        if (!value.equals("true") && !value.equals("false")) {
            throw new IllegalArgumentException("'" + value + "' is neither true nor false");
        }
        return Boolean.parseBoolean(value);
    }
}
