package org.qipathways.benchmarks;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.qipathways.moodle.internal.Json;
import org.qipathways.moodle.ws.ActivitiesCompletion;

/**
 * Reading one bundled reply of {@code tool_mobile_call_external_functions}: 50 calls of
 * {@code core_completion_get_activities_completion_status}, each listing 160 activities of a
 * session course (about 1.7 MB of JSON, each call's result a JSON string inside it), three ways:
 * {@code fromBytes}, as the client does, parses the reply's bytes and reads each result from its
 * UTF-8 bytes straight into {@link ActivitiesCompletion}; {@code fromText} does the same from text;
 * {@code throughTree}, as the client first did, parses text and each result into trees and converts them.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class BundledReplyBenchmark {

    String reply;
    byte[] replyBytes;
    ObjectReader reader;
    JavaType type;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        List<Map<String, Object>> responses = new ArrayList<>();
        for (int call = 0; call < 50; call++) {
            List<Map<String, Object>> statuses = new ArrayList<>();
            for (int a = 0; a < 160; a++) {
                Map<String, Object> s = new LinkedHashMap<>();
                boolean done = (call + a) % 40 == 0;
                s.put("cmid", 1000 + a);
                s.put("modname", a % 2 == 0 ? "attendance" : "facilitatorlog");
                s.put("instance", 1000 + a);
                s.put("state", done ? 1 : 0);
                s.put("timecompleted", done ? 1_772_625_600L : 0);
                s.put("tracking", 1);
                s.put("overrideby", null);
                s.put("valueused", false);
                s.put("hascompletion", true);
                s.put("isautomatic", false);
                s.put("istrackeduser", true);
                s.put("uservisible", true);
                s.put("details", List.of());
                statuses.add(s);
            }
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("statuses", statuses);
            data.put("warnings", List.of());
            Map<String, Object> response = new LinkedHashMap<>();
            response.put("error", false);
            response.put("data", Json.MAPPER.writeValueAsString(data));
            responses.add(response);
        }
        reply = Json.MAPPER.writeValueAsString(Map.of("responses", responses));
        replyBytes = reply.getBytes(StandardCharsets.UTF_8);
        reader = Json.MAPPER.readerFor(ActivitiesCompletion.class);
        type = Json.MAPPER.constructType(ActivitiesCompletion.class);
        System.out.println("reply: " + reply.length() + " characters");
    }

    @Benchmark
    public int fromBytes() throws IOException {
        int activities = 0;
        for (JsonNode response : Json.MAPPER.readTree(replyBytes).get("responses")) {
            ActivitiesCompletion c = reader.readValue(response.get("data").asText().getBytes(StandardCharsets.UTF_8));
            activities += c.statuses().size();
        }
        return activities;
    }

    @Benchmark
    public int fromText() throws IOException {
        int activities = 0;
        for (JsonNode response : Json.MAPPER.readTree(reply).get("responses")) {
            ActivitiesCompletion c = reader.readValue(response.get("data").asText());
            activities += c.statuses().size();
        }
        return activities;
    }

    @Benchmark
    public int throughTree() throws IOException {
        int activities = 0;
        for (JsonNode response : Json.MAPPER.readTree(reply).get("responses")) {
            JsonNode data = Json.MAPPER.readTree(response.get("data").asText());
            ActivitiesCompletion c = Json.MAPPER.convertValue(data, type);
            activities += c.statuses().size();
        }
        return activities;
    }
}
