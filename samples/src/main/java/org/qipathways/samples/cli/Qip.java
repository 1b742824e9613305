package org.qipathways.samples.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Properties;
import org.qipathways.definition.DefinitionProblem;
import org.qipathways.programme.ProgrammeDefinitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The {@code qip} command line: one top command whose subcommands do the work.
 * <pre>{@code
 * java -jar qip.jar validate --programme my-programme.yaml
 * java -jar qip.jar --help
 * }</pre>
 *
 * <p>To add a subcommand, write a class annotated with {@code @Command} that implements
 * {@code Callable<Integer>} (returning an {@link ExitCodes} value), mix in {@link ProgrammeOption}
 * when it works on a programme, and list it in {@code subcommands} below. Subcommands print to
 * {@code spec.commandLine().getOut()/getErr()} and report bad input by throwing
 * {@link QipException} or {@link ProgrammeDefinitionException}; {@link #commandLine()} turns those
 * into messages and exit codes, so no stack trace ever reaches a user.
 */
@Command(name = "qip",
        // -h/--help and -V/--version on every subcommand too
        scope = CommandLine.ScopeType.INHERIT,
        mixinStandardHelpOptions = true,
        versionProvider = Qip.Version.class,
        synopsisSubcommandLabel = "COMMAND",
        description = "QI Pathways: model, evaluate and certify tiered quality-improvement training programmes.",
        footer = {"", "Exit codes: 0 done; 1 the job failed; 2 bad usage or bad input.",
                "Run 'qip help COMMAND' for a command's options."},
        subcommands = {
                DemoCommand.class,
                ValidateCommand.class,
                EvaluateCommand.class,
                ExplainCommand.class,
                ReportCommand.class,
                GenerateCommand.class,
                FrameworkCommand.class,
                KeysCommand.class,
                CertifyCommand.class,
                VerifyCommand.class,
                StatusListCommand.class,
                RevokeCommand.class,
                DoctorCommand.class,
                SyncCommand.class,
                PullCommand.class,
                PublishCommand.class,
                MoodleSimCommand.class,
                CommandLine.HelpCommand.class,
        })
public final class Qip implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(Qip.class);

    @Spec
    private CommandSpec spec;

    /** Runs {@code qip} with {@code args} and exits with its exit code. */
    public static void main(String[] args) {
        int exit;
        try {
            exit = commandLine().execute(args);
        } catch (OutOfMemoryError e) {
            // the heap bound is the user's to raise: say how, not a stack trace
            System.err.printf(Locale.ROOT, "qip: out of memory (the Java heap is bounded at %,d MB); give it more, e.g."
                    + " QIP_JAVA_OPTS=-Xmx4g samples/target/qip ... or java -Xmx4g -jar qip.jar ...%n",
                    Runtime.getRuntime().maxMemory() >> 20);
            exit = ExitCodes.FAILED;
        }
        System.exit(exit);
    }

    /**
     * The configured command line; tests call {@code execute} on it with their own
     * {@code setOut}/{@code setErr} writers.
     */
    public static CommandLine commandLine() {
        return commandLine(CommandLine.defaultFactory());
    }

    /** The command line with subcommands made by {@code factory}: tests use it to give commands a fake environment. */
    static CommandLine commandLine(CommandLine.IFactory factory) {
        CommandLine cli = new CommandLine(new Qip(), factory)
                .setExecutionExceptionHandler(Qip::handle)
                .setParameterExceptionHandler(Qip::usageError);
        // every date option reads YYYY-MM-DD and says so when it is not one
        cli.registerConverter(LocalDate.class, new IsoDate());
        return cli;
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing command: give one of "
                + String.join(", ", spec.subcommands().keySet()));
    }

    /**
     * A usage error (an unknown or missing option, a value that is not a date or number): the error,
     * the command's synopsis and where to read more, not the whole help.
     * <pre>{@code
     * qip evaluate: --as-of: '2026-13-45' is not a date (use YYYY-MM-DD)
     * Usage: qip evaluate [-hV] [--skip-invalid] [--as-of=DATE] --events=FILE ...
     * Try 'qip evaluate --help' for more.
     * }</pre>
     */
    private static int usageError(ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        PrintWriter err = command.getErr();
        String name = command.getCommandSpec().qualifiedName();
        err.println(name + ": " + message(e));
        CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
        CommandLine.Help help = command.getHelp();
        err.print(help.synopsisHeading() + help.synopsis(help.synopsisHeadingLength()));
        err.println("Try '" + name + " --help' for more.");
        err.flush();
        return ExitCodes.BAD_INPUT;
    }

    /**
     * Picocli's message, with a value our converters rejected put as {@code --option: reason}
     * rather than its "Invalid value for option '--option': reason".
     */
    private static String message(ParameterException e) {
        if (e.getCause() instanceof CommandLine.TypeConversionException tce
                && e.getArgSpec() instanceof CommandLine.Model.OptionSpec option) {
            return option.longestName() + ": " + tce.getMessage();
        }
        return e.getMessage();
    }

    /** Turns what a subcommand threw into words on stderr and an exit code. */
    private static int handle(Exception e, CommandLine command, CommandLine.ParseResult parsed) {
        PrintWriter err = command.getErr();
        String name = command.getCommandSpec().qualifiedName();
        if (e instanceof ProgrammeDefinitionException pde) {
            for (DefinitionProblem p : pde.problems()) {
                err.println(p);
            }
            int n = pde.problems().size();
            String source = pde.problems().isEmpty() ? null : pde.problems().get(0).source();
            err.println(name + ": " + n + (n == 1 ? " problem" : " problems")
                    + (source == null ? "" : " in " + source));
            err.flush();
            return ExitCodes.BAD_INPUT;
        }
        if (e instanceof QipException qe) {
            LOG.debug("{} stopped", name, qe);
            err.println(name + ": " + printable(qe.getMessage()));
            err.flush();
            return qe.exitCode();
        }
        // A bug or an environment problem we did not foresee: say what happened in one line, and
        // keep the stack trace for the debug log.
        LOG.debug("{} failed", name, e);
        err.println(name + ": failed: " + (e.getMessage() == null ? e.getClass().getSimpleName() : printable(e.getMessage())));
        err.println("(for details, run: java -Dorg.slf4j.simpleLogger.defaultLogLevel=debug -jar qip.jar ...)");
        err.flush();
        return ExitCodes.FAILED;
    }

    /**
     * {@code message} safe for a terminal: a control character from input (an ESC sequence in a file
     * name or a value) is shown as an escape instead of acting on the terminal; line breaks stay.
     */
    static String printable(String message) {
        StringBuilder sb = new StringBuilder(message.length());
        for (int i = 0; i < message.length(); i++) {
            char c = message.charAt(i);
            if (Character.isISOControl(c) && c != '\n') {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** {@code qip --version}: the project version, written into the jar at build time. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            Properties p = new Properties();
            try (InputStream in = Qip.class.getResourceAsStream("qip-version.properties")) {
                if (in != null) {
                    p.load(in);
                }
            } catch (IOException e) {
                LOG.debug("cannot read qip-version.properties", e);
            }
            return new String[] {
                    "qip " + p.getProperty("version", "(unknown version)") + " (QI Pathways)",
                    "Java " + System.getProperty("java.version") + ", " + System.getProperty("java.vendor"),
            };
        }
    }
}
