package org.qipathways.moodle.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.qipathways.moodle.MoodleErrorException;
import org.qipathways.moodle.MoodleReplyException;
import org.qipathways.moodle.MoodleToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the body of a Moodle REST reply (HTTP 200): Moodle's JSON result, or Moodle's error object
 * turned into a {@link MoodleErrorException}, or a clear {@link MoodleReplyException} for anything
 * Moodle's REST server would not send (empty bodies, HTML pages, PHP notices around the JSON,
 * cut-off JSON).
 * <pre>{@code
 * JsonNode result = new Replies(token, false).read("core_user_create_users", body);
 * }</pre>
 * Every text taken from a reply into a message has the token removed.
 */
public final class Replies {

    private static final Logger LOG = LoggerFactory.getLogger(Replies.class);
    private static final Pattern TITLE = Pattern.compile("<title[^>]*>(.*?)</title>", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final Pattern XML_ERRORCODE = Pattern.compile("<ERRORCODE>([^<]*)</ERRORCODE>");
    private static final int SNIPPET = 200;
    private static final int MAX_START_CANDIDATES = 50;

    private final MoodleToken token;
    private final boolean acceptOutputAroundJson;

    public Replies(MoodleToken token, boolean acceptOutputAroundJson) {
        this.token = token;
        this.acceptOutputAroundJson = acceptOutputAroundJson;
    }

    /** The JSON result of {@code function} in {@code body}: a {@link NullNode} for functions that return nothing. */
    public JsonNode read(String function, String body) {
        return checked(function, parse(function, body));
    }

    /**
     * As {@link #read(String, String)}, from the reply's UTF-8 bytes: parsed as they are when they
     * hold exactly one JSON object or array (bundled replies run to megabytes, and Jackson reads
     * bytes about twice as fast as text); anything else is read as text, with the same diagnosis.
     */
    public JsonNode read(String function, byte[] body) {
        int start = 0;
        while (start < body.length && (body[start] == ' ' || body[start] == '\n' || body[start] == '\r'
                || body[start] == '\t')) {
            start++;
        }
        if (start < body.length && (body[start] == '{' || body[start] == '[')) {
            try (JsonParser p = Json.MAPPER.getFactory().createParser(body, start, body.length - start)) {
                JsonNode node = Json.MAPPER.readTree(p);
                if (node != null && p.nextToken() == null) {   // nothing but white space after it
                    return checked(function, node);
                }
            } catch (IOException e) {
                // not one complete JSON value: the text path says what is wrong
            }
        }
        return read(function, new String(body, StandardCharsets.UTF_8));
    }

    private JsonNode checked(String function, JsonNode node) {
        if (node.isObject() && node.has("exception") && (node.has("errorcode") || node.has("message"))) {
            throw error(function, node.path("exception").asText(null), node);
        }
        return node;
    }

    /**
     * The error for a decoded Moodle exception object ({@code errorcode}, {@code message},
     * {@code debuginfo}); {@code exceptionClass} may be null.
     */
    public MoodleErrorException error(String function, String exceptionClass, JsonNode error) {
        return MoodleErrorException.of(function, exceptionClass, text(error, "errorcode"),
                token.redact(text(error, "message")), token.redact(text(error, "debuginfo")));
    }

    /** A reply problem, with the token removed from the message. */
    public MoodleReplyException problem(String function, String message, Throwable cause) {
        return new MoodleReplyException(function, function + ": " + token.redact(message), cause);
    }

    /** The body parsed as JSON, or a clear reason why it is not Moodle JSON. */
    JsonNode parse(String function, String body) {
        String text = body.strip();
        if (text.isEmpty()) {
            throw problem(function, "the site sent an empty reply. Web services or the REST protocol are probably"
                    + " disabled (Site administration > Server > Web services), or PHP stopped without output"
                    + " (out of memory or time)", null);
        }
        if (startsJson(text.charAt(0))) {
            Parsed p;
            try {
                p = parseAt(text, 0);
            } catch (StreamReadException e) {
                throw problem(function, unreadable(text, e), e);
            }
            String after = text.substring(p.end()).strip();
            if (after.isEmpty()) {
                return p.node();
            }
            return aroundJson(function, "", after, p.node());
        }
        if (text.regionMatches(true, 0, "<?xml", 0, 5)) {
            Matcher code = XML_ERRORCODE.matcher(text);
            if (code.find()) {
                // moodlewsrestformat travels in the body: an XML error means the site saw none of the body
                throw problem(function, "the site answered in XML with errorcode " + code.group(1) + ": it saw none of"
                        + " the request's variables (not even moodlewsrestformat=json). PHP drops a whole body larger"
                        + " than the site's post_max_size: lower maxRequestBytes", null);
            }
            throw problem(function, "the site answered in XML, not JSON: it ignored moodlewsrestformat=json."
                    + " Is the address a Moodle site? The reply starts: '" + snippet(text) + "'", null);
        }
        if (looksLikeHtml(text)) {
            Matcher t = TITLE.matcher(text);
            String title = t.find() ? collapse(t.group(1)) : "";
            throw problem(function, "the site answered with an HTML page" + (title.isEmpty() ? "" : " (title: '" + title + "')")
                    + ", not Moodle's JSON: a login page, a proxy's error page or a PHP error page."
                    + " Check the site address; the page says: '" + snippet(text) + "'", null);
        }
        Parsed embedded = findJson(text);
        if (embedded != null) {
            return aroundJson(function, text.substring(0, embedded.start()), text.substring(embedded.end()).strip(),
                    embedded.node());
        }
        throw problem(function, "the reply is not JSON; it starts: '" + snippet(text) + "'", null);
    }

    private JsonNode aroundJson(String function, String before, String after, JsonNode node) {
        String output = collapse(TAG.matcher(before + " " + after).replaceAll(""));
        if (acceptOutputAroundJson) {
            LOG.warn("{}: the site printed other output around its JSON reply, ignored as configured: '{}'", function,
                    token.redact(cut(output)));
            return node;
        }
        throw problem(function, "the site printed other output " + (before.isEmpty() ? "after" : "before")
                + " its JSON reply: '" + cut(output) + "'. This is PHP output such as warnings or notices, shown"
                + " because the site displays errors (PHP display_errors or Moodle's debug display): ask the site's"
                + " administrators to turn the display off, or set acceptOutputAroundJson to use such replies", null);
    }

    private String unreadable(String text, StreamReadException e) {
        boolean cutOff = e.getMessage() != null && e.getMessage().contains("end-of-input");
        if (cutOff) {
            return "the reply stops in the middle of the JSON after " + text.length() + " characters: the connection"
                    + " may have been cut, or PHP ran out of memory or time while writing it";
        }
        return "the reply is not valid JSON (" + e.getOriginalMessage() + "); it starts: '" + snippet(text) + "'";
    }

    /** The first JSON object or array in {@code text} that parses completely, if any. */
    private static Parsed findJson(String text) {
        int candidates = 0;
        for (int i = 0; i < text.length() && candidates < MAX_START_CANDIDATES; i++) {
            char c = text.charAt(i);
            if (c == '{' || c == '[') {
                candidates++;
                try {
                    return parseAt(text, i);
                } catch (StreamReadException e) {
                    // not JSON from here: try the next bracket
                } catch (RuntimeException e) {
                    // same
                }
            }
        }
        return null;
    }

    private record Parsed(JsonNode node, int start, int end) {
    }

    private static Parsed parseAt(String text, int start) throws StreamReadException {
        try (JsonParser p = Json.MAPPER.getFactory().createParser(text.substring(start))) {
            JsonToken first = p.nextToken();
            if (first == null) {
                throw new IllegalStateException("no JSON");
            }
            JsonNode node = Json.MAPPER.readTree(p);
            int end = start + (int) p.currentLocation().getCharOffset();
            return new Parsed(node == null ? NullNode.getInstance() : node, start, end);
        } catch (StreamReadException e) {
            throw e;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean startsJson(char c) {
        return c == '{' || c == '[' || c == '"' || c == '-' || (c >= '0' && c <= '9') || c == 't' || c == 'f' || c == 'n';
    }

    private static boolean looksLikeHtml(String text) {
        String head = text.substring(0, Math.min(text.length(), 2000)).toLowerCase(Locale.ROOT);
        return head.contains("<html") || head.contains("<!doctype") || head.contains("<body") || head.contains("<title");
    }

    private String snippet(String text) {
        return token.redact(cut(collapse(TAG.matcher(text).replaceAll(" "))));
    }

    private static String cut(String s) {
        return s.length() <= SNIPPET ? s : s.substring(0, SNIPPET) + "...";
    }

    private static String collapse(String s) {
        return s.replaceAll("\\s+", " ").strip();
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
