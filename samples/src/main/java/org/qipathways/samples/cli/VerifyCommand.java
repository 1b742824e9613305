package org.qipathways.samples.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.qipathways.certification.BadgePublicKey;
import org.qipathways.certification.Certificate;
import org.qipathways.certification.CertificateRegister;
import org.qipathways.certification.CertificateVerifier;
import org.qipathways.certification.IssuerPublicKey;
import org.qipathways.certification.OpenBadgesVerifier;
import org.qipathways.certification.RegisterException;
import org.qipathways.certification.Verification;
import org.qipathways.certification.jdbc.JdbcCertificateRegister;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code qip verify}: checks a signed certificate ({@code ID.json}) or an Open Badges credential
 * ({@code ID.ob3.jwt}) and says VALID, EXPIRED, REVOKED, TAMPERED or UNKNOWN. It only reads: a
 * register that is not there is an error, never a new empty one.
 * <pre>{@code
 * $ qip verify certificates/7KQ2M9XH4CT.json --register jdbc:sqlite:register.db
 * VALID: valid from 2024-07-01 to 2026-09-01; signed by sha256:3f9a...; not revoked
 * $ qip verify 7KQ2M9XH4CT.ob3.jwt --key badge-public.pem --status-list qip-bsg-status.jwt
 * REVOKED: revoked: the issuer's status list of 2026-03-31T06:00:00Z has the credential's bit (48213) set
 * }</pre>
 */
@Command(name = "verify",
        description = {"Check a signed certificate (ID.json from qip certify) or an Open Badges credential (ID.ob3.jwt):"
                + " that it is unchanged, that a trusted issuer key signed it, that it has not expired, and, given the"
                + " register or (for a credential) the issuer's published status list, that it is not revoked.",
                "Trusted keys: those given with --key (issuer-public.pem for ID.json, badge-public.pem for ID.ob3.jwt), and"
                        + " those the register recorded. Give at least one of the two. The register is only read."},
        footer = {"", "Prints VALID, EXPIRED, REVOKED, TAMPERED or UNKNOWN (not in the register given, or a status list that"
                + " cannot be trusted), a colon and why.",
                "Exit codes: 0 VALID; 1 EXPIRED or REVOKED; 2 TAMPERED, UNKNOWN, a register or status list that cannot be"
                        + " read, or bad input or usage."})
final class VerifyCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", description = "The signed certificate (ID.json) or Open Badges credential (ID.ob3.jwt).")
    Path file;

    @Option(names = "--register", paramLabel = "JDBC-URL", description = RegisterOption.READ_DESCRIPTION
            + " Checks revocation, and trusts the issuer keys recorded there.")
    String register;

    @Option(names = "--key", paramLabel = "PEM", description = "A trusted issuer public key (X.509 PEM, Ed25519 or P-256); repeatable.")
    List<Path> keys = new ArrayList<>();

    @Option(names = "--status-list", paramLabel = "FILE",
            description = "The issuer's status list, as published at the credential's statusListCredential URL (qip"
                    + " status-list writes it): checks an Open Badges credential's revocation without the register.")
    Path statusList;

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
            throw QipException.badInput("give the issuer's public key (--key issuer-public.pem, or badge-public.pem for an Open"
                    + " Badges credential) or the register (--register URL): without one, nothing says who may sign");
        }
        List<IssuerPublicKey> certificateKeys = new ArrayList<>();
        List<BadgePublicKey> badgeKeys = new ArrayList<>();
        for (Path k : keys) {
            readKey(k, certificateKeys, badgeKeys);
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
        String text = new String(bytes, StandardCharsets.UTF_8);
        boolean credential = OpenBadgesVerifier.looksLikeJws(text);
        String list = null;
        if (statusList != null) {
            if (!credential) {
                throw QipException.badInput("--status-list checks Open Badges credentials (ID.ob3.jwt); " + file
                        + " is not one: check a signed certificate's revocation with --register");
            }
            try {
                list = Files.readString(statusList, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw QipException.badInput("cannot read the status list " + statusList + ": "
                        + (Files.isDirectory(statusList) ? "it is a directory" : "no such file"), e);
            }
        }
        LocalDate date = asOf != null ? asOf : LocalDate.now();
        Verification v;
        if (register == null) {
            v = verify(credential, text, bytes, list, date, certificateKeys, badgeKeys, null);
        } else {
            // Exit 1 means EXPIRED or REVOKED here, so a register that cannot be read is exit 2: not checked.
            try (JdbcCertificateRegister reg = RegisterOption.openForReading(register)) {
                v = verify(credential, text, bytes, list, date, certificateKeys, badgeKeys, reg);
            } catch (RegisterException e) {
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

    private static Verification verify(boolean credential, String text, byte[] bytes, String list, LocalDate date,
                                       List<IssuerPublicKey> certificateKeys, List<BadgePublicKey> badgeKeys,
                                       CertificateRegister reg) {
        return credential
                ? OpenBadgesVerifier.of(badgeKeys, reg).verify(text, list, date)
                : CertificateVerifier.of(certificateKeys, reg).verify(bytes, date);
    }

    /** A trusted key of either kind: Ed25519 for signed certificates, P-256 for Open Badges credentials. */
    private static void readKey(Path k, List<IssuerPublicKey> certificateKeys, List<BadgePublicKey> badgeKeys) {
        if (!Files.isRegularFile(k)) {
            throw QipException.badInput("cannot read the key file " + k + ": no such file");
        }
        String pem;
        try {
            pem = Files.readString(k, StandardCharsets.US_ASCII);
        } catch (IOException | UncheckedIOException e) {
            throw QipException.badInput("cannot read the key file " + k + ": " + e.getMessage(), e);
        }
        try {
            certificateKeys.add(IssuerPublicKey.fromPem(pem, k.toString()));
            return;
        } catch (IllegalArgumentException notEd25519) {
            try {
                badgeKeys.add(BadgePublicKey.fromPem(pem, k.toString()));
            } catch (IllegalArgumentException notP256) {
                throw QipException.badInput(k + ": neither an Ed25519 nor a P-256 public key in X.509 PEM"
                        + " (give issuer-public.pem or badge-public.pem)", notP256);
            }
        }
    }
}
