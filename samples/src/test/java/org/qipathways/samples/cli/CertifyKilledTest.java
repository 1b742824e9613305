package org.qipathways.samples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qipathways.certification.OpenBadgesConformance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Certificates are delivered exactly once, whatever happens to the process: {@code qip certify}
 * runs in a JVM of its own and is killed (SIGKILL, as {@code kill -9} does) at many points of its
 * run, in the register phase and while it writes files; after each kill the register holds whole
 * transactions only and every file on disk is whole; the next run picks up from there, and the last
 * one leaves the same register and the same files as a run that was never interrupted. Prints
 * {@code kills N, consistent N, missing files 0, duplicates 0}. Two runs at once on one register
 * create no duplicate either (SQLite; PostgreSQL too when {@code QIP_TEST_POSTGRES_URL} is set).
 *
 * <p>Release checks run the longer campaign: {@code mvn -B verify -Dqip.campaign=long} (more
 * learners and kills).
 */
class CertifyKilledTest {

    static final boolean LONG = "long".equals(System.getProperty("qip.campaign"));
    static final int LEARNERS = LONG ? 1500 : 300;
    static final int KILLS = LONG ? 40 : 12;
    /** Certificates the events below give: Bronze for everyone, Silver for every third learner. */
    static final int EXPECTED = LEARNERS + (LEARNERS + 2) / 3;

    private static final String FACTS = "SELECT id, learner_id, tier, achieved_on, valid_from, valid_until,"
            + " evidence_digest, status FROM certificate ORDER BY id";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path shared;
    static Path eventsFile;
    static Path keys;
    static String cleanUrl;
    static Path cleanOut;

    @TempDir
    Path dir;

    /** The events, the issuer's keys and the uninterrupted run every other run is compared with. */
    @BeforeAll
    static void uninterruptedRun() throws IOException {
        StringBuilder events = new StringBuilder("learner_id,date,type,item,result\n");
        for (int i = 0; i < LEARNERS; i++) {
            String id = String.format("K%05d", i);
            events.append(id).append(",2024-01-10,completed,BRZ-ELN,\n").append(id).append(",2024-01-11,assessed,BRZ-QUIZ,85\n");
            if (i % 3 == 0) {
                events.append(id).append(",2024-02-01,attended,SLV-IND,participant\n")
                        .append(id).append(",2024-03-01,evidence,SLV-PLAN,approved\n");
            }
        }
        eventsFile = Files.writeString(shared.resolve("events.csv"), events);
        keys = shared.resolve("keys");
        assertThat(QipRun.qip("keys", "generate", "--out", keys.toString()).exit()).isZero();
        cleanUrl = "jdbc:sqlite:" + shared.resolve("clean.db");
        cleanOut = shared.resolve("out-clean");
        QipRun clean = QipRun.qip(certifyArgs(eventsFile, cleanUrl, keys, cleanOut).toArray(String[]::new));
        assertThat(clean.exit()).as(clean.err()).isZero();
        assertThat(clean.out()).startsWith("issued " + EXPECTED + ",");
    }

