package org.qipathways.moodle;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.qipathways.moodle.MoodleCall.Merge;
import org.qipathways.moodle.MoodleCall.Split;
import org.qipathways.moodle.internal.Json;
import org.qipathways.moodle.ws.MoodleWarning;

/**
 * The building blocks of {@link MoodleCall}'s factories: named arguments turned into the JSON a
 * function receives, and the four shapes of call the connector makes (one result read as a type,
 * an array split over requests, per-item warnings, nothing back), each with the decoder that
 * reads its reply. Package-private: callers build calls with {@code MoodleCall}'s static methods.
 */
final class CallFactory {

    private CallFactory() {
    }

    /** Named arguments in order; null values are left out, as Moodle then applies its default. */
    static ObjectNode args(Object... namesAndValues) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            Object value = namesAndValues[i + 1];
            if (value != null) {
                node.set((String) namesAndValues[i], Json.MAPPER.valueToTree(value));
            }
        }
        return node;
    }

    static <T> MoodleCall<T> of(MoodleFunction f, ObjectNode args, TypeReference<T> type) {
        return new MoodleCall<>(f, args, null, reader(type), Json.MAPPER.readerFor(type));
    }

    static <T> MoodleCall<T> batch(MoodleFunction f, ObjectNode args, Split split, TypeReference<T> type) {
        Objects.requireNonNull(args.get(split.array()), split.array());
        return new MoodleCall<>(f, args, split, reader(type));
    }

    static MoodleCall<List<MoodleWarning>> warnings(MoodleFunction f, ObjectNode args, String array) {
        JavaType warnings = Json.MAPPER.getTypeFactory().constructType(new TypeReference<List<MoodleWarning>>() { });
        return new MoodleCall<>(f, args, new Split(array, array, Merge.WARNINGS, null, null), reply -> {
            // sites before the per-item update answer null
            JsonNode w = reply == null ? null : reply.get("warnings");
            return w == null || w.isNull() ? List.of() : Json.MAPPER.convertValue(w, warnings);
        });
    }

    static MoodleCall<Void> none(MoodleFunction f, ObjectNode args, String array) {
        return new MoodleCall<>(f, args, new Split(array, array, Merge.NONE, null, null), reply -> null);
    }

    private static <T> Function<JsonNode, T> reader(TypeReference<T> type) {
        JavaType javaType = Json.MAPPER.getTypeFactory().constructType(type);
        return reply -> Json.MAPPER.convertValue(reply, javaType);
    }
}
