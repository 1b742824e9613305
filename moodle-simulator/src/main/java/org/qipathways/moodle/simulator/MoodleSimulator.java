package org.qipathways.moodle.simulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.qipathways.moodle.simulator.internal.Dispatcher;
import org.qipathways.moodle.simulator.internal.Functions;
import org.qipathways.moodle.simulator.internal.PhpArray;
import org.qipathways.moodle.simulator.internal.PhpForm;
import org.qipathways.moodle.simulator.internal.Site;

/**
 * A Moodle simulator: an in-process HTTP server that speaks Moodle's REST web-service protocol for
 * the functions the QI Pathways connector uses. <b>It is not Moodle.</b> It behaves as Moodle 5.1
 * does where the connector depends on it (parameter validation with Moodle's messages, required
 * fields, lower-case usernames, idnumber and shortname uniqueness, ids from sequences, all-or-nothing
 * versus per-item batches, bundled calls, PHP's {@code max_input_vars} truncation, invalid tokens and
 * missing capabilities), keeps its state in memory so a sync can be checked, and can inject faults.
 * <pre>{@code
 * try (MoodleSimulator sim = MoodleSimulator.builder().maxInputVars(1000).build()) {
 *     MoodleConfig config = MoodleConfig.of(sim.url(), MoodleToken.of(sim.token()));
 *     ...
 *     sim.site().find("user", "username", "jdoe");   // what the client created
 *     sim.faults().next(Fault.status(503));          // the next request fails
 * }
 * }</pre>
 * It listens on the loopback address only; it depends on the JDK and Jackson alone.
 */
public final class MoodleSimulator implements AutoCloseable {

    /** The path of Moodle's REST endpoint under the site address. */
    public static final String ENDPOINT = "/webservice/rest/server.php";

    private static final String WARNING = "<br />\n<b>Warning</b>:  Undefined array key \"theme\" in"
            + " <b>/var/www/moodle/public/lib/outputlib.php</b> on line <b>1243</b><br />\n";
    private static final String ERROR_PAGE = "<!DOCTYPE html>\n<html dir=\"ltr\" lang=\"en\"><head><title>Error |"
            + " QI Academy</title></head><body><div class=\"errorbox\"><p class=\"errormessage\">Error reading from"
            + " database</p><p class=\"errorcode\">More information about this error</p></div></body></html>\n";