    @Test
    void killedAtManyPointsAndRunAgainTheRegisterAndFilesEndAsAnUninterruptedRunLeavesThem() throws Exception {
        String url = "jdbc:sqlite:" + dir.resolve("killed.db");
        Path out = dir.resolve("out-killed");
        int total = 3 * EXPECTED;   // progress: certificates in the register, then two files each
        int kills = 0;
        int consistent = 0;
        List<String> trail = new ArrayList<>();
        for (int k = 1; k <= KILLS; k++) {
            int target = total * k / (KILLS + 1);
            // One learner per transaction, so that the register phase has many points to be caught at.
            Process child = start(url, out, dir.resolve("run-" + k + ".log"), "--batch-size", "1");
            int progress = 0;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (child.isAlive() && System.nanoTime() < deadline && (progress = progress(url, out)) < target) {
                Thread.sleep(5);
            }
            if (!child.isAlive()) {
                assertThat(child.exitValue()).as("run %d ended by itself: %s", k,
                        Files.readString(dir.resolve("run-" + k + ".log"))).isZero();
                trail.add("run " + k + " finished before point " + target);
                break;
            }
            child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            kills++;
            String problem = inconsistency(url, out);
            trail.add("killed at " + progress + "/" + total + (problem == null ? "" : ": " + problem));
            if (problem == null) {
                consistent++;
            }
        }

        Process last = start(url, out, dir.resolve("last.log"));
        assertThat(last.waitFor(300, TimeUnit.SECONDS)).isTrue();
        assertThat(last.exitValue()).as(Files.readString(dir.resolve("last.log"))).isZero();

        assertThat(rows(url, FACTS)).hasSize(EXPECTED).isEqualTo(rows(cleanUrl, FACTS));
        assertThat(rows(url, "SELECT certificate_id, action FROM audit ORDER BY certificate_id"))
                .isEqualTo(rows(cleanUrl, "SELECT certificate_id, action FROM audit ORDER BY certificate_id"));
        Set<String> expected = names(cleanOut);
        Set<String> actual = names(out);
        Set<String> missing = new TreeSet<>(expected);
        missing.removeAll(actual);
        int duplicates = duplicates(url, out);
        System.out.printf(Locale.ROOT, "certify killed (kill -9) at many points: kills %d, consistent %d, missing files %d,"
                + " duplicates %d%n", kills, consistent, missing.size(), duplicates);
        assertThat(kills).as("%s", trail).isGreaterThanOrEqualTo(KILLS / 2);
        assertThat(consistent).as("%s", trail).isEqualTo(kills);
        assertThat(missing).isEmpty();
        assertThat(duplicates).isZero();
        assertThat(actual).isEqualTo(expected);
        try (Stream<Path> left = Files.list(out)) {
            assertThat(left.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".")))
                    .as("temporary files left behind").isEmpty();
        }
        // every Open Badges credential written, killed run and clean, as 1EdTech's validator would see it
        for (Path written : List.of(out, cleanOut)) {
            try (var files = Files.list(written)) {
                for (Path jwt : files.filter(f -> f.toString().endsWith(".ob3.jwt")).toList()) {
                    OpenBadgesConformance.check(Files.readString(jwt));
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"sqlite", "postgresql"})
    void twoRunsAtOnceOnOneRegisterCreateNoDuplicate(String database) throws Exception {
        String url = database.equals("sqlite") ? "jdbc:sqlite:" + dir.resolve("both.db") : postgresSchema();
        Path out = dir.resolve("out-both");

        Process a = start(url, out, dir.resolve("a.log"), "--batch-size", "5");
        Process b = start(url, out, dir.resolve("b.log"), "--batch-size", "7");
        assertThat(a.waitFor(300, TimeUnit.SECONDS) && b.waitFor(300, TimeUnit.SECONDS)).isTrue();

        assertThat(a.exitValue()).as(Files.readString(dir.resolve("a.log"))).isZero();
        assertThat(b.exitValue()).as(Files.readString(dir.resolve("b.log"))).isZero();
        assertThat(duplicates(url, out)).isZero();
        assertThat(rows(url, FACTS)).isEqualTo(rows(cleanUrl, FACTS));
        assertThat(rows(url, "SELECT certificate_id, action FROM audit ORDER BY certificate_id"))
                .isEqualTo(rows(cleanUrl, "SELECT certificate_id, action FROM audit ORDER BY certificate_id"));
        assertThat(names(out)).isEqualTo(names(cleanOut));
        if (database.equals("postgresql")) {
            String base = System.getenv("QIP_TEST_POSTGRES_URL");
            try (Connection c = DriverManager.getConnection(base); Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA " + url.substring(url.lastIndexOf('=') + 1) + " CASCADE");
            }
        }
    }

    /** A new schema on the PostgreSQL server of {@code QIP_TEST_POSTGRES_URL}; the test is skipped without one. */
    private static String postgresSchema() throws SQLException {
        String base = System.getenv("QIP_TEST_POSTGRES_URL");
        Assumptions.assumeTrue(base != null && !base.isBlank(), "QIP_TEST_POSTGRES_URL is not set");
        String schema = "k_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (Connection c = DriverManager.getConnection(base); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
        return base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    /** {@code qip certify} in a JVM of its own, output to {@code log}. */
    private static Process start(String url, Path out, Path log, String... more) throws IOException {
        // C1 only and the serial collector: a short run in a JVM of its own starts faster
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                Qip.class.getName()));
        command.addAll(certifyArgs(eventsFile, url, keys, out));
        command.addAll(List.of(more));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    static List<String> certifyArgs(Path events, String url, Path keys, Path out) {
        return List.of("certify", "--events", events.toString(), "--register", url,
                "--key", keys.resolve("issuer-private.pem").toString(), "--as-of", "2025-01-01", "--out", out.toString(),
                "--status-list-url", "https://academy.example.org/status/list.jwt");
    }

    /** Certificates in the register plus certificate files written. */
    private static int progress(String url, Path out) throws SQLException, IOException {
        return count(url, "SELECT COUNT(*) FROM certificate") + names(out).size();
    }

    /**
     * What is wrong with a register and a directory a killed run left, or {@code null}: every
     * certificate must have its ISSUED entry and the reverse (whole transactions), and every file must
     * be whole and belong to a certificate of the register.
     */
    private static String inconsistency(String url, Path out) throws SQLException, IOException {
        int certificates = count(url, "SELECT COUNT(*) FROM certificate");
        int audit = count(url, "SELECT COUNT(*) FROM audit");
        if (certificates != audit || count(url, "SELECT COUNT(*) FROM certificate c WHERE NOT EXISTS"
                + " (SELECT 1 FROM audit a WHERE a.certificate_id = c.id AND a.action = 'ISSUED')") != 0) {
            return certificates + " certificates but " + audit + " audit entries";
        }
        Set<String> ids = new HashSet<>(certificates == 0 ? List.of() : rows(url, "SELECT id FROM certificate"));
        for (String name : names(out)) {
            String id = name.substring(0, name.indexOf('.'));
            if (!ids.contains(id + "|")) {
                return name + " has no certificate in the register";
            }
            String text = Files.readString(out.resolve(name));
            if (name.endsWith(".json")) {
                try {
                    if (!JSON.readTree(text).isObject()) {
                        return name + " is not a JSON object";
                    }
                } catch (IOException e) {
                    return name + " is not whole: " + e.getMessage();
                }
            } else if (!text.matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+")) {
                // a compact JWS, exactly: three base64url parts and no line feed (OpenBadges.jwt)
                return name + " is not a whole JWT";
            }
        }
        return null;
    }

    /**
     * Certificates issued twice (the same learner, tier and start) plus audit entries that repeat an
     * issue, plus files of certificates the register does not hold.
     */
    private static int duplicates(String url, Path out) throws SQLException, IOException {
        int twice = count(url, "SELECT COUNT(*) - COUNT(DISTINCT learner_id || '/' || tier || '/' || valid_from) FROM certificate")
                + count(url, "SELECT COUNT(*) - COUNT(DISTINCT certificate_id) FROM audit WHERE action = 'ISSUED'");
        Set<String> ids = new HashSet<>(rows(url, "SELECT id FROM certificate"));
        for (String name : names(out)) {
            if (!ids.contains(name.substring(0, name.indexOf('.')) + "|")) {
                twice++;
            }
        }
        return twice;
    }

    /** The certificate files in {@code dir} (not temporary files); empty when there is no such directory. */
    private static Set<String> names(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return Set.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith("."))
                    .collect(java.util.stream.Collectors.toCollection(TreeSet::new));
        }
    }

    static int count(String url, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery(sql)) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        } catch (SQLException e) {
            String m = String.valueOf(e.getMessage());
            if (m.contains("no such table") || m.contains("does not exist")) {
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
        } catch (SQLException e) {
            String m = String.valueOf(e.getMessage());
            if (m.contains("no such table") || m.contains("does not exist")) {
                return out;
            }
            throw e;
        }
        return out;
    }
}
