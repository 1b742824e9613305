package org.qipathways.samples.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.qipathways.certification.BadgeKey;
import org.qipathways.certification.IssuerKey;
import org.qipathways.certification.LearnerSecret;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code qip keys generate}: the issuer's keys, all that {@code qip certify} needs: an Ed25519 pair for
 * the register's signed certificates, a P-256 pair for Open Badges credentials and status lists
 * (ES256), and the learner secret that keys learners' pseudonyms in credentials. What is already in
 * the directory is kept, so a key directory of an earlier version gets what it lacks.
 * <pre>{@code
 * $ qip keys generate --out keys
 * wrote keys/issuer-private.pem (owner only) and keys/issuer-public.pem: certificate key sha256:3f9a...
 * wrote keys/badge-private.pem (owner only) and keys/badge-public.pem: Open Badges key (P-256, ES256) sha256:77c1...
 * wrote keys/learner-secret.key (owner only): keys learners' pseudonyms in Open Badges credentials
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
            description = {"Write the issuer's keys into DIR: issuer-private.pem and issuer-public.pem (Ed25519, signs the"
                    + " certificates qip verify checks), badge-private.pem and badge-public.pem (P-256, signs Open Badges"
                    + " credentials and status lists with ES256) and learner-secret.key (keys learners' pseudonyms in"
                    + " credentials). Private keys and the secret are readable by their owner only.",
                    "Files already there are never overwritten: what DIR lacks is added (a directory of an earlier"
                            + " version gets the Open Badges key and the secret), and a DIR that has everything is an error.",
                    "Keep the private keys and the secret out of version control and backups others can read;"
                            + " publish badge-public.pem for those who check your Open Badges credentials."},
            footer = {"", "Exit codes: 0 done; 1 the files could not be written; 2 keys already there, half a key pair, or bad usage."})
    static final class Generate implements Callable<Integer> {

        @Option(names = "--out", paramLabel = "DIR", required = true, description = "The directory to write the keys to.")
        Path out;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            Path edPrivate = out.resolve(IssuerKey.PRIVATE_FILE);
            Path edPublic = out.resolve(IssuerKey.PUBLIC_FILE);
            Path badgePrivate = out.resolve(BadgeKey.PRIVATE_FILE);
            Path badgePublic = out.resolve(BadgeKey.PUBLIC_FILE);
            Path secretFile = out.resolve(LearnerSecret.FILE);
            // Decide everything before writing anything: an error leaves the directory as it was.
            boolean writeEd = missingPair(edPrivate, edPublic);
            boolean writeBadge = missingPair(badgePrivate, badgePublic);
            boolean writeSecret = !Files.exists(secretFile);
            if (!writeEd && !writeBadge && !writeSecret) {
                throw QipException.badInput(edPrivate + " exists: keys are never overwritten, and " + out
                        + " has every key qip certify needs; move them away or choose another --out");
            }
            List<String> lines = new ArrayList<>();
            try {
                if (writeEd) {
                    IssuerKey key = IssuerKey.generate();
                    key.write(out);
                    lines.add("wrote " + edPrivate + " (owner only) and " + edPublic + ": certificate key " + key.publicKey().keyId());
                } else {
                    lines.add("kept " + edPrivate + " and " + edPublic + " (there already)");
                }
                if (writeBadge) {
                    BadgeKey key = BadgeKey.generate();
                    key.write(out);
                    lines.add("wrote " + badgePrivate + " (owner only) and " + badgePublic + ": Open Badges key (P-256, ES256) "
                            + key.publicKey().keyId());
                } else {
                    lines.add("kept " + badgePrivate + " and " + badgePublic + " (there already)");
                }
                if (writeSecret) {
                    LearnerSecret.generate().write(out);
                    lines.add("wrote " + secretFile + " (owner only): keys learners' pseudonyms in Open Badges credentials");
                } else {
                    lines.add("kept " + secretFile + " (there already)");
                }
            } catch (FileAlreadyExistsException e) {
                throw QipException.badInput(e.getFile() + " exists: keys are never overwritten; move it away or choose another --out");
            } catch (IOException | UnsupportedOperationException e) {
                throw QipException.failed("cannot write the keys to " + out + ": " + e.getMessage(), e);
            }
            PrintWriter o = spec.commandLine().getOut();
            lines.forEach(o::println);
            o.flush();
            return ExitCodes.OK;
        }

        /** Whether neither half of a pair is there; half a pair is an error, since a new pair would orphan the half. */
        private static boolean missingPair(Path privateFile, Path publicFile) {
            boolean priv = Files.exists(privateFile);
            boolean pub = Files.exists(publicFile);
            if (priv != pub) {
                Path there = priv ? privateFile : publicFile;
                Path gone = priv ? publicFile : privateFile;
                throw QipException.badInput(there + " exists but " + gone + " does not: restore it"
                        + (priv ? " (openssl pkey -in " + privateFile + " -pubout -out " + publicFile + ")" : "")
                        + ", or move " + there + " away to make a new pair");
            }
            return !priv;
        }
    }
}
