package org.qipathways.certification.jdbc;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import org.qipathways.certification.AuditAction;
import org.qipathways.certification.AuditEntry;
import org.qipathways.certification.Certificate;
import org.qipathways.certification.CertificateId;
import org.qipathways.certification.CertificateRegister;
import org.qipathways.certification.RegisterConflictException;
import org.qipathways.certification.RegisterException;
import org.qipathways.certification.RegisterUpdate;
import org.qipathways.certification.StatusChange;
import org.qipathways.certification.StatusEntry;

/**
 * The certificate register in a SQL database through JDBC: a SQLite file (the embedded default,
 * nothing to install) or PostgreSQL. Opening it creates or upgrades its tables with the versioned
 * migrations beside this class, recorded in a {@code schema_version} table.
 *
 * <p>Every update is one transaction. The table's unique keys (the id, and one certificate per
 * programme, tier, learner and validFrom) and status changes made only from the expected status turn a
 * second writer's attempt into a {@link RegisterConflictException} with nothing written. On SQLite the
 * database runs in WAL mode and a writer waits up to a minute for another one. The audit trail is
 * append-only in the database itself: triggers refuse to change or delete its rows, or to delete
 * certificates. The JDBC driver must be on the class path ({@code org.xerial:sqlite-jdbc},
 * {@code org.postgresql:postgresql}). One register holds one connection; its methods are synchronised.
 * <pre>{@code
 * try (CertificateRegister register = JdbcCertificateRegister.open("jdbc:sqlite:register.db")) {
 *     Optional<Certificate> c = register.find(CertificateId.parse("7KQ2M9XH4CT"));
 * }
 * // or: JdbcCertificateRegister.open("jdbc:postgresql://localhost/qip?user=qip&password=...")
 * // to check certificates, never creating or changing a register:
 * try (CertificateRegister register = JdbcCertificateRegister.openForReading("jdbc:sqlite:register.db")) { ... }
 * }</pre>
 */
public final class JdbcCertificateRegister implements CertificateRegister {

    /** Opens a connection to the register's database; lets tests and applications supply their own. */
    @FunctionalInterface
    public interface ConnectionFactory {
        /** A new connection. */
        Connection connect() throws SQLException;
    }

    /** How many learner ids go into one IN list. */
    static final int IN_LIST = 500;

    private final RegisterDatabase db;
    private final StatusListTable statusList;

    private JdbcCertificateRegister(RegisterDatabase db) {
        this.db = db;
        this.statusList = new StatusListTable(db);
    }

    /**
     * Opens the register at a JDBC URL ({@code jdbc:sqlite:FILE} or {@code jdbc:postgresql://...}),
     * creating or upgrading its tables.
     *
     * @throws RegisterException when the database cannot be opened, is of another kind, or has a schema
     *                           newer than this library knows
     */
    public static JdbcCertificateRegister open(String url) {
        Objects.requireNonNull(url, "url");
        return open(redact(url), () -> DriverManager.getConnection(url));
    }

    /**
     * Opens the register on connections from {@code factory}; {@code name} says which database in
     * messages (never put a password in it).
     */
    public static JdbcCertificateRegister open(String name, ConnectionFactory factory) {
        return open(name, factory, false);
    }

    /**
     * Opens an existing register to read it, for checking certificates: its schema is not created or
     * upgraded, nothing can be written, and a SQLite file that does not exist is an error rather than
     * a new empty register (SQLite's default would create one, and every genuine certificate would then
     * look unknown). A register at an older schema version is read as it is: what it lacks (status list
     * places before version 2) reads as empty.
     *
     * @throws RegisterException when there is no such database or file, it is not a certificate register,
     *                           or its schema is newer than this library knows
     */
    public static JdbcCertificateRegister openForReading(String url) {
        Objects.requireNonNull(url, "url");
        String name = redact(url);
        Path file = sqliteFile(url);
        if (file != null && !Files.isRegularFile(file)) {
            throw new RegisterException("cannot read the certificate register " + name + ": there is no file " + file
                    + (Files.isDirectory(file) ? " (it is a directory)" : "") + "; check the path (reading a register never creates one)", null);
        }
        return open(name, () -> {
            if (file == null) {
                Connection c = DriverManager.getConnection(url);
                c.setReadOnly(true);
                return c;
            }
            // SQLite's driver opens read-only only when asked before connecting (SQLITE_OPEN_READONLY)
            Properties readOnly = new Properties();
            readOnly.setProperty("open_mode", "1");
            return DriverManager.getConnection(url, readOnly);
        }, true);
    }

    /** The file of a {@code jdbc:sqlite:} URL; null for other databases and in-memory ones. */
    static Path sqliteFile(String url) {
        if (!url.startsWith("jdbc:sqlite:")) {
            return null;
        }
        String rest = url.substring("jdbc:sqlite:".length());
        int query = rest.indexOf('?');
        if (query >= 0) {
            rest = rest.substring(0, query);
        }
        if (rest.startsWith("file:")) {
            rest = rest.substring("file:".length());
        }
        if (rest.isEmpty() || rest.equals(":memory:") || rest.startsWith(":resource:")) {
            return null;
        }
        return Path.of(rest);
    }

