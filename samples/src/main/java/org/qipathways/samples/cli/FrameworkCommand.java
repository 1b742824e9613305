package org.qipathways.samples.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.qipathways.competency.CaseJson;
import org.qipathways.competency.Competency;
import org.qipathways.competency.CompetencyFramework;
import org.qipathways.competency.FrameworkImport;
import org.qipathways.competency.FrameworkImportException;
import org.qipathways.competency.FrameworkImportOptions;
import org.qipathways.competency.MoodleCompetencyCsv;
import org.qipathways.competency.ProficiencyLevel;
import org.qipathways.competency.ProficiencyScale;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code qip framework import|export}: competency frameworks in other tools' formats, a CASE
 * package (1EdTech CASE 1.0/1.1 JSON) or Moodle's competency framework CSV.
 * <pre>{@code
 * $ qip framework import --format case --in act-math.json --scale "Not yet,Mastered*" --out framework.yaml
 * act-math.json: read framework ACT-HOLISTIC-FRAMEWORK-MATH "ACT Holistic Framework, Math": 28 competencies, scale "Proficiency" (Not yet, Mastered*)
 * act-math.json: 1 code differs from the file:
 *   CFDocument.title: (none) -> ACT-HOLISTIC-FRAMEWORK-MATH (the package gives no QI Pathways framework code; ...)
 * wrote framework.yaml
 *
 * $ qip framework export --format moodle-csv --out qi-cf.csv
 * wrote framework QI-CF (8 competencies) as a Moodle competency CSV to qi-cf.csv
 * }</pre>
 * Import writes the framework as the {@code framework:} section of a programme definition, with
 * every changed code (and the file's original) in comments at its top; export reads the framework
 * of a programme ({@code --programme}, by default the bundled reference programme).
 */
@Command(name = "framework", description = "Competency frameworks in CASE JSON and Moodle competency CSV.",
        synopsisSubcommandLabel = "COMMAND", subcommands = {FrameworkCommand.Import.class, FrameworkCommand.Export.class})
final class FrameworkCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing command: give import or export");
    }

    /** The exchange formats, as written on the command line. */
    enum Format {
        CASE("case", "CASE package"),
        MOODLE_CSV("moodle-csv", "Moodle competency CSV");

        final String id;
        final String what;

        Format(String id, String what) {
            this.id = id;
            this.what = what;
        }

        @Override
        public String toString() {
            return id;
        }
    }

    /** Reads {@code --format} as {@code case} or {@code moodle-csv}. */
    static final class FormatConverter implements CommandLine.ITypeConverter<Format> {
        @Override
        public Format convert(String value) {
            for (Format f : Format.values()) {
                if (f.id.equalsIgnoreCase(value)) {
                    return f;
                }
            }
            throw new CommandLine.TypeConversionException("'" + value + "' is not a format; give case or moodle-csv");
        }
    }

    /** The formats picocli lists in help and completion. */
    static final class FormatCandidates implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return List.of(Format.CASE.id, Format.MOODLE_CSV.id).iterator();
        }
    }

    // ---- import -----------------------------------------------------------------------------------

    /** {@code qip framework import --format case|moodle-csv --in FILE [--code C] [--scale LEVELS] [--out FILE]}. */
    @Command(name = "import",
            description = {"Read a competency framework from a CASE package or a Moodle competency CSV and write it"
                    + " as the framework: section of a programme definition (YAML).",
                    "Codes that do not fit the code pattern (capitals, digits, . - _; 1-40 characters) are changed"
                            + " and listed, with the file's originals, on stderr and in comments at the top of the"
                            + " output; what the file holds that a framework does not (other CASE associations, Moodle"
                            + " rules) is listed as file:line:column: path: message."},
            footer = {"", "Exit codes: 0 done; 1 the output could not be written; 2 the file has problems (each listed"
                    + " on stderr as file:line:column: path: message, nothing written), cannot be read, or bad usage."})
    static final class Import implements Callable<Integer> {

        @Option(names = "--format", required = true, paramLabel = "FORMAT", converter = FormatConverter.class,
                completionCandidates = FormatCandidates.class,
                description = "case (a CASE 1.0 or 1.1 CFPackage, JSON) or moodle-csv (Moodle's tool_lpimportcsv file).")
        Format format;

        @Option(names = "--in", required = true, paramLabel = "FILE", description = "The file to read (UTF-8).")
        Path in;

        @Option(names = "--code", paramLabel = "CODE",
                description = "The framework's code. Default: the file's (CASE: QI Pathways' note in CFDocument.notes,"
                        + " else made from the title; Moodle: the framework row's ID number).")
        String code;

        @Option(names = "--scale", paramLabel = "LEVELS",
                description = "The proficiency scale, lowest level first, separated by commas, each proficient level"
                        + " marked with a trailing *: \"Aware,Practitioner*,Leader*\". Needed for a CASE package"
                        + " without a rubric (most of them); replaces the file's scale when given.")
        String scale;

        @Option(names = "--scale-name", paramLabel = "NAME", defaultValue = "Proficiency",
                description = "The name of the --scale. Default: ${DEFAULT-VALUE}.")
        String scaleName;

        @Option(names = "--strict",
                description = "Refuse, rather than change, codes that do not fit, a second parent, a parent outside"
                        + " the file: for files QI Pathways wrote itself.")
        boolean strict;

        @Option(names = "--out", paramLabel = "FILE", description = "Write the YAML here instead of standard output.")
        Path out;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter err = spec.commandLine().getErr();
            FrameworkImportOptions options = options();
            String text = readText(in);
            String source = in.toString();
            FrameworkImport result;
            try {
                result = format == Format.CASE ? CaseJson.parse(text, source, options)
                        : MoodleCompetencyCsv.parse(text, source, options);
            } catch (FrameworkImportException e) {
                e.problems().forEach(err::println);
                err.println("qip framework import: " + e.problems().size()
                        + (e.problems().size() == 1 ? " problem in " : " problems in ") + source + "; nothing written");
                err.flush();
                return ExitCodes.BAD_INPUT;
            }
            CompetencyFramework fw = result.framework();
            err.println(source + ": read framework " + fw.code() + " \"" + fw.title() + "\": "
                    + count(fw.competencies().size(), "competency", "competencies") + ", scale \"" + fw.scale().name()
                    + "\" (" + levels(fw.scale()) + ")");
            if (!result.codes().isEmpty()) {
                err.println(source + ": " + count(result.codes().size(), "code differs", "codes differ") + " from the file:");
                result.codes().forEach(m -> err.println("  " + m));
            }
            result.warnings().forEach(err::println);
            String yaml = yaml(result, source, format);
            if (out == null) {
                PrintWriter o = spec.commandLine().getOut();
                o.print(yaml);
                o.flush();
            } else {
                writeAtomically(out, yaml);
                err.println("wrote " + out);
            }
            err.flush();
            return ExitCodes.OK;
        }

        private FrameworkImportOptions options() {
            FrameworkImportOptions options = strict ? FrameworkImportOptions.STRICT : FrameworkImportOptions.DEFAULT;
            try {
                if (code != null) {
                    options = options.withFrameworkCode(code);
                }
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "--code: " + e.getMessage());
            }
            if (scale != null) {
                options = options.withScale(scale(scale, scaleName, spec.commandLine()));
            }
            return options;
        }
    }

    /** {@code "Aware,Practitioner*,Leader*"} as a scale. */
    static ProficiencyScale scale(String levels, String name, CommandLine cmd) {
        List<ProficiencyLevel> out = new ArrayList<>();
        for (String raw : levels.split(",", -1)) {
            String level = raw.strip();
            boolean proficient = level.endsWith("*");
            String levelName = proficient ? level.substring(0, level.length() - 1).strip() : level;
            if (levelName.isEmpty()) {
                throw new ParameterException(cmd, "--scale '" + levels + "' has an empty level; write the levels lowest"
                        + " first, separated by commas, e.g. \"Aware,Practitioner*,Leader*\"");
            }
            out.add(new ProficiencyLevel(out.size() + 1, levelName, proficient));
        }
        if (out.stream().noneMatch(ProficiencyLevel::proficient)) {
            throw new ParameterException(cmd, "--scale '" + levels + "' marks no level as proficient; put * after each"
                    + " level that counts as achieving a competency, e.g. \"Aware,Practitioner*,Leader*\"");
        }
        if (name == null || name.isBlank()) {
            throw new ParameterException(cmd, "--scale-name must not be empty");
        }
        return new ProficiencyScale(name.strip(), out);
    }

    private static String levels(ProficiencyScale scale) {
        return String.join(", ", scale.levels().stream().map(l -> l.name() + (l.proficient() ? "*" : "")).toList());
    }

    private static final ObjectMapper YAML = new YAMLMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .build());

    /**
     * The framework as the {@code framework:} section of a programme definition, in the keys and
     * order docs/programme-format.md gives, with the changed codes in comments above it.
     */
    static String yaml(FrameworkImport result, String source, Format format) {
        CompetencyFramework fw = result.framework();
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode root = f.objectNode();
        ObjectNode n = root.putObject("framework");
        n.put("code", fw.code());
        n.put("title", fw.title());
        if (fw.description() != null) {
            n.put("description", fw.description());
        }
        ObjectNode scale = n.putObject("scale");
        scale.put("name", fw.scale().name());
        ArrayNode levels = scale.putArray("levels");
        for (ProficiencyLevel l : fw.scale().levels()) {
            ObjectNode level = levels.addObject().put("level", l.level()).put("name", l.name());
            if (l.proficient()) {
                level.put("proficient", true);
            }
        }
        if (!fw.competencies().isEmpty()) {
            ArrayNode competencies = n.putArray("competencies");
            for (Competency c : fw.competencies()) {
                ObjectNode cn = competencies.addObject().put("code", c.code()).put("title", c.title());
                if (c.description() != null) {
                    cn.put("description", c.description());
                }
                if (c.parent() != null) {
                    cn.put("parent", c.parent());
                }
            }
        }
        StringBuilder sb = new StringBuilder();
        sb.append("# Competency framework read by qip framework import from ").append(oneLine(source))
                .append(" (").append(format.what).append(").\n");
        sb.append("# It is the framework: section of a programme definition (docs/programme-format.md).\n");
        if (!result.codes().isEmpty()) {
            sb.append("# Codes that differ from the file (where, the file's code -> the code here):\n");
            for (FrameworkImport.CodeMapping m : result.codes()) {
                sb.append("#   ").append(oneLine(m.path())).append(": ")
                        .append(m.original() == null ? "(none)" : "'" + oneLine(m.original()) + "'")
                        .append(" -> ").append(m.code()).append('\n');
            }
        }
        try {
            return sb.append(YAML.writeValueAsString(root)).toString();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write a framework held in memory as YAML", e);
        }
    }

    private static String oneLine(String s) {
        return s.replaceAll("\\p{Cntrl}", " ");
    }

    // ---- export -----------------------------------------------------------------------------------

    /** {@code qip framework export --format case|moodle-csv [--programme F] [--base-uri URI] [--out FILE]}. */
    @Command(name = "export",
            description = {"Write a programme's competency framework as a CASE 1.0 package (JSON) or as the CSV file"
                    + " of Moodle's Import competency framework tool.",
                    "The CASE package validates against OpenSALT's CASE 1.0 and 1EdTech's CASE 1.1 package schemas."
                            + " The Moodle file is refused, with the reason, where Moodle's importer would read it"
                            + " differently; what Moodle will shorten is listed on stderr."},
            footer = {"", "Exit codes: 0 done; 1 the file could not be written; 2 the programme has problems, the"
                    + " framework cannot be written in that format (reason on stderr), or bad usage."})
    static final class Export implements Callable<Integer> {

        @Option(names = "--format", required = true, paramLabel = "FORMAT", converter = FormatConverter.class,
                completionCandidates = FormatCandidates.class,
                description = "case (CASE 1.0 CFPackage JSON) or moodle-csv (Moodle's tool_lpimportcsv file).")
        Format format;

        @Mixin
        ProgrammeOption programme;

        @Option(names = "--base-uri", paramLabel = "URI",
                description = "CASE only, and needed there: the absolute URI the package's objects are published"
                        + " under, e.g. https://qi.example-trust.nhs.uk/ims/case/v1p0 (each object's uri is"
                        + " URI/CFItems/<identifier> and so on).")
        String baseUri;

        @Option(names = "--last-change", paramLabel = "INSTANT",
                description = "CASE only: the lastChangeDateTime of every object, e.g. 2026-01-31T09:00:00Z."
                        + " Default: now. The same framework and time give the same bytes.")
        String lastChange;

        @Option(names = "--out", paramLabel = "FILE", description = "Write here instead of standard output.")
        Path out;

        @Spec
        CommandSpec spec;

        private final Clock clock;

        /** The command as picocli creates it: {@code --last-change} defaults to now. */
        Export() {
            this(Clock.systemUTC());
        }

        /** For tests: {@code clock} decides what "now" is. */
        Export(Clock clock) {
            this.clock = clock;
        }

        @Override
        public Integer call() {
            CommandLine cmd = spec.commandLine();
            PrintWriter err = cmd.getErr();
            if (format != Format.CASE && (baseUri != null || lastChange != null)) {
                throw new ParameterException(cmd, "--base-uri and --last-change are for --format case only");
            }
            URI base = format == Format.CASE ? baseUri(cmd) : null;
            Instant when = format == Format.CASE ? lastChange(cmd) : null;
            CompetencyFramework fw = programme.programme().framework();
            String text;
            try {
                if (format == Format.CASE) {
                    text = CaseJson.export(fw, base, when);
                } else {
                    text = MoodleCompetencyCsv.export(fw);
                    MoodleCompetencyCsv.warnings(fw).forEach(w -> err.println("warning: " + w));
                }
            } catch (IllegalArgumentException e) {
                throw QipException.badInput(e.getMessage(), e);
            }
            if (out == null) {
                PrintWriter o = cmd.getOut();
                o.print(text);
                o.flush();
            } else {
                writeAtomically(out, text);
                err.println("wrote framework " + fw.code() + " (" + count(fw.competencies().size(), "competency",
                        "competencies") + ") as a " + format.what + " to " + out);
            }
            err.flush();
            return ExitCodes.OK;
        }

        private URI baseUri(CommandLine cmd) {
            if (baseUri == null) {
                throw new ParameterException(cmd, "--format case needs --base-uri: the absolute URI the package's"
                        + " objects are published under, e.g. https://qi.example-trust.nhs.uk/ims/case/v1p0");
            }
            try {
                URI uri = new URI(baseUri);
                if (!uri.isAbsolute()) {
                    throw new ParameterException(cmd, "--base-uri '" + baseUri + "' must be absolute, e.g."
                            + " https://qi.example-trust.nhs.uk/ims/case/v1p0");
                }
                return uri;
            } catch (URISyntaxException e) {
                throw new ParameterException(cmd, "--base-uri '" + baseUri + "' is not a URI: " + e.getReason());
            }
        }

        private Instant lastChange(CommandLine cmd) {
            if (lastChange == null) {
                return clock.instant().truncatedTo(ChronoUnit.SECONDS);
            }
            try {
                return Instant.parse(lastChange);
            } catch (DateTimeParseException e) {
                throw new ParameterException(cmd, "--last-change '" + lastChange + "' is not an instant; write it as"
                        + " 2026-01-31T09:00:00Z");
            }
        }
    }

    // ---- files ------------------------------------------------------------------------------------

    private static String readText(Path file) {
        if (Files.isDirectory(file)) {
            throw QipException.badInput("cannot read " + file + ": it is a directory");
        }
        try {
            byte[] bytes = Files.readAllBytes(file);
            return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (NoSuchFileException e) {
            throw QipException.badInput("cannot read " + file + ": no such file", e);
        } catch (AccessDeniedException e) {
            throw QipException.badInput("cannot read " + file + ": permission denied", e);
        } catch (CharacterCodingException e) {
            throw QipException.badInput("cannot read " + file + ": it is not UTF-8 text; save it as UTF-8", e);
        } catch (IOException e) {
            throw QipException.badInput("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Writes beside the target and moves into place, so a failure never leaves half a file. */
    private static void writeAtomically(Path target, String text) {
        try {
            Path dir = target.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, ".qip-framework", ".tmp");
            try {
                Files.writeString(tmp, text, StandardCharsets.UTF_8);
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw QipException.failed("cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    private static String count(int n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }
}
