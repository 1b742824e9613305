package org.qipathways.programme.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.qipathways.definition.DefinitionProblem;
import org.qipathways.programme.Programme;
import org.qipathways.programme.ProgrammeDefinitionException;
import org.qipathways.text.internal.CheckedText;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Reads a programme definition (YAML or JSON) into the model, collecting every problem: syntax,
 * unknown or duplicated keys, values of the wrong type, then the model's own checks, each placed
 * at its line and column.
 */
public final class DefinitionReader {

    /** Classpath location of the bundled reference programme. */
    public static final String REFERENCE_RESOURCE = "/org/qipathways/programme/reference-programme.yaml";

    /** The largest definition read by default; see {@link Programme#DEFAULT_MAX_DEFINITION_BYTES}. */
    public static final long DEFAULT_MAX_BYTES = 8L * 1024 * 1024;

    private static final char BOM = '\uFEFF';

    static final JsonFactory JSON = JsonFactory.builder().build();
    private static final JsonFactory YAML = yaml(DEFAULT_MAX_BYTES);

    static final List<String> REQUIREMENT_TYPES = List.of(
            "allOf", "anyOf", "of", "completed", "scored", "attended", "evidence", "competency", "holdsTier",
            "priorLearning", "count");

    private static volatile Programme reference;

    private DefinitionReader() {
    }

    /**
     * SnakeYAML refuses documents over its own code point limit (3 MB by default) with a message
     * about its internals: it is set to the file limit, so that the file limit is the one users meet.
     */
    private static JsonFactory yaml(long maxChars) {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit((int) Math.min(Integer.MAX_VALUE, maxChars + 1));
        return YAMLFactory.builder().loaderOptions(options).build();
    }

    public static Programme read(Path file) throws IOException {
        return read(file, DEFAULT_MAX_BYTES);
    }

    /** Reads at most {@code maxBytes} of {@code file}: a larger file (or an endless one, such as a device) is refused. */
    public static Programme read(Path file, long maxBytes) throws IOException {
        String source = file.toString();
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        }
        if (bytes.length > maxBytes) {
            throw tooLarge(source, maxBytes, "bytes");
        }
        String text;
        try {
            text = CheckedText.decode(bytes);
        } catch (CheckedText.Problem e) {
            throw new ProgrammeDefinitionException(List.of(new DefinitionProblem(source, "", e.line(), e.column(),
                    "the file is not UTF-8 text: " + e.getMessage())));
        }
        return parse(text, source, maxBytes);
    }

    public static Programme parse(String text, String source) {
        return parse(text, source, DEFAULT_MAX_BYTES);
    }

    private static Programme parse(String text, String source, long maxChars) {
        if (text.length() > maxChars) {
            throw tooLarge(source, maxChars, "characters");
        }
        // A byte-order mark, as Windows editors write, is no part of the document.
        String document = !text.isEmpty() && text.charAt(0) == BOM ? text.substring(1) : text;
        boolean json = source != null && source.toLowerCase(Locale.ROOT).endsWith(".json");
        JsonFactory factory = json ? JSON : maxChars == DEFAULT_MAX_BYTES ? YAML : yaml(maxChars);
        return new Reading(source, document, factory).programme();
    }

    private static ProgrammeDefinitionException tooLarge(String source, long limit, String unit) {
        return new ProgrammeDefinitionException(List.of(new DefinitionProblem(source, "", 0, 0,
                "the file is larger than " + limit + " " + unit + " (" + mebibytes(limit) + "), the limit for a programme"
                        + " definition: a real programme is a few KB, so check that this is the right file. If it is,"
                        + " raise the limit (Programme.load(file, maxBytes); qip: --max-programme-size)")));
    }

    /** {@code bytes} in MiB for a message, e.g. {@code 8 MiB}. */
    static String mebibytes(long bytes) {
        double mib = bytes / (1024.0 * 1024.0);
        return (mib == Math.rint(mib) ? Long.toString((long) mib) : String.format(Locale.ROOT, "%.1f", mib)) + " MiB";
    }

    public static Programme reference() {
        Programme p = reference;
        if (p == null) {
            try (InputStream in = DefinitionReader.class.getResourceAsStream(REFERENCE_RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("The bundled reference programme " + REFERENCE_RESOURCE + " is missing from the class path");
                }
                p = parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "reference-programme.yaml");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            reference = p;
        }
        return p;
    }
}
