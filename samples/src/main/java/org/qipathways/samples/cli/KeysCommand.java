package org.qipathways.samples.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.qipathways.certification.IssuerKey;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code qip keys generate}: a new Ed25519 key pair for signing certificates.
 * <pre>{@code
 * $ qip keys generate --out keys
 * wrote keys/issuer-private.pem (owner only) and keys/issuer-public.pem; key id sha256:3f9a...
 * }</pre>
 */
@Command(name = "keys", description = "Issuer keys for signing certificates.",
        synopsisSubcommandLabel = "COMMAND", subcommands = KeysCommand.Generate.class)
final class KeysCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Missing command: give generate");
    }

    /** {@code qip keys generate --out DIR}. */
    @Command(name = "generate",
            description = {"Write a new Ed25519 key pair: issuer-private.pem (PKCS#8, readable by its owner only)"
                    + " and issuer-public.pem (X.509). Existing keys are never overwritten.",
                    "Keep the private key out of version control and backups others can read."},
            footer = {"", "Exit codes: 0 done; 1 the files could not be written; 2 keys already there, or bad usage."})
    static final class Generate implements Callable<Integer> {

        @Option(names = "--out", paramLabel = "DIR", required = true, description = "The directory to write the keys to.")
        Path out;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            IssuerKey key = IssuerKey.generate();
            try {
                key.write(out);
            } catch (FileAlreadyExistsException e) {
                throw QipException.badInput(e.getFile() + " exists: keys are never overwritten; move it away or choose another --out");
            } catch (IOException | UnsupportedOperationException e) {
                throw QipException.failed("cannot write the keys to " + out + ": " + e.getMessage(), e);
            }
            PrintWriter o = spec.commandLine().getOut();
            o.println("wrote " + out.resolve(IssuerKey.PRIVATE_FILE) + " (owner only) and " + out.resolve(IssuerKey.PUBLIC_FILE)
                    + "; key id " + key.publicKey().keyId());
            o.flush();
            return ExitCodes.OK;
        }
    }
}
