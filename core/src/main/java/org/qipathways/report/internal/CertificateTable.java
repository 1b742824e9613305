package org.qipathways.report.internal;

import static org.qipathways.report.internal.ReportBuilder.EXPIRY_DAYS;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.qipathways.certification.Certificate;
import org.qipathways.certification.CertificateStatus;
import org.qipathways.report.Disclosure;
import org.qipathways.report.ReportOptions;
import org.qipathways.report.ReportTable;
import org.qipathways.report.ReportTable.Row;

/**
 * The report's certificates table, from the certificate register when one is given: per tier, the
 * report's learners with a certificate issued by the report date, holding a valid one on it, whose
 * valid one ends within {@link ReportBuilder#EXPIRY_DAYS} days with no renewal on record, whose
 * last one ended within the days before it, and with one revoked. Every count is of learners, not
 * certificates, and goes through the disclosure control.
 */
final class CertificateTable extends ReportTables {

    private final ReportOptions.Certificates certificates;

    CertificateTable(ReportBuilder b, ReportOptions.Certificates certificates) {
        super(b);
        this.certificates = certificates;
    }

    /** What the certificate figures are based on, in a sentence for the reader. */
    static String basis(ReportOptions.Certificates certificates) {
        return certificates == null
                ? "Certificates: no register given (qip report --register FILE), so no certificate is counted."
                : "Certificates: counted from " + certificates.source() + ".";
    }

    ReportTable table() {
        LocalDate ahead = asOf.plusDays(EXPIRY_DAYS);
        LocalDate back = asOf.minusDays(EXPIRY_DAYS);
        List<org.qipathways.report.ReportTable.Column> cols = List.of(label("Tier"), number("Learners certified"),
                number("Holding a valid certificate"), number("Expiring in the next " + EXPIRY_DAYS + " days"),
                number("Lapsed in the last " + EXPIRY_DAYS + " days"), number("Revoked"));
        if (certificates == null) {
            return new ReportTable("certificates", "Certificates", basis(null) + " See the expiring table for achievements"
                    + " of tiers that expire.", cols, List.of());
        }
        Set<String> learners = c.ids;
        // Per tier code, per learner, their certificates issued by the report date.
        Map<String, Map<String, List<Certificate>>> byTier = new HashMap<>();
        for (Certificate c : certificates.certificates()) {
            if (learners.contains(c.learnerId()) && !c.validFrom().isAfter(asOf)) {
                byTier.computeIfAbsent(c.tier(), k -> new HashMap<>()).computeIfAbsent(c.learnerId(), k -> new ArrayList<>()).add(c);
            }
        }
        long[][] matrix = new long[tiers.size()][5];
        for (int t = 0; t < tiers.size(); t++) {
            for (List<Certificate> own : byTier.getOrDefault(tiers.get(t).code(), Map.of()).values()) {
                matrix[t][0]++;
                Certificate valid = null;
                LocalDate lastEnd = null;
                boolean revoked = false;
                for (Certificate c : own) {
                    boolean revokedByNow = c.status() == CertificateStatus.REVOKED && !c.statusOn().isAfter(asOf);
                    revoked |= revokedByNow;
                    if (!revokedByNow && (c.validUntil() == null || !c.validUntil().isBefore(asOf))) {
                        if (valid == null || c.validFrom().isAfter(valid.validFrom())) {
                            valid = c;
                        }
                    }
                    if (!revokedByNow && c.validUntil() != null && (lastEnd == null || c.validUntil().isAfter(lastEnd))) {
                        lastEnd = c.validUntil();
                    }
                }
                if (valid != null) {
                    matrix[t][1]++;
                    if (valid.validUntil() != null && !valid.validUntil().isAfter(ahead)) {
                        matrix[t][2]++;
                    }
                } else if (lastEnd != null && !lastEnd.isBefore(back) && lastEnd.isBefore(asOf)) {
                    matrix[t][3]++;
                }
                if (revoked) {
                    matrix[t][4]++;
                }
            }
        }
        String[][] pub = d.publish(matrix, Disclosure.Totals.NONE);
        List<Row> rows = new ArrayList<>();
        for (int t = 0; t < tiers.size(); t++) {
            List<String> cells = new ArrayList<>();
            cells.add(tiers.get(t).title());
            cells.addAll(List.of(pub[t]));
            rows.add(new Row(cells, false));
        }
        return new ReportTable("certificates", "Certificates", basis(certificates) + " Learners of this report with a"
                + " certificate of the tier valid from " + asOf + " or before; holding one valid on " + asOf + " (not revoked);"
                + " of those, whose certificate ends by " + ahead + " with no renewal on record; without a valid one, whose last"
                + " ended from " + back + "; and with one revoked. Each learner is counted once per column.", cols, rows);
    }
}
