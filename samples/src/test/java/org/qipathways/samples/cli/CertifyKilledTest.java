package org.qipathways.samples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qipathways.certification.OpenBadgesConformance;

/**
 * A {@code qip certify} process killed (SIGKILL) in the middle of its run leaves a consistent register,
 * and a rerun leaves the same certificates as a run that was never interrupted.
 */
class CertifyKilledTest {

    static final int LEARNERS = 1500;

    @TempDir
    Path dir;

    @Test
    void aKilledRunLeavesWholeTransactionsAndARerunFinishesTheJob() throws Exception {
        StringBuilder events = new StringBuilder("learner_id,date,type,item,result\n");
        for (int i = 0; i < LEARNERS; i++) {
            String id = String.format("K%05d", i);
            events.append(id).append(",2024-01-10,completed,BRZ-ELN,\n").append(id).append(",2024-01-11,assessed,BRZ-QUIZ,85\n");
            if (i % 3 == 0) {
                events.append(id).append(",2024-02-01,attended,SLV-IND,participant\n")
                        .append(id).append(",2024-03-01,evidence,SLV-PLAN,approved\n");
            }
        }
        Path eventsFile = Files.writeString(dir.resolve("events.csv"), events);
        Path keys = dir.resolve("keys");
        assertThat(QipRun.qip("keys", "generate", "--out", keys.toString()).exit()).isZero();
        String killedUrl = "jdbc:sqlite:" + dir.resolve("killed.db");
        String cleanUrl = "jdbc:sqlite:" + dir.resolve("clean.db");

        // One learner per transaction, so the run is long enough to be caught in the middle.
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Qip.class.getName()));
        command.addAll(certifyArgs(eventsFile, killedUrl, keys, dir.resolve("out-killed")));
        command.addAll(List.of("--batch-size", "1"));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("killed.log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        int seen = 0;
        while (System.nanoTime() < deadline && process.isAlive() && seen < 20) {
            Thread.sleep(10);
            seen = count(killedUrl, "SELECT COUNT(*) FROM certificate");
        }
        assertThat(process.isAlive()).as("the run was still going when it was killed; log: %s",
                Files.exists(dir.resolve("killed.log")) ? Files.readString(dir.resolve("killed.log")) : "").isTrue();
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);

        int certificates = count(killedUrl, "SELECT COUNT(*) FROM certificate");
        int expected = LEARNERS + (LEARNERS + 2) / 3;
        assertThat(certificates).isBetween(1, expected - 1);
        // Every certificate written has its audit entry, and every audit entry its certificate.
        assertThat(count(killedUrl, "SELECT COUNT(*) FROM audit")).isEqualTo(certificates);
        assertThat(count(killedUrl, "SELECT COUNT(*) FROM certificate c WHERE NOT EXISTS"
                + " (SELECT 1 FROM audit a WHERE a.certificate_id = c.id AND a.action = 'ISSUED')")).isZero();

        QipRun rerun = QipRun.qip(certifyArgs(eventsFile, killedUrl, keys, dir.resolve("out-killed")).toArray(String[]::new));
        assertThat(rerun.exit()).as(rerun.err()).isZero();
        assertThat(rerun.out()).isEqualTo("issued " + (expected - certificates) + ", renewed 0, lapsed 0, expired 0, revoked 0,"
                + " unchanged " + certificates + "\n");
        QipRun clean = QipRun.qip(certifyArgs(eventsFile, cleanUrl, keys, dir.resolve("out-clean")).toArray(String[]::new));
        assertThat(clean.exit()).isZero();

        String facts = "SELECT id, learner_id, tier, achieved_on, valid_from, valid_until, evidence_digest, status FROM certificate ORDER BY id";
        assertThat(rows(killedUrl, facts)).hasSize(expected).isEqualTo(rows(cleanUrl, facts));
        assertThat(rows(killedUrl, "SELECT certificate_id, action FROM audit ORDER BY certificate_id"))
                .isEqualTo(rows(cleanUrl, "SELECT certificate_id, action FROM audit ORDER BY certificate_id"));
        try (var files = Files.list(dir.resolve("out-killed"))) {
            assertThat(files.count()).isEqualTo(2L * expected);
        }
        // every Open Badges credential written, killed run and clean, as 1EdTech's validator would see it
        for (String out : List.of("out-killed", "out-clean")) {
            try (var files = Files.list(dir.resolve(out))) {
                for (Path jwt : files.filter(f -> f.toString().endsWith(".ob3.jwt")).toList()) {
                    OpenBadgesConformance.check(Files.readString(jwt));
                }
            }
        }
    }

    static List<String> certifyArgs(Path events, String url, Path keys, Path out) {
        return List.of("certify", "--events", events.toString(), "--register", url,
                "--key", keys.resolve("issuer-private.pem").toString(), "--as-of", "2025-01-01", "--out", out.toString(),
                "--status-list-url", "https://academy.example.org/status/list.jwt");
    }

    static int count(String url, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery(sql)) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        } catch (SQLException e) {
            if (String.valueOf(e.getMessage()).contains("no such table")) {
                return 0; // the process has not made its tables yet
            }
            throw e;
        }
    }

    static List<String> rows(String url, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder sb = new StringBuilder();
                for (int i = 1; i <= n; i++) {
                    sb.append(rs.getString(i)).append('|');
                }
                out.add(sb.toString());
            }
        }
        return out;
    }
}
