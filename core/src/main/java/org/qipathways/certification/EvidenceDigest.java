package org.qipathways.certification;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.qipathways.record.EventsCsv;
import org.qipathways.record.LearnerEvent;
import org.qipathways.record.LearnerRecord;
import org.qipathways.record.internal.Csv;

/**
 * The digest that ties a certificate to the evidence it was issued on, so that an auditor can
 * recompute it from the record and see that the certificate follows from it.
 *
 * <p>It is the SHA-256 of this UTF-8 text, every line ending in a line feed:
 * <pre>
 * qipathways evidence v1
 * programme: QIP-REF
 * version: 2024.1
 * tier: GOLD
 * learner: L0001
 * through: 2024-03-01
 * learner_id,date,type,item,result
 * L0001,2023-11-02,attended,GLD-TTT-1,participant
 * ...
 * </pre>
 * followed by every event of the learner dated on or before the {@code through} day (the
 * certificate's validFrom: the day the tier's rule, or its renewal rule, was met), one CSV line each
 * as {@code events.csv} writes it, sorted by their bytes ({@code LC_ALL=C sort}). It covers all the
 * learner's events up to that day, not only those the rule looked at: simple to recompute, and
 * nothing the rule depends on can be left out.
 * <pre>{@code
 * String digest = EvidenceDigest.of(programme, "GOLD", record, certificate.validFrom());
 * digest.equals(certificate.evidenceDigest());   // true when the record is the one it was issued on
 * }</pre>
 */
public final class EvidenceDigest {

    private EvidenceDigest() {
    }

    /** The digest, as {@code sha256:} and 64 lower-case hex digits. */
    public static String of(String programmeCode, String programmeVersion, String tier, LearnerRecord record, LocalDate through) {
        byte[] hash;
        try {
            hash = MessageDigest.getInstance("SHA-256").digest(text(programmeCode, programmeVersion, tier, record, through)
                    .getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform must provide SHA-256", e);
        }
        return "sha256:" + HexFormat.of().formatHex(hash);
    }

    /** The text that is hashed, for an auditor to compare line by line. */
    public static String text(String programmeCode, String programmeVersion, String tier, LearnerRecord record, LocalDate through) {
        List<byte[]> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder(64);
        for (LearnerEvent e : record.events()) {
            if (e.date().isAfter(through)) {
                continue;
            }
            line.setLength(0);
            try {
                line.append(e.learnerId()).append(',').append(e.date()).append(',').append(e.type().id())
                        .append(',').append(e.item()).append(',');
                Csv.appendValue(line, e.result());
            } catch (IOException ex) {
                throw new UncheckedIOException(ex); // a StringBuilder does not throw
            }
            lines.add(line.toString().getBytes(StandardCharsets.UTF_8));
        }
        lines.sort(Arrays::compareUnsigned);
        StringBuilder text = new StringBuilder(256 + lines.size() * 48);
        text.append("qipathways evidence v1\n")
                .append("programme: ").append(programmeCode).append('\n')
                .append("version: ").append(programmeVersion).append('\n')
                .append("tier: ").append(tier).append('\n')
                .append("learner: ").append(record.learnerId()).append('\n')
                .append("through: ").append(through).append('\n')
                .append(String.join(",", EventsCsv.HEADER)).append('\n');
        for (byte[] l : lines) {
            text.append(new String(l, StandardCharsets.UTF_8)).append('\n');
        }
        return text.toString();
    }
}
