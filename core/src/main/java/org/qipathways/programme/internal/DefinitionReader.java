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
import org.qipathways.programme.Programme;

/**
 * Reads a programme definition (YAML or JSON) into the model, collecting every problem: syntax,
 * unknown or duplicated keys, values of the wrong type, then the model's own checks, each placed
 * at its line and column.
 */
public final class DefinitionReader {

    /** Classpath location of the bundled reference programme. */
    public static final String REFERENCE_RESOURCE = "/org/qipathways/programme/reference-programme.yaml";

    private static final JsonFactory YAML = YAMLFactory.builder().build();
    static final JsonFactory JSON = JsonFactory.builder().build();

    static final List<String> REQUIREMENT_TYPES = List.of(
            "allOf", "anyOf", "of", "completed", "scored", "attended", "evidence", "competency", "holdsTier",
            "priorLearning", "count");

    private static volatile Programme reference;

    private DefinitionReader() {
    }

    public static Programme read(Path file) throws IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    }

    public static Programme parse(String text, String source) {
        boolean json = source != null && source.toLowerCase(Locale.ROOT).endsWith(".json");
        return new Reading(source, text, json ? JSON : YAML).programme();
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
