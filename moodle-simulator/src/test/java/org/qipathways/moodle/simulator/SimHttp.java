package org.qipathways.moodle.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Raw HTTP to the simulator, without the client: what any program would send. */
final class SimHttp {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private SimHttp() {
    }

    /** A form body from alternating names and values, each URL-encoded. */
    static String form(String... namesAndValues) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            b.append(b.length() == 0 ? "" : "&").append(URLEncoder.encode(namesAndValues[i], StandardCharsets.UTF_8))
                    .append('=').append(URLEncoder.encode(namesAndValues[i + 1], StandardCharsets.UTF_8));
        }
        return b.toString();
    }

    /** Calls {@code function} with the simulator's token and the given variables; returns the raw reply. */
    static HttpResponse<String> raw(MoodleSimulator sim, String query, String body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(sim.url() + MoodleSimulator.ENDPOINT
                        + (query == null ? "" : "?" + query)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** The JSON reply of {@code function} called with {@code token} and the given variables. */
    static JsonNode callWithToken(MoodleSimulator sim, String token, String function, String... namesAndValues)
            throws IOException, InterruptedException {
        String reserved = form("wstoken", token, "wsfunction", function, "moodlewsrestformat", "json");
        String args = form(namesAndValues);
        String body = raw(sim, null, args.isEmpty() ? reserved : reserved + "&" + args).body();
        return JSON.readTree(body);
    }

    static JsonNode call(MoodleSimulator sim, String function, String... namesAndValues) throws IOException, InterruptedException {
        return callWithToken(sim, sim.token(), function, namesAndValues);
    }

    static JsonNode parse(String json) throws IOException {
        return JSON.readTree(json);
    }
}
