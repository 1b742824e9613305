package org.qipathways.benchmarks.figures;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The floor the readers are compared with: every line of the given files read as UTF-8 and split
 * at commas, nothing kept. Run in its own JVM, as {@code qip evaluate} is, so both pay start-up.
 */
public final class BareReadSplit {

    private BareReadSplit() {
    }

    public static void main(String[] args) throws IOException {
        long fields = 0;
        for (String file : args) {
            try (BufferedReader in = Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8)) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    fields += line.split(",", -1).length;
                }
            }
        }
        // the count is printed so that the work cannot be optimised away
        System.out.println(fields);
    }
}
