package org.qipathways.samples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code qip demo} at small size, its printed funnel checked against the files it wrote. */
class DemoCommandTest {

    @TempDir
    Path dir;

    String run(String... args) {
        QipRun run = QipRun.qip(args);
        assertThat(run.exit()).as("exit code; stderr: %s", run.err()).isZero();
        // progress is for terminals: output captured or piped gets none
        assertThat(run.err()).doesNotContain("\r").doesNotContain("per-user reads");
        return run.out();
    }

    @Test
    void theFunnelMatchesAnIndependentCountOfTheStatusFile() throws IOException {
        Path out = dir.resolve("demo");
        String printed = run("demo", "--learners", "400", "--as-of", "2026-06-30", "--out", out.toString(), "--no-suppression");
        assertThat(out.resolve("learners.csv")).exists();
        assertThat(out.resolve("events.csv")).exists();
        assertThat(out.resolve("register.db")).exists();
        assertThat(out.resolve("report").resolve("report.html")).exists();
        assertThat(printed).contains("Report:  " + out.resolve("report").resolve("report.html").toAbsolutePath());
        List<String> rows = Files.readAllLines(out.resolve("status.csv"));
        assertThat(rows.get(0)).isEqualTo(EvaluateCommand.HEADER);
        assertThat(rows).hasSize(1 + 400 * 3);
        // Count statuses per tier straight from the file.
        Map<String, Map<String, Long>> counted = rows.stream().skip(1).map(r -> r.split(",", -1))
                .collect(Collectors.groupingBy(f -> f[1], TreeMap::new, Collectors.groupingBy(f -> f[2], Collectors.counting())));
        String[] titles = {"Bronze", "Silver", "Gold"};
        String[] codes = {"BRONZE", "SILVER", "GOLD"};
        for (int i = 0; i < 3; i++) {
            Map<String, Long> c = counted.get(codes[i]);
            String expected = String.format(java.util.Locale.ROOT, "  %-8s %10s %12s %8s %8s %12s", titles[i],
                    c.getOrDefault("ACHIEVED", 0L), c.getOrDefault("IN_PROGRESS", 0L), c.getOrDefault("LAPSED", 0L),
                    c.getOrDefault("REVOKED", 0L), c.getOrDefault("NOT_STARTED", 0L));
            assertThat(printed).contains(expected);
        }
        assertThat(counted.get("BRONZE").get("ACHIEVED")).isGreaterThan(counted.get("SILVER").getOrDefault("ACHIEVED", 0L));
        assertThat(printed).contains("No small-number suppression");
        // Every achieved Bronze and Silver (which never expire) holds a certificate.
        long bronzeAndSilver = counted.get("BRONZE").getOrDefault("ACHIEVED", 0L) + counted.get("SILVER").getOrDefault("ACHIEVED", 0L);
        java.util.regex.Matcher issued = java.util.regex.Pattern.compile("certify +issued ([0-9,]+)").matcher(printed);
        assertThat(issued.find()).as(printed).isTrue();
        assertThat(Long.parseLong(issued.group(1).replace(",", ""))).isGreaterThanOrEqualTo(bronzeAndSilver);
        // The report counts the certificates the demo issued, says from which register, and names the trusts.
        String html = Files.readString(out.resolve("report").resolve("report.html"));
        assertThat(html).contains("Certificates: counted from the certificate register " + out.resolve("register.db") + ".")
                .contains("<td>Sheffield Teaching Hospitals NHS Foundation Trust</td>");
        List<String> certificates = Files.readAllLines(out.resolve("report").resolve("certificates.csv"));
        assertThat(certificates).hasSize(4);
        assertThat(Long.parseLong(certificates.get(1).split(",")[1])).as("Bronze certified")
                .isGreaterThanOrEqualTo(counted.get("BRONZE").getOrDefault("ACHIEVED", 0L));
    }

    @Test
    void suppressionIsOnByDefault() {
        String printed = run("demo", "--learners", "50", "--as-of", "2026-06-30", "--out", dir.resolve("d").toString());
        assertThat(printed).contains("Counts of 1 to 7 people are shown as *");
        // Every count shown is 0, * or a multiple of 5.
        printed.lines().filter(l -> l.startsWith("  Bronze") || l.startsWith("  Silver") || l.startsWith("  Gold"))
                .flatMap(l -> java.util.Arrays.stream(l.trim().split("\\s+")).skip(1))
                .forEach(v -> assertThat(v.equals("*") || Long.parseLong(v) % 5 == 0).as(v).isTrue());
    }
}
