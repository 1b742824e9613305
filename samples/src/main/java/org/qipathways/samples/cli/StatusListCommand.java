package org.qipathways.samples.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.qipathways.certification.BadgeKey;
import org.qipathways.certification.RegisterException;
import org.qipathways.certification.StatusEntry;
import org.qipathways.certification.StatusList;
import org.qipathways.certification.jdbc.JdbcCertificateRegister;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code qip status-list}: writes the register's revocation list as the file to publish at its URL, a
 * W3C Bitstring Status List credential signed with the Open Badges key, which holders and employers
 * check Open Badges credentials against ({@code qip verify ID.ob3.jwt --status-list FILE}).
 * <pre>{@code
 * $ qip status-list --register jdbc:sqlite:register.db --key keys/badge-private.pem --out public/qip-bsg.jwt
 * wrote public/qip-bsg.jwt: 1,204 credentials, 3 revoked as of 2026-03-31, in a list of 131,072 places;
 * publish it at https://academy.example.org/status/qip-bsg.jwt
 * }</pre>
 */
@Command(name = "status-list",
        description = {"Write the register's status list (W3C Bitstring Status List v1.0, signed with ES256): one bit per"
                + " Open Badges credential, set when its certificate is revoked. Publish FILE at the URL the credentials name"
                + " (given once to qip certify with --status-list-url), and write it again after each revocation, say daily.",
                "The register is only read."},
        footer = {"", "Exit codes: 0 done; 1 the file could not be written; 2 a register that cannot be read or has no status"
                + " list yet, a missing key, or bad usage."})
final class StatusListCommand implements Callable<Integer> {

    @Option(names = "--register", paramLabel = "JDBC-URL", required = true, description = RegisterOption.READ_DESCRIPTION)
    String register;

    @Option(names = "--key", paramLabel = "PEM", required = true,
            description = "The Open Badges private key (P-256, PKCS#8 PEM), e.g. keys/badge-private.pem from qip keys generate;"
                    + " its public half beside it (the name with \"public\" for \"private\").")
    Path key;

    @Option(names = "--out", paramLabel = "FILE", required = true, description = "The file to write: exactly the compact JWS.")
    Path out;

    @Option(names = "--as-of", paramLabel = "DATE",
            description = "Revocations that took effect by this day are in the list (yyyy-MM-dd). Default: today.")
    LocalDate asOf;

    @Spec
    CommandSpec spec;

    /** When the list is made; tests fix it. */
    Clock clock = Clock.systemUTC();

    @Override
    public Integer call() {
        BadgeKey badge = loadKey();
        LocalDate date = asOf != null ? asOf : LocalDate.now(clock);
        String url;
        List<StatusEntry> entries;
        try (JdbcCertificateRegister reg = RegisterOption.openForReading(register)) {
            url = reg.statusListUrl().orElseThrow(() -> QipException.badInput("the register " + register + " has no status list"
                    + " yet: qip certify --status-list-url URL gives its Open Badges credentials places in one"));
            entries = reg.statusEntries();
        } catch (RegisterException e) {
            throw QipException.badInput(e.getMessage(), e);
        }
        StatusList list = StatusList.of(entries, date);
        String jws = list.jwt(url, badge, clock.instant());
        try {
            Path dir = out.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, ".qip-status-list", ".tmp");
            try {
                // exactly the compact JWS, no line feed: it is served as it is
                Files.writeString(tmp, jws, StandardCharsets.US_ASCII);
                Files.move(tmp, out, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw QipException.failed("cannot write " + out + ": " + e.getMessage(), e);
        }
        PrintWriter o = spec.commandLine().getOut();
        o.println(String.format(Locale.ROOT, "wrote %s: %,d credentials, %,d revoked as of %s, in a list of %,d places;"
                + " publish it at %s", out, entries.size(), list.revokedCount(), date, list.length(), url));
        o.flush();
        return ExitCodes.OK;
    }

    private BadgeKey loadKey() {
        String name = key.getFileName().toString();
        if (!name.contains("private")) {
            throw QipException.badInput("cannot guess the public key's file from " + key
                    + " (expected a name with \"private\" in it, like badge-private.pem)");
        }
        Path pub = key.resolveSibling(name.replace("private", "public"));
        for (Path f : new Path[] {key, pub}) {
            if (!Files.isRegularFile(f)) {
                throw QipException.badInput("cannot read the key file " + f + ": no such file (qip keys generate --out DIR"
                        + " writes badge-private.pem and badge-public.pem)");
            }
        }
        try {
            return BadgeKey.load(key, pub);
        } catch (IllegalArgumentException | UncheckedIOException e) {
            throw QipException.badInput(e.getMessage(), e);
        }
    }
}
