package org.qipathways.benchmarks.figures;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a main class of this jar in a fresh JVM on the default settings, as a user runs
 * {@code qip}: start-up, JIT warm-up and the default heap are part of what is measured.
 */
final class ChildJvm {

    static final String QIP = "org.qipathways.samples.cli.Qip";

    private final Path logs;
    private int runs;

    ChildJvm(Path logs) {
        this.logs = logs;
    }

    /** Wall-clock seconds of one run; fails with the end of its output when it exits other than 0. */
    double seconds(String mainClass, List<String> args) {
        return run(mainClass, List.of(), args).seconds();
    }

    /** One run's wall-clock seconds and its peak resident memory in bytes (0 where /proc cannot tell). */
    record Run(double seconds, long peakResidentBytes) {
    }

    /**
     * Runs {@code mainClass} with {@code jvmOptions}. The peak resident set is the child's VmHWM in
     * /proc (Linux), read every 100 ms: the last reading before it exits, at most 100 ms short.
     */
    Run run(String mainClass, List<String> jvmOptions, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass);
        command.addAll(args);
        Path log = logs.resolve("run-" + (++runs) + ".log");
        try {
            long start = System.nanoTime();
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            Path status = Path.of("/proc", Long.toString(p.pid()), "status");
            long peak = 0;
            while (!p.waitFor(100, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                peak = Math.max(peak, highWaterMark(status));
            }
            int exit = p.exitValue();
            double seconds = (System.nanoTime() - start) / 1e9;
            if (exit != 0) {
                List<String> lines = Files.readAllLines(log);
                String tail = String.join(" | ", lines.subList(Math.max(0, lines.size() - 3), lines.size()));
                throw new ScenarioFailed(mainClass.substring(mainClass.lastIndexOf('.') + 1) + " " + String.join(" ", args.subList(0, 1))
                        + " exited " + exit + ": " + tail);
            }
            return new Run(seconds, peak);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ScenarioFailed("interrupted");
        }
    }

    private static long highWaterMark(Path status) {
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or the process has just exited: no reading this time
        }
        return 0;
    }

    /** A scenario that could not be measured; the harness records why and goes on. */
    static final class ScenarioFailed extends RuntimeException {
        ScenarioFailed(String message) {
            super(message);
        }
    }
}
