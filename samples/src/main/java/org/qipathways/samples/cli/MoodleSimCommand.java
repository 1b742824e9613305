package org.qipathways.samples.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.qipathways.moodle.simulator.MoodleSimulator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code qip moodle-sim}: runs the Moodle simulator, a stand-in that speaks Moodle's REST web
 * services for the functions the connector uses, so that the connector can be tried without a
 * Moodle site. It is not Moodle. It prints its address and a token, and runs until Ctrl-C.
 * <pre>{@code
 * $ qip moodle-sim --port 8099
 * Moodle simulator (NOT a real Moodle site) listening at http://127.0.0.1:8099
 * Token: 3f0c...
 * Try:   MOODLE_TOKEN=3f0c... qip doctor --moodle http://127.0.0.1:8099
 * }</pre>
 */
@Command(name = "moodle-sim",
        description = {"Run the Moodle simulator (a simulator, NOT a real Moodle site) on this machine's loopback"
                + " address, to try the connector without a Moodle site.",
                "Prints its address and a token; runs until Ctrl-C. Its data lives in memory and is gone when it stops."},
        footer = {"", "Exit codes: 0 stopped; 1 the port is taken; 2 bad usage (e.g. an unknown function name)."})
final class MoodleSimCommand implements Callable<Integer> {

    @Option(names = "--port", paramLabel = "P", defaultValue = "0",
            description = "The port to listen on (default: a free one).")
    int port;

    @Option(names = "--missing-function", paramLabel = "NAME",
            description = "Leave a web-service function out of the token's service, as a half-configured site"
                    + " would (repeatable).")
    List<String> missingFunctions = new ArrayList<>();

    @Option(names = "--max-input-vars", paramLabel = "N", defaultValue = "1000",
            description = "PHP's max_input_vars: variables past it are dropped as PHP drops them (default: ${DEFAULT-VALUE}).")
    int maxInputVars;

    @Option(names = "--debugging", description = "Send debuginfo with errors, as a site with debugging on does.")
    boolean debugging;

    @Spec
    CommandSpec spec;

    private final CountDownLatch stopped = new CountDownLatch(1);

    @Override
    public Integer call() throws InterruptedException {
        MoodleSimulator sim;
        try {
            sim = MoodleSimulator.builder().port(port).maxInputVars(maxInputVars).debugging(debugging)
                    .withoutFunctions(missingFunctions.toArray(new String[0])).build();
        } catch (IllegalArgumentException e) {
            throw QipException.badInput(e.getMessage(), e);
        } catch (IllegalStateException e) {
            throw QipException.failed(e.getMessage(), e);
        }
        Thread hook = new Thread(this::stop, "moodle-sim-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try (sim) {
            PrintWriter out = spec.commandLine().getOut();
            out.println("Moodle simulator (NOT a real Moodle site) listening at " + sim.url());
            out.println("Token: " + sim.token());
            out.println("Try:   MOODLE_TOKEN=" + sim.token() + " qip doctor --moodle " + sim.url());
            // web services cannot make scales: the reference programme's, made as a site administrator would
            var scale = org.qipathways.programme.Programme.reference().framework().scale();
            long scaleId = sim.site().addScale(scale.name(), scale.levels().stream().map(l -> l.name()).toList());
            out.println("Then:  MOODLE_TOKEN=" + sim.token() + " qip sync --moodle " + sim.url() + " --scale-id " + scaleId
                    + " --apply   (scale " + scaleId + " is '" + scale.name() + "', made as an administrator would)");
            if (!missingFunctions.isEmpty()) {
                out.println("The token's service lacks: " + String.join(", ", missingFunctions));
            }
            out.println("Press Ctrl-C to stop.");
            out.flush();
            stopped.await();
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // the JVM is already shutting down: the hook is what stopped us
            }
        }
        return ExitCodes.OK;
    }

    /** Stops a running simulator (Ctrl-C does this through a shutdown hook; tests call it). */
    void stop() {
        stopped.countDown();
    }
}
