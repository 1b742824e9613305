package org.qipathways.moodle;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How a {@link MoodleClient} reaches one Moodle site: the site, the token, and the limits,
 * timeouts and retry rules it works within. Immutable; every setting has a named default.
 * <pre>{@code
 * MoodleConfig config = MoodleConfig.builder(URI.create("https://moodle.example.nhs.uk"),
 *                 MoodleToken.of(System.getenv("MOODLE_TOKEN")))
 *         .maxInputVars(5000)                 // what the site's php.ini says, if known
 *         .maxRequestsPerSecond(5)
 *         .build();
 * }</pre>
 *
 * <p>The site must be HTTPS, except on a loopback address ({@code localhost}, {@code 127.0.0.1},
 * {@code ::1}) where plain HTTP is allowed for simulators and tunnels. Certificates are always
 * verified, host names included; a site with a private certificate authority is reached by adding
 * that authority with {@link Builder#trustedCertificates(List)}, never by turning checks off.
 */
public final class MoodleConfig {

    /** PHP's default {@code max_input_vars}: the most form variables a request may carry. */
    public static final int DEFAULT_MAX_INPUT_VARS = 1000;
    /** Half of PHP's default {@code post_max_size} (8M), leaving room for proxies with lower limits. */
    public static final long DEFAULT_MAX_REQUEST_BYTES = 4L * 1024 * 1024;
    /**
     * The most array elements sent in one request. Moodle applies many batch functions all or
     * nothing, so smaller batches lose less to one bad element.
     */
    public static final int DEFAULT_MAX_BATCH_SIZE = 100;
    /** The most calls bundled into one {@code tool_mobile_call_external_functions} request. */
    public static final int DEFAULT_MAX_CALLS_PER_BUNDLE = 50;
    /** Time to open a connection. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** Time to wait for the next bytes of a reply; Moodle may take long over a big batch or a regrade. */
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(120);
    /** Time to send a request. */
    public static final Duration DEFAULT_WRITE_TIMEOUT = Duration.ofSeconds(60);
    /**
     * The deadline of one call, every attempt and the waits between them included: a site that
     * never answers, or trickles its reply (which resets the read timeout with every byte), makes
     * the call fail after this long at most. 300 s is Moodle's own limit for a web-service request.
     */
    public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(300);
    /**
     * The largest reply read, after decompression: 16 MiB. Moodle's replies to the connector's
     * batches are a few MiB at most; a larger one is not Moodle, or a gzip bomb, and is refused
     * before it fills memory.
     */
    public static final long DEFAULT_MAX_REPLY_BYTES = 16L * 1024 * 1024;
    /** Requests in flight at once, across all threads using one client. */
    public static final int DEFAULT_MAX_CONCURRENT_REQUESTS = 4;
    /** No rate limit: 0 requests per second means unlimited. */
    public static final double DEFAULT_MAX_REQUESTS_PER_SECOND = 0;
    /** Attempts per request, the first included, when a retry is safe. */
    public static final int DEFAULT_MAX_ATTEMPTS = 4;
    /** The first wait before a retry; each later wait doubles, with random jitter. */
    public static final Duration DEFAULT_RETRY_BASE_DELAY = Duration.ofMillis(500);
    /** The longest wait before a retry. */
    public static final Duration DEFAULT_RETRY_MAX_DELAY = Duration.ofSeconds(30);

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final String ENDPOINT = "/webservice/rest/server.php";

    private final URI site;
    private final MoodleToken token;
    private final int maxInputVars;
    private final long maxRequestBytes;
    private final int maxBatchSize;
    private final int maxCallsPerBundle;
    private final boolean bundling;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final Duration writeTimeout;
    private final Duration callTimeout;
    private final long maxReplyBytes;
    private final int maxConcurrentRequests;
    private final double maxRequestsPerSecond;
    private final int maxAttempts;
    private final Duration retryBaseDelay;
    private final Duration retryMaxDelay;
    private final boolean acceptOutputAroundJson;
    private final List<X509Certificate> trustedCertificates;

    private MoodleConfig(Builder b) {
        this.site = b.site;
        this.token = b.token;
        this.maxInputVars = b.maxInputVars;
        this.maxRequestBytes = b.maxRequestBytes;
        this.maxBatchSize = b.maxBatchSize;
        this.maxCallsPerBundle = b.maxCallsPerBundle;
        this.bundling = b.bundling;
        this.connectTimeout = b.connectTimeout;
        this.readTimeout = b.readTimeout;
        this.writeTimeout = b.writeTimeout;
        this.callTimeout = b.callTimeout;
        this.maxReplyBytes = b.maxReplyBytes;
        this.maxConcurrentRequests = b.maxConcurrentRequests;
        this.maxRequestsPerSecond = b.maxRequestsPerSecond;
        this.maxAttempts = b.maxAttempts;
        this.retryBaseDelay = b.retryBaseDelay;
        this.retryMaxDelay = b.retryMaxDelay;
        this.acceptOutputAroundJson = b.acceptOutputAroundJson;
        this.trustedCertificates = b.trustedCertificates;
    }

    /**
     * A builder for the site at {@code site} (its base address, the {@code wwwroot}, e.g.
     * {@code https://moodle.example.nhs.uk} or {@code https://example.org/moodle}) signed in with
     * {@code token}.
     */
    public static Builder builder(URI site, MoodleToken token) {
        return new Builder(site, token);
    }

    /** A configuration with every default. */
    public static MoodleConfig of(URI site, MoodleToken token) {
        return builder(site, token).build();
    }

    /** A builder holding this configuration, to derive a changed copy. */
    public Builder toBuilder() {
        Builder b = new Builder(site, token);
        b.maxInputVars = maxInputVars;
        b.maxRequestBytes = maxRequestBytes;
        b.maxBatchSize = maxBatchSize;
        b.maxCallsPerBundle = maxCallsPerBundle;
        b.bundling = bundling;
        b.connectTimeout = connectTimeout;
        b.readTimeout = readTimeout;
        b.writeTimeout = writeTimeout;
        b.callTimeout = callTimeout;
        b.maxReplyBytes = maxReplyBytes;
        b.maxConcurrentRequests = maxConcurrentRequests;
        b.maxRequestsPerSecond = maxRequestsPerSecond;
        b.maxAttempts = maxAttempts;
        b.retryBaseDelay = retryBaseDelay;
        b.retryMaxDelay = retryMaxDelay;
        b.acceptOutputAroundJson = acceptOutputAroundJson;
        b.trustedCertificates = trustedCertificates;
        return b;
    }

    /** The site's base address, without a trailing slash. */
    public URI site() {
        return site;
    }

    /** The REST endpoint: the site plus {@code /webservice/rest/server.php}. */
    public URI endpoint() {
        return URI.create(site + ENDPOINT);
    }

    /** The token. */
    public MoodleToken token() {
        return token;
    }

    /** The site's PHP {@code max_input_vars}: no request carries more form variables. */
    public int maxInputVars() {
        return maxInputVars;
    }

    /** The largest request body sent, in bytes. */
    public long maxRequestBytes() {
        return maxRequestBytes;
    }

    /** The most array elements sent in one request. */
    public int maxBatchSize() {
        return maxBatchSize;
    }

    /** The most calls in one bundled request. */
    public int maxCallsPerBundle() {
        return maxCallsPerBundle;
    }

    /** Whether {@link MoodleClient#callAll} may bundle calls when the token's service allows it. */
    public boolean bundling() {
        return bundling;
    }

    public Duration connectTimeout() {
        return connectTimeout;
    }

    public Duration readTimeout() {
        return readTimeout;
    }

    public Duration writeTimeout() {
        return writeTimeout;
    }

    /** The deadline of one call, retries and waits included; see {@link #DEFAULT_CALL_TIMEOUT}. */
    public Duration callTimeout() {
        return callTimeout;
    }

    /** The largest reply read, in bytes after decompression; see {@link #DEFAULT_MAX_REPLY_BYTES}. */
    public long maxReplyBytes() {
        return maxReplyBytes;
    }

    /** Requests in flight at once. */
    public int maxConcurrentRequests() {
        return maxConcurrentRequests;
    }

    /** The most requests started per second; 0 for no limit. */
    public double maxRequestsPerSecond() {
        return maxRequestsPerSecond;
    }

    /** Attempts per request when a retry is safe, the first included. */
    public int maxAttempts() {
        return maxAttempts;
    }

    public Duration retryBaseDelay() {
        return retryBaseDelay;
    }

    public Duration retryMaxDelay() {
        return retryMaxDelay;
    }

    /**
     * Whether a reply whose JSON is surrounded by other output (PHP notices shown because the
     * site displays errors) is used, with a warning in the log, instead of refused.
     */
    public boolean acceptOutputAroundJson() {
        return acceptOutputAroundJson;
    }

    /** Certificates trusted in addition to the platform's certificate authorities. */
    public List<X509Certificate> trustedCertificates() {
        return trustedCertificates;
    }

    @Override
    public String toString() {
        return "MoodleConfig[site=" + site + ", token=" + token + ", maxInputVars=" + maxInputVars
                + ", maxRequestBytes=" + maxRequestBytes + ", maxBatchSize=" + maxBatchSize
                + ", bundling=" + bundling + ", maxConcurrentRequests=" + maxConcurrentRequests
                + ", maxRequestsPerSecond=" + maxRequestsPerSecond + ", maxAttempts=" + maxAttempts
                + ", callTimeout=" + callTimeout + ", maxReplyBytes=" + maxReplyBytes + "]";
    }

    /** Collects settings for a {@link MoodleConfig}; every setter checks its value at once. */
    public static final class Builder {
        private final URI site;
        private final MoodleToken token;
        private int maxInputVars = DEFAULT_MAX_INPUT_VARS;
        private long maxRequestBytes = DEFAULT_MAX_REQUEST_BYTES;
        private int maxBatchSize = DEFAULT_MAX_BATCH_SIZE;
        private int maxCallsPerBundle = DEFAULT_MAX_CALLS_PER_BUNDLE;
        private boolean bundling = true;
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private Duration readTimeout = DEFAULT_READ_TIMEOUT;
        private Duration writeTimeout = DEFAULT_WRITE_TIMEOUT;
        private Duration callTimeout = DEFAULT_CALL_TIMEOUT;
        private long maxReplyBytes = DEFAULT_MAX_REPLY_BYTES;
        private int maxConcurrentRequests = DEFAULT_MAX_CONCURRENT_REQUESTS;
        private double maxRequestsPerSecond = DEFAULT_MAX_REQUESTS_PER_SECOND;
        private int maxAttempts = DEFAULT_MAX_ATTEMPTS;
        private Duration retryBaseDelay = DEFAULT_RETRY_BASE_DELAY;
        private Duration retryMaxDelay = DEFAULT_RETRY_MAX_DELAY;
        private boolean acceptOutputAroundJson;
        private List<X509Certificate> trustedCertificates = List.of();

        private Builder(URI site, MoodleToken token) {
            this.site = checkSite(Objects.requireNonNull(site, "site"));
            this.token = Objects.requireNonNull(token, "token");
        }

        /** The site's PHP {@code max_input_vars}; at least 10 (the request's own variables need 3). */
        public Builder maxInputVars(int n) {
            this.maxInputVars = atLeast("maxInputVars", n, 10);
            return this;
        }

        /** The largest request body to send, in bytes; at least 1 KiB. */
        public Builder maxRequestBytes(long bytes) {
            if (bytes < 1024) {
                throw new IllegalArgumentException("maxRequestBytes must be at least 1024, not " + bytes);
            }
            this.maxRequestBytes = bytes;
            return this;
        }

        /** The most array elements per request; at least 1. */
        public Builder maxBatchSize(int n) {
            this.maxBatchSize = atLeast("maxBatchSize", n, 1);
            return this;
        }

        /** The most calls per bundled request; at least 1. */
        public Builder maxCallsPerBundle(int n) {
            this.maxCallsPerBundle = atLeast("maxCallsPerBundle", n, 1);
            return this;
        }

        /** Whether to bundle calls through {@code tool_mobile_call_external_functions} when available. */
        public Builder bundling(boolean on) {
            this.bundling = on;
            return this;
        }

        public Builder connectTimeout(Duration d) {
            this.connectTimeout = positive("connectTimeout", d);
            return this;
        }

        public Builder readTimeout(Duration d) {
            this.readTimeout = positive("readTimeout", d);
            return this;
        }

        public Builder writeTimeout(Duration d) {
            this.writeTimeout = positive("writeTimeout", d);
            return this;
        }

        /** The deadline of one call, every attempt and the waits between them included. */
        public Builder callTimeout(Duration d) {
            this.callTimeout = positive("callTimeout", d);
            return this;
        }

        /** The largest reply read, in bytes after decompression; at least 1 KiB. */
        public Builder maxReplyBytes(long bytes) {
            if (bytes < 1024) {
                throw new IllegalArgumentException("maxReplyBytes must be at least 1024, not " + bytes);
            }
            this.maxReplyBytes = bytes;
            return this;
        }

        /** Requests in flight at once; at least 1. */
        public Builder maxConcurrentRequests(int n) {
            this.maxConcurrentRequests = atLeast("maxConcurrentRequests", n, 1);
            return this;
        }

        /** The most requests started per second; 0 for no limit. */
        public Builder maxRequestsPerSecond(double perSecond) {
            if (!(perSecond >= 0) || Double.isInfinite(perSecond)) {
                throw new IllegalArgumentException("maxRequestsPerSecond must be 0 (no limit) or more, not " + perSecond);
            }
            this.maxRequestsPerSecond = perSecond;
            return this;
        }

        /** Attempts per request when a retry is safe, the first included; 1 turns retries off. */
        public Builder maxAttempts(int n) {
            this.maxAttempts = atLeast("maxAttempts", n, 1);
            return this;
        }

        /** The first and the longest wait between attempts. */
        public Builder retryDelays(Duration base, Duration max) {
            positive("retry base delay", base);
            positive("retry max delay", max);
            if (max.compareTo(base) < 0) {
                throw new IllegalArgumentException("the longest retry delay (" + max + ") is shorter than the first (" + base + ")");
            }
            this.retryBaseDelay = base;
            this.retryMaxDelay = max;
            return this;
        }

        /** See {@link MoodleConfig#acceptOutputAroundJson()}; off by default. */
        public Builder acceptOutputAroundJson(boolean accept) {
            this.acceptOutputAroundJson = accept;
            return this;
        }

        /**
         * Certificates (typically a private certificate authority) to trust in addition to the
         * platform's; host names are still verified.
         */
        public Builder trustedCertificates(List<X509Certificate> certificates) {
            this.trustedCertificates = List.copyOf(certificates);
            return this;
        }

        public MoodleConfig build() {
            return new MoodleConfig(this);
        }

        private static int atLeast(String name, int n, int min) {
            if (n < min) {
                throw new IllegalArgumentException(name + " must be at least " + min + ", not " + n);
            }
            return n;
        }

        private static Duration positive(String name, Duration d) {
            Objects.requireNonNull(d, name);
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(name + " must be positive, not " + d);
            }
            return d;
        }
    }

    /**
     * The site's base address, checked: absolute HTTP(S), HTTPS unless on a loopback address, no
     * user info, query or fragment; a trailing slash or the REST endpoint's path is dropped.
     */
    static URI checkSite(URI site) {
        String scheme = site.getScheme() == null ? "" : site.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw new IllegalArgumentException("the Moodle site must be an http(s) address such as"
                    + " https://moodle.example.org, not '" + site + "'");
        }
        if (site.getHost() == null || site.getHost().isEmpty()) {
            throw new IllegalArgumentException("the Moodle site address has no host: '" + site + "'");
        }
        if (site.getRawUserInfo() != null || site.getRawQuery() != null || site.getRawFragment() != null) {
            throw new IllegalArgumentException("the Moodle site address must not carry user info, a query or a"
                    + " fragment (the token is configured separately): '" + site.getScheme() + "://" + site.getHost()
                    + "...'");
        }
        if (scheme.equals("http") && !isLoopback(site.getHost())) {
            throw new IllegalArgumentException("the Moodle site must use https: plain http would send the token"
                    + " readable to anyone on the way. http is accepted only for loopback addresses (localhost,"
                    + " 127.0.0.1, ::1), not for '" + site.getHost() + "'");
        }
        String path = site.getRawPath() == null ? "" : site.getRawPath();
        if (path.endsWith(ENDPOINT)) {
            path = path.substring(0, path.length() - ENDPOINT.length());
        }
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return URI.create(scheme + "://" + site.getRawAuthority() + path);
    }

    /**
     * Whether {@code host} is a loopback address. Only the name {@code localhost} and IP literals
     * count: other names are never looked up, since a name could resolve anywhere.
     */
    static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.equals("localhost")) {
            return true;
        }
        boolean ipv6 = h.startsWith("[") && h.endsWith("]");
        if (!ipv6 && !IPV4.matcher(h).matches()) {
            return false;
        }
        try {
            // an IP literal is parsed, not resolved
            return InetAddress.getByName(ipv6 ? h.substring(1, h.length() - 1) : h).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
