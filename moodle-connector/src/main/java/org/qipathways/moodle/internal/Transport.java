package org.qipathways.moodle.internal;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.GeneralSecurityException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.X509TrustManager;
import okhttp3.Call;
import okhttp3.ConnectionPool;
import okhttp3.EventListener;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.qipathways.moodle.MoodleConfig;
import org.qipathways.moodle.MoodleReplyException;
import org.qipathways.moodle.ReplyTooLargeException;
import org.qipathways.moodle.MoodleToken;
import org.qipathways.moodle.MoodleTransportException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one web-service request and returns the body of Moodle's HTTP 200 reply, within the
 * configured timeouts, concurrency and rate, retrying with backoff when that is safe.
 *
 * <p>A retry is safe when the request never left (the connection could not be opened) or when
 * sending it twice cannot change the outcome ({@code repeatable}: reads and idempotent writes).
 * Otherwise a timeout, a dropped connection or a 5xx after the request was sent is reported, not
 * retried, since Moodle may have applied it. OkHttp's own silent retries are off for that reason.
 * <pre>{@code
 * String body = transport.post("core_user_get_users_by_field", true, Form.flatten(args));
 * }</pre>
 *
 * <p>The token is the first variable of every body, before {@code wsfunction} and the
 * arguments: PHP drops variables past {@code max_input_vars} from the end, so a too-large request
 * loses arguments (which the reply check notices), never the token. It is never put in the URL,
 * where web servers and proxies log it.
 */
