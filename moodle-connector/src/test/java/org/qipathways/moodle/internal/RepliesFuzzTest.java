package org.qipathways.moodle.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.qipathways.moodle.MoodleException;
import org.qipathways.moodle.MoodleToken;

/**
 * Property-based fuzzing of the Moodle reply parser: whatever a site (or something posing as one)
 * sends with HTTP 200 (Moodle's JSON and error objects mutated, HTML, XML, PHP notices, cut-off
 * JSON, any bytes) the parser returns JSON or throws a {@link MoodleException} (a
 * {@code MoodleErrorException} for Moodle's errors, a {@code MoodleReplyException} for the rest);
 * never another exception, never a hang, and never the token in a message.
 */
class RepliesFuzzTest {

    private static final MoodleToken TOKEN = MoodleToken.of("0123456789abcdef0123456789abcdef");
    private static final Duration HANG = Duration.ofSeconds(20);
    private static final List<String> REPLIES = List.of(
            "[{\"id\":4,\"username\":\"jdoe\",\"idnumber\":\"L1\"}]",
            "{\"exception\":\"moodle_exception\",\"errorcode\":\"invalidtoken\",\"message\":\"Invalid token - token not found\"}",
            "{\"exception\":\"invalid_parameter_exception\",\"errorcode\":\"invalidparameter\",\"message\":\"Invalid parameter"
                    + " value detected\",\"debuginfo\":\"users => Invalid parameter 0123456789abcdef0123456789abcdef\"}",
            "{\"responses\":[{\"error\":false,\"data\":\"[]\"},{\"error\":true,\"exception\":{\"errorcode\":\"nopermissions\"}}]}",
            "<br />\n<b>Warning</b>:  Undefined array key in <b>/var/www/lib.php</b><br />\n{\"warnings\":[]}",
            "<!DOCTYPE html><html><head><title>Error</title></head><body>Error reading from database</body></html>",
            "<?xml version=\"1.0\"?><EXCEPTION class=\"moodle_exception\"><ERRORCODE>invalidrecord</ERRORCODE></EXCEPTION>",
            "null");
    private static final List<String> PIECES = List.of("{", "}", "[", "]", "\"", ":", ",", "\\", "\\u0000", "<", ">",
            "null", "exception", "errorcode", "0123456789abcdef0123456789abcdef", "\u0000", "\n", "1e400", "-", "\uFEFF");

    @Provide
    Arbitrary<String> replies() {
        Arbitrary<String> base = Arbitraries.of(REPLIES.toArray(String[]::new));
        Arbitrary<String> mutated = base.flatMap(b -> Combinators.combine(Arbitraries.integers().between(0, 2),
                Arbitraries.integers().between(0, b.length()), Arbitraries.of(PIECES.toArray(String[]::new)),
                Arbitraries.integers().between(1, 10)).as((op, at, piece, n) -> {
                    StringBuilder sb = new StringBuilder(b);
                    switch (op) {
                        case 0 -> sb.insert(at, piece);
                        case 1 -> sb.delete(at, Math.min(sb.length(), at + n));
                        default -> sb.setLength(at);   // cut off
                    }
                    return sb.toString();
                }));
        Arbitrary<String> noise = Arbitraries.of(PIECES.toArray(String[]::new)).list().ofMaxSize(40)
                .map(l -> String.join("", l));
        return Arbitraries.oneOf(mutated, mutated, noise, Arbitraries.strings().ofMaxLength(100));
    }

    @Property(tries = 500, seed = "16")
    void aReplyIsJsonOrAMoodleException(@ForAll("replies") String body, @ForAll boolean acceptOutputAroundJson) {
        check(body.getBytes(StandardCharsets.UTF_8), acceptOutputAroundJson);
    }

    @Property(tries = 200, seed = "16")
    void anyBytesAreJsonOrAMoodleException(@ForAll byte[] body) {
        check(body, false);
    }

    private static void check(byte[] body, boolean accept) {
        Replies replies = new Replies(TOKEN, accept);
        assertTimeoutPreemptively(HANG, () -> {
            try {
                assertThat(replies.read("core_user_get_users", body)).isNotNull();
            } catch (MoodleException e) {
                assertThat(e.getMessage()).isNotBlank().doesNotContain(TOKEN.reveal());
            }
        });
    }
}
