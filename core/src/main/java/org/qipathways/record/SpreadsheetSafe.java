package org.qipathways.record;

import org.qipathways.record.internal.Csv;

/**
 * CSV cells that a spreadsheet shows as text and never runs: the neutralising every CSV file meant
 * for people (rejected rows, {@code qip evaluate} output, report tables) passes its cells through.
 *
 * <p>Excel, LibreOffice and Google Sheets run a cell that starts with {@code =}, {@code +},
 * {@code -} or {@code @} as a formula ({@code =HYPERLINK(...)} sends data away, {@code @SUM(...)},
 * DDE payloads start programs), and some also after a leading tab or carriage return. As OWASP's
 * CSV injection guidance advises, such a cell gets a single quote before it, which spreadsheets show
 * as text and do not display; a plain number such as {@code -3} or {@code -0.5} is left as it is,
 * since it cannot run anything. The cell is then quoted as RFC 4180 says.
 * <pre>{@code
 * SpreadsheetSafe.cell("=HYPERLINK(\"http://x\",\"click\")");   // "'=HYPERLINK(""http://x"",""click"")"
 * SpreadsheetSafe.cell("-3");                                   // -3
 * SpreadsheetSafe.cell("Bronze, Silver");                       // "Bronze, Silver"
 * }</pre>
 *
 * <p>Files read back by QI Pathways itself ({@code events.csv}, {@code learners.csv}, as written by
 * {@link EventsCsv} and {@link LearnersCsv}) are interchange formats and keep their values exactly;
 * their readers refuse what could not be data (see {@link ReadOptions}).
 */
public final class SpreadsheetSafe {

    private SpreadsheetSafe() {
    }

    /** Whether a spreadsheet could take {@code value} for a formula: see the class comment. */
    public static boolean startsFormula(String value) {
        return !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 && !isPlainNumber(value);
    }

    /** {@code value} with a single quote before it when a spreadsheet could take it for a formula. */
    public static String neutralise(String value) {
        return startsFormula(value) ? "'" + value : value;
    }

    /**
     * {@code value} as one CSV cell: neutralised, then in double quotes when it holds a comma, a
     * double quote, a line break or outer white space.
     */
    public static String cell(String value) {
        return Csv.line(java.util.List.of(neutralise(value)));
    }

    /** Whether {@code value} is an optional minus, digits and an optional decimal part, such as {@code -12.5}. */
    private static boolean isPlainNumber(String value) {
        int i = value.charAt(0) == '-' ? 1 : 0;
        int digits = 0;
        boolean point = false;
        int afterPoint = 0;
        for (; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c >= '0' && c <= '9') {
                if (point) {
                    afterPoint++;
                } else {
                    digits++;
                }
            } else if (c == '.' && !point && digits > 0) {
                point = true;
            } else {
                return false;
            }
        }
        return digits > 0 && (!point || afterPoint > 0);
    }
}
