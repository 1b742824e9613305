package org.qipathways.samples.cli;

import java.time.LocalDate;
import picocli.CommandLine.Option;

/**
 * The {@code --as-of DATE} option: the date learners are judged on; today when not given. The
 * clock is read here, at the edge, and nowhere in the library.
 * <pre>{@code
 * @Mixin AsOfOption asOf;
 * LocalDate date = asOf.date();
 * }</pre>
 */
final class AsOfOption {

    @Option(names = "--as-of", paramLabel = "DATE", converter = IsoDate.class,
            description = "The date to judge on (YYYY-MM-DD); events after it are ignored. Default: today.")
    LocalDate date;

    LocalDate date() {
        return date != null ? date : LocalDate.now();
    }
}