    static {
        // The JDK server leaves Nagle's algorithm on, which with the client's delayed ACKs costs
        // ~40 ms a request on loopback; read once, when the server classes load, so set it early.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final Site site;
    private final Dispatcher dispatcher;
    private final SimulatedSite view;
    private final Faults faults = new Faults();
    private final List<SimRequest> requests = new ArrayList<>();
    private final String token;
    private final HttpServer http;
    private final ExecutorService executor;
    private final URI url;

    private MoodleSimulator(Builder b) throws IOException {
        this.site = new Site(b.clock);
        this.dispatcher = new Dispatcher(site);
        this.view = new SimulatedSite(site, dispatcher);
        site.maxInputVars = b.maxInputVars;
        site.postMaxSize = b.postMaxSize;
        site.debugging = b.debugging;
        site.missingFunctions.addAll(b.missingFunctions);
        this.token = b.token != null ? b.token : randomToken();
        site.tokens.put(token, site.tokenUser);
        this.http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), b.port), 0);
        AtomicInteger threads = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(8, r -> {
            Thread t = new Thread(r, "moodle-simulator-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        http.setExecutor(executor);
        http.createContext("/", this::handle);
        http.start();
        this.url = URI.create("http://" + InetAddress.getLoopbackAddress().getHostAddress() + ":"
                + http.getAddress().getPort());
        site.wwwroot = url.toString();
    }

    private static String randomToken() {
        byte[] bytes = new byte[16];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);   // 32 hex digits, like Moodle's tokens
    }

    /** A builder with Moodle's defaults: a random port, {@code max_input_vars} 1000, debugging off. */
    public static Builder builder() {
        return new Builder();
    }

    /** A simulator with every default, started. */
    public static MoodleSimulator start() {
        return builder().build();
    }

    /** The site's address, e.g. {@code http://127.0.0.1:41234} (plain HTTP is fine on loopback). */
    public URI url() {
        return url;
    }

    /** A web-service token for the integration user, with every function the service offers. */
    public String token() {
        return token;
    }

    /** The site's data and settings: inspect what a client did, seed learner activity, change settings. */
    public SimulatedSite site() {
        return view;
    }

    /** Faults waiting for the next requests. */
    public Faults faults() {
        return faults;
    }

    /** Every request received so far, oldest first. */
    public List<SimRequest> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    /**
     * How many times each function was asked for over HTTP so far, by name: a bundle counts as
     * {@code tool_mobile_call_external_functions} and as each call in it; seeding is not counted.
     */
    public java.util.Map<String, Long> functionCalls() {
        return java.util.Map.copyOf(site.functionCalls);
    }

    /** The functions the simulator implements, by name. */
    public static Set<String> functions() {
        return Functions.all().keySet();
    }

    @Override
    public void close() {
        http.stop(0);
        executor.shutdownNow();
    }

    @Override
    public String toString() {
        return "MoodleSimulator[" + url + "]";
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            if (!ex.getRequestURI().getPath().equals(ENDPOINT)) {
                send(ex, 404, "text/html; charset=utf-8", "<!DOCTYPE html><html><head><title>Not found</title></head>"
                        + "<body>This is a Moodle simulator, not Moodle. Its web services are at " + ENDPOINT
                        + ".</body></html>");
                return;
            }
            byte[] body = ex.getRequestBody().readAllBytes();
            PhpForm.Parsed get = PhpForm.query(ex.getRequestURI().getRawQuery(), site.maxInputVars);
            PhpForm.Parsed post;
            boolean form = String.valueOf(ex.getRequestHeaders().getFirst("Content-Type"))
                    .startsWith("application/x-www-form-urlencoded");
            String text = new String(body, StandardCharsets.UTF_8);
            if (!ex.getRequestMethod().equals("POST") || !form) {
                post = new PhpForm.Parsed(new PhpArray(), 0);
            } else if (body.length > site.postMaxSize) {
                // PHP drops the whole body, warning only in its log
                post = new PhpForm.Parsed(new PhpArray(), text.isEmpty() ? 0 : text.split("&").length);
            } else {
                post = PhpForm.body(text, site.maxInputVars);
            }
            PhpArray merged = new PhpArray();
            merged.putAll(get.vars());
            merged.putAll(post.vars());
            String function = merged.get("wsfunction") instanceof String f ? f : null;
            Fault fault = faults.take(function);
            int sent = count(ex.getRequestURI().getRawQuery()) + (form ? count(text) : 0);
            synchronized (requests) {
                requests.add(new SimRequest(function, sent, get.dropped() + post.dropped(), fault));
            }
            if (fault instanceof Fault.Status s) {
                send(ex, s.code(), "text/html; charset=utf-8", "<!DOCTYPE html><html><head><title>" + s.code()
                        + "</title></head><body><h1>" + s.code() + "</h1><p>The server could not handle the request"
                        + " (a fault injected into the Moodle simulator).</p></body></html>");
                return;
            }
            if (fault instanceof Fault.HtmlErrorPage) {
                send(ex, 200, "text/html; charset=utf-8", ERROR_PAGE);
                return;
            }
            if (fault instanceof Fault.DropConnection d && !d.afterProcessing()) {
                return;   // closing without headers drops the connection
            }
            if (fault instanceof Fault.InvalidToken) {
                merged.put("wstoken", "revoked" + token.length());   // Moodle then answers invalidtoken itself
            }
            if (fault instanceof Fault.RemoveFunction && function != null) {
                site.missingFunctions.add(function);
            }
            if (fault instanceof Fault.Delay d) {
                try {
                    Thread.sleep(d.duration().toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            byte[] reply = dispatcher.rest(merged);
            if (fault instanceof Fault.DropConnection) {
                return;
            }
            boolean xml = reply.length > 0 && reply[0] == '<';
            if (fault instanceof Fault.TruncatedJson) {
                reply = Arrays.copyOf(reply, reply.length / 2);   // JSON replies are ASCII: no character is cut
            } else if (fault instanceof Fault.OversizedReply o) {
                byte[] padded = Arrays.copyOf(reply, (int) Math.min(Integer.MAX_VALUE - 8, reply.length + o.padding()));
                Arrays.fill(padded, reply.length, padded.length, (byte) ' ');
                reply = padded;
            } else if (fault instanceof Fault.PhpWarning) {
                byte[] warning = WARNING.getBytes(StandardCharsets.UTF_8);
                byte[] both = Arrays.copyOf(warning, warning.length + reply.length);
                System.arraycopy(reply, 0, both, warning.length, reply.length);
                reply = both;
            }
            send(ex, 200, xml ? "application/xml; charset=utf-8" : "application/json", reply);
        }
    }

    private static int count(String form) {
        if (form == null || form.isEmpty()) {
            return 0;
        }
        int n = 0;
        for (String pair : form.split("&")) {
            if (!pair.isEmpty()) {
                n++;
            }
        }
        return n;
    }

    private static void send(HttpExchange ex, int status, String type, String text) throws IOException {
        send(ex, status, type, text.getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange ex, int status, String type, byte[] bytes) throws IOException {
        ex.getResponseHeaders().set("Content-Type", type);
        ex.getResponseHeaders().set("Cache-Control", "private, must-revalidate, pre-check=0, post-check=0, max-age=0");
        ex.getResponseHeaders().set("Access-Control-Allow-Origin", "*");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** Settings for a simulator; {@link #build()} starts it. */
    public static final class Builder {
        private int port;
        private int maxInputVars = 1000;
        private long postMaxSize = 8L * 1024 * 1024;
        private boolean debugging;
        private String token;
        private Clock clock = Clock.systemUTC();
        private final Set<String> missingFunctions = new LinkedHashSet<>();

        private Builder() {
        }

        /** The port to listen on; 0 (the default) picks a free one. */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("a port is 0-65535, not " + port);
            }
            this.port = port;
            return this;
        }

        /** PHP's {@code max_input_vars} (default 1000): variables past it are dropped as PHP drops them. */
        public Builder maxInputVars(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("max_input_vars must be at least 1, not " + n);
            }
            this.maxInputVars = n;
            return this;
        }

        /** PHP's {@code post_max_size} in bytes (default 8M): a larger body is dropped whole. */
        public Builder postMaxSize(long bytes) {
            this.postMaxSize = bytes;
            return this;
        }

        /** Whether errors carry {@code debuginfo}, as on a site with debugging on (default off, as in production). */
        public Builder debugging(boolean on) {
            this.debugging = on;
            return this;
        }

        /** A fixed token instead of a random one (letters and digits). */
        public Builder token(String token) {
            if (!Objects.requireNonNull(token, "token").matches("[A-Za-z0-9]+")) {
                throw new IllegalArgumentException("a Moodle token has letters and digits only");
            }
            this.token = token;
            return this;
        }

        /** The clock for timestamps and due-date checks. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Leaves functions out of the token's service, as an incompletely configured site would. */
        public Builder withoutFunctions(String... functions) {
            for (String f : functions) {
                if (!Functions.all().containsKey(f)) {
                    throw new IllegalArgumentException("the simulator has no function " + f + "; it has "
                            + String.join(", ", Functions.all().keySet()));
                }
                missingFunctions.add(f);
            }
            return this;
        }

        /** Starts the simulator. */
        public MoodleSimulator build() {
            try {
                return new MoodleSimulator(this);
            } catch (IOException e) {
                throw new IllegalStateException("cannot start the Moodle simulator on port " + port + ": " + e.getMessage(), e);
            }
        }
    }
}
