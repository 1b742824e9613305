package org.qipathways.samples.cli;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import picocli.CommandLine;

/**
 * Reads a date option ({@code --as-of}, {@code --end}, {@code --since}, ...) as an ISO date, with a
 * message a person can act on instead of Java's parser text. {@link Qip#commandLine()} registers it
 * for every {@code LocalDate} option, and its usage-error handler puts the option's name in front:
 * <pre>{@code
 * $ qip evaluate --events events.csv --as-of 2026-13-45
 * qip evaluate: --as-of: '2026-13-45' is not a date (use YYYY-MM-DD)
 * }</pre>
 */
final class IsoDate implements CommandLine.ITypeConverter<LocalDate> {

    @Override
    public LocalDate convert(String value) {
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new CommandLine.TypeConversionException("'" + value + "' is not a date (use YYYY-MM-DD)");
        }
    }
}
