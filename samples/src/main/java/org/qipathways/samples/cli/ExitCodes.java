package org.qipathways.samples.cli;

/**
 * The exit codes every {@code qip} command uses (docs: formats.md, "The qip command").
 * <pre>{@code
 * qip validate --programme p.yaml; echo $?   # 0 valid, 2 problems listed on stderr
 * }</pre>
 */
final class ExitCodes {
    /** The command did its job. */
    static final int OK = 0;
    /** The job failed, e.g. a Moodle site could not be reached. */
    static final int FAILED = 1;
    /** Bad usage or bad input: an unknown option, a missing file, an invalid definition. */
    static final int BAD_INPUT = 2;

    private ExitCodes() {
    }
}
