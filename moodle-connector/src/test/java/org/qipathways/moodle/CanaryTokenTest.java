package org.qipathways.moodle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qipathways.moodle.MockMoodle.json;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.read.ListAppender;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.qipathways.moodle.simulator.MoodleSimulator;
import org.qipathways.moodle.ws.NewUser;
import org.qipathways.moodle.ws.UserField;
import org.qipathways.platform.LearningPlatform;
import org.qipathways.platform.PlatformSettings;
import org.qipathways.platform.Platforms;
import org.slf4j.LoggerFactory;

/**
 * A canary token goes through every path the client has (success, Moodle errors echoing it,
 * retries, HTML and PHP output, cut-off JSON, timeouts, dropped connections, redirects, TLS
 * failures, bundling, the doctor, the platform plugin, oversized replies, a call's deadline, a token
 * revoked or a function removed mid-run) at each log level from TRACE to ERROR (code may log
 * differently by level); it must appear in no log line, no exception (message, stack trace, causes)
 * and no string form. Above DEBUG, no personal data (names, e-mail addresses) is logged either.
 */
class CanaryTokenTest {

    /** Made at run time, so that no token-like string sits in the sources. */
    private static final String CANARY = "CANARY" + UUID.randomUUID().toString().replace("-", "");

    private final Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final List<LogRecord> julLogs = new ArrayList<>();
    private final Handler julHandler = new Handler() {
        @Override
        public void publish(LogRecord r) {
            julLogs.add(r);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private final List<String> seen = new ArrayList<>();
    private Level rootLevel;
    private Appender<ILoggingEvent> console;

    @BeforeEach
    void captureEverything() {
        rootLevel = root.getLevel();
        console = root.getAppender("STDERR");
        root.detachAppender("STDERR");
        logs.start();
        root.addAppender(logs);
        java.util.logging.Logger.getLogger("").addHandler(julHandler);
    }

    private void logAt(Level level) {
        root.setLevel(level);
        java.util.logging.Logger.getLogger("").setLevel(switch (level.toInt()) {
            case Level.TRACE_INT -> java.util.logging.Level.ALL;
            case Level.DEBUG_INT -> java.util.logging.Level.FINE;
            case Level.INFO_INT -> java.util.logging.Level.INFO;
            case Level.WARN_INT -> java.util.logging.Level.WARNING;
            default -> java.util.logging.Level.SEVERE;
        });
    }

    @AfterEach
    void restore() {
        root.detachAppender(logs);
        if (console != null) {
            root.addAppender(console);
        }
        root.setLevel(rootLevel);
        java.util.logging.Logger.getLogger("").removeHandler(julHandler);
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.INFO);
    }

    /** Runs {@code action}, keeping its result's string form or everything its exception shows. */
    private void attempt(Supplier<Object> action) {
        try {
            seen.add(String.valueOf(action.get()));
        } catch (RuntimeException e) {
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            seen.add(trace.toString());
            seen.add(String.valueOf(e));
            for (Throwable t = e; t != null; t = t.getCause()) {
                seen.add(String.valueOf(t.getMessage()));
            }
        }
    }

    @ParameterizedTest(name = "logging at {0}")
    @ValueSource(strings = {"TRACE", "DEBUG", "INFO", "WARN", "ERROR"})
    void theTokenAppearsInNoLogNoExceptionAndNoStringForm(String levelName) throws Exception {
        Level level = Level.toLevel(levelName);
        logAt(level);
        MoodleToken token = MoodleToken.of(CANARY);
        seen.add(token.toString());

        // against the simulator: real Moodle behaviour, with debugging on so errors carry debuginfo
        try (MoodleSimulator sim = MoodleSimulator.builder().token(CANARY).debugging(true).build()) {
            MoodleConfig config = MoodleConfig.of(sim.url(), token);
            seen.add(config.toString());
            try (MoodleClient c = MoodleClient.create(config)) {
                seen.add(c.toString());
                attempt(c::siteInfo);
                attempt(() -> c.createUsers(List.of(NewUser.of("jdoe", "Jane", "Doe", "jane.doe@nhs.net").withCreatePassword(true))));
                attempt(() -> c.createUsers(List.of(NewUser.of("jdoe", "Jane", "Doe", "jane.doe@nhs.net").withCreatePassword(true))));
                attempt(() -> c.callAll(List.of(MoodleCall.courseCompletionStatus(999, 3), MoodleCall.siteInfo())));
                attempt(() -> Doctor.check(c));
                sim.faults().next(org.qipathways.moodle.simulator.Fault.phpWarning());
                attempt(c::siteInfo);
                sim.faults().next(org.qipathways.moodle.simulator.Fault.invalidToken());
                attempt(c::siteInfo);
                sim.faults().next(org.qipathways.moodle.simulator.Fault.removeFunction());
                attempt(c::siteInfo);
                sim.site().serviceHasFunction("core_webservice_get_site_info", true);
                sim.faults().next(org.qipathways.moodle.simulator.Fault.truncatedJson());
                attempt(c::siteInfo);
            }
            MoodleConfig small = MoodleConfig.builder(sim.url(), token).maxReplyBytes(1024).build();
            try (MoodleClient c = MoodleClient.create(small)) {
                sim.faults().next(org.qipathways.moodle.simulator.Fault.oversizedReply(10_000));
                attempt(c::siteInfo);
            }
            MoodleConfig hurried = MoodleConfig.builder(sim.url(), token).readTimeout(Duration.ofMillis(200))
                    .callTimeout(Duration.ofMillis(500)).retryDelays(Duration.ofMillis(1), Duration.ofMillis(2)).build();
            try (MoodleClient c = MoodleClient.create(hurried)) {
                sim.faults().next(org.qipathways.moodle.simulator.Fault.delay(Duration.ofMillis(300)),
                        org.qipathways.moodle.simulator.Fault.delay(Duration.ofMillis(300)));
                attempt(c::siteInfo);
            }
            PlatformSettings settings = PlatformSettings.of(sim.url(), CANARY);
            seen.add(settings.toString());
            try (LearningPlatform moodle = Platforms.discover().open("moodle", settings)) {
                seen.add(moodle.toString());
                attempt(moodle::check);
            }
            try (MoodleClient wrong = MoodleClient.create(MoodleConfig.of(sim.url(), MoodleToken.of(CANARY + "x")))) {
                attempt(wrong::siteInfo);
            }
        }

        // against MockWebServer: replies no Moodle would send, some echoing the token
        try (MockWebServer server = new MockWebServer()) {
            server.start();
            MoodleConfig config = MoodleConfig.builder(URI.create(server.url("/").toString()), token)
                    .retryDelays(Duration.ofMillis(1), Duration.ofMillis(2)).readTimeout(Duration.ofMillis(300)).build();
            server.enqueue(new MockResponse.Builder().code(503).body("upstream said " + CANARY).build());
            server.enqueue(json("{\"exception\":\"moodle_exception\",\"errorcode\":\"x\",\"message\":\"bad token " + CANARY
                    + "\",\"debuginfo\":\"wstoken=" + CANARY + "\"}"));
            server.enqueue(json("<html><head><title>" + CANARY + "</title></head><body>wstoken=" + CANARY + "</body></html>"));
            server.enqueue(json("Warning: " + CANARY + " in x.php\n{\"id\":1}"));
            server.enqueue(json("[{\"id\":1,\"usern"));
            server.enqueue(new MockResponse.Builder().code(302).setHeader("Location", "https://x.org/?wstoken=" + CANARY).build());
            server.enqueue(json("[]").newBuilder().headersDelay(2, TimeUnit.SECONDS).build());
            server.enqueue(json("[]").newBuilder().headersDelay(2, TimeUnit.SECONDS).build());
            server.enqueue(json("[]").newBuilder().headersDelay(2, TimeUnit.SECONDS).build());
            server.enqueue(json("[]").newBuilder().headersDelay(2, TimeUnit.SECONDS).build());
            server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build());
            try (MoodleClient c = MoodleClient.create(config)) {
                attempt(() -> c.getUsersByField(UserField.ID, List.of("1")));
                attempt(() -> c.getUsersByField(UserField.ID, List.of("1")));
                attempt(() -> c.getUsersByField(UserField.ID, List.of("1")));
                attempt(() -> c.getUsersByField(UserField.ID, List.of("1")));
                attempt(() -> c.getUsersByField(UserField.ID, List.of("1")));
                attempt(() -> c.getUsersByField(UserField.ID, List.of("1")));
                attempt(() -> c.getUsersByField(UserField.ID, List.of("1")));
                attempt(() -> c.createUsers(List.of(NewUser.of("jdoe", "Jane", "Doe", "jane.doe@nhs.net"))));
            }
            assertThat(MockMoodle.body(server.takeRequest())).as("the canary was really sent").contains(CANARY);
        }

        // a TLS failure
        HeldCertificate cert = new HeldCertificate.Builder().addSubjectAlternativeName("localhost").build();
        try (MockWebServer tls = new MockWebServer()) {
            tls.useHttps(new HandshakeCertificates.Builder().heldCertificate(cert).build().sslSocketFactory());
            tls.start();
            try (MoodleClient c = MoodleClient.create(MoodleConfig.of(URI.create("https://localhost:" + tls.getPort()), token))) {
                attempt(c::siteInfo);
            }
        }

        List<String> logLines = new ArrayList<>();
        for (ILoggingEvent e : logs.list) {
            logLines.add(e.getLoggerName() + " " + e.getFormattedMessage()
                    + (e.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(e.getThrowableProxy())));
        }
        for (LogRecord r : julLogs) {
            logLines.add(r.getLoggerName() + " " + r.getMessage() + " " + r.getThrown());
        }
        if (level.isGreaterOrEqual(Level.INFO)) {
            // personal data (the test user's name and e-mail address) only ever at DEBUG and below
            assertThat(logLines).noneMatch(l -> l.contains("jane.doe") || l.contains("Jane Doe") || l.contains("Jane"));
        } else if (level == Level.TRACE) {
            assertThat(logLines).as("requests were logged with bodies").anyMatch(l -> l.contains("request body: wstoken=[redacted]"));
        }
        if (!level.isGreaterOrEqual(Level.ERROR)) {
            assertThat(logLines).as("retries were logged").anyMatch(l -> l.contains("retrying in"));
        }
        assertThat(seen).as("exceptions and values were collected").hasSizeGreaterThan(20);
        assertThat(logLines).noneMatch(l -> l.contains(CANARY));
        assertThat(seen).noneMatch(s -> s.contains(CANARY));
    }
}
