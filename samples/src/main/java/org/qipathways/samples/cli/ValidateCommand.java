package org.qipathways.samples.cli;

import java.util.concurrent.Callable;
import org.qipathways.programme.Programme;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code qip validate}: checks a programme definition. A valid one gets a one-line summary on
 * stdout and exit code 0; otherwise every problem is listed on stderr as
 * {@code file:line:column: path: message} and the exit code is 2.
 * <pre>{@code
 * $ qip validate --programme reference.yaml
 * OK: QIP-BSG "Bronze, Silver and Gold Quality Improvement Pathway" version 2025.1: 3 tiers, 14 units, 8 competencies
 * }</pre>
 */
@Command(name = "validate",
        description = {"Check a programme definition and list every problem with its place.",
                "A valid definition gets a one-line summary on stdout; problems go to stderr,"
                        + " one a line: file:line:column: path: message."},
        footer = {"", "Exit codes: 0 valid; 2 problems found (listed on stderr), the file cannot be read, or bad usage."})
final class ValidateCommand implements Callable<Integer> {

    @Mixin
    ProgrammeOption programme;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Programme p = programme.programme();
        spec.commandLine().getOut().println(summary(p));
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }

    static String summary(Programme p) {
        return "OK: " + p.code() + " \"" + p.title() + "\" version " + p.version() + ": "
                + count(p.tiers().size(), "tier") + ", "
                + count(p.units().size(), "unit") + ", "
                + count(p.framework().competencies().size(), "competency", "competencies");
    }

    private static String count(int n, String one) {
        return count(n, one, one + "s");
    }

    private static String count(int n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }
}
