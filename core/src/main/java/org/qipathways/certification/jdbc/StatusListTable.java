package org.qipathways.certification.jdbc;

import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.qipathways.certification.CertificateId;
import org.qipathways.certification.StatusEntry;
import org.qipathways.certification.StatusList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The register's Bitstring status list (schema version 2): the URL it is published at, and each
 * certificate's place in it, given at random and never changed. The register's methods hold its lock
 * when they call these.
 */
final class StatusListTable {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcCertificateRegister.class);

    /** How often a status list assignment that met another writer's is tried again. */
    private static final int STATUS_ATTEMPTS = 5;

    private final RegisterDatabase db;
    private final RandomGenerator random = new SecureRandom();

    StatusListTable(RegisterDatabase db) {
        this.db = db;
    }

    /** Whether the schema has the status list (version 2); a register read as it is may be older. */
    private boolean hasStatusList() {
        return db.schemaVersion() >= 2;
    }

    private Optional<Integer> listId() throws SQLException {
        try (Statement s = db.connection.createStatement(); ResultSet rs = s.executeQuery("SELECT MIN(id) FROM status_list")) {
            rs.next();
            int id = rs.getInt(1);
            return rs.wasNull() ? Optional.empty() : Optional.of(id);
        }
    }

    Optional<String> url() {
        if (!hasStatusList()) {
            return Optional.empty();
        }
        try (PreparedStatement ps = db.connection.prepareStatement("SELECT url FROM status_list ORDER BY id")) {
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw db.failed("read the status list URL", e);
        }
    }

    void setUrl(String url) {
        StatusList.checkUrl(url);
        Optional<String> current = url();
        if (current.isEmpty()) {
            db.requireWritable("set the status list URL");
            try {
                db.begin();
                try (PreparedStatement ps = db.connection.prepareStatement("INSERT INTO status_list (id, url) VALUES (1, ?)")) {
                    ps.setString(1, url);
                    ps.executeUpdate();
                }
                db.commit();
                return;
            } catch (SQLException e) {
                db.rollbackQuietly(e);
                if (!db.isUniqueViolation(e)) {
                    throw db.failed("set the status list URL", e);
                }
                // another run set it first: it must be the same URL
                current = url();
            }
        }
        if (!current.orElseThrow().equals(url)) {
            throw new IllegalArgumentException("the certificate register " + db.name + " publishes its status list at "
                    + current.get() + ", not " + url + ": every credential already handed out names that URL");
        }
    }

    Map<CertificateId, Integer> indexes(Collection<CertificateId> ids) {
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
            db.requireWritable("give certificates places in the status list");
            int list = listId().orElseThrow(() -> new IllegalStateException("the certificate register " + db.name
                    + " has no status list URL yet: set one first (qip certify --status-list-url URL)"));
            for (int attempt = 1; ; attempt++) {
                try {
                    db.begin();
                    Map<CertificateId, Integer> found = readIndexes(wanted);
                    BitSet used = new BitSet();
                    int count = 0;
                    try (PreparedStatement ps = db.connection.prepareStatement("SELECT status_index FROM status_entry WHERE list_id = ?")) {
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
                        throw new IllegalStateException("the status list of " + db.name + " is full");
                    }
                    try (PreparedStatement ps = db.connection.prepareStatement(
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
                    db.commit();
                    if (!missing.isEmpty()) {
                        LOG.info("certificate register {}: gave {} certificates places in the status list", db.name, missing.size());
                    }
                    return ordered(wanted, found);
                } catch (SQLException e) {
                    db.rollbackQuietly(e);
                    if (db.isUniqueViolation(e) && attempt < STATUS_ATTEMPTS) {
                        // another run gave the same place, or the same certificate a place, first: read again
                        continue;
                    }
                    throw db.failed("give certificates places in the status list (nothing was written)", e);
                } catch (RuntimeException e) {
                    db.rollbackQuietly(e);
                    throw e;
                }
            }
        } catch (SQLException e) {
            throw db.failed("read the status list", e);
        }
    }

    private Map<CertificateId, Integer> readIndexes(List<CertificateId> ids) throws SQLException {
        Map<CertificateId, Integer> out = new java.util.HashMap<>();
        for (int from = 0; from < ids.size(); from += JdbcCertificateRegister.IN_LIST) {
            List<CertificateId> part = ids.subList(from, Math.min(ids.size(), from + JdbcCertificateRegister.IN_LIST));
            String marks = String.join(", ", java.util.Collections.nCopies(part.size(), "?"));
            try (PreparedStatement ps = db.connection.prepareStatement(
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

    List<StatusEntry> entries() {
        if (!hasStatusList()) {
            return List.of();
        }
        try (PreparedStatement ps = db.connection.prepareStatement("SELECT " + CertificateRows.JOINED_COLUMNS + ", e.status_index"
                + " FROM status_entry e JOIN certificate c ON c.id = e.certificate_id ORDER BY e.status_index")) {
            return readEntries(ps);
        } catch (SQLException e) {
            throw db.failed("read the status list", e);
        }
    }

    Optional<StatusEntry> entry(int index) {
        if (!hasStatusList()) {
            return Optional.empty();
        }
        try (PreparedStatement ps = db.connection.prepareStatement("SELECT " + CertificateRows.JOINED_COLUMNS + ", e.status_index"
                + " FROM status_entry e JOIN certificate c ON c.id = e.certificate_id WHERE e.status_index = ?")) {
            ps.setInt(1, index);
            List<StatusEntry> found = readEntries(ps);
            return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
        } catch (SQLException e) {
            throw db.failed("read status list place " + index, e);
        }
    }

    private static List<StatusEntry> readEntries(PreparedStatement ps) throws SQLException {
        List<StatusEntry> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new StatusEntry(CertificateRows.certificate(rs), rs.getInt("status_index")));
            }
        }
        return out;
    }
}
