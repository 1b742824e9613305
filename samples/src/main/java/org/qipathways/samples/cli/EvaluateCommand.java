package org.qipathways.samples.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.qipathways.programme.Programme;
import org.qipathways.progress.Detail;
import org.qipathways.progress.Evaluator;
import org.qipathways.progress.Progress;
import org.qipathways.progress.RequirementResult;
import org.qipathways.progress.TierProgress;
import org.qipathways.record.LearnerRecord;
import org.qipathways.record.SpreadsheetSafe;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code qip evaluate}: every learner's status on every tier as of a date, as CSV (the default),
 * JSON with the full requirement tree, or a readable table.
 * <pre>{@code
 * $ qip evaluate --events events.csv --as-of 2026-03-31 --format csv
 * learner_id,tier,status,achieved_on,expires_on,unmet
 * L0000001,BRONZE,ACHIEVED,2024-01-12,,
 * L0000001,SILVER,IN_PROGRESS,,,"Individual QI project plan: submitted on 2024-02-20, awaiting approval; ..."
 * }</pre>
 */
@Command(name = "evaluate",
        description = {"Tier status per learner as of a date.",
                "One row per learner and tier: tiers in programme order, learners in input order"
                        + " (learners.csv first when given, then events)."},
        footer = {"", "Exit codes: 0 done; 2 bad input (every problem listed on stderr, nothing written) or bad usage."})
final class EvaluateCommand implements Callable<Integer> {

    /** Output formats. */
    enum Format { csv, json, table }

    static final String HEADER = "learner_id,tier,status,achieved_on,expires_on,unmet";

    /** The width assumed for a terminal that does not say (COLUMNS is a shell variable, rarely exported). */
    static final int DEFAULT_TERMINAL_WIDTH = 100;

    /** The narrowest MISSING column a terminal table wraps to. */
    static final int MIN_MISSING_WIDTH = 30;

    @Mixin
    ProgrammeOption programme;

    @Mixin
    LearnerInput input;

