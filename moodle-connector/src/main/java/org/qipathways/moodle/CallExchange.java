package org.qipathways.moodle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.qipathways.moodle.internal.Batches;
import org.qipathways.moodle.internal.Form;
import org.qipathways.moodle.internal.Json;
import org.qipathways.moodle.internal.Replies;
import org.qipathways.moodle.internal.Transport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One call of {@link MoodleClient}, carried to the site: a call whose function takes an array is
 * cut into as many requests as the site's {@code max_input_vars}, size limit and batch size need,
 * each reply is checked to account for every item sent, and the replies are joined back into one
 * result. Also decodes replies into a call's result type, turning a reply of the wrong shape into
 * a {@link MoodleReplyException}. Package-private: {@link MoodleClient#call} is the public face;
 * {@link ManyCalls} uses it for calls made one by one and to decode bundled replies.
 */
final class CallExchange {

    // the client's logger, so that log configuration written for MoodleClient still applies
    private static final Logger LOG = LoggerFactory.getLogger(MoodleClient.class);

    private final MoodleConfig config;
    private final Transport transport;
    private final Replies replies;

    CallExchange(MoodleConfig config, Transport transport, Replies replies) {
        this.config = config;
        this.transport = transport;
        this.replies = replies;
    }

    Replies replies() {
        return replies;
    }

    /** See {@link MoodleClient#call}. */
    <T> T call(MoodleCall<T> call) {
        MoodleCall.Split split = call.split();
        JsonNode items = split == null ? null : call.arguments().get(split.array());
        if (items == null || !items.isArray()) {
            return decode(call, request(call.function(), call.function().kind().repeatable(), call.arguments()), null);
        }
        if (items.isEmpty()) {
            return split.sendEmpty()
                    ? decode(call, request(call.function(), call.function().kind().repeatable(), call.arguments()), items)
                    : call.decode(emptyReply(split.merge()));
        }
        ObjectNode fixed = Json.MAPPER.createObjectNode();
        call.arguments().fields().forEachRemaining(e -> {
            if (!e.getKey().equals(split.array())) {
                fixed.set(e.getKey(), e.getValue().deepCopy());
            }
        });
        List<Batches.Range> ranges = Batches.split(split.array(), items, limits(call.function(), fixed));
        if (ranges.size() > 1) {
            LOG.debug("{}: {} {} in {} requests", call.function(), items.size(), split.noun(), ranges.size());
        }
        JsonNode joined = null;
        for (Batches.Range r : ranges) {
            ArrayNode part = Json.MAPPER.createArrayNode();
            for (int i = r.from(); i < r.to(); i++) {
                part.add(items.get(i));
            }
            // the fixed arguments only: copying the whole array for each request made large calls quadratic
            ObjectNode args = fixed.deepCopy();
            args.set(split.array(), part);
            try {
                JsonNode reply = request(call.function(), call.function().kind().repeatable(), args);
                account(call, part, reply);
                joined = join(split.merge(), joined, reply);
            } catch (MoodleException e) {
                e.itemsApplied(r.from());
                throw e;
            }
        }
        return decodeJoined(call, joined);
    }

    // ---- requests --------------------------------------------------------------------------------

    JsonNode request(MoodleFunction function, boolean repeatable, ObjectNode args) {
        byte[] body = transport.post(function.wsName(), repeatable, Form.flatten(args));
        return replies.read(function.wsName(), body);
    }

    /** What is left for an array once the request's own and the fixed arguments' variables are counted. */
    private Batches.Limits limits(MoodleFunction function, ObjectNode fixed) {
        List<Form.Param> own = new ArrayList<>(Form.flatten(fixed));
        own.add(new Form.Param("wstoken", config.token().reveal()));
        own.add(new Form.Param("wsfunction", function.wsName()));
        own.add(new Form.Param("moodlewsrestformat", "json"));
        long ownBytes = Form.encode(own).length() + 1;
        return new Batches.Limits(config.maxInputVars() - own.size(), config.maxRequestBytes() - ownBytes,
                config.maxBatchSize());
    }

    // ---- replies ---------------------------------------------------------------------------------

    /** Checks that a reply accounts for every item sent, where the function answers one result per item. */
    private void account(MoodleCall<?> call, JsonNode sent, JsonNode reply) {
        MoodleCall.Split split = call.split();
        if (split.merge() != MoodleCall.Merge.ONE_PER_ITEM) {
            return;
        }
        String f = call.function().wsName();
        if (!reply.isArray()) {
            throw new MoodleReplyException(f, f + ": expected a list with one result per item sent, got "
                    + reply.getNodeType(), null);
        }
        int matched = 0;
        while (matched < Math.min(sent.size(), reply.size()) && echoes(split, sent.get(matched), reply.get(matched))) {
            matched++;
        }
        if (matched == sent.size() && reply.size() == sent.size()) {
            return;
        }
        String what = reply.size() == sent.size()
                ? "the reply's result " + (matched + 1) + " is for another item than the one sent"
                : "the reply accounts for " + reply.size();
        throw new IncompleteReplyException(f, f + ": sent " + sent.size() + " " + split.noun() + " in one request but "
                + what + ". PHP probably dropped form variables past the site's max_input_vars (this client assumes "
                + config.maxInputVars() + "; the site's may be lower), which Moodle cannot notice. Some items may have"
                + " been applied: read back what exists before sending again, and lower maxInputVars", sent.size(), matched);
    }

    private static boolean echoes(MoodleCall.Split split, JsonNode sentItem, JsonNode result) {
        if (split.echo() == null) {
            return true;
        }
        JsonNode expected = split.key() == null ? sentItem : sentItem.get(split.key());
        JsonNode actual = result.get(split.echo());
        return expected != null && actual != null && expected.asText().equals(actual.asText());
    }

    private static JsonNode emptyReply(MoodleCall.Merge merge) {
        switch (merge) {
            case ONE_PER_ITEM:
            case LIST:
                return Json.MAPPER.createArrayNode();
            case WARNINGS:
                return Json.MAPPER.createObjectNode().set("warnings", Json.MAPPER.createArrayNode());
            default:
                return NullNode.getInstance();
        }
    }

    private static JsonNode join(MoodleCall.Merge merge, JsonNode joined, JsonNode reply) {
        if (joined == null) {
            return reply;
        }
        switch (merge) {
            case ONE_PER_ITEM:
            case LIST:
                ((ArrayNode) joined).addAll((ArrayNode) reply);
                return joined;
            case WARNINGS:
                JsonNode more = reply.path("warnings");
                if (more.isArray()) {
                    if (!joined.path("warnings").isArray()) {
                        joined = Json.MAPPER.createObjectNode().set("warnings", Json.MAPPER.createArrayNode());
                    }
                    ((ArrayNode) joined.get("warnings")).addAll((ArrayNode) more);
                }
                return joined;
            default:
                return joined;
        }
    }

    private <T> T decodeJoined(MoodleCall<T> call, JsonNode joined) {
        try {
            return call.decode(joined);
        } catch (IllegalArgumentException e) {
            throw shapeProblem(call, e);
        }
    }

    <T> T decode(MoodleCall<T> call, JsonNode reply, JsonNode sent) {
        if (sent != null && sent.size() > 0) {
            account(call, sent, reply);
        }
        return decodeJoined(call, reply);
    }

    MoodleReplyException shapeProblem(MoodleCall<?> call, IllegalArgumentException e) {
        String detail = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("");
        return replies.problem(call.function().wsName(), "the reply does not have the shape of the function's result ("
                + detail + "): is the site's Moodle release one the connector supports?", e);
    }
}
