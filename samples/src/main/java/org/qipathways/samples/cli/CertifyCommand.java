package org.qipathways.samples.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import org.qipathways.certification.BadgeKey;
import org.qipathways.certification.Certificate;
import org.qipathways.certification.CertificateId;
import org.qipathways.certification.Certifier;
import org.qipathways.certification.CertifyReport;
import org.qipathways.certification.IssuerKey;
import org.qipathways.certification.LearnerSecret;
import org.qipathways.certification.OpenBadges;
import org.qipathways.certification.RegisterException;
import org.qipathways.certification.SignedCertificate;
import org.qipathways.certification.StatusList;
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
 * Open Badges 3.0 credential into a directory. The keys are those {@code qip keys generate} writes
 * beside {@code --key}: the Ed25519 pair for the JSON, the P-256 pair for the credentials (ES256) and the
 * learner secret; each credential gets its place in the register's status list.
 * <pre>{@code
 * $ qip certify --events events.csv --register jdbc:sqlite:register.db --key keys/issuer-private.pem \
 *       --status-list-url https://academy.example.org/status/qip-bsg.jwt --out certificates
 * issued 212, renewed 0, lapsed 0, expired 0, revoked 1, unchanged 0
 * }</pre>
 */
@Command(name = "certify",
        description = {"Issue, renew, lapse and revoke certificates in a register, and write them out signed.",
                "Idempotent: run again on the same data it changes nothing. For every certificate of the learners"
                        + " read, DIR gets ID.json (signed; check it with qip verify) and ID.ob3.jwt (an Open Badges 3.0"
                        + " credential, ES256, with its place in the register's status list), unless they are already there"
                        + " (an ID.ob3.jwt of an earlier version, EdDSA, is replaced).",
                "Keys: those qip keys generate --out DIR writes, found beside --key: badge-private.pem and"
                        + " badge-public.pem (the Open Badges key) and learner-secret.key."},
        footer = {"", "Prints: issued N, renewed N, lapsed N, expired N, revoked N, unchanged N (renewed counts regains"
                + " after a lapse; expired counts certificates that ended after being renewed).",
                "Exit codes: 0 done; 1 the register could not be reached or written; 2 bad input (a missing key, no status"
                        + " list URL) or bad usage."})
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

    @Option(names = "--badge-key", paramLabel = "PEM",
            description = "The Open Badges private key (P-256, PKCS#8 PEM); its public half beside it. Default:"
                    + " badge-private.pem beside --key.")
    Path badgeKey;

    @Option(names = "--learner-secret", paramLabel = "FILE",
            description = "The secret that keys learners' pseudonyms in Open Badges credentials. Default: learner-secret.key beside --key.")
    Path learnerSecret;

    @Option(names = "--status-list-url", paramLabel = "URL",
            description = "Where you will publish the register's status list (qip status-list writes it): every Open Badges"
                    + " credential names it, so that holders can check revocation. Needed once; the register keeps it.")
    String statusListUrl;

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
        BadgeKey badge = loadBadgeKey();
        LearnerSecret secret = loadSecret();
        OpenBadges badges;
        try {
            badges = OpenBadges.of(p, new OpenBadges.Issuer(issuerName == null ? p.title() : issuerName, issuerUrl), badge, secret);
            if (statusListUrl != null) {
                StatusList.checkUrl(statusListUrl);
            }
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
            String listUrl = statusList(reg);
            reg.addIssuerKey(issuerKey.publicKey().keyId(), issuerKey.publicKey().pem());
            reg.addIssuerKey(badge.publicKey().keyId(), badge.publicKey().pem());
            Certifier certifier = Certifier.of(p, reg, Clock.systemUTC(), who);
            if (batchSize != null) {
                certifier = certifier.withBatchSize(batchSize);
            }
            report = certifier.certify(records, date);
            List<String> learners = new ArrayList<>(records.size());
            records.forEach(r -> learners.add(r.learnerId()));
            written = export(reg, reg.certificates(p.code(), learners), p, issuerKey, badges, listUrl);
        } catch (RegisterException e) {
            throw QipException.failed(e.getMessage(), e);
        }
        PrintWriter o = spec.commandLine().getOut();
        o.println("issued " + report.issued() + ", renewed " + report.renewed() + ", lapsed " + report.lapsed()
                + ", expired " + report.expired() + ", revoked " + report.revoked() + ", unchanged " + report.unchanged());
        o.flush();
        report.warnings().forEach(w -> err.println("warning: " + w));
        err.println("certified " + report.learners() + " learners as of " + date + "; wrote " + written
                + " files to " + out + (replaced > 0 ? " (replacing " + replaced + " Open Badges credentials of an earlier version)" : "")
                + (report.retries() > 0 ? "; " + report.retries() + " batches retried after another run wrote first" : ""));
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

    /**
     * The register's status list URL: the one it has, or the one given, which it keeps from now on.
     */
    private String statusList(JdbcCertificateRegister reg) {
        if (statusListUrl != null) {
            try {
                reg.setStatusListUrl(statusListUrl);
            } catch (IllegalArgumentException e) {
                throw QipException.badInput(e.getMessage() + "; leave --status-list-url out to use it", e);
            }
            return statusListUrl;
        }
        return reg.statusListUrl().orElseThrow(() -> QipException.badInput("give --status-list-url URL: where you will publish"
                + " the register's status list (qip status-list --register URL --out FILE writes it). Every Open Badges credential"
                + " names it, so that holders and employers can check revocation; the register keeps it for later runs."));
    }

    /** Open Badges credentials replaced because they were of an earlier version, in the last export. */
    private int replaced;
    /** Temporary files are named {@code .qip-certify-PID-RANDOM.tmp}: the PID tells whose they are. */
    private static final String TMP_PREFIX = ".qip-certify-";

    /**
     * Writes the files of certificates not written yet; returns how many files it wrote. Signing is
     * most of the work (two signatures per certificate), and each certificate's files stand alone,
     * so they are signed and written on every core.
     */
    private int export(JdbcCertificateRegister reg, List<Certificate> certificates, Programme p, IssuerKey key,
                       OpenBadges badges, String listUrl) {
        try {
            List<Callable<Void>> writes = new ArrayList<>();
            List<Certificate> credentials = new ArrayList<>();
            removeLeftovers(out);
            // one listing of the directory instead of asking for each file: most runs write into one
            // that holds either none of the files or nearly all of them
            Set<String> present = fileNames(out);
            for (Certificate c : certificates) {
                String json = c.id() + ".json";
                if (!present.contains(json)) {
                    Path target = out.resolve(json);
                    writes.add(() -> writeAtomically(target, SignedCertificate.write(c, p, key)));
                }
                String jwt = c.id() + ".ob3.jwt";
                if (!present.contains(jwt)) {
                    credentials.add(c);
                } else if (!badges.isCurrent(Files.readString(out.resolve(jwt), StandardCharsets.US_ASCII))) {
                    // written by an earlier version (EdDSA, did:key), which Open Badges verifiers refuse
                    credentials.add(c);
                    replaced++;
                }
            }
            Map<CertificateId, Integer> places = reg.statusIndexes(credentials.stream().map(Certificate::id).toList());
            for (Certificate c : credentials) {
                // exactly the compact JWS: no line feed after it
                writes.add(() -> writeAtomically(out.resolve(c.id() + ".ob3.jwt"),
                        badges.jwt(c, new OpenBadges.Status(listUrl, places.get(c.id())))));
            }
            ParallelWrites.run(writes, Runtime.getRuntime().availableProcessors());
            return writes.size();
        } catch (IOException e) {
            throw QipException.failed("cannot write certificates to " + out + ": " + e.getMessage(), e);
        }
    }

    private BadgeKey loadBadgeKey() {
        boolean byDefault = badgeKey == null;
        Path priv = byDefault ? key.resolveSibling(BadgeKey.PRIVATE_FILE) : badgeKey;
        String name = priv.getFileName().toString();
        if (!name.contains("private")) {
            throw QipException.badInput("cannot guess the Open Badges public key's file from " + priv
                    + " (expected a name with \"private\" in it, like badge-private.pem)");
        }
        Path pub = priv.resolveSibling(name.replace("private", "public"));
        for (Path f : new Path[] {priv, pub}) {
            if (!Files.isRegularFile(f)) {
                throw QipException.badInput(byDefault && !Files.exists(priv)
                        ? keyDirectory() + " has no Open Badges key (" + BadgeKey.PRIVATE_FILE + "): it holds only the Ed25519 key"
                        + " of an earlier version. Run qip keys generate --out " + keyDirectory() + " to add the Open Badges key"
                        + " (P-256, ES256) and the learner secret; the keys already there are kept"
                        : "cannot read the key file " + f + ": no such file (qip keys generate --out DIR writes a pair)");
            }
        }
        try {
            return BadgeKey.load(priv, pub);
        } catch (IllegalArgumentException | UncheckedIOException e) {
            throw QipException.badInput(e.getMessage(), e);
        }
    }

    private LearnerSecret loadSecret() {
        Path file = learnerSecret != null ? learnerSecret : key.resolveSibling(LearnerSecret.FILE);
        if (!Files.isRegularFile(file)) {
            throw QipException.badInput("cannot read the learner secret " + file + ": no such file. Run qip keys generate --out "
                    + keyDirectory() + " to add it; the keys already there are kept");
        }
        try {
            return LearnerSecret.load(file);
        } catch (IllegalArgumentException | UncheckedIOException e) {
            throw QipException.badInput(e.getMessage(), e);
        }
    }

    /** The directory of --key, as the user wrote it, for messages that say what to run. */
    private Path keyDirectory() {
        return key.getParent() != null ? key.getParent() : Path.of(".");
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

    /** The names of the files in {@code dir}. */
    private static Set<String> fileNames(Path dir) throws IOException {
        Set<String> names = new HashSet<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path f : files) {
                names.add(f.getFileName().toString());
            }
        }
        return names;
    }

    /** Owner only, as {@link Files#createTempFile} made them; nothing where the file system has no POSIX permissions. */
    private static final FileAttribute<?>[] OWNER_ONLY = FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
            ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(EnumSet.of(PosixFilePermission.OWNER_READ,
                    PosixFilePermission.OWNER_WRITE))}
            : new FileAttribute<?>[0];

    /**
     * Writes beside the target and moves it into place (an atomic rename), so no one ever sees half a
     * certificate, whenever the process is killed; a leftover temporary file is removed by the next run.
     * The temporary file is created and written through one open file (no second open that truncates it).
     */
    private static Void writeAtomically(Path target, String text) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        while (true) {
            Path tmp = dir.resolve(TMP_PREFIX + ProcessHandle.current().pid() + "-"
                    + Long.toUnsignedString(ThreadLocalRandom.current().nextLong()) + ".tmp");
            try (SeekableByteChannel ch = Files.newByteChannel(tmp, EnumSet.of(StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE), OWNER_ONLY)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    ch.write(buffer);
                }
            } catch (FileAlreadyExistsException e) {
                continue; // a name another write took: draw again
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(tmp);
                throw e;
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(tmp);
                throw e;
            }
            return null;
        }
    }
}
