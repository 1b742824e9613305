package org.qipathways.moodle;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.qipathways.moodle.internal.Form;
import org.qipathways.moodle.internal.Json;
import org.qipathways.moodle.internal.Transport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Several calls of {@link MoodleClient#callAll} and {@link MoodleClient#callAllInOrder}: bundled
 * through {@code tool_mobile_call_external_functions}, many per request and several requests in
 * flight, or, where the token's service cannot bundle, made one by one (on the client's pool, or
 * one after another in order). Each call's outcome is kept apart, so one failing does not stop
 * the others. Package-private: {@link MoodleClient} decides which way the calls go and owns the
 * pool; this class only carries them out.
 */
final class ManyCalls {

    private static final String BUNDLE = MoodleFunction.TOOL_MOBILE_CALL_EXTERNAL_FUNCTIONS.wsName();
    private static final Logger LOG = LoggerFactory.getLogger(ManyCalls.class);

    private final MoodleConfig config;
    private final CallExchange exchange;
    private final ExecutorService pool;

    ManyCalls(MoodleConfig config, CallExchange exchange, ExecutorService pool) {
        this.config = config;
        this.exchange = exchange;
        this.pool = pool;
    }

    /** The calls one after another, in the order given. */
    <T> List<MoodleResult<T>> oneAfterAnother(List<? extends MoodleCall<? extends T>> calls) {
        List<MoodleResult<T>> results = new ArrayList<>(calls.size());
        for (MoodleCall<? extends T> c : calls) {
            try {
                results.add(MoodleResult.success(exchange.call(c)));
            } catch (MoodleException e) {
                results.add(MoodleResult.failure(e));
            }
        }
        return results;
    }

    /** The calls one by one, up to the pool's size at a time. */
    <T> List<MoodleResult<T>> oneByOne(List<? extends MoodleCall<? extends T>> calls) {
        List<Future<MoodleResult<T>>> futures = new ArrayList<>();
        for (MoodleCall<? extends T> c : calls) {
            futures.add(pool.submit(() -> {
                try {
                    return MoodleResult.<T>success(exchange.call(c));
                } catch (MoodleException e) {
                    return MoodleResult.<T>failure(e);
                }
            }));
        }
        List<MoodleResult<T>> results = new ArrayList<>();
        for (Future<MoodleResult<T>> f : futures) {
            try {
                results.add(f.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                futures.forEach(x -> x.cancel(true));
                throw new MoodleTransportException(null, "interrupted while waiting for Moodle calls", e, null, 0);
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof RuntimeException re) {
                    throw re;
                }
                throw new IllegalStateException(cause);
            }
        }
        return results;
    }

