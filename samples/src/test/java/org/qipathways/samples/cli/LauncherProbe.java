package org.qipathways.samples.cli;

/**
 * Stands in for qip.jar in {@link LauncherTest}: prints what the launcher gave the JVM, one item a
 * line: the heap bound in MB, the {@code probe} system property, then each argument in brackets.
 */
public final class LauncherProbe {

    private LauncherProbe() {
    }

    public static void main(String[] args) {
        System.out.println("heap " + (Runtime.getRuntime().maxMemory() >> 20));
        System.out.println("probe " + System.getProperty("probe"));
        for (String a : args) {
            System.out.println("[" + a + "]");
        }
    }
}