    private static JdbcCertificateRegister open(String name, ConnectionFactory factory, boolean readOnly) {
        Connection c;
        try {
            c = factory.connect();
        } catch (SQLException e) {
            String reason = e.getMessage();
            if (reason != null && reason.startsWith("No suitable driver")) {
                reason = "no JDBC driver for it: give jdbc:sqlite:FILE or jdbc:postgresql://HOST[:PORT]/DATABASE";
            }
            throw new RegisterException("cannot " + (readOnly ? "read" : "open") + " the certificate register " + name + ": " + reason, e);
        }
        try {
            Dialect dialect = Dialect.of(c.getMetaData().getDatabaseProductName());
            if (dialect == null) {
                throw new RegisterException("the certificate register " + name + " is a "
                        + c.getMetaData().getDatabaseProductName() + " database; use SQLite or PostgreSQL", null);
            }
            dialect.prepare(c, readOnly);
            RegisterDatabase db = new RegisterDatabase(c, dialect, name, readOnly);
            if (readOnly) {
                Migrations.checkReadable(db);
            } else {
                Migrations.migrate(db);
            }
            return new JdbcCertificateRegister(db);
        } catch (SQLException | RuntimeException e) {
            try {
                c.close();
            } catch (SQLException suppressed) {
                e.addSuppressed(suppressed);
            }
            if (e instanceof RegisterException re) {
                throw re;
            }
            throw new RegisterException("cannot " + (readOnly ? "read" : "open") + " the certificate register " + name + ": " + e.getMessage(), e);
        }
    }

    /** The schema version the database is at. */
    public synchronized int schemaVersion() {
        return db.schemaVersion();
    }

    @Override
    public synchronized List<Certificate> certificates(String programmeCode) {
        try (PreparedStatement ps = db.connection.prepareStatement("SELECT " + CertificateRows.COLUMNS
                + " FROM certificate WHERE programme_code = ? ORDER BY learner_id, tier, valid_from")) {
            ps.setString(1, programmeCode);
            return CertificateRows.read(ps);
        } catch (SQLException e) {
            throw db.failed("read certificates", e);
        }
    }

    @Override
    public synchronized List<Certificate> certificates(String programmeCode, Collection<String> learnerIds) {
        List<String> ids = List.copyOf(learnerIds);
        List<Certificate> out = new ArrayList<>();
        try {
            for (int from = 0; from < ids.size(); from += IN_LIST) {
                List<String> part = ids.subList(from, Math.min(ids.size(), from + IN_LIST));
                String marks = String.join(", ", java.util.Collections.nCopies(part.size(), "?"));
                try (PreparedStatement ps = db.connection.prepareStatement("SELECT " + CertificateRows.COLUMNS
                        + " FROM certificate WHERE programme_code = ? AND learner_id IN (" + marks + ")")) {
                    ps.setString(1, programmeCode);
                    for (int i = 0; i < part.size(); i++) {
                        ps.setString(i + 2, part.get(i));
                    }
                    out.addAll(CertificateRows.read(ps));
                }
            }
        } catch (SQLException e) {
            throw db.failed("read certificates", e);
        }
        out.sort(java.util.Comparator.comparing(Certificate::learnerId).thenComparing(Certificate::tier)
                .thenComparing(Certificate::validFrom));
        return out;
    }

    @Override
    public synchronized Optional<Certificate> find(CertificateId id) {
        try (PreparedStatement ps = db.connection.prepareStatement("SELECT " + CertificateRows.COLUMNS + " FROM certificate WHERE id = ?")) {
            ps.setString(1, id.value());
            List<Certificate> found = CertificateRows.read(ps);
            return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
        } catch (SQLException e) {
            throw db.failed("read certificate " + id, e);
        }
    }

