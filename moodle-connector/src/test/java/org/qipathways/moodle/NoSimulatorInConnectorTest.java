package org.qipathways.moodle;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.qipathways.moodle.simulator.MoodleSimulator;

/**
 * The connector ships no simulator: the simulator is its own module, on the connector's test class
 * path only. What goes into the connector's jar is its main output, {@code target/classes} (the jar
 * itself is built after the tests), so that is what is checked: it holds no simulator class, and no
 * class of it refers to one (which would fail at run time without the simulator module).
 */
class NoSimulatorInConnectorTest {

    private static final Path MAIN_CLASSES = Path.of("target/classes");
    private static final String SIMULATOR = MoodleSimulator.class.getPackageName();

    private static JavaClasses connector;

    @BeforeAll
    static void importTheConnectorsOwnClasses() {
        // only the connector's main output: the class path also holds the simulator module's classes
        connector = new ClassFileImporter().importPath(MAIN_CLASSES);
        assertThat(connector.contain(MoodleClient.class)).as("the connector's classes were imported").isTrue();
    }

    @Test
    void theConnectorsMainOutputHoldsNoSimulatorClass() throws IOException {
        List<String> simulatorFiles;
        try (Stream<Path> files = Files.walk(MAIN_CLASSES)) {
            simulatorFiles = files.map(f -> MAIN_CLASSES.relativize(f).toString().replace('\\', '/'))
                    .filter(f -> f.startsWith(SIMULATOR.replace('.', '/'))).toList();
        }
        assertThat(simulatorFiles).isEmpty();
        noClasses().should().resideInAPackage(SIMULATOR + "..").check(connector);
    }

    @Test
    void noConnectorClassRefersToTheSimulator() {
        noClasses().should().dependOnClassesThat().resideInAPackage(SIMULATOR + "..")
                .because("the simulator is on the connector's test class path only").check(connector);
    }
}
