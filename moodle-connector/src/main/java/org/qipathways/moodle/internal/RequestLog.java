package org.qipathways.moodle.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import okio.Buffer;
import org.qipathways.moodle.MoodleToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs every request and reply, with the token replaced by {@value MoodleToken#REDACTED}: at debug
 * level one line each way (function, size, status, time), at trace level the bodies too (which may
 * hold personal data such as names and e-mail addresses).
 * <pre>{@code
 * DEBUG org.qipathways.moodle.http - core_webservice_get_site_info: POST https://moodle.example.org/webservice/rest/server.php (3 vars, 91 bytes)
 * DEBUG org.qipathways.moodle.http - core_webservice_get_site_info: HTTP 200 in 48 ms (2143 bytes)
 * }</pre>
 */
public final class RequestLog implements Interceptor {

    /** The logger's name; raise it to debug to see each request ({@code qip doctor -v} does). */
    public static final String LOGGER = "org.qipathways.moodle.http";

    private static final Logger LOG = LoggerFactory.getLogger(LOGGER);
    private static final long TRACE_BODY_BYTES = 64 * 1024;

    private final MoodleToken token;

    public RequestLog(MoodleToken token) {
        this.token = token;
    }

    /** What the transport tells the log about a request. */
    public record Tag(String function, int vars) {
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        if (!LOG.isDebugEnabled()) {
            return chain.proceed(request);
        }
        Tag tag = request.tag(Tag.class);
        String function = tag == null ? "?" : tag.function();
        long bytes = request.body() == null ? 0 : request.body().contentLength();
        LOG.debug("{}: {} {} ({} vars, {} bytes)", function, request.method(), token.redact(request.url().toString()),
                tag == null ? "?" : tag.vars(), bytes);
        if (LOG.isTraceEnabled() && request.body() != null) {
            Buffer buffer = new Buffer();
            request.body().writeTo(buffer);
            LOG.trace("{}: request body: {}", function, token.redact(buffer.readString(StandardCharsets.UTF_8)));
        }
        long start = System.nanoTime();
        Response response;
        try {
            response = chain.proceed(request);
        } catch (IOException e) {
            LOG.debug("{}: failed after {} ms: {}", function, (System.nanoTime() - start) / 1_000_000,
                    token.redact(String.valueOf(e)));
            throw e;
        }
        long ms = (System.nanoTime() - start) / 1_000_000;
        LOG.debug("{}: HTTP {} in {} ms ({} bytes)", function, response.code(), ms,
                response.body() == null ? 0 : response.body().contentLength());
        if (LOG.isTraceEnabled()) {
            LOG.trace("{}: reply body: {}", function, token.redact(response.peekBody(TRACE_BODY_BYTES).string()));
        }
        return response;
    }
}