public final class Transport implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Transport.class);
    private static final MediaType FORM = MediaType.get("application/x-www-form-urlencoded; charset=utf-8");
    private static final String USER_AGENT = "qipathways-moodle-connector";
    /** The variables every request carries besides the function's arguments. */
    public static final int RESERVED_VARS = 3;

    private final java.util.concurrent.atomic.AtomicInteger sent = new java.util.concurrent.atomic.AtomicInteger();
    private final java.util.concurrent.atomic.AtomicLong received = new java.util.concurrent.atomic.AtomicLong();
    private static final int SNIPPET = 200;

    private final MoodleConfig config;
    private final MoodleToken token;
    private final HttpUrl endpoint;
    private final OkHttpClient http;
    private final Semaphore inFlight;
    private final RateLimiter rate;
    private final Backoff backoff;
    private final Sleeper sleeper;
    private final LongSupplier nanoTime;

    public Transport(MoodleConfig config) {
        this(config, Sleeper.SYSTEM, System::nanoTime, () -> ThreadLocalRandom.current().nextDouble());
    }

    /** A transport that waits with {@code sleeper} and reads time from {@code nanoTime}, for tests. */
    public Transport(MoodleConfig config, Sleeper sleeper, LongSupplier nanoTime, DoubleSupplier random) {
        this.config = config;
        this.token = config.token();
        this.endpoint = HttpUrl.get(config.endpoint().toString());
        this.sleeper = sleeper;
        this.nanoTime = nanoTime;
        this.inFlight = new Semaphore(config.maxConcurrentRequests(), true);
        this.rate = new RateLimiter(config.maxRequestsPerSecond(), nanoTime, sleeper);
        this.backoff = new Backoff(config.retryBaseDelay(), config.retryMaxDelay(), random);
        this.http = client(config);
    }

    private OkHttpClient client(MoodleConfig config) {
        OkHttpClient.Builder b = new OkHttpClient.Builder()
                .connectTimeout(config.connectTimeout())
                .readTimeout(config.readTimeout())
                .writeTimeout(config.writeTimeout())
                .callTimeout(config.callTimeout())
                // POST redirects would be followed as GET without the body: report them instead
                .followRedirects(false)
                .followSslRedirects(false)
                // OkHttp would otherwise resend a request on some connection failures, writes included
                .retryOnConnectionFailure(false)
                // Idle connections are closed before common server keep-alive limits (Apache: 5 s),
                // so a write is not lost on a connection the server has already dropped.
                .connectionPool(new ConnectionPool(config.maxConcurrentRequests(), 4, TimeUnit.SECONDS))
                // A request goes out as headers then body: with Nagle's algorithm the body waits for the
                // server's (delayed) ACK of the headers, ~40 ms a request
                .socketFactory(new NoDelaySocketFactory())
                .eventListenerFactory(call -> new SentListener(call.request().tag(Attempt.class)))
                .addInterceptor(new RequestLog(token));
        if (!config.trustedCertificates().isEmpty()) {
            try {
                X509TrustManager trust = Tls.trustManager(config.trustedCertificates());
                b.sslSocketFactory(Tls.context(trust).getSocketFactory(), trust);
            } catch (GeneralSecurityException e) {
                throw new IllegalArgumentException("cannot use the configured trusted certificates: " + e.getMessage(), e);
            }
            LOG.info("trusting {} certificate(s) besides the platform's authorities for {}",
                    config.trustedCertificates().size(), config.site());
        }
        return b.build();
    }

    /**
     * Calls {@code function} with {@code args} and returns the body of the HTTP 200 reply, as sent
     * (Moodle's replies are UTF-8).
     * {@code repeatable}: whether the request may be sent again after it may have reached Moodle.
     */
    public byte[] post(String function, boolean repeatable, List<Form.Param> args) {
        List<Form.Param> params = new ArrayList<>(args.size() + RESERVED_VARS);
        params.add(new Form.Param("wstoken", token.reveal()));
        params.add(new Form.Param("wsfunction", function));
        params.add(new Form.Param("moodlewsrestformat", "json"));
        params.addAll(args);
        RequestBody body = RequestBody.create(Form.encode(params), FORM);
        // One deadline for the whole call, retries and waits included: a site that never answers,
        // or trickles its reply a byte at a time (which no read timeout notices), fails in bounded time.
        long deadline = nanoTime.getAsLong() + config.callTimeout().toNanos();
        for (int attempt = 1; ; attempt++) {
            Attempt state = new Attempt();
            Request request = new Request.Builder()
                    .url(endpoint)
                    .header("User-Agent", USER_AGENT)
                    .header("Accept", "application/json")
                    .post(body)
                    .tag(Attempt.class, state)
                    .tag(RequestLog.Tag.class, new RequestLog.Tag(function, params.size()))
                    .build();
            long remaining = deadline - nanoTime.getAsLong();
            if (remaining <= 0) {
                throw transport(function, "no complete reply from " + endpoint.host() + " within the call's deadline"
                        + deadlineWords(), null, null, attempt - 1);
            }
            Outcome outcome = send(function, request, state, attempt, remaining);
            if (outcome.body() != null) {
                return outcome.body();
            }
            MoodleTransportException failure = outcome.failure();
            boolean safe = outcome.retryable() && (!state.sent || repeatable);
            if (!safe || attempt >= config.maxAttempts()) {
                throw outcome.retryable() && state.sent && !repeatable
                        ? withNote(failure, "not retried: " + function + " changes data and the request may have"
                                + " been applied; check what exists before sending it again")
                        : failure;
            }
            Duration wait = backoff.delay(attempt, outcome.retryAfter());
            if (nanoTime.getAsLong() + wait.toNanos() >= deadline) {
                throw withNote(failure, "not retried: the next attempt would start past the call's deadline"
                        + deadlineWords());
            }
            LOG.warn("{}; retrying in {} ms (attempt {} of {})", failure.getMessage(), wait.toMillis(), attempt + 1,
                    config.maxAttempts());
            try {
                sleeper.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new MoodleTransportException(function, function + ": interrupted while waiting to retry", e,
                        null, attempt);
            }
        }
    }

    /** The result of one attempt: a body, or a failure that may be retried. */
    private record Outcome(byte[] body, MoodleTransportException failure, boolean retryable, Duration retryAfter) {
        static Outcome ok(byte[] body) {
            return new Outcome(body, null, false, null);
        }

        static Outcome failed(MoodleTransportException e, boolean retryable, Duration retryAfter) {
            return new Outcome(null, e, retryable, retryAfter);
        }
    }

    /** How many HTTP requests this transport has sent (each attempt counts). */
    public int requestCount() {
        return sent.get();
    }

    /** How many bytes of replies this transport has received (decompressed), failed replies included. */
    public long bytesReceived() {
        return received.get();
    }

    /** The deadline in words, with how to change it, for messages. */
    private String deadlineWords() {
        return " (callTimeout " + config.callTimeout().toSeconds() + " s, retries included; change it with"
                + " MoodleConfig.Builder.callTimeout, or qip's --call-timeout SECONDS)";
    }

    private Outcome send(String function, Request request, Attempt state, int attempt, long remainingNanos) {
        sent.incrementAndGet();
        try {
            rate.acquire();
            inFlight.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Outcome.failed(new MoodleTransportException(function, function + ": interrupted", e, null, attempt),
                    false, null);
        }
        int status;
        byte[] body;
        String location;
        String retryAfter;
        Call call = http.newCall(request);
        call.timeout().timeout(remainingNanos, TimeUnit.NANOSECONDS);
        try (Response response = call.execute()) {
            status = response.code();
            location = response.header("Location");
            retryAfter = response.header("Retry-After");
            ResponseBody b = response.body();
            body = b == null ? new byte[0] : limitedBody(function, response, b);
            received.addAndGet(body.length);
        } catch (IOException e) {
            return ioFailure(function, e, attempt);
        } finally {
            inFlight.release();
        }
        if (status == 200) {
            return Outcome.ok(body);
        }
        return Outcome.failed(statusFailure(function, status, new String(body, StandardCharsets.UTF_8), location, attempt),
                status == 429 || status >= 500, parseRetryAfter(retryAfter));
    }

    /**
     * The reply's bytes, at most {@code maxReplyBytes} of them once decompressed: a reply of hundreds
     * of megabytes, or a small gzip that unpacks to gigabytes, is refused before it fills memory.
     */
    private byte[] limitedBody(String function, Response response, ResponseBody b) throws IOException {
        long max = config.maxReplyBytes();
        // OkHttp unpacks a gzip reply it asked for and then drops the header; the network reply still has it
        Response network = response.networkResponse();
        boolean unpacked = response.header("Content-Encoding") == null && network != null
                && "gzip".equalsIgnoreCase(network.header("Content-Encoding"));
        long declared = b.contentLength();
        if (declared > max) {
            throw tooLarge(function, "is " + declared + " bytes", max);
        }
        okio.BufferedSource source = b.source();
        okio.Buffer buffer = new okio.Buffer();
        while (buffer.size() <= max) {
            if (source.read(buffer, Math.min(64 * 1024, max + 1 - buffer.size())) < 0) {
                return buffer.readByteArray();
            }
        }
        throw tooLarge(function, unpacked ? "unpacks (gzip) to more than " + max + " bytes" : "is more than " + max
                + " bytes", max);
    }

    private ReplyTooLargeException tooLarge(String function, String size, long max) {
        return new ReplyTooLargeException(function, function + ": the reply from " + endpoint.host() + " " + size
                + ", over the limit of " + max + " bytes" + (max >= 1 << 20 ? " (" + (max >> 20) + " MiB)" : "")
                + " for one reply (maxReplyBytes): a Moodle"
                + " reply is rarely more than a few MiB, so the address may not be a Moodle site, or a batch is too"
                + " large (lower maxBatchSize). If the reply is right, raise the limit (MoodleConfig.Builder.maxReplyBytes,"
                + " or qip's --max-reply-size BYTES)", max);
    }

    private Outcome ioFailure(String function, IOException e, int attempt) {
        String host = endpoint.host();
        if (e instanceof SSLPeerUnverifiedException || e instanceof SSLException) {
            return Outcome.failed(transport(function, "the TLS connection to " + host + " failed: " + e.getMessage()
                    + ". The site's certificate is not trusted or does not match its name; if the site uses a"
                    + " private certificate authority, add it to the trusted certificates", e, null, attempt), false, null);
        }
        if (e instanceof UnknownHostException) {
            return Outcome.failed(transport(function, "cannot find the host " + host + " (" + e.getMessage()
                    + "): check the site address", e, null, attempt), false, null);
        }
        String what;
        if (e instanceof ConnectException) {
            what = "cannot connect to " + host + ":" + endpoint.port() + " (" + e.getMessage() + ")";
        } else if (e instanceof InterruptedIOException && !(e instanceof SocketTimeoutException)) {
            // OkHttp's call timeout: the deadline of the whole call has passed, so no retry can help
            return Outcome.failed(transport(function, "no complete reply from " + host + " within the call's deadline"
                    + deadlineWords() + ": the site is not answering, or sends its reply very slowly", e, null, attempt),
                    false, null);
        } else if (e instanceof SocketTimeoutException) {
            what = "no reply from " + host + " in time (" + e.getMessage() + "; read timeout "
                    + config.readTimeout().toSeconds() + " s)";
        } else {
            what = "the connection to " + host + " failed (" + e + ")";
        }
        return Outcome.failed(transport(function, what, e, null, attempt), true, null);
    }

    private MoodleTransportException statusFailure(String function, int status, String text, String location, int attempt) {
        String what;
        if (status >= 300 && status < 400) {
            what = "the site redirected the request (HTTP " + status + ") to " + token.redact(location)
                    + ": use the address it redirects to as the site address";
        } else if (status == 404) {
            what = "there is no Moodle REST server at " + endpoint + " (HTTP 404): check the site address";
        } else if (status == 403 && text.isBlank()) {
            what = "the site refused the request (HTTP 403, empty body): web services or the REST protocol are"
                    + " disabled (Site administration > Server > Web services)";
        } else {
            what = "the site answered HTTP " + status + (text.isBlank() ? "" : ": '" + snippet(text) + "'");
        }
        return transport(function, what, null, status, attempt);
    }

    private MoodleTransportException transport(String function, String what, Throwable cause, Integer status, int attempt) {
        return new MoodleTransportException(function, token.redact(function + ": " + what), cause, status, attempt);
    }

    private static MoodleTransportException withNote(MoodleTransportException e, String note) {
        MoodleTransportException noted = new MoodleTransportException(e.function().orElse(null),
                e.getMessage() + " (" + note + ")", e.getCause(), e.httpStatus().isPresent() ? e.httpStatus().getAsInt() : null,
                e.attempts());
        return noted;
    }

    private String snippet(String text) {
        String plain = text.replaceAll("<[^>]*>", " ").replaceAll("\\s+", " ").strip();
        return token.redact(plain.length() <= SNIPPET ? plain : plain.substring(0, SNIPPET) + "...");
    }

    private static Duration parseRetryAfter(String header) {
        if (header == null) {
            return null;
        }
        try {
            long seconds = Long.parseLong(header.strip());
            return seconds >= 0 ? Duration.ofSeconds(seconds) : null;
        } catch (NumberFormatException e) {
            return null;   // an HTTP date: rare from Moodle sites, and the backoff still applies
        }
    }

    @Override
    public void close() {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    /** Whether the current attempt's request started to leave. */
    private static final class Attempt {
        volatile boolean sent;
    }

    /** Marks an attempt as sent when OkHttp starts writing its headers. */
    private static final class SentListener extends EventListener {
        private final Attempt attempt;

        SentListener(Attempt attempt) {
            this.attempt = attempt;
        }

        @Override
        public void requestHeadersStart(Call call) {
            if (attempt != null) {
                attempt.sent = true;
            }
        }
    }

    /** Plain sockets with TCP_NODELAY on (TLS is layered on them by OkHttp). */
    private static final class NoDelaySocketFactory extends javax.net.SocketFactory {
        private final javax.net.SocketFactory plain = javax.net.SocketFactory.getDefault();

        private static java.net.Socket noDelay(java.net.Socket s) throws IOException {
            s.setTcpNoDelay(true);
            return s;
        }

        @Override
        public java.net.Socket createSocket() throws IOException {
            return noDelay(plain.createSocket());
        }

        @Override
        public java.net.Socket createSocket(String host, int port) throws IOException {
            return noDelay(plain.createSocket(host, port));
        }

        @Override
        public java.net.Socket createSocket(String host, int port, java.net.InetAddress local, int localPort)
                throws IOException {
            return noDelay(plain.createSocket(host, port, local, localPort));
        }

        @Override
        public java.net.Socket createSocket(java.net.InetAddress host, int port) throws IOException {
            return noDelay(plain.createSocket(host, port));
        }

        @Override
        public java.net.Socket createSocket(java.net.InetAddress address, int port, java.net.InetAddress local,
                int localPort) throws IOException {
            return noDelay(plain.createSocket(address, port, local, localPort));
        }
    }
}
