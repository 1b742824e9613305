package org.qipathways.samples.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Organisation names by ODS code, for the report's organisation table: from an organisations file
 * ({@code organisation,name}, extra columns ignored), or from learners.csv when it has an
 * {@code organisation_name} column. Both are RFC 4180 CSV with a header row, columns in any order.
 * <pre>{@code
 * Map<String, String> names = OrganisationNames.read(Path.of("organisations.csv"), "name");
 * names.get("RHQ");   // "Sheffield Teaching Hospitals NHS Foundation Trust"
 * }</pre>
 */
final class OrganisationNames {

    /** The learners.csv column that may hold the organisation's name. */
    static final String LEARNERS_COLUMN = "organisation_name";

    private OrganisationNames() {
    }

    /**
     * Names by upper-case code from {@code file}'s {@code organisation} and {@code nameColumn} columns;
     * empty when {@code optional} and the file has no such name column. Blank names are skipped; a code
     * given two different names is bad input.
     */
    static Map<String, String> read(Path file, String nameColumn, boolean optional) {
        List<List<String>> rows;
        try {
            rows = parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw QipException.badInput("cannot read " + file + ": " + QipException.reason(e), e);
        } catch (IllegalArgumentException e) {
            throw QipException.badInput(file + ": " + e.getMessage(), e);
        }
        if (rows.isEmpty()) {
            throw QipException.badInput(file + ": empty; expected a header row with organisation," + nameColumn);
        }
        List<String> header = rows.get(0).stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
        int code = header.indexOf("organisation");
        int name = header.indexOf(nameColumn);
        if (name < 0 && optional) {
            return Map.of();
        }
        if (code < 0 || name < 0) {
            throw QipException.badInput(file + ":1: the header needs the columns organisation and " + nameColumn
                    + ", has " + String.join(",", header));
        }
        Map<String, String> names = new HashMap<>();
        for (int i = 1; i < rows.size(); i++) {
            List<String> row = rows.get(i);
            if (row.size() <= Math.max(code, name)) {
                continue;
            }
            String c = row.get(code).strip().toUpperCase(Locale.ROOT);
            String n = row.get(name).strip();
            if (c.isEmpty() || n.isEmpty()) {
                continue;
            }
            String before = names.putIfAbsent(c, n);
            if (before != null && !before.equals(n)) {
                throw QipException.badInput(file + ":" + (i + 1) + ": organisation " + c + " is named both \"" + before
                        + "\" and \"" + n + "\"");
            }
        }
        return names;
    }

    /** RFC 4180: quoted fields with doubled quotes, CRLF or LF line ends; a stray quote is refused. */
    static List<List<String>> parse(String text) {
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        int line = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    line += c == '\n' ? 1 : 0;
                    cell.append(c);
                }
            } else if (c == '"' && cell.length() == 0) {
                quoted = true;
            } else if (c == '"') {
                throw new IllegalArgumentException("line " + line + ": a quote inside an unquoted value");
            } else if (c == ',') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                row.add(cell.toString());
                cell.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                line++;
            } else {
                cell.append(c);
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("line " + line + ": a quoted value is not closed");
        }
        if (cell.length() > 0 || !row.isEmpty()) {
            row.add(cell.toString());
            rows.add(row);
        }
        return rows;
    }
}
