package org.qipathways.samples.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.qipathways.certification.Certificate;
import org.qipathways.certification.CertificateVerifier;
import org.qipathways.certification.IssuerPublicKey;
import org.qipathways.certification.RegisterException;
import org.qipathways.certification.Verification;
import org.qipathways.certification.jdbc.JdbcCertificateRegister;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code qip verify}: checks a signed certificate and says VALID, EXPIRED, REVOKED or TAMPERED.
 * <pre>{@code
 * $ qip verify certificates/7KQ2M9XH4CT.json --register jdbc:sqlite:register.db
 * VALID: valid from 2024-07-01 to 2026-09-01; signed by sha256:3f9a...; not revoked
 * }</pre>
 */
@Command(name = "verify",
        description = {"Check a signed certificate (ID.json from qip certify): that it is unchanged, that a trusted"
                + " issuer key signed it, and, given the register, that it is not revoked; and that it has not expired.",
                "Trusted keys: those given with --key, and those the register recorded. Give at least one of the two."},
        footer = {"", "Prints VALID, EXPIRED, REVOKED, TAMPERED or UNKNOWN (not in the register given), a colon and why.",
                "Exit codes: 0 VALID; 1 EXPIRED or REVOKED; 2 TAMPERED, UNKNOWN, a register that cannot be read,"
                        + " or bad input or usage."})
final class VerifyCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", description = "The signed certificate, e.g. 7KQ2M9XH4CT.json.")
    Path file;

    @Option(names = "--register", paramLabel = "JDBC-URL", description = RegisterOption.DESCRIPTION
            + " Checks revocation, and trusts the issuer keys recorded there.")
    String register;

    @Option(names = "--key", paramLabel = "PEM", description = "A trusted issuer public key (X.509 PEM); repeatable.")
    List<Path> keys = new ArrayList<>();

    @Option(names = "--as-of", paramLabel = "DATE", description = "The date to check on (yyyy-MM-dd). Default: today.")
    LocalDate asOf;

    @Option(names = "--max-size", paramLabel = "BYTES", defaultValue = "" + DEFAULT_MAX_BYTES,
            description = "The largest certificate file read. Default: ${DEFAULT-VALUE} (1 MiB); a certificate is a few KB.")
    long maxBytes;

    /** A signed certificate is 2-4 KB: a file past 1 MiB is not one, and is not read into memory. */
    static final long DEFAULT_MAX_BYTES = 1024 * 1024;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (register == null && keys.isEmpty()) {
            throw QipException.badInput("give the issuer's public key (--key issuer-public.pem) or the register (--register URL):"
                    + " without one, nothing says who may sign");
        }
        List<IssuerPublicKey> trusted = new ArrayList<>();
        for (Path k : keys) {
            if (!Files.isRegularFile(k)) {
                throw QipException.badInput("cannot read the key file " + k + ": no such file");
            }
            try {
                trusted.add(IssuerPublicKey.load(k));
            } catch (IllegalArgumentException | UncheckedIOException e) {
                throw QipException.badInput(e.getMessage(), e);
            }
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (bytes.length > maxBytes) {
                throw QipException.badInput(file + " is larger than " + maxBytes + " bytes, the limit for a certificate"
                        + " file (a signed certificate is a few KB): is it the right file? If it is, raise the limit"
                        + " with --max-size BYTES");
            }
        } catch (IOException e) {
            throw QipException.badInput("cannot read " + file + ": " + (Files.isDirectory(file) ? "it is a directory" : "no such file"), e);
        }
        LocalDate date = asOf != null ? asOf : LocalDate.now();
        Verification v;
        if (register == null) {
            v = CertificateVerifier.of(trusted, null).verify(bytes, date);
        } else {
            // Exit 1 means EXPIRED or REVOKED here, so a register that cannot be read is exit 2: not checked.
            try (JdbcCertificateRegister reg = RegisterOption.open(register)) {
                v = CertificateVerifier.of(trusted, reg).verify(bytes, date);
            } catch (RegisterException e) {
                throw QipException.badInput(e.getMessage(), e);
            } catch (QipException e) {
                throw QipException.badInput(e.getMessage(), e);
            }
        }
        PrintWriter o = spec.commandLine().getOut();
        o.println(v.verdict() + ": " + v.reason());
        Certificate c = v.certificate();
        if (c != null) {
            o.println("  certificate " + c.id() + ": " + c.tier() + " for learner " + c.learnerId() + " in " + c.programmeCode()
                    + " " + c.programmeVersion() + ", achieved " + c.achievedOn() + (c.supersedes() == null ? "" : ", continues " + c.supersedes()));
        }
        o.flush();
        switch (v.verdict()) {
            case VALID:
                return ExitCodes.OK;
            case EXPIRED:
            case REVOKED:
                return 1;
            default:
                return ExitCodes.BAD_INPUT;
        }
    }
}
