package org.qipathways.samples.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/**
 * What one in-process run of {@code qip} printed and returned, as a user would see it.
 * <pre>{@code
 * QipRun run = QipRun.qip("validate", "--programme", "p.yaml");
 * assertThat(run.exit()).isZero();
 * }</pre>
 */
record QipRun(int exit, String out, String err) {

    /** Runs {@code qip args...}. */
    static QipRun qip(String... args) {
        return run(Qip.commandLine(), args);
    }

    /** Runs an already configured command line (e.g. one built around a command with a fixed clock). */
    static QipRun run(CommandLine cli, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute(args);
        return new QipRun(exit, out.toString(), err.toString());
    }
}
