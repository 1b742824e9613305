package org.qipathways.certification.jdbc;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.random.RandomGenerator;
import org.qipathways.certification.AuditAction;
import org.qipathways.certification.AuditEntry;
import org.qipathways.certification.Certificate;
import org.qipathways.certification.CertificateId;
import org.qipathways.certification.CertificateRegister;
import org.qipathways.certification.CertificateStatus;
import org.qipathways.certification.RegisterConflictException;
import org.qipathways.certification.RegisterException;
import org.qipathways.certification.RegisterUpdate;
import org.qipathways.certification.StatusChange;
import org.qipathways.certification.StatusEntry;
import org.qipathways.certification.StatusList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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

    private static final Logger LOG = LoggerFactory.getLogger(JdbcCertificateRegister.class);

    /** Opens a connection to the register's database; lets tests and applications supply their own. */
    @FunctionalInterface
    public interface ConnectionFactory {
        /** A new connection. */
        Connection connect() throws SQLException;
    }

    /** The migration scripts, in order: script n brings the schema to version n. */
    static final List<String> MIGRATIONS = List.of("V1__certificate_register.sql", "V2__status_list.sql");

    private static final String COLUMNS = "id, learner_id, programme_code, programme_version, tier, achieved_on, valid_from,"
            + " valid_until, issued_at, supersedes, evidence_digest, status, status_on, status_reason, status_actor";

    /** How many learner ids go into one IN list. */
    private static final int IN_LIST = 500;

    private final Connection connection;
    private final Dialect dialect;
    private final String name;
    /** Opened for reading: nothing is migrated or written, and a missing file is not created. */
    private final boolean readOnly;
    private final RandomGenerator random = new SecureRandom();

    private JdbcCertificateRegister(Connection connection, Dialect dialect, String name, boolean readOnly) {
        this.connection = connection;
        this.dialect = dialect;
        this.name = name;
        this.readOnly = readOnly;
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
            JdbcCertificateRegister register = new JdbcCertificateRegister(c, dialect, name, readOnly);
            if (readOnly) {
                register.checkReadable();
            } else {
                register.migrate();
            }
            return register;
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

    /** For a register opened to read: that it is one, at a schema version this library knows. */
    private void checkReadable() throws SQLException {
        boolean known;
        try (ResultSet rs = connection.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
            known = false;
            while (rs.next()) {
                known |= "schema_version".equalsIgnoreCase(rs.getString("TABLE_NAME"));
            }
        }
        if (!known) {
            throw new RegisterException("cannot read the certificate register " + name
                    + ": it is not a certificate register (it has no schema_version table); check the URL", null);
        }
        int current = schemaVersion();
        if (current > MIGRATIONS.size()) {
            throw new RegisterException("the certificate register " + name + " is at schema version " + current
                    + ", newer than this version of QI Pathways knows (" + MIGRATIONS.size() + "): upgrade it", null);
        }
    }

    private void requireWritable(String what) {
        if (readOnly) {
            throw new RegisterException("certificate register " + name + " was opened for reading: cannot " + what, null);
        }
    }

    /** The schema version the database is at. */
    public synchronized int schemaVersion() {
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(version), 0) FROM schema_version")) {
            rs.next();
            return rs.getInt(1);
        } catch (SQLException e) {
            throw failed("read the schema version", e);
        }
    }

    private void migrate() throws SQLException {
        dialect.begin(connection);
        try {
            dialect.lockForMigration(connection);
            try (Statement s = connection.createStatement()) {
                s.execute(dialect.schemaVersionTable());
            }
            int current;
            try (Statement s = connection.createStatement();
                 ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(version), 0) FROM schema_version")) {
                rs.next();
                current = rs.getInt(1);
            }
            if (current > MIGRATIONS.size()) {
                throw new RegisterException("the certificate register " + name + " is at schema version " + current
                        + ", newer than this version of QI Pathways knows (" + MIGRATIONS.size() + "): upgrade it", null);
            }
            for (int v = current + 1; v <= MIGRATIONS.size(); v++) {
                String script = MIGRATIONS.get(v - 1);
                for (String sql : statements(read(dialect.folder + "/" + script))) {
                    try (Statement s = connection.createStatement()) {
                        s.execute(sql);
                    }
                }
                try (PreparedStatement ps = connection.prepareStatement(
                        "INSERT INTO schema_version (version, description) VALUES (?, ?)")) {
                    ps.setInt(1, v);
                    ps.setString(2, script);
                    ps.executeUpdate();
                }
                LOG.info("certificate register {}: schema migrated to version {} ({})", name, v, script);
            }
            dialect.commit(connection);
        } catch (SQLException | RuntimeException e) {
            rollbackQuietly(e);
            throw e;
        }
    }

    static String read(String resource) {
        try (InputStream in = JdbcCertificateRegister.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("migration " + resource + " is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Splits a script into statements: each ends with ';' at the end of a line outside $$ quotes; -- comments dropped. */
    static List<String> statements(String script) {
        List<String> out = new ArrayList<>();
        StringBuilder sb = new StringBuilder();
        boolean dollar = false;
        for (String line : script.split("\r?\n")) {
            String t = line.strip();
            if (!dollar && (t.isEmpty() || t.startsWith("--"))) {
                continue;
            }
            int at = 0;
            while ((at = line.indexOf("$$", at)) >= 0) {
                dollar = !dollar;
                at += 2;
            }
            sb.append(line).append('\n');
            if (!dollar && t.endsWith(";")) {
                String sql = sb.toString().strip();
                out.add(sql.substring(0, sql.length() - 1));
                sb.setLength(0);
            }
        }
        if (!sb.toString().isBlank()) {
            throw new IllegalStateException("migration script ends inside a statement: " + sb);
        }
        return out;
    }

    @Override
    public synchronized List<Certificate> certificates(String programmeCode) {
        try (PreparedStatement ps = connection.prepareStatement("SELECT " + COLUMNS
                + " FROM certificate WHERE programme_code = ? ORDER BY learner_id, tier, valid_from")) {
            ps.setString(1, programmeCode);
            return read(ps);
        } catch (SQLException e) {
            throw failed("read certificates", e);
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
                try (PreparedStatement ps = connection.prepareStatement("SELECT " + COLUMNS
                        + " FROM certificate WHERE programme_code = ? AND learner_id IN (" + marks + ")")) {
                    ps.setString(1, programmeCode);
                    for (int i = 0; i < part.size(); i++) {
                        ps.setString(i + 2, part.get(i));
                    }
                    out.addAll(read(ps));
                }
            }
        } catch (SQLException e) {
            throw failed("read certificates", e);
        }
        out.sort(java.util.Comparator.comparing(Certificate::learnerId).thenComparing(Certificate::tier)
                .thenComparing(Certificate::validFrom));
        return out;
    }

    @Override
    public synchronized Optional<Certificate> find(CertificateId id) {
        try (PreparedStatement ps = connection.prepareStatement("SELECT " + COLUMNS + " FROM certificate WHERE id = ?")) {
            ps.setString(1, id.value());
            List<Certificate> found = read(ps);
            return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
        } catch (SQLException e) {
            throw failed("read certificate " + id, e);
        }
    }

    private static List<Certificate> read(PreparedStatement ps) throws SQLException {
        List<Certificate> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(certificate(rs));
            }
        }
        return out;
    }

    private static Certificate certificate(ResultSet rs) throws SQLException {
        String supersedes = rs.getString("supersedes");
        return new Certificate(new CertificateId(rs.getString("id")), rs.getString("learner_id"),
                rs.getString("programme_code"), rs.getString("programme_version"), rs.getString("tier"),
                date(rs.getString("achieved_on")), date(rs.getString("valid_from")), date(rs.getString("valid_until")),
                Instant.parse(rs.getString("issued_at")), supersedes == null ? null : new CertificateId(supersedes),
                rs.getString("evidence_digest"), CertificateStatus.valueOf(rs.getString("status")),
                date(rs.getString("status_on")), rs.getString("status_reason"), rs.getString("status_actor"));
    }

    private static LocalDate date(String text) {
        return text == null ? null : LocalDate.parse(text.strip());
    }

    @Override
    public synchronized void apply(RegisterUpdate update) {
        if (update.isEmpty()) {
            return;
        }
        requireWritable("write certificates");
        try {
            dialect.begin(connection);
            if (!update.issued().isEmpty()) {
                try (PreparedStatement ps = connection.prepareStatement("INSERT INTO certificate (" + COLUMNS
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
                        ps.setString(++i, text(c.validUntil()));
                        ps.setString(++i, c.issuedAt().toString());
                        ps.setString(++i, c.supersedes() == null ? null : c.supersedes().value());
                        ps.setString(++i, c.evidenceDigest());
                        ps.setString(++i, c.status().name());
                        ps.setString(++i, text(c.statusOn()));
                        ps.setString(++i, c.statusReason());
                        ps.setString(++i, c.statusActor());
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
            }
            if (!update.changes().isEmpty()) {
                try (PreparedStatement ps = connection.prepareStatement("UPDATE certificate SET status = ?, status_on = ?,"
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
                try (PreparedStatement ps = connection.prepareStatement(
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
            dialect.commit(connection);
        } catch (SQLException e) {
            rollbackQuietly(e);
            if (isUniqueViolation(e)) {
                throw new RegisterConflictException("another writer issued the same certificate first: " + e.getMessage(), e);
            }
            throw failed("write to the register (nothing was written)", e);
        } catch (RuntimeException e) {
            rollbackQuietly(e);
            throw e;
        }
    }

    private boolean isUniqueViolation(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s) {
                for (SQLException n = s; n != null; n = n.getNextException()) {
                    if (dialect.isUniqueViolation(n)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static String text(LocalDate date) {
        return date == null ? null : date.toString();
    }

    @Override
    public synchronized List<AuditEntry> auditTrail(CertificateId id) {
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT at, actor, action, certificate_id, reason FROM audit WHERE certificate_id = ? ORDER BY seq")) {
            ps.setString(1, id.value());
            return readAudit(ps);
        } catch (SQLException e) {
            throw failed("read the audit trail", e);
        }
    }

    @Override
    public synchronized List<AuditEntry> auditTrail() {
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT at, actor, action, certificate_id, reason FROM audit ORDER BY seq")) {
            return readAudit(ps);
        } catch (SQLException e) {
            throw failed("read the audit trail", e);
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
        requireWritable("record issuer key " + keyId);
        try {
            dialect.begin(connection);
            try (PreparedStatement ps = connection.prepareStatement("INSERT INTO issuer_key (key_id, public_key) VALUES (?, ?)")) {
                ps.setString(1, keyId);
                ps.setString(2, publicKeyPem);
                ps.executeUpdate();
            }
            dialect.commit(connection);
        } catch (SQLException e) {
            rollbackQuietly(e);
            if (!isUniqueViolation(e)) {
                throw failed("record issuer key " + keyId, e);
            }
            // another run recorded the same key first
        }
    }

    @Override
    public synchronized Optional<String> issuerKey(String keyId) {
        try (PreparedStatement ps = connection.prepareStatement("SELECT public_key FROM issuer_key WHERE key_id = ?")) {
            ps.setString(1, keyId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw failed("read issuer key " + keyId, e);
        }
    }

    // ---- the status list ---------------------------------------------------------------------

    /** The certificate columns, as read from a join with {@code certificate c}. */
    private static final String JOINED_COLUMNS = "c." + COLUMNS.replace(", ", ", c.");

    /** How often a status list assignment that met another writer's is tried again. */
    private static final int STATUS_ATTEMPTS = 5;

    /** Whether the schema has the status list (version 2); a register read as it is may be older. */
    private boolean hasStatusList() {
        return schemaVersion() >= 2;
    }

    private Optional<Integer> listId() throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SELECT MIN(id) FROM status_list")) {
            rs.next();
            int id = rs.getInt(1);
            return rs.wasNull() ? Optional.empty() : Optional.of(id);
        }
    }

    @Override
    public synchronized Optional<String> statusListUrl() {
        if (!hasStatusList()) {
            return Optional.empty();
        }
        try (PreparedStatement ps = connection.prepareStatement("SELECT url FROM status_list ORDER BY id")) {
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw failed("read the status list URL", e);
        }
    }

    @Override
    public synchronized void setStatusListUrl(String url) {
        StatusList.checkUrl(url);
        Optional<String> current = statusListUrl();
        if (current.isEmpty()) {
            requireWritable("set the status list URL");
            try {
                dialect.begin(connection);
                try (PreparedStatement ps = connection.prepareStatement("INSERT INTO status_list (id, url) VALUES (1, ?)")) {
                    ps.setString(1, url);
                    ps.executeUpdate();
                }
                dialect.commit(connection);
                return;
            } catch (SQLException e) {
                rollbackQuietly(e);
                if (!isUniqueViolation(e)) {
                    throw failed("set the status list URL", e);
                }
                // another run set it first: it must be the same URL
                current = statusListUrl();
            }
        }
        if (!current.orElseThrow().equals(url)) {
            throw new IllegalArgumentException("the certificate register " + name + " publishes its status list at "
                    + current.get() + ", not " + url + ": every credential already handed out names that URL");
        }
    }

    @Override
    public synchronized Map<CertificateId, Integer> statusIndexes(Collection<CertificateId> ids) {
        List<CertificateId> wanted = new ArrayList<>(new java.util.LinkedHashSet<>(ids));
        if (wanted.isEmpty()) {
            return Map.of();
        }
        try {
            if (hasStatusList()) {
                Map<CertificateId, Integer> found = readIndexes(wanted);
                if (found.size() == wanted.size()) {
                    return ordered(wanted, found);
                }
            }
            requireWritable("give certificates places in the status list");
            int list = listId().orElseThrow(() -> new IllegalStateException("the certificate register " + name
                    + " has no status list URL yet: set one first (qip certify --status-list-url URL)"));
            for (int attempt = 1; ; attempt++) {
                try {
                    dialect.begin(connection);
                    Map<CertificateId, Integer> found = readIndexes(wanted);
                    BitSet used = new BitSet();
                    int count = 0;
                    try (PreparedStatement ps = connection.prepareStatement("SELECT status_index FROM status_entry WHERE list_id = ?")) {
                        ps.setInt(1, list);
                        try (ResultSet rs = ps.executeQuery()) {
                            while (rs.next()) {
                                used.set(rs.getInt(1));
                                count++;
                            }
                        }
                    }
                    List<CertificateId> missing = wanted.stream().filter(id -> !found.containsKey(id)).toList();
                    // Random places, so that an index says nothing of when, or to whom, a credential was
                    // issued; the list doubles before it is half full, so a free place is quick to find.
                    long length = StatusList.MIN_LENGTH;
                    while ((long) (count + missing.size()) * 2 > length) {
                        length *= 2;
                    }
                    if (length > Integer.MAX_VALUE) {
                        throw new IllegalStateException("the status list of " + name + " is full");
                    }
                    try (PreparedStatement ps = connection.prepareStatement(
                            "INSERT INTO status_entry (certificate_id, list_id, status_index) VALUES (?, ?, ?)")) {
                        for (CertificateId id : missing) {
                            int index;
                            do {
                                index = random.nextInt((int) length);
                            } while (used.get(index));
                            used.set(index);
                            found.put(id, index);
                            ps.setString(1, id.value());
                            ps.setInt(2, list);
                            ps.setInt(3, index);
                            ps.addBatch();
                        }
                        ps.executeBatch();
                    }
                    dialect.commit(connection);
                    if (!missing.isEmpty()) {
                        LOG.info("certificate register {}: gave {} certificates places in the status list", name, missing.size());
                    }
                    return ordered(wanted, found);
                } catch (SQLException e) {
                    rollbackQuietly(e);
                    if (isUniqueViolation(e) && attempt < STATUS_ATTEMPTS) {
                        // another run gave the same place, or the same certificate a place, first: read again
                        continue;
                    }
                    throw failed("give certificates places in the status list (nothing was written)", e);
                } catch (RuntimeException e) {
                    rollbackQuietly(e);
                    throw e;
                }
            }
        } catch (SQLException e) {
            throw failed("read the status list", e);
        }
    }

    private Map<CertificateId, Integer> readIndexes(List<CertificateId> ids) throws SQLException {
        Map<CertificateId, Integer> out = new java.util.HashMap<>();
        for (int from = 0; from < ids.size(); from += IN_LIST) {
            List<CertificateId> part = ids.subList(from, Math.min(ids.size(), from + IN_LIST));
            String marks = String.join(", ", java.util.Collections.nCopies(part.size(), "?"));
            try (PreparedStatement ps = connection.prepareStatement(
                    "SELECT certificate_id, status_index FROM status_entry WHERE certificate_id IN (" + marks + ")")) {
                for (int i = 0; i < part.size(); i++) {
                    ps.setString(i + 1, part.get(i).value());
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.put(new CertificateId(rs.getString(1)), rs.getInt(2));
                    }
                }
            }
        }
        return out;
    }

    private static Map<CertificateId, Integer> ordered(List<CertificateId> ids, Map<CertificateId, Integer> found) {
        Map<CertificateId, Integer> out = new LinkedHashMap<>();
        ids.forEach(id -> out.put(id, found.get(id)));
        return java.util.Collections.unmodifiableMap(out);
    }

    @Override
    public synchronized List<StatusEntry> statusEntries() {
        if (!hasStatusList()) {
            return List.of();
        }
        try (PreparedStatement ps = connection.prepareStatement("SELECT " + JOINED_COLUMNS + ", e.status_index"
                + " FROM status_entry e JOIN certificate c ON c.id = e.certificate_id ORDER BY e.status_index")) {
            return readEntries(ps);
        } catch (SQLException e) {
            throw failed("read the status list", e);
        }
    }

    @Override
    public synchronized Optional<StatusEntry> statusEntry(int index) {
        if (!hasStatusList()) {
            return Optional.empty();
        }
        try (PreparedStatement ps = connection.prepareStatement("SELECT " + JOINED_COLUMNS + ", e.status_index"
                + " FROM status_entry e JOIN certificate c ON c.id = e.certificate_id WHERE e.status_index = ?")) {
            ps.setInt(1, index);
            List<StatusEntry> found = readEntries(ps);
            return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
        } catch (SQLException e) {
            throw failed("read status list place " + index, e);
        }
    }

    private static List<StatusEntry> readEntries(PreparedStatement ps) throws SQLException {
        List<StatusEntry> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new StatusEntry(certificate(rs), rs.getInt("status_index")));
            }
        }
        return out;
    }

    @Override
    public synchronized void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw failed("close", e);
        }
    }

    @Override
    public String toString() {
        return "certificate register " + name;
    }

    private void rollbackQuietly(Exception cause) {
        try {
            dialect.rollback(connection);
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    private RegisterException failed(String what, SQLException e) {
        return new RegisterException("certificate register " + name + ": cannot " + what + ": " + e.getMessage(), e);
    }

    /** The URL without a password, for messages. */
    static String redact(String url) {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***").replaceAll("//([^/:@]+):[^/@]*@", "//$1:***@");
    }
}
