package org.qipathways.moodle.simulator;

import java.time.Duration;
import java.util.Objects;

/**
 * Something that goes wrong with one request to the simulator, as it does with real sites behind
 * real networks: 5xx statuses, slow replies, dropped connections, HTML error pages, cut-off JSON,
 * PHP warnings printed before the reply, oversized replies, a token revoked or a function taken out of
 * the service in the middle of a run.
 * <pre>{@code
 * sim.faults().next(Fault.status(503), Fault.status(503));             // the next two requests
 * sim.faults().onFunction("core_user_create_users", Fault.dropConnectionAfterProcessing());
 * }</pre>
 */
public sealed interface Fault {

    /** Answer with this HTTP status and a short HTML body, without running the function. */
    static Fault status(int code) {
        if (code < 400 || code > 599) {
            throw new IllegalArgumentException("a fault status is 4xx or 5xx, not " + code);
        }
        return new Status(code);
    }

    /** Wait this long before handling the request (the function then runs as usual). */
    static Fault delay(Duration duration) {
        return new Delay(Objects.requireNonNull(duration, "duration"));
    }

    /** Close the connection without a reply, before the function runs: nothing changes. */
    static Fault dropConnectionBeforeProcessing() {
        return new DropConnection(false);
    }

    /** Run the function, then close the connection without a reply: the change happened, unseen. */
    static Fault dropConnectionAfterProcessing() {
        return new DropConnection(true);
    }

    /** Answer HTTP 200 with an HTML error page, as a PHP fatal error or a login redirect would; the function does not run. */
    static Fault htmlErrorPage() {
        return new HtmlErrorPage();
    }

    /** Run the function, then send only the first half of its JSON reply. */
    static Fault truncatedJson() {
        return new TruncatedJson();
    }

    /** Run the function, then print a PHP warning before its JSON reply, as sites that display errors do. */
    static Fault phpWarning() {
        return new PhpWarning();
    }

    /**
     * Run the function, then send its JSON reply followed by this many bytes of white space: a reply
     * far larger than any a client expects (a runaway report, a misconfigured proxy).
     */
    static Fault oversizedReply(long padding) {
        if (padding < 1) {
            throw new IllegalArgumentException("an oversized reply adds at least 1 byte, not " + padding);
        }
        return new OversizedReply(padding);
    }

    /**
     * Answer Moodle's {@code invalidtoken} error without running the function, as when an
     * administrator deletes or regenerates the token in the middle of a run.
     */
    static Fault invalidToken() {
        return new InvalidToken();
    }

    /**
     * Take the function called out of the token's service from this request on ({@code accessexception}),
     * as when an administrator edits the service in the middle of a run; put it back with
     * {@link SimulatedSite#serviceHasFunction(String, boolean)}.
     */
    static Fault removeFunction() {
        return new RemoveFunction();
    }

    /** See {@link Fault#oversizedReply(long)}. */
    record OversizedReply(long padding) implements Fault {
    }

    /** See {@link Fault#invalidToken()}. */
    record InvalidToken() implements Fault {
    }

    /** See {@link Fault#removeFunction()}. */
    record RemoveFunction() implements Fault {
    }

    /** See {@link Fault#status(int)}. */
    record Status(int code) implements Fault {
    }

    /** See {@link Fault#delay(Duration)}. */
    record Delay(Duration duration) implements Fault {
    }

    /** See {@link Fault#dropConnectionBeforeProcessing()} and {@link Fault#dropConnectionAfterProcessing()}. */
    record DropConnection(boolean afterProcessing) implements Fault {
    }

    /** See {@link Fault#htmlErrorPage()}. */
    record HtmlErrorPage() implements Fault {
    }

    /** See {@link Fault#truncatedJson()}. */
    record TruncatedJson() implements Fault {
    }

    /** See {@link Fault#phpWarning()}. */
    record PhpWarning() implements Fault {
    }
}
