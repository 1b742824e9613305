package org.qipathways.moodle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.qipathways.moodle.ws.UserField;

/**
 * Every call ends in bounded time and bounded memory: a reply larger than {@code maxReplyBytes}
 * (declared, streamed without end, or a gzip bomb that unpacks to far more) is refused with the
 * limit named; a site that never answers or trickles its reply byte by byte fails at the call's
 * deadline ({@code callTimeout}, retries included), not after read timeout times attempts.
 */
class BoundedCallsTest {

    private final MoodleClientTestSupport support = new MoodleClientTestSupport();

    @AfterEach
    void close() {
        support.close();
    }

    /** A site that answers every request by running {@code reply} on the raw socket. */
    private interface Reply {
        void write(OutputStream out) throws IOException, InterruptedException;
    }

    private static final class MoodleClientTestSupport implements AutoCloseable {
        ServerSocket socket;
        final AtomicInteger requests = new AtomicInteger();
        MockWebServer mock;

        URI rawSite(Reply reply) throws IOException {
            socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            Thread t = new Thread(() -> {
                while (!socket.isClosed()) {
                    try (Socket s = socket.accept()) {
                        requests.incrementAndGet();
                        readRequest(s.getInputStream());
                        reply.write(s.getOutputStream());
                    } catch (IOException | InterruptedException e) {
                        // the client went away (as it should, at a limit) or the test ended
                    }
                }
            }, "raw-site");
            t.setDaemon(true);
            t.start();
            return URI.create("http://127.0.0.1:" + socket.getLocalPort());
        }

        @Override
        public void close() {
            try {
                if (socket != null) {
                    socket.close();
                }
                if (mock != null) {
                    mock.close();
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    /** Reads the request's headers and its body (by Content-Length), so the client sees it accepted. */
    private static void readRequest(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) >= 0) {
            head.write(c);
            if (head.size() >= 4 && head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
                break;
            }
        }
        int length = 0;
        for (String line : head.toString(StandardCharsets.ISO_8859_1).split("\r\n")) {
            if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
                length = Integer.parseInt(line.substring(15).strip());
            }
        }
        in.readNBytes(length);
    }

    private static MoodleClient client(URI site, MoodleConfig.Builder settings) {
        return MockMoodle.client(settings.build(), new MockMoodle.Sleeps());
    }

    private static MoodleConfig.Builder config(URI site) {
        return MoodleConfig.builder(site, MoodleToken.of(MockMoodle.TOKEN)).retryDelays(Duration.ofMillis(100),
                Duration.ofSeconds(5));
    }

    private static final String LIMIT = "over the limit of 16777216 bytes (16 MiB) for one reply (maxReplyBytes)";

    @Test
    void aReplyThatDeclaresHundredsOfMegabytesIsRefusedBeforeItIsRead() throws IOException {
        URI site = support.rawSite(out -> {
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 500000000\r\n\r\n[")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
        });
        try (MoodleClient c = client(site, config(site))) {
            MoodleReplyException e = catchThrowableOfType(MoodleReplyException.class,
                    () -> c.getUsersByField(UserField.ID, List.of("4")));
            assertThat(e).hasMessage("core_user_get_users_by_field: the reply from 127.0.0.1 is 500000000 bytes, " + LIMIT
                    + ": a Moodle reply is rarely more than a few MiB, so the address may not be a Moodle site, or a batch"
                    + " is too large (lower maxBatchSize). If the reply is right, raise the limit"
                    + " (MoodleConfig.Builder.maxReplyBytes, or qip's --max-reply-size BYTES)");
        }
        assertThat(support.requests).hasValue(1);   // not retried: the same reply would come again
    }

    @Test
    void aReplyStreamedWithoutEndIsCutAtTheLimit() throws IOException {
        URI site = support.rawSite(out -> {
            out.write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n["
                    .getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = "0,".repeat(32 * 1024).getBytes(StandardCharsets.US_ASCII);
            for (long sent = 0; sent < 600L << 20; sent += chunk.length) {   // 600 MB unless the client stops reading
                out.write(chunk);
            }
        });
        try (MoodleClient c = client(site, config(site))) {
            assertThatThrownBy(() -> c.getUsersByField(UserField.ID, List.of("4")))
                    .isInstanceOf(MoodleReplyException.class)
                    .hasMessageContaining("the reply from 127.0.0.1 is more than 16777216 bytes, " + LIMIT);
        }
    }

    @Test
    void aGzipBombIsRefusedAtTheLimitOnItsUnpackedSize() throws IOException {
        ByteArrayOutputStream packed = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(packed)) {
            byte[] zeros = new byte[1 << 20];
            gz.write('[');
            for (int i = 0; i < 64; i++) {   // 64 MiB unpacked, about 64 KB packed
                gz.write(zeros);
            }
        }
        support.mock = new MockWebServer();
        support.mock.start();
        support.mock.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json")
                .setHeader("Content-Encoding", "gzip").body(new Buffer().write(packed.toByteArray())).build());
        URI site = URI.create(support.mock.url("/").toString());
        try (MoodleClient c = client(site, config(site))) {
            assertThatThrownBy(() -> c.getUsersByField(UserField.ID, List.of("4")))
                    .isInstanceOf(MoodleReplyException.class)
                    .hasMessageContaining("the reply from localhost unpacks (gzip) to more than 16777216 bytes, " + LIMIT);
        }
        assertThat(packed.size()).isLessThan(1 << 20);
    }

