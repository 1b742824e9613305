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
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass);
        command.addAll(args);
        Path log = logs.resolve("run-" + (++runs) + ".log");
        try {
            long start = System.nanoTime();
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            int exit = p.waitFor();
            double seconds = (System.nanoTime() - start) / 1e9;
            if (exit != 0) {
                List<String> lines = Files.readAllLines(log);
                String tail = String.join(" | ", lines.subList(Math.max(0, lines.size() - 3), lines.size()));
                throw new ScenarioFailed(mainClass.substring(mainClass.lastIndexOf('.') + 1) + " " + String.join(" ", args.subList(0, 1))
                        + " exited " + exit + ": " + tail);
            }
            return seconds;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ScenarioFailed("interrupted");
        }
    }

    /** A scenario that could not be measured; the harness records why and goes on. */
    static final class ScenarioFailed extends RuntimeException {
        ScenarioFailed(String message) {
            super(message);
        }
    }
}
