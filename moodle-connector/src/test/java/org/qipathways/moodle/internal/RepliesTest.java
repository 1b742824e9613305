package org.qipathways.moodle.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.qipathways.moodle.InvalidTokenException;
import org.qipathways.moodle.MoodleErrorException;
import org.qipathways.moodle.MoodleReplyException;
import org.qipathways.moodle.MoodleToken;

/** Reading reply bodies: Moodle's JSON, Moodle's errors, and everything Moodle would not send. */
class RepliesTest {

    private static final MoodleToken TOKEN = MoodleToken.of("0123456789abcdef0123456789abcdef");
    private static final String F = "core_user_create_users";
    private final Replies strict = new Replies(TOKEN, false);

    @Test
    void jsonIsReturnedAsItIsAndNullStandsForNoResult() {
        assertThat(strict.read(F, "[{\"id\":4,\"username\":\"jdoe\"}]").get(0).get("id").asInt()).isEqualTo(4);
        assertThat(strict.read(F, "null").isNull()).isTrue();
        assertThat(strict.read(F, "  {\"warnings\":[]}\n").has("warnings")).isTrue();
    }

    @Test
    void anErrorObjectBecomesTheMappedExceptionKeepingWhatMoodleSaid() {
        String body = "{\"exception\":\"moodle_exception\",\"errorcode\":\"invalidtoken\",\"message\":\"Invalid token - token not found\"}";

        assertThatThrownBy(() -> strict.read(F, body))
                .isInstanceOfSatisfying(InvalidTokenException.class, e -> {
                    assertThat(e.errorcode()).isEqualTo("invalidtoken");
                    assertThat(e.exceptionClass()).contains("moodle_exception");
                    assertThat(e.moodleMessage()).isEqualTo("Invalid token - token not found");
                    assertThat(e.debugInfo()).isEmpty();
                    assertThat(e.function()).contains(F);
                })
                .hasMessageStartingWith(F + ": Moodle refused the call: invalidtoken: Invalid token - token not found (check the token");
    }

    @Test
    void debugInfoIsKeptAndShown() {
        String body = "{\"exception\":\"invalid_parameter_exception\",\"errorcode\":\"invalidparameter\",\"message\":"
                + "\"Invalid parameter value detected\",\"debuginfo\":\"users => Invalid parameter value detected: Missing required key in single structure: email\"}";

        assertThatThrownBy(() -> strict.read(F, body)).isInstanceOfSatisfying(MoodleErrorException.class,
                e -> assertThat(e.debugInfo()).contains("users => Invalid parameter value detected: Missing required key in single structure: email"))
                .hasMessageContaining("[debuginfo: users => ");
    }

    @Test
    void anEmptyBodyMeansWebServicesAreOff() {
        assertThatThrownBy(() -> strict.read(F, "")).isInstanceOf(MoodleReplyException.class)
                .hasMessageContaining("empty reply").hasMessageContaining("Web services or the REST protocol are probably disabled");
    }

    @Test
    void anHtmlPageIsNamedByItsTitle() {
        String page = "<!DOCTYPE html><html><head><title>Log in to the site</title></head><body><form>...</form></body></html>";

        assertThatThrownBy(() -> strict.read(F, page)).isInstanceOf(MoodleReplyException.class)
                .hasMessageContaining("the site answered with an HTML page (title: 'Log in to the site'), not Moodle's JSON");
    }

    @Test
    void phpWarningsBeforeTheJsonAreReportedWithTheirText() {
        String body = "<br />\n<b>Warning</b>:  Undefined array key \"x\" in <b>/var/www/moodle/lib/a.php</b> on line <b>12</b><br />\n[{\"id\":4,\"username\":\"jdoe\"}]";

        assertThatThrownBy(() -> strict.read(F, body)).isInstanceOf(MoodleReplyException.class)
                .hasMessageContaining("the site printed other output before its JSON reply: 'Warning: Undefined array key \"x\" in /var/www/moodle/lib/a.php on line 12'")
                .hasMessageContaining("display_errors");
    }

