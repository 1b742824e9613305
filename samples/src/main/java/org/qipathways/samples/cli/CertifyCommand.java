package org.qipathways.samples.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.qipathways.certification.Certificate;
import org.qipathways.certification.Certifier;
import org.qipathways.certification.CertifyReport;
import org.qipathways.certification.IssuerKey;
import org.qipathways.certification.OpenBadges;
import org.qipathways.certification.RegisterException;
import org.qipathways.certification.SignedCertificate;
import org.qipathways.certification.jdbc.JdbcCertificateRegister;
import org.qipathways.programme.Programme;
import org.qipathways.record.LearnerRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code qip certify}: brings the certificate register in line with the learners' progress (issue,
 * renew, lapse, revoke) and writes every certificate of those learners as signed JSON and as an
 * Open Badges 3.0 credential into a directory.
 * <pre>{@code
 * $ qip certify --events events.csv --register jdbc:sqlite:register.db --key keys/issuer-private.pem --out certificates
 * issued 212, renewed 0, lapsed 0, expired 0, revoked 1, unchanged 0
 * }</pre>
 */
@Command(name = "certify",
        description = {"Issue, renew, lapse and revoke certificates in a register, and write them out signed.",
                "Idempotent: run again on the same data it changes nothing. For every certificate of the learners"
                        + " read, DIR gets ID.json (signed; check it with qip verify) and ID.ob3.jwt (an Open Badges 3.0"
                        + " credential), unless they are already there."},
        footer = {"", "Prints: issued N, renewed N, lapsed N, expired N, revoked N, unchanged N (renewed counts regains"
                + " after a lapse; expired counts certificates that ended after being renewed).",
                "Exit codes: 0 done; 1 the register could not be reached or written; 2 bad input or bad usage."})
final class CertifyCommand implements Callable<Integer> {

    @Mixin
    ProgrammeOption programme;

    @Mixin
    LearnerInput input;

    @Mixin
    AsOfOption asOf;

    @Option(names = "--register", paramLabel = "JDBC-URL", required = true, description = RegisterOption.DESCRIPTION)
    String register;

    @Option(names = "--key", paramLabel = "PEM", required = true,
            description = "The issuer's private key (PKCS#8 PEM), e.g. keys/issuer-private.pem from qip keys generate.")
    Path key;

