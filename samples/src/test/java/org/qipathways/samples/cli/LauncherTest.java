package org.qipathways.samples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code qip} launcher script (src/main/launcher/qip, copied beside qip.jar by the build), run
 * as a user runs it, with a probe jar in qip.jar's place that prints what the JVM was given.
 */
class LauncherTest {

    static final Path SCRIPT = Path.of("src", "main", "launcher", "qip");

    @TempDir
    Path dir;

    Path launcher;

    @BeforeEach
    void installLauncherBesideAProbeJar() throws IOException {
        assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "the launcher is a POSIX shell script; no /bin/sh here");
        Path bin = Files.createDirectories(dir.resolve("target"));
        launcher = Files.copy(SCRIPT, bin.resolve("qip"));
        Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));
        writeProbeJar(bin.resolve("qip.jar"));
    }

    record Result(int exit, List<String> lines) {
    }

    Result run(Path script, Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(script.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().remove("QIP_JAVA_OPTS");
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(p.waitFor(), out.lines().toList());
    }

    @Test
    void runsTheJarBesideItWithABoundedHeapAndTheArgumentsAsGiven() throws Exception {
        Result r = run(launcher, Map.of(), "explain", "--learner", "L 1", "", "$HOME");

        assertThat(r.exit()).as("%s", r.lines()).isZero();
        assertThat(heapMb(r)).isBetween(512L, 1024L);
        assertThat(r.lines()).endsWith("[explain]", "[--learner]", "[L 1]", "[]", "[$HOME]");
    }

    @Test
    void qipJavaOptsReplacesTheDefaultOptions() throws Exception {
        Result r = run(launcher, Map.of("QIP_JAVA_OPTS", "-Xmx256m -Dprobe=set"), "demo");

        assertThat(r.exit()).isZero();
        assertThat(heapMb(r)).isLessThanOrEqualTo(256L);
        assertThat(r.lines()).contains("probe set").endsWith("[demo]");
    }

    @Test
    void aLinkToTheLauncherFromAnotherDirectoryFindsTheJar() throws Exception {
        Path link = Files.createSymbolicLink(Files.createDirectories(dir.resolve("bin")).resolve("qip"), launcher);

        Result r = run(link, Map.of(), "--version");

        assertThat(r.exit()).as("%s", r.lines()).isZero();
        assertThat(r.lines()).endsWith("[--version]");
    }

    @Test
    void withoutTheJarItSaysHowToBuildIt() throws Exception {
        Files.delete(launcher.resolveSibling("qip.jar"));

        Result r = run(launcher, Map.of(), "demo");

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.lines()).containsExactly("qip: cannot find " + launcher.resolveSibling("qip.jar")
                + " (build it with: mvn -B -q package -DskipTests)");
    }

    private static long heapMb(Result r) {
        return Long.parseLong(r.lines().stream().filter(l -> l.startsWith("heap ")).findFirst().orElseThrow().substring(5));
    }

    /** A jar whose main class is {@link LauncherProbe}. */
    private static void writeProbeJar(Path jar) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, LauncherProbe.class.getName());
        String entry = LauncherProbe.class.getName().replace('.', '/') + ".class";
        try (OutputStream file = Files.newOutputStream(jar);
             JarOutputStream out = new JarOutputStream(file, manifest);
             InputStream in = LauncherProbe.class.getResourceAsStream("LauncherProbe.class")) {
            out.putNextEntry(new JarEntry(entry));
            in.transferTo(out);
            out.closeEntry();
        }
    }
}
