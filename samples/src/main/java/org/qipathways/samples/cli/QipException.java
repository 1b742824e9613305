package org.qipathways.samples.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * A command stopped for a reason its user can act on; the message is printed as it is, without a
 * stack trace, and the command exits with {@link #exitCode()}.
 * <pre>{@code
 * throw QipException.badInput("cannot read the programme file p.yaml: no such file");
 * }</pre>
 */
final class QipException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int exitCode;

    private QipException(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    /** The input is wrong or missing (exit code 2). */
    static QipException badInput(String message) {
        return new QipException(ExitCodes.BAD_INPUT, message, null);
    }

    /** The input is wrong or unreadable, because of {@code cause} (exit code 2). */
    static QipException badInput(String message, Throwable cause) {
        return new QipException(ExitCodes.BAD_INPUT, message, cause);
    }

    /** The job could not be done (exit code 1). */
    static QipException failed(String message, Throwable cause) {
        return new QipException(ExitCodes.FAILED, message, cause);
    }

    /**
     * Writing {@code what} failed (exit code 1), with the reason and the path it failed on, e.g.
     * {@code cannot write the region to out: /data/out/events.csv: permission denied}.
     */
    static QipException cannotWrite(String what, IOException cause) {
        return new QipException(ExitCodes.FAILED, "cannot write " + what + ": " + reason(cause), cause);
    }

    /**
     * Why a write failed and on which path, in words: Java's file-system exceptions often carry only
     * the path (a {@code NoSuchFileException}'s message is the file name).
     */
    static String reason(IOException e) {
        if (!(e instanceof FileSystemException fs)) {
            return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
        String why;
        if (e instanceof AccessDeniedException) {
            why = "permission denied";
        } else if (e instanceof NoSuchFileException) {
            why = "no such file or directory";
        } else if (e instanceof NotDirectoryException) {
            why = "not a directory";
        } else if (e instanceof DirectoryNotEmptyException) {
            why = "a directory that is not empty is in the way";
        } else if (e instanceof FileAlreadyExistsException) {
            why = "already exists";
        } else {
            why = fs.getReason() != null ? fs.getReason() : e.getClass().getSimpleName();
        }
        String where = fs.getFile() == null ? "" : fs.getFile()
                + (fs.getOtherFile() == null ? "" : " -> " + fs.getOtherFile()) + ": ";
        return where + why;
    }

    int exitCode() {
        return exitCode;
    }
}