    @Override
    public synchronized void apply(RegisterUpdate update) {
        if (update.isEmpty()) {
            return;
        }
        db.requireWritable("write certificates");
        try {
            db.begin();
            if (!update.issued().isEmpty()) {
                try (PreparedStatement ps = db.connection.prepareStatement("INSERT INTO certificate (" + CertificateRows.COLUMNS
                        + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                    for (Certificate c : update.issued()) {
                        int i = 0;
                        ps.setString(++i, c.id().value());
                        ps.setString(++i, c.learnerId());
                        ps.setString(++i, c.programmeCode());
                        ps.setString(++i, c.programmeVersion());
                        ps.setString(++i, c.tier());
                        ps.setString(++i, c.achievedOn().toString());
                        ps.setString(++i, c.validFrom().toString());
                        ps.setString(++i, CertificateRows.text(c.validUntil()));
                        ps.setString(++i, c.issuedAt().toString());
                        ps.setString(++i, c.supersedes() == null ? null : c.supersedes().value());
                        ps.setString(++i, c.evidenceDigest());
                        ps.setString(++i, c.status().name());
                        ps.setString(++i, CertificateRows.text(c.statusOn()));
                        ps.setString(++i, c.statusReason());
                        ps.setString(++i, c.statusActor());
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
            }
            if (!update.changes().isEmpty()) {
                try (PreparedStatement ps = db.connection.prepareStatement("UPDATE certificate SET status = ?, status_on = ?,"
                        + " status_reason = ?, status_actor = ? WHERE id = ? AND status = ?")) {
                    for (StatusChange ch : update.changes()) {
                        ps.setString(1, ch.to().name());
                        ps.setString(2, ch.on().toString());
                        ps.setString(3, ch.reason());
                        ps.setString(4, ch.actor());
                        ps.setString(5, ch.id().value());
                        ps.setString(6, ch.from().name());
                        // one at a time: a batch's counts are not reliable on every driver
                        if (ps.executeUpdate() != 1) {
                            throw new RegisterConflictException("certificate " + ch.id() + " is no longer " + ch.from(), null);
                        }
                    }
                }
            }
            if (!update.audit().isEmpty()) {
                try (PreparedStatement ps = db.connection.prepareStatement(
                        "INSERT INTO audit (at, actor, action, certificate_id, reason) VALUES (?, ?, ?, ?, ?)")) {
                    for (AuditEntry a : update.audit()) {
                        ps.setString(1, a.at().toString());
                        ps.setString(2, a.actor());
                        ps.setString(3, a.action().name());
                        ps.setString(4, a.certificateId().value());
                        ps.setString(5, a.reason());
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
            }
            db.commit();
        } catch (SQLException e) {
            db.rollbackQuietly(e);
            if (db.isUniqueViolation(e)) {
                throw new RegisterConflictException("another writer issued the same certificate first: " + e.getMessage(), e);
            }
            throw db.failed("write to the register (nothing was written)", e);
        } catch (RuntimeException e) {
            db.rollbackQuietly(e);
            throw e;
        }
    }

    @Override
    public synchronized List<AuditEntry> auditTrail(CertificateId id) {
        try (PreparedStatement ps = db.connection.prepareStatement(
                "SELECT at, actor, action, certificate_id, reason FROM audit WHERE certificate_id = ? ORDER BY seq")) {
            ps.setString(1, id.value());
            return readAudit(ps);
        } catch (SQLException e) {
            throw db.failed("read the audit trail", e);
        }
    }

    @Override
    public synchronized List<AuditEntry> auditTrail() {
        try (PreparedStatement ps = db.connection.prepareStatement(
                "SELECT at, actor, action, certificate_id, reason FROM audit ORDER BY seq")) {
            return readAudit(ps);
        } catch (SQLException e) {
            throw db.failed("read the audit trail", e);
        }
    }

    private static List<AuditEntry> readAudit(PreparedStatement ps) throws SQLException {
        List<AuditEntry> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new AuditEntry(Instant.parse(rs.getString(1)), rs.getString(2), AuditAction.valueOf(rs.getString(3)),
                        new CertificateId(rs.getString(4)), rs.getString(5)));
            }
        }
        return out;
    }

    @Override
    public synchronized void addIssuerKey(String keyId, String publicKeyPem) {
        if (issuerKey(keyId).isPresent()) {
            return;
        }
        db.requireWritable("record issuer key " + keyId);
        try {
            db.begin();
            try (PreparedStatement ps = db.connection.prepareStatement("INSERT INTO issuer_key (key_id, public_key) VALUES (?, ?)")) {
                ps.setString(1, keyId);
                ps.setString(2, publicKeyPem);
                ps.executeUpdate();
            }
            db.commit();
        } catch (SQLException e) {
            db.rollbackQuietly(e);
            if (!db.isUniqueViolation(e)) {
                throw db.failed("record issuer key " + keyId, e);
            }
            // another run recorded the same key first
        }
    }

    @Override
    public synchronized Optional<String> issuerKey(String keyId) {
        try (PreparedStatement ps = db.connection.prepareStatement("SELECT public_key FROM issuer_key WHERE key_id = ?")) {
            ps.setString(1, keyId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw db.failed("read issuer key " + keyId, e);
        }
    }

    @Override
    public synchronized Optional<String> statusListUrl() {
        return statusList.url();
    }

    @Override
    public synchronized void setStatusListUrl(String url) {
        statusList.setUrl(url);
    }

    @Override
    public synchronized Map<CertificateId, Integer> statusIndexes(Collection<CertificateId> ids) {
        return statusList.indexes(ids);
    }

    @Override
    public synchronized List<StatusEntry> statusEntries() {
        return statusList.entries();
    }

    @Override
    public synchronized Optional<StatusEntry> statusEntry(int index) {
        return statusList.entry(index);
    }

    @Override
    public synchronized void close() {
        try {
            db.connection.close();
        } catch (SQLException e) {
            throw db.failed("close", e);
        }
    }

    @Override
    public String toString() {
        return "certificate register " + db.name;
    }

    /** The URL without a password, for messages. */
    static String redact(String url) {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***").replaceAll("//([^/:@]+):[^/@]*@", "//$1:***@");
    }
}
