package org.qipathways.samples.cli;

import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.qipathways.programme.Programme;
import picocli.CommandLine.Option;

/**
 * The {@code --programme FILE} option shared by every command that works on a programme; without
 * it, the bundled reference programme is used. Mix it into a command:
 * <pre>{@code
 * @Mixin ProgrammeOption programme;
 * ...
 * Programme p = programme.programme();   // throws ProgrammeDefinitionException or QipException
 * }</pre>
 */
final class ProgrammeOption {

    @Option(names = "--programme", paramLabel = "FILE",
            description = "The programme definition: a YAML file, or JSON when the name ends in .json."
                    + " Default: the bundled reference programme (Bronze, Silver, Gold).")
    Path file;

    @Option(names = "--max-programme-size", paramLabel = "BYTES",
            description = "The largest programme file read. Default: 8388608 (8 MiB); a real programme is a few KB.")
    Long maxBytes;

    /**
     * The programme named by the option, or the bundled reference programme.
     *
     * @throws org.qipathways.programme.ProgrammeDefinitionException when the definition has problems
     * @throws QipException when the file cannot be read
     */
    Programme programme() {
        if (file == null) {
            return Programme.reference();
        }
        return load(file, maxBytes == null ? Programme.DEFAULT_MAX_DEFINITION_BYTES : maxBytes);
    }

    private static Programme load(Path file, long maxBytes) {
        if (Files.isDirectory(file)) {
            throw QipException.badInput("cannot read the programme file " + file + ": it is a directory");
        }
        try {
            return Programme.load(file, maxBytes);
        } catch (UncheckedIOException e) {
            throw QipException.badInput("cannot read the programme file " + file + ": " + reason(e.getCause()), e);
        }
    }

    private static String reason(Throwable cause) {
        if (cause instanceof NoSuchFileException) {
            return "no such file";
        }
        if (cause instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (cause instanceof CharacterCodingException) {
            return "it is not UTF-8 text; save it as UTF-8";
        }
        return cause == null || cause.getMessage() == null ? "unknown error" : cause.getMessage();
    }
}