    @Mixin
    AsOfOption asOf;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "csv",
            description = "csv (default), json (with the full requirement tree per tier) or table.")
    Format format;

    @Option(names = "--out", paramLabel = "FILE", description = "Write here instead of standard output.")
    Path out;

    @Option(names = "--unmet", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "csv: the unmet column, what is missing in words (default). --no-unmet leaves it out:"
                    + " statuses and dates only, without building the words, several times faster on a large region.")
    boolean unmet;

    @Option(names = "--threads", paramLabel = "N", description = "Threads to evaluate on. Default: the machine's cores.")
    Integer threads;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        if (threads != null && threads < 1) {
            throw QipException.badInput("--threads must be at least 1");
        }
        Programme p = programme.programme();
        List<LearnerRecord> records = input.read(p, err);
        LocalDate date = asOf.date();
        Evaluator evaluator = Evaluator.of(p);
        int threadCount = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        int[] evaluated = {0};
        Output output = w -> {
            if (format == Format.csv) {
                // Rows are written as learners are evaluated: memory stays flat however large the region.
                w.write(unmet ? HEADER : HEADER.substring(0, HEADER.lastIndexOf(',')));
                w.write('\n');
                StringBuilder line = new StringBuilder(256);
                // only the words the output holds are built (Detail): the requirement trees never are
                evaluator.evaluateEach(records.iterator(), date, threadCount, unmet ? Detail.UNMET : Detail.STATUSES, progress -> {
                    line.setLength(0);
                    csvRows(progress, line, unmet);
                    try {
                        w.append(line);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    evaluated[0]++;
                });
            } else {
                List<Progress> results = evaluator.evaluateAll(records, date, threadCount);
                evaluated[0] = results.size();
                if (format == Format.json) {
                    writeJson(results, w);
                } else {
                    writeTable(results, w, terminalWidth(out == null && System.console() != null, System::getenv));
                }
            }
            w.flush();
        };
        if (out == null) {
            PrintWriter o = spec.commandLine().getOut();
            output.writeTo(o);
            o.flush();
        } else {
            // Write beside the target and move into place, so a failure never leaves half a file.
            Path dir = out.toAbsolutePath().getParent();
            try {
                Files.createDirectories(dir);
                Path tmp = Files.createTempFile(dir, ".qip-evaluate", ".tmp");
                try (Writer w = new BufferedWriter(Files.newBufferedWriter(tmp, StandardCharsets.UTF_8))) {
                    output.writeTo(w);
                } catch (IOException | RuntimeException e) {
                    Files.deleteIfExists(tmp);
                    throw e;
                }
                Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                throw QipException.cannotWrite(out.toString(), e);
            }
        }
        err.println("evaluated " + evaluated[0] + " " + Plural.of(evaluated[0], "learner") + " as of " + date + (out == null ? "" : "; written to " + out));
        err.flush();
        return ExitCodes.OK;
    }

    /** Writes the chosen format to a writer. */
    private interface Output {
        void writeTo(Writer w) throws IOException;
    }

    /** The CSV of all results, header first (used by the demo). */
    static void writeCsv(List<Progress> results, Writer w) throws IOException {
        w.write(HEADER);
        w.write('\n');
        StringBuilder line = new StringBuilder(256);
        for (Progress p : results) {
            line.setLength(0);
            csvRows(p, line, true);
            w.append(line);
        }
    }

    /** One learner's rows, one per tier, each ending in a newline; the unmet column when {@code unmet}. */
    static void csvRows(Progress p, StringBuilder line, boolean unmet) {
        for (TierProgress t : p.tiers()) {
            field(line, p.learnerId()).append(',');
            field(line, t.tier()).append(',');
            line.append(t.status()).append(',');
            line.append(t.achievedOn() == null ? "" : t.achievedOn().toString()).append(',');
            line.append(t.expiresOn() == null ? "" : t.expiresOn().toString());
            if (unmet) {
                field(line.append(','), String.join("; ", t.unmet()));
            }
            line.append('\n');
        }
    }

    /**
     * One CSV field, safe in a spreadsheet: labels come from the programme file, so a title such as
     * {@code =HYPERLINK(...)} is neutralised ({@link SpreadsheetSafe}), and quoted as RFC 4180 says.
     */
    static StringBuilder field(StringBuilder sb, String value) {
        return sb.append(SpreadsheetSafe.cell(value));
    }

    private static void writeJson(List<Progress> results, Writer w) throws IOException {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ArrayNode all = f.arrayNode();
        for (Progress p : results) {
            ObjectNode learner = all.addObject();
            learner.put("learner_id", p.learnerId());
            learner.put("as_of", p.asOf().toString());
            ArrayNode tiers = learner.putArray("tiers");
            for (TierProgress t : p.tiers()) {
                ObjectNode n = tiers.addObject();
                n.put("tier", t.tier());
                n.put("status", t.status().name());
                n.put("achieved_on", t.achievedOn() == null ? null : t.achievedOn().toString());
                n.put("expires_on", t.expiresOn() == null ? null : t.expiresOn().toString());
                if (t.revokedOn() != null) {
                    n.put("revoked_on", t.revokedOn().toString());
                    n.put("revocation_reason", t.revocationReason());
                }
                ArrayNode unmet = n.putArray("unmet");
                t.unmet().forEach(unmet::add);
                n.set("rule", tree(t.rule()));
                if (t.renewal() != null) {
                    n.set("renewal", tree(t.renewal()));
                }
            }
        }
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(new NonClosing(w), all);
        w.write('\n');
    }

    private static ObjectNode tree(RequirementResult r) {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("requirement", r.description());
        n.put("holds", r.holds());
        n.put("since", r.since() == null ? null : r.since().toString());
        if (r.missing() != null) {
            n.put("missing", r.missing());
        }
        if (!r.children().isEmpty()) {
            ArrayNode children = n.putArray("children");
            r.children().forEach(c -> children.add(tree(c)));
        }
        return n;
    }

    /**
     * The results as aligned columns. With a {@code width} (on a terminal), each missing requirement
     * starts a line of its own and long ones wrap under the MISSING column, so no line runs past the
     * screen; with 0 (a pipe or a file) every row stays one line, for grep and cut.
     */
    static void writeTable(List<Progress> results, Writer w, int width) throws IOException {
        List<String[]> rows = new ArrayList<>();
        List<List<String>> missing = new ArrayList<>();
        rows.add(new String[] {"LEARNER", "TIER", "STATUS", "ACHIEVED", "EXPIRES"});
        missing.add(List.of("MISSING"));
        for (Progress p : results) {
            for (TierProgress t : p.tiers()) {
                rows.add(new String[] {p.learnerId(), t.tier(), t.status().name(),
                        t.achievedOn() == null ? "" : t.achievedOn().toString(),
                        t.expiresOn() == null ? "" : t.expiresOn().toString()});
                missing.add(t.unmet());
            }
        }
        int[] widths = new int[5];
        for (String[] r : rows) {
            for (int i = 0; i < widths.length; i++) {
                widths[i] = Math.max(widths[i], r[i].length());
            }
        }
        int indent = 0;
        for (int cw : widths) {
            indent += cw + 2;
        }
        // however narrow the screen, a missing requirement gets a readable column
        int room = width <= 0 ? Integer.MAX_VALUE : Math.max(MIN_MISSING_WIDTH, width - indent);
        String blank = " ".repeat(indent);
        StringBuilder sb = new StringBuilder();
        for (int row = 0; row < rows.size(); row++) {
            String[] r = rows.get(row);
            sb.setLength(0);
            for (int i = 0; i < widths.length; i++) {
                sb.append(r[i]).append(" ".repeat(widths[i] - r[i].length() + 2));
            }
            List<String> lines = width <= 0 ? List.of(String.join("; ", missing.get(row)))
                    : missing.get(row).stream().flatMap(m -> wrap(m, room).stream()).toList();
            for (int i = 0; i < lines.size(); i++) {
                if (i > 0) {
                    sb.append('\n').append(blank);
                }
                sb.append(lines.get(i));
            }
            w.write(sb.toString().stripTrailing());
            w.write('\n');
        }
    }

    /** {@code text} in lines of at most {@code width} characters, broken at spaces (a longer word stands alone). */
    static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(word);
        }
        lines.add(line.toString());
        return lines;
    }

    /**
     * The terminal's width when the table goes to one: {@code COLUMNS} when the shell exports it,
     * otherwise {@value #DEFAULT_TERMINAL_WIDTH}; 0 (no wrapping) for a pipe or a file.
     */
    static int terminalWidth(boolean toTerminal, Function<String, String> environment) {
        if (!toTerminal) {
            return 0;
        }
        String columns = environment.apply("COLUMNS");
        if (columns != null) {
            try {
                int n = Integer.parseInt(columns.strip());
                if (n > 0) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // not a number: fall back to the default
            }
        }
        return DEFAULT_TERMINAL_WIDTH;
    }

    /** Jackson closes the writer it is given; the caller owns it. */
    private static final class NonClosing extends java.io.FilterWriter {
        NonClosing(Writer out) {
            super(out);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
