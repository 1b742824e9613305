package org.qipathways.certification.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.qipathways.certification.Certificate;
import org.qipathways.certification.CertificateId;
import org.qipathways.certification.CertificateStatus;

/** A {@link Certificate} as a row of the {@code certificate} table, and back. */
final class CertificateRows {

    static final String COLUMNS = "id, learner_id, programme_code, programme_version, tier, achieved_on, valid_from,"
            + " valid_until, issued_at, supersedes, evidence_digest, status, status_on, status_reason, status_actor";

    /** The certificate columns, as read from a join with {@code certificate c}. */
    static final String JOINED_COLUMNS = "c." + COLUMNS.replace(", ", ", c.");

    private CertificateRows() {
    }

    static List<Certificate> read(PreparedStatement ps) throws SQLException {
        List<Certificate> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(certificate(rs));
            }
        }
        return out;
    }

    static Certificate certificate(ResultSet rs) throws SQLException {
        String supersedes = rs.getString("supersedes");
        return new Certificate(new CertificateId(rs.getString("id")), rs.getString("learner_id"),
                rs.getString("programme_code"), rs.getString("programme_version"), rs.getString("tier"),
                date(rs.getString("achieved_on")), date(rs.getString("valid_from")), date(rs.getString("valid_until")),
                Instant.parse(rs.getString("issued_at")), supersedes == null ? null : new CertificateId(supersedes),
                rs.getString("evidence_digest"), CertificateStatus.valueOf(rs.getString("status")),
                date(rs.getString("status_on")), rs.getString("status_reason"), rs.getString("status_actor"));
    }

    static LocalDate date(String text) {
        return text == null ? null : LocalDate.parse(text.strip());
    }

    static String text(LocalDate date) {
        return date == null ? null : date.toString();
    }
}
