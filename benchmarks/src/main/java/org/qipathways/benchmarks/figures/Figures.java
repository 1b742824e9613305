package org.qipathways.benchmarks.figures;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.qipathways.benchmarks.figures.Scenarios.Settings;

/**
 * The figures harness: generates a region with the region generator, runs every scenario with
 * warm-up and repeats in this one process run, prints a table of medians and of ratios between
 * medians of the same run, and writes them as JSON (by default {@code figures.json} beside the jar,
 * i.e. {@code benchmarks/target/figures.json}).
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar figures --quick     # 20,000 learners, under 2 minutes
 * java -jar benchmarks/target/benchmarks.jar figures             # 1,000,000 learners, 15-30 minutes
 * java -jar benchmarks/target/benchmarks.jar figures --out /tmp/figures.json
 * </pre>
 */
public final class Figures {

    private Figures() {
    }

    /** Runs the harness; the exit code is 0 when it ran (whether or not targets are met), 2 on a usage error. */
    public static int run(String[] args) throws IOException {
        Settings settings = Settings.FULL;
        Path out = defaultOut();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> settings = Settings.QUICK;
                case "--out" -> {
                    if (++i == args.length) {
                        return usage("--out needs a file");
                    }
                    out = Path.of(args[i]);
                }
                default -> {
                    return usage("unknown option " + args[i]);
                }
            }
        }
        PrintStream console = System.out;
        Path work = Files.createTempDirectory("qip-figures");
        Instant started = Instant.now();
        List<Figure> figures;
        try {
            figures = new Scenarios(settings, work).runAll(step -> console.println("... " + step));
        } finally {
            Scenarios.delete(work);
        }
        Map<String, Object> machine = machine();
        console.println();
        console.printf("figures (%s: %,d learners, certify %,d; %d warm-up, median of %d; %s)%n", settings.mode(),
                settings.learners(), settings.certifyLearners(), settings.warmups(), settings.repeats(), machine);
        console.print(table(figures));
        write(out, settings, started, machine, figures);
        console.println("written to " + out);
        return 0;
    }

    private static int usage(String why) {
        System.err.println("figures: " + why + "\nUsage: java -jar benchmarks.jar figures [--quick] [--out FILE]");
        return 2;
    }

    private static Path defaultOut() {
        Path jar = Path.of(System.getProperty("java.class.path").split(java.io.File.pathSeparator)[0]).toAbsolutePath();
        Path dir = Files.isRegularFile(jar) ? jar.getParent() : Path.of(".");
        return dir.resolve("figures.json");
    }

    private static Map<String, Object> machine() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cores", Runtime.getRuntime().availableProcessors());
        m.put("java", System.getProperty("java.version"));
        m.put("defaultMaxHeapMiB", Runtime.getRuntime().maxMemory() >> 20);
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        return m;
    }

    static String table(List<Figure> figures) {
        StringBuilder sb = new StringBuilder();
        String format = "%-52s %16s %-14s %-18s %s%n";
        sb.append(String.format(Locale.ROOT, format, "figure", "median", "unit", "target", "met"));
        for (Figure f : figures) {
            String value = f.failure() != null ? "failed" : number(f.value());
            String target = f.target() == null ? "" : f.target().direction() + " " + number(f.target().value());
            String met = f.met() == null ? "" : f.met() ? "yes" : "NO";
            String extra = f.failure() != null ? "  (" + f.failure() + ")"
                    : f.dividedBy() != null ? "  (÷ " + f.dividedBy() + ")" : "";
            sb.append(String.format(Locale.ROOT, format, f.name(), value, f.unit(), target, met + extra));
        }
        return sb.toString();
    }

    private static String number(double v) {
        return v >= 1000 ? String.format(Locale.ROOT, "%,.0f", v) : String.format(Locale.ROOT, "%.2f", v);
    }

    private static void write(Path out, Settings settings, Instant started, Map<String, Object> machine,
                              List<Figure> figures) throws IOException {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("started", started.toString());
        doc.put("mode", settings.mode());
        doc.put("learners", settings.learners());
        doc.put("certifyLearners", settings.certifyLearners());
        doc.put("warmups", settings.warmups());
        doc.put("repeats", settings.repeats());
        doc.put("machine", machine);
        doc.put("figures", figures.stream().map(Figures::entry).toList());
        if (out.getParent() != null) {
            Files.createDirectories(out.getParent());
        }
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.toFile(), doc);
    }

    private static Map<String, Object> entry(Figure f) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("name", f.name());
        e.put("value", f.value());
        e.put("unit", f.unit());
        if (f.target() != null) {
            e.put("target", Map.of("value", f.target().value(), "direction", f.target().direction()));
            e.put("met", f.met());
        }
        if (f.dividedBy() != null) {
            e.put("dividedBy", f.dividedBy());
        }
        if (!f.samples().isEmpty()) {
            e.put("samples", f.samples());
        }
        if (f.failure() != null) {
            e.put("failure", f.failure());
        }
        return e;
    }
}