    @Test
    void phpOutputAroundTheJsonIsUsedWhenThatIsConfigured() {
        String body = "Deprecated: Function strftime() is deprecated in /var/www/x.php on line 3\n{\"id\":4}\nNotice: late";

        JsonNode node = new Replies(TOKEN, true).read(F, body);

        assertThat(node.get("id").asInt()).isEqualTo(4);
        assertThatThrownBy(() -> strict.read(F, "{\"id\":4}\n<b>Notice</b>: late")).hasMessageContaining("after its JSON reply");
    }

    @Test
    void cutOffJsonSaysSo() {
        assertThatThrownBy(() -> strict.read(F, "[{\"id\":4,\"username\":\"jd")).isInstanceOf(MoodleReplyException.class)
                .hasMessageContaining("the reply stops in the middle of the JSON after 23 characters");
    }

    @Test
    void anXmlReplyMeansTheFormatWasIgnored() {
        assertThatThrownBy(() -> strict.read(F, "<?xml version=\"1.0\"?><RESPONSE/>"))
                .hasMessageContaining("the site answered in XML, not JSON");
    }

    @Test
    void anXmlErrorMeansTheWholeBodyWasLost() {
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\" ?>\n<EXCEPTION class=\"moodle_exception\">\n"
                + "<ERRORCODE>invalidtoken</ERRORCODE>\n<MESSAGE>Invalid token - token not found</MESSAGE>\n</EXCEPTION>\n";

        assertThatThrownBy(() -> strict.read(F, xml)).isInstanceOf(MoodleReplyException.class)
                .hasMessageContaining("the site answered in XML with errorcode invalidtoken")
                .hasMessageContaining("post_max_size");
    }

    @Test
    void theTokenIsRemovedFromAnyTextTakenFromAReply() {
        String echo = "<html><head><title>Bad " + TOKEN.reveal() + "</title></head></html>";
        String error = "{\"exception\":\"x\",\"errorcode\":\"y\",\"message\":\"token " + TOKEN.reveal() + " refused\","
                + "\"debuginfo\":\"" + TOKEN.reveal() + "\"}";

        assertThatThrownBy(() -> strict.read(F, echo)).message().doesNotContain(TOKEN.reveal()).contains("[redacted]");
        assertThatThrownBy(() -> strict.read(F, error)).isInstanceOfSatisfying(MoodleErrorException.class, e -> {
            assertThat(e.getMessage()).doesNotContain(TOKEN.reveal());
            assertThat(e.moodleMessage()).isEqualTo("token [redacted] refused");
            assertThat(e.debugInfo()).contains("[redacted]");
        });
    }

    /** The client reads replies as bytes: every body above must give the same result or the same error as text. */
    @Test
    void bytesAreReadExactlyAsTheSameText() {
        String[] bodies = {
            "[{\"id\":4,\"username\":\"jdoe\"}]", "null", "  {\"warnings\":[]}\n", "",
            "{\"exception\":\"moodle_exception\",\"errorcode\":\"invalidtoken\",\"message\":\"Invalid token\"}",
            "<!DOCTYPE html><html><head><title>Log in to the site</title></head><body></body></html>",
            "<br />\n<b>Warning</b>: x<br />\n[{\"id\":4}]", "{\"id\":4}\n<b>Notice</b>: late", "{\"id\":4}{\"id\":5}",
            "[{\"id\":4,\"username\":\"jd", "<?xml version=\"1.0\"?><RESPONSE/>",
            "[{\"firstname\":\"Zoë\",\"lastname\":\"Ó Briain\"}]", "[{\"firstname\":\"Zo\\u00eb\"}]"};
        for (String body : bodies) {
            for (Replies replies : new Replies[] {strict, new Replies(TOKEN, true)}) {
                Object fromText;
                Object fromBytes;
                try {
                    fromText = replies.read(F, body);
                } catch (RuntimeException e) {
                    fromText = e.getClass() + ": " + e.getMessage();
                }
                try {
                    fromBytes = replies.read(F, body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                } catch (RuntimeException e) {
                    fromBytes = e.getClass() + ": " + e.getMessage();
                }
                assertThat(fromBytes).as(body).isEqualTo(fromText);
            }
        }
        assertThat(strict.read(F, "[{\"firstname\":\"Zoë\"}]".getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .get(0).get("firstname").asText()).isEqualTo("Zoë");
    }
}
