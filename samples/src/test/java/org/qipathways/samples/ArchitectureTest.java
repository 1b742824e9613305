package org.qipathways.samples;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The house's rules (docs/architecture.md), checked on the main classes of every module that
 * {@code samples} sees: core, moodle-connector, moodle-simulator and samples itself. The
 * benchmarks module is not checked: it measures internal hot paths on purpose.
 *
 * <p>A module is known by its packages (the table in {@link Module}); a class in no module's
 * packages fails {@link #everyClassBelongsToAModule()}, so a new top-level package has to be placed
 * in the map (and in docs/architecture.md) before the other rules can pass.
 */
class ArchitectureTest {

    /** The modules, by the packages that hold their classes. Order matters: first match wins. */
    enum Module {
        SIMULATOR("moodle-simulator", "org\\.qipathways\\.moodle\\.simulator(\\..*)?"),
        CONNECTOR("moodle-connector", "org\\.qipathways\\.moodle(\\..*)?"),
        SAMPLES("samples", "org\\.qipathways\\.samples(\\..*)?"),
        CORE("core",
                "org\\.qipathways\\.(text|definition|programme|competency|rules|record|progress|certification|report|platform)(\\..*)?");

        final String artifact;
        final Pattern packages;

        Module(String artifact, String packages) {
            this.artifact = artifact;
            this.packages = Pattern.compile(packages);
        }

        static Optional<Module> of(JavaClass c) {
            for (Module m : values()) {
                if (m.packages.matcher(c.getPackageName()).matches()) {
                    return Optional.of(m);
                }
            }
            return Optional.empty();
        }

        boolean isLibrary() {
            return this != SAMPLES;
        }
    }

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                // core's test jar (its Open Badges conformance check) is on this class path too
                .withImportOption(location -> !location.contains("-tests.jar"))
                .importPackages("org.qipathways");
    }

    private static DescribedPredicate<JavaClass> inModule(Module m) {
        return DescribedPredicate.describe("in module " + m.artifact,
                c -> Module.of(c).filter(m::equals).isPresent());
    }

    private static DescribedPredicate<JavaClass> inLibraryModule() {
        return DescribedPredicate.describe("in a library module (core, moodle-connector, moodle-simulator)",
                c -> Module.of(c).filter(Module::isLibrary).isPresent());
    }

    @Test
    void everyModuleIsImported() {
        // Guards the other rules against passing vacuously (an empty import satisfies every "no").
        for (Module m : Module.values()) {
            assertThat(classes.stream().filter(c -> Module.of(c).filter(m::equals).isPresent()).count())
                    .as("classes of module %s", m.artifact)
                    .isGreaterThan(5);
        }
    }

    @Test
    void everyClassBelongsToAModule() {
        List<String> homeless = classes.stream()
                .filter(c -> Module.of(c).isEmpty())
                .map(JavaClass::getName)
                .toList();
        assertThat(homeless)
                .as("classes in packages that no module claims (add the package to Module and docs/architecture.md)")
                .isEmpty();
    }

    @Test
    void coreUsesNoHttpNoCommandLineAndNoMoodle() {
        ArchRule rule = noClasses().that(inModule(Module.CORE))
                .should().dependOnClassesThat().resideInAnyPackage(
                        "okhttp3..", "okio..", "java.net.http..", "picocli..",
                        "org.qipathways.moodle..", "org.qipathways.samples..")
                .orShould().dependOnClassesThat().belongToAnyOf(java.net.HttpURLConnection.class)
                .because("core is pure Java plus Jackson, Bean Validation and SLF4J: usable with no I/O");
        rule.check(classes);
    }

    @Test
    void theConnectorNeverUsesTheSimulator() {
        noClasses().that(inModule(Module.CONNECTOR))
                .should().dependOnClassesThat(inModule(Module.SIMULATOR))
                .because("the simulator is a test double in its own artifact; the connector uses it in tests only")
                .check(classes);
    }

    @Test
    void libraryModulesUseOnlyCoreOfOurCode() {
        noClasses().that(inModule(Module.CORE).or(inModule(Module.CONNECTOR)).or(inModule(Module.SIMULATOR)))
                .should().dependOnClassesThat(inModule(Module.SAMPLES))
                .because("samples (the command line) sits on top of the libraries, never under them")
                .check(classes);
    }

    @Test
    void noModuleUsesAnotherModulesInternalPackages() {
        ArchCondition<JavaClass> condition = new ArchCondition<>("use no other module's internal package") {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                Module from = Module.of(origin).orElseThrow();
                for (Dependency d : origin.getDirectDependenciesFromSelf()) {
                    JavaClass target = d.getTargetClass();
                    Optional<Module> to = Module.of(target);
                    if (to.isPresent() && to.get() != from && isInternal(target.getPackageName())) {
                        events.add(SimpleConditionEvent.violated(d, d.getDescription()
                                + " (module " + from.artifact + " uses an internal package of " + to.get().artifact + ")"));
                    }
                }
            }
        };
        com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes()
                .that(DescribedPredicate.describe("in a module", (JavaClass c) -> Module.of(c).isPresent()))
                .should(condition)
                .check(classes);
    }

    private static boolean isInternal(String packageName) {
        return packageName.endsWith(".internal") || packageName.contains(".internal.");
    }

    @Test
    void noCycleBetweenPackages() {
        // A package's ".internal" sub-packages implement it and share its slice: the public type
        // (say progress.Evaluator) hands work to its internals and they return its public values.
        SlicesRuleDefinition.slices().assignedFrom(new SliceAssignment() {
            @Override
            public SliceIdentifier getIdentifierOf(JavaClass c) {
                String p = c.getPackageName();
                if (!p.startsWith("org.qipathways.")) {
                    return SliceIdentifier.ignore();
                }
                int i = p.indexOf(".internal");
                return SliceIdentifier.of(i < 0 ? p : p.substring(0, i));
            }

            @Override
            public String getDescription() {
                return "packages of org.qipathways, each with its .internal sub-packages";
            }
        }).should().beFreeOfCycles().check(classes);
    }

    @Test
    void libraryModulesNeverPrint() {
        noClasses().that(inLibraryModule())
                .should().accessField(System.class, "out")
                .orShould().accessField(System.class, "err")
                .orShould().callMethod(Throwable.class, "printStackTrace")
                .because("library code logs through SLF4J; only the command line writes to the terminal")
                .check(classes);
    }
}
