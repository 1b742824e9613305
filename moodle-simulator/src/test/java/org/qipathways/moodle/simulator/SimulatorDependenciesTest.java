package org.qipathways.moodle.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The simulator stands alone: the JDK's HTTP server, Jackson, SLF4J and core's public packages (the
 * seeder reads programmes and learner events), never the connector, OkHttp or core's internals.
 */
class SimulatorDependenciesTest {

    private static final Pattern ALLOWED = Pattern.compile("import (static )?(java\\.|javax\\.|com\\.sun\\.net\\.httpserver\\."
            + "|com\\.fasterxml\\.jackson\\.|org\\.slf4j\\.|org\\.qipathways\\.moodle\\.simulator\\."
            + "|org\\.qipathways\\.(?!moodle\\.)(?![\\w.]*\\binternal\\.)).*");

    @Test
    void simulatorSourcesImportOnlyTheJdkJacksonCoreAndThemselves() throws IOException {
        Path sources = Path.of("src/main/java/org/qipathways/moodle/simulator");
        List<String> offending;
        try (Stream<Path> files = Files.walk(sources)) {
            offending = files.filter(f -> f.toString().endsWith(".java")).flatMap(f -> {
                try {
                    return Files.readAllLines(f).stream().filter(l -> l.startsWith("import "))
                            .filter(l -> !ALLOWED.matcher(l).matches()).map(l -> f.getFileName() + ": " + l);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }).collect(Collectors.toList());
        }
        assertThat(Files.isDirectory(sources)).isTrue();
        assertThat(offending).isEmpty();
    }
}