    /**
     * Bundles the calls. The first bundle goes alone, so that a service which lists the bundling
     * function but refuses it is found out before anything else is sent; the rest go up to
     * {@link MoodleConfig#maxConcurrentRequests()} at a time unless {@code inOrder}, so the client
     * reads one bundle's reply while the site works on the next.
     */
    <T> List<MoodleResult<T>> bundled(List<? extends MoodleCall<? extends T>> calls, boolean inOrder) {
        Bundling<T> b = new Bundling<>(calls);
        int end = bundleEnd(b, 0);
        int answered;
        try {
            answered = send(b, 0, end);
        } catch (MoodleAccessException e) {
            throw e;   // the service refuses bundling: callAll makes the calls one by one
        } catch (MoodleException e) {
            return b.failFrom(0, e);
        }
        if (inOrder || config.maxConcurrentRequests() == 1) {
            // as Moodle runs a bundle: after a failure, the calls it did not run lead the next bundle
            int next = answered;
            while (next < calls.size()) {
                int to = bundleEnd(b, next);
                try {
                    next += send(b, next, to);
                } catch (MoodleException e) {
                    return b.failFrom(next, e);
                }
            }
            return b.results();
        }
        List<Future<?>> sent = new ArrayList<>();
        int rest = answered;
        sent.add(pool.submit(() -> finish(b, rest, end)));
        for (int from = end; from < calls.size(); ) {
            int to = bundleEnd(b, from);
            int f = from;
            sent.add(pool.submit(() -> finish(b, f, to)));
            from = to;
        }
        for (Future<?> f : sent) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                sent.forEach(x -> x.cancel(true));
                throw new MoodleTransportException(null, "interrupted while waiting for Moodle calls", e, null, 0);
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                throw cause instanceof RuntimeException re ? re : new IllegalStateException(cause);
            }
        }
        return b.results();
    }

    /**
     * Sends {@code [from, to)} until every call is answered: after a failure inside the bundle, the
     * calls Moodle did not run go again. Once any bundle fails as a whole (the site unreachable,
     * say), bundles not yet sent are not sent: their calls get that failure.
     */
    private <T> void finish(Bundling<T> b, int from, int to) {
        int next = from;
        while (next < to) {
            MoodleException abandoned = b.abandoned;
            if (abandoned != null) {
                b.fail(next, to, abandoned);
                return;
            }
            try {
                next += send(b, next, to);
            } catch (MoodleException e) {
                b.abandoned = e;
                b.fail(next, to, e);
                return;
            }
        }
    }

    /**
     * The calls being bundled, their arguments as JSON (written once), and their results so far.
     * Arguments are written by the thread that cuts the bundles ({@link #bundleEnd}) before a
     * bundle is handed to the pool, and only read there afterwards; results are set from the pool.
     */
    private static final class Bundling<T> {
        final List<? extends MoodleCall<? extends T>> calls;
        final String[] arguments;
        final AtomicReferenceArray<MoodleResult<T>> results;
        volatile MoodleException abandoned;
        // the most calls a bundle may carry, lowered when a bundle of reads came back too large
        volatile int cap = Integer.MAX_VALUE;

        Bundling(List<? extends MoodleCall<? extends T>> calls) {
            this.calls = calls;
            this.arguments = new String[calls.size()];
            this.results = new AtomicReferenceArray<>(calls.size());
        }

        String arguments(int i) {
            if (arguments[i] == null) {
                arguments[i] = json(calls.get(i).arguments());
            }
            return arguments[i];
        }

        void fail(int from, int to, MoodleException e) {
            for (int i = from; i < to; i++) {
                results.set(i, MoodleResult.failure(e));
            }
        }

        List<MoodleResult<T>> failFrom(int from, MoodleException e) {
            fail(from, calls.size(), e);
            return results();
        }

        List<MoodleResult<T>> results() {
            List<MoodleResult<T>> out = new ArrayList<>(calls.size());
            for (int i = 0; i < calls.size(); i++) {
                out.add(results.get(i));
            }
            return out;
        }
    }

    /**
     * Sends calls {@code [from, to)} as one bundle and records the result of each call answered;
     * returns how many were answered (Moodle stops after the first failure). Throws when the
     * request fails as a whole.
     */
    private <T> int send(Bundling<T> b, int from, int end) {
        int to = end - from > b.cap ? from + b.cap : end;   // not from + cap: cap may be Integer.MAX_VALUE
        ArrayNode requests = Json.MAPPER.createArrayNode();
        boolean repeatable = true;
        for (int i = from; i < to; i++) {
            MoodleCall<? extends T> c = b.calls.get(i);
            requests.addObject().put("function", c.function().wsName()).put("arguments", b.arguments(i));
            repeatable &= c.function().kind().repeatable();
        }
        ObjectNode args = Json.MAPPER.createObjectNode();
        args.set("requests", requests);
        JsonNode responses;
        try {
            responses = exchange.request(MoodleFunction.TOOL_MOBILE_CALL_EXTERNAL_FUNCTIONS, repeatable, args)
                    .path("responses");
        } catch (ReplyTooLargeException e) {
            if (!repeatable || to - from < 2) {
                throw e;   // writes may have run; one call cannot be split
            }
            // Reads are safe to send again: half as many calls per bundle from now on in this callAll.
            // The callers carry on from what was answered, so the rest of [from, end) goes next.
            b.cap = Math.min(b.cap, Math.max(1, (to - from) / 2));
            LOG.debug("{} reply over {} bytes for {} calls; sending at most {} per bundle", BUNDLE, e.limit(),
                    to - from, b.cap);
            return send(b, from, end);
        }
        int answered = responses.isArray() ? Math.min(responses.size(), to - from) : 0;
        for (int i = 0; i < answered; i++) {
            b.results.set(from + i, bundledResult(b.calls.get(from + i), responses.get(i)));
        }
        boolean stoppedAtFailure = answered > 0 && responses.get(answered - 1).path("error").asBoolean(false);
        if (answered < to - from && !stoppedAtFailure) {
            // Moodle only stops early after a failure; anything else means the reply lost calls
            for (int i = from + answered; i < to; i++) {
                b.results.set(i, MoodleResult.failure(new IncompleteReplyException(BUNDLE, BUNDLE + ": sent "
                        + (to - from) + " calls in one request but the reply answers " + answered + "; "
                        + b.calls.get(i).function().wsName() + " may or may not have run", to - from, answered)));
            }
            return to - from;
        }
        return answered;
    }

    /** The end of the bundle starting at {@code from}: within the call count, variable and size limits. */
    private int bundleEnd(Bundling<?> b, int from) {
        int vars = Transport.RESERVED_VARS;
        long bytes = 100 + config.token().reveal().length();
        int end = from;
        while (end < b.calls.size() && end - from < config.maxCallsPerBundle()) {
            MoodleCall<?> c = b.calls.get(end);
            List<Form.Param> p = List.of(new Form.Param("requests[" + (end - from) + "][function]", c.function().wsName()),
                    new Form.Param("requests[" + (end - from) + "][arguments]", b.arguments(end)));
            long size = Form.encode(p).length() + 1;
            if (end > from && (vars + 2 > config.maxInputVars() || bytes + size > config.maxRequestBytes())) {
                break;
            }
            vars += 2;
            bytes += size;
            end++;
        }
        return end;
    }

    private <T> MoodleResult<T> bundledResult(MoodleCall<? extends T> call, JsonNode response) {
        String f = call.function().wsName();
        try {
            if (response.path("error").asBoolean(false)) {
                JsonNode exception = parseInner(f, response.get("exception"));
                return MoodleResult.failure(exchange.replies().error(f, null, exception));
            }
            JsonNode data = response.get("data");
            if (call.split() == null && data != null && data.isTextual()) {
                return MoodleResult.<T>success(decodeText(call, data.asText()));
            }
            JsonNode sent = call.split() == null ? null : call.arguments().get(call.split().array());
            return MoodleResult.<T>success(exchange.decode(call, parseInner(f, data), sent));
        } catch (MoodleException e) {
            return MoodleResult.failure(e);
        }
    }

    /** A bundled result with nothing to account for: read from its text in one pass. */
    private <T> T decodeText(MoodleCall<T> call, String text) {
        try {
            return call.decodeText(text);
        } catch (StreamReadException e) {
            throw exchange.replies().problem(call.function().wsName(), "a bundled reply's data is not JSON: " + e.getOriginalMessage(), e);
        } catch (JsonProcessingException e) {
            throw exchange.shapeProblem(call, new IllegalArgumentException(e.getOriginalMessage(), e));
        } catch (IllegalArgumentException e) {
            throw exchange.shapeProblem(call, e);
        } catch (IOException e) {
            // reading an array in memory has no other failure
            throw new UncheckedIOException(e);
        }
    }

    /** Bundled replies carry each call's data or exception as a JSON string, decoded a second time. */
    private JsonNode parseInner(String function, JsonNode encoded) {
        if (encoded == null || encoded.isNull()) {
            return NullNode.getInstance();   // functions without a result
        }
        try {
            return Json.MAPPER.readTree(encoded.asText());
        } catch (JsonProcessingException e) {
            throw exchange.replies().problem(function, "a bundled reply's data is not JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static String json(JsonNode args) {
        try {
            return Json.MAPPER.writeValueAsString(args);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