    @Option(names = "--public-key", paramLabel = "PEM",
            description = "The issuer's public key (X.509 PEM). Default: issuer-public.pem beside --key.")
    Path publicKey;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "Where to write the certificates.")
    Path out;

    @Option(names = "--actor", paramLabel = "NAME",
            description = "Who runs this, for the audit trail. Default: qip certify (your user name).")
    String actor;

    @Option(names = "--issuer-name", paramLabel = "NAME",
            description = "The issuer's name in Open Badges credentials. Default: the programme's title.")
    String issuerName;

    @Option(names = "--issuer-url", paramLabel = "URL", description = "The issuer's web site in Open Badges credentials.")
    String issuerUrl;

    @Option(names = "--batch-size", paramLabel = "N", description = "Learners written per transaction. Default: "
            + Certifier.DEFAULT_BATCH_SIZE + ".")
    Integer batchSize;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        Programme p = programme.programme();
        IssuerKey issuerKey = loadKey();
        OpenBadges.Issuer issuer;
        try {
            issuer = new OpenBadges.Issuer(issuerName == null ? p.title() : issuerName, issuerUrl);
        } catch (IllegalArgumentException e) {
            throw QipException.badInput(e.getMessage(), e);
        }
        List<LearnerRecord> records = input.read(p, err);
        LocalDate date = asOf.date();
        String who = actor != null ? actor : "qip certify (" + System.getProperty("user.name", "unknown user") + ")";
        try {
            Files.createDirectories(out);
        } catch (IOException e) {
            throw QipException.failed("cannot create " + out + ": " + e.getMessage(), e);
        }

        CertifyReport report;
        int written;
        try (JdbcCertificateRegister reg = RegisterOption.open(register)) {
            reg.addIssuerKey(issuerKey.publicKey().keyId(), issuerKey.publicKey().pem());
            Certifier certifier = Certifier.of(p, reg, Clock.systemUTC(), who);
            if (batchSize != null) {
                certifier = certifier.withBatchSize(batchSize);
            }
            report = certifier.certify(records, date);
            List<String> learners = new ArrayList<>(records.size());
            records.forEach(r -> learners.add(r.learnerId()));
            written = export(reg.certificates(p.code(), learners), p, issuerKey, issuer);
        } catch (RegisterException e) {
            throw QipException.failed(e.getMessage(), e);
        }
        PrintWriter o = spec.commandLine().getOut();
        o.println("issued " + report.issued() + ", renewed " + report.renewed() + ", lapsed " + report.lapsed()
                + ", expired " + report.expired() + ", revoked " + report.revoked() + ", unchanged " + report.unchanged());
        o.flush();
        report.warnings().forEach(w -> err.println("warning: " + w));
        err.println("certified " + report.learners() + " learners as of " + date + "; wrote " + written
                + " files to " + out + (report.retries() > 0 ? "; " + report.retries() + " batches retried after another run wrote first" : ""));
        err.flush();
        return ExitCodes.OK;
    }

    private IssuerKey loadKey() {
        Path pub = publicKey;
        if (pub == null) {
            String name = key.getFileName().toString();
            if (!name.contains("private")) {
                throw QipException.badInput("give --public-key: cannot guess the public key's file from " + key
                        + " (expected a name with \"private\" in it, like issuer-private.pem)");
            }
            pub = key.resolveSibling(name.replace("private", "public"));
        }
        for (Path f : new Path[] {key, pub}) {
            if (!Files.isRegularFile(f)) {
                throw QipException.badInput("cannot read the key file " + f + ": no such file (qip keys generate --out DIR writes a pair)");
            }
        }
        try {
            return IssuerKey.load(key, pub);
        } catch (IllegalArgumentException | UncheckedIOException e) {
            throw QipException.badInput(e.getMessage(), e);
        }
    }

    /** Temporary files are named {@code .qip-certify-PID-RANDOM.tmp}: the PID tells whose they are. */
    private static final String TMP_PREFIX = ".qip-certify-";

    /** Writes the files of certificates not written yet; returns how many files it wrote. */
    private int export(List<Certificate> certificates, Programme p, IssuerKey key, OpenBadges.Issuer issuer) {
        int n = 0;
        try {
            removeLeftovers(out);
            for (Certificate c : certificates) {
                Path json = out.resolve(c.id() + ".json");
                if (!Files.exists(json)) {
                    writeAtomically(json, SignedCertificate.write(c, p, key));
                    n++;
                }
                Path jwt = out.resolve(c.id() + ".ob3.jwt");
                if (!Files.exists(jwt)) {
                    writeAtomically(jwt, OpenBadges.jwt(c, p, issuer, key) + "\n");
                    n++;
                }
            }
        } catch (IOException e) {
            throw QipException.failed("cannot write certificates to " + out + ": " + e.getMessage(), e);
        }
        return n;
    }

    /**
     * Deletes the temporary files of runs that were killed while writing (their process is gone), so
     * that a rerun leaves the directory as an uninterrupted run would; another run's files in progress
     * are left alone.
     */
    static void removeLeftovers(Path dir) throws IOException {
        try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(dir, TMP_PREFIX + "*.tmp")) {
            for (Path f : leftovers) {
                String name = f.getFileName().toString();
                int end = name.indexOf('-', TMP_PREFIX.length());
                long pid = -1;
                try {
                    pid = Long.parseLong(name.substring(TMP_PREFIX.length(), end < 0 ? TMP_PREFIX.length() : end));
                } catch (NumberFormatException | IndexOutOfBoundsException e) {
                    // not one of ours by name: an older version's, whose writer is long gone
                }
                if (pid != ProcessHandle.current().pid() && (pid < 0 || ProcessHandle.of(pid).isEmpty())) {
                    Files.deleteIfExists(f);
                }
            }
        }
    }

    /**
     * Writes beside the target and moves it into place (an atomic rename), so no one ever sees half a
     * certificate, whenever the process is killed; a leftover temporary file is removed by the next run.
     */
    private static void writeAtomically(Path target, String text) throws IOException {
        Path tmp = Files.createTempFile(target.toAbsolutePath().getParent(),
                TMP_PREFIX + ProcessHandle.current().pid() + "-", ".tmp");
        try {
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
