package org.qipathways.moodle;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.qipathways.moodle.internal.Transport;
import org.qipathways.moodle.simulator.internal.PhpArray;
import org.qipathways.moodle.simulator.internal.PhpForm;

/** Helpers for client tests against MockWebServer: clients that never really sleep, canned replies, request bodies. */
final class MockMoodle {

    static final String TOKEN = "5f4dcc3b5aa765d61d8327deb882cf99";

    /** Every wait the client would have made, in order. */
    static final class Sleeps {
        final List<Duration> waits = new ArrayList<>();
    }

    private MockMoodle() {
    }

    static MoodleConfig.Builder config(MockWebServer server) {
        URI site = URI.create(server.url("/").toString());
        return MoodleConfig.builder(site, MoodleToken.of(TOKEN)).retryDelays(Duration.ofMillis(100), Duration.ofSeconds(5));
    }

    /** A client whose retries record their waits instead of sleeping. */
    static MoodleClient client(MoodleConfig config, Sleeps sleeps) {
        Random random = new Random(42);
        Transport transport = new Transport(config, d -> sleeps.waits.add(d), System::nanoTime, random::nextDouble);
        return MoodleClient.create(config, transport);
    }

    static MockResponse json(String body) {
        return new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json").body(body).build();
    }

    static MockResponse status(int code) {
        return new MockResponse.Builder().code(code).body("<html><body>" + code + "</body></html>").build();
    }

    static MockResponse error(String exception, String errorcode, String message) {
        return json("{\"exception\":\"" + exception + "\",\"errorcode\":\"" + errorcode + "\",\"message\":\"" + message + "\"}");
    }

    static String siteInfo(String... functions) {
        StringBuilder f = new StringBuilder();
        for (String name : functions) {
            f.append(f.length() == 0 ? "" : ",").append("{\"name\":\"").append(name).append("\",\"version\":\"2025100600\"}");
        }
        return "{\"sitename\":\"Test site\",\"siteurl\":\"https://moodle.example.org\",\"username\":\"wsconnector\","
                + "\"firstname\":\"Integration\",\"lastname\":\"User\",\"fullname\":\"Integration User\",\"lang\":\"en\","
                + "\"userid\":3,\"siteid\":1,\"release\":\"5.1+ (Build: 20251205)\",\"version\":\"2025100600.13\","
                + "\"functions\":[" + f + "],\"advancedfeatures\":[{\"name\":\"enablecompletion\",\"value\":1},"
                + "{\"name\":\"enablecompetencies\",\"value\":1}],\"userissiteadmin\":false}";
    }

    /** The form variables of a recorded request, in order, decoded. */
    static Map<String, String> form(RecordedRequest r) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : body(r).split("&")) {
            int eq = pair.indexOf('=');
            out.put(java.net.URLDecoder.decode(pair.substring(0, eq), java.nio.charset.StandardCharsets.UTF_8),
                    java.net.URLDecoder.decode(pair.substring(eq + 1), java.nio.charset.StandardCharsets.UTF_8));
        }
        return out;
    }

    /** The request's body as PHP would see it in {@code $_POST}. */
    static PhpArray php(RecordedRequest r) {
        return PhpForm.body(body(r), 100_000).vars();
    }

    static String body(RecordedRequest r) {
        return r.getBody() == null ? "" : r.getBody().utf8();
    }
}