    @Test
    void aGzipReplyUnderTheLimitIsReadAsUsual() throws IOException {
        ByteArrayOutputStream packed = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(packed)) {
            gz.write("[{\"id\":4,\"fullname\":\"Jane Doe\"}]".getBytes(StandardCharsets.UTF_8));
        }
        support.mock = new MockWebServer();
        support.mock.start();
        support.mock.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json")
                .setHeader("Content-Encoding", "gzip").body(new Buffer().write(packed.toByteArray())).build());
        URI site = URI.create(support.mock.url("/").toString());
        try (MoodleClient c = client(site, config(site))) {
            assertThat(c.getUsersByField(UserField.ID, List.of("4"))).singleElement()
                    .satisfies(u -> assertThat(u.id()).isEqualTo(4L));
        }
    }

    @Test
    void theReplyLimitIsConfigurable() throws IOException {
        String big = "[{\"id\":4,\"fullname\":\"" + "J".repeat(4000) + "\"}]";
        support.mock = new MockWebServer();
        support.mock.start();
        support.mock.enqueue(MockMoodle.json(big));
        support.mock.enqueue(MockMoodle.json(big));
        URI site = URI.create(support.mock.url("/").toString());
        try (MoodleClient c = client(site, config(site).maxReplyBytes(2048))) {
            assertThatThrownBy(() -> c.getUsersByField(UserField.ID, List.of("4")))
                    .hasMessageContaining("is " + big.length() + " bytes, over the limit of 2048 bytes for one reply");
        }
        try (MoodleClient c = client(site, config(site).maxReplyBytes(8192))) {
            assertThat(c.getUsersByField(UserField.ID, List.of("4"))).hasSize(1);
        }
        assertThatThrownBy(() -> config(site).maxReplyBytes(10)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aSiteThatNeverAnswersFailsAtTheCallsDeadlineRetriesIncluded() throws IOException {
        URI site = support.rawSite(out -> Thread.sleep(60_000));
        // A read is retried after a read timeout; without a deadline for the whole call, four attempts
        // of one second each would take four seconds.
        MoodleConfig.Builder settings = config(site).readTimeout(Duration.ofSeconds(1)).callTimeout(Duration.ofMillis(2500));
        try (MoodleClient c = client(site, settings)) {
            MoodleTransportException e = catchThrowableOfType(MoodleTransportException.class,
                    () -> c.getUsersByField(UserField.ID, List.of("4")));
            assertThat(e.getMessage()).contains("within the call's deadline (callTimeout 2 s, retries included; change it"
                    + " with MoodleConfig.Builder.callTimeout, or qip's --call-timeout SECONDS)");
            assertThat(e.attempts()).isLessThan(MoodleConfig.DEFAULT_MAX_ATTEMPTS);
        }
    }

    @Test
    void aSiteThatTricklesItsReplyFailsAtTheCallsDeadlineThoughNoReadTimesOut() throws IOException {
        URI site = support.rawSite(out -> {
            out.write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            for (int i = 0; i < 100_000; i++) {
                out.write(' ');
                out.flush();
                Thread.sleep(100);   // far within the read timeout, every time
            }
        });
        MoodleConfig.Builder settings = config(site).readTimeout(Duration.ofSeconds(2)).callTimeout(Duration.ofSeconds(1));
        try (MoodleClient c = client(site, settings)) {
            assertThatThrownBy(() -> c.getUsersByField(UserField.ID, List.of("4")))
                    .isInstanceOf(MoodleTransportException.class)
                    .hasMessageContaining("no complete reply from 127.0.0.1 within the call's deadline (callTimeout 1 s")
                    .hasMessageContaining("the site is not answering, or sends its reply very slowly");
        }
        assertThat(support.requests).hasValue(1);   // the deadline has passed: no retry
    }
}
