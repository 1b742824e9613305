package org.qipathways.text.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The characters of an input file, checked as they are read: strictly decoded UTF-8 (a byte that
 * is no UTF-8 character is reported at its line and column, which the JDK's decoding readers cannot
 * say) and physical lines no longer than a limit (a binary file or a row of a million commas is
 * refused before it fills memory). Line breaks are LF, CRLF or a lone CR, as CSV parsers count them.
 * <pre>{@code
 * try (Reader in = CheckedText.utf8(Files.newInputStream(file), 100_000)) { ... }
 * } catch (CheckedText.Problem e) {
 *     e.line();   // where the bad byte or the long line is
 * }
 * }</pre>
 */
public final class CheckedText extends Reader {

    /** The input cannot be read as text from {@link #line()} on. */
    public static final class Problem extends IOException {
        private static final long serialVersionUID = 1L;

        private final int line;
        private final int column;
        private final boolean notUtf8;

        Problem(int line, int column, boolean notUtf8, String message) {
            super(message);
            this.line = line;
            this.column = column;
            this.notUtf8 = notUtf8;
        }

        /** Whether the problem is a byte that is no UTF-8 character (else a line too long). */
        public boolean notUtf8() {
            return notUtf8;
        }

        /** The 1-based physical line of the problem. */
        public int line() {
            return line;
        }

        /** The 1-based column (in characters) of the problem. */
        public int column() {
            return column;
        }
    }

    private static final int BUFFER = 8192;

    private final Reader chars;
    private final InputStream bytes;
    private final CharsetDecoder decoder;
    private final ByteBuffer bb;
    private final CharBuffer cb;
    private final int maxLine;
    private int line = 1;
    private int column;
    private boolean lastWasCr;
    private boolean bytesEnded;
    private boolean finished;
    private boolean malformed;

    private CheckedText(Reader chars, InputStream bytes, int maxLine) {
        if (maxLine < 1) {
            throw new IllegalArgumentException("the line limit must be at least 1, not " + maxLine);
        }
        this.chars = chars;
        this.bytes = bytes;
        this.maxLine = maxLine;
        if (bytes != null) {
            decoder = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            bb = ByteBuffer.allocate(BUFFER);
            bb.flip();
            cb = CharBuffer.allocate(BUFFER);
            cb.flip();
        } else {
            decoder = null;
            bb = null;
            cb = null;
        }
    }

    /** The UTF-8 text of {@code in}, which closing this reader closes. */
    public static CheckedText utf8(InputStream in, int maxLine) {
        return new CheckedText(null, Objects.requireNonNull(in, "in"), maxLine);
    }

    /** The characters of {@code in} (already decoded by the caller), with lines checked. */
    public static CheckedText of(Reader in, int maxLine) {
        return new CheckedText(Objects.requireNonNull(in, "in"), null, maxLine);
    }

    /**
     * The whole of {@code bytes} as strictly decoded UTF-8 text.
     *
     * @throws Problem at the line and column of the first byte that is no UTF-8 character
     */
    public static String decode(byte[] bytes) throws Problem {
        StringBuilder sb = new StringBuilder(bytes.length);
        char[] buf = new char[BUFFER];
        try (CheckedText in = utf8(new ByteArrayInputStream(bytes), Integer.MAX_VALUE)) {
            int n;
            while ((n = in.read(buf, 0, buf.length)) >= 0) {
                sb.append(buf, 0, n);
            }
        } catch (Problem e) {
            throw e;
        } catch (IOException e) {
            throw new IllegalStateException("reading from memory failed", e);   // a byte array does not throw
        }
        return sb.toString();
    }

    /** The 1-based physical line of the next character to be read. */
    public int line() {
        return line;
    }

    @Override
    public int read(char[] buf, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        int n = chars != null ? chars.read(buf, off, len) : decoded(buf, off, len);
        for (int i = off; i < off + n; i++) {
            char c = buf[i];
            if (c == '\n') {
                if (!lastWasCr) {
                    line++;
                }
                column = 0;
                lastWasCr = false;
            } else if (c == '\r') {
                line++;
                column = 0;
                lastWasCr = true;
            } else {
                lastWasCr = false;
                if (++column > maxLine) {
                    throw new Problem(line, column, false, "line " + line + " is longer than " + maxLine
                            + " characters, the limit for one line (maxLineLength): is this a text file of the right"
                            + " kind? If the line is right, raise the limit (ReadOptions.withMaxLineLength; qip: --max-line-length)");
                }
            }
        }
        return n;
    }

    /** Decoded characters; the ones before a bad byte are handed out before the bad byte is reported. */
    private int decoded(char[] buf, int off, int len) throws IOException {
        while (true) {
            if (cb.hasRemaining()) {
                int n = Math.min(len, cb.remaining());
                cb.get(buf, off, n);
                return n;
            }
            if (malformed) {
                throw new Problem(line, column + 1, true, "line " + line + " is not UTF-8 text (at character " + (column + 1)
                        + "): the file was probably saved in another encoding (Windows-1252, \"ANSI\"); save it as UTF-8");
            }
            if (finished) {
                return -1;
            }
            cb.clear();
            CoderResult r = decoder.decode(bb, cb, bytesEnded);
            if (r.isError()) {
                malformed = true;
            } else if (r.isUnderflow()) {
                if (bytesEnded) {
                    decoder.flush(cb);
                    finished = true;
                } else if (cb.position() == 0) {
                    readBytes();
                }
            }
            cb.flip();
        }
    }

    private void readBytes() throws IOException {
        bb.compact();
        int n = bytes.read(bb.array(), bb.arrayOffset() + bb.position(), bb.remaining());
        if (n < 0) {
            bytesEnded = true;
        } else {
            bb.position(bb.position() + n);
        }
        bb.flip();
    }

    @Override
    public void close() throws IOException {
        if (chars != null) {
            chars.close();
        } else {
            bytes.close();
        }
    }
}
