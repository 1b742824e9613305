package org.qipathways.competency.internal;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text of a short HTML fragment, such as a Moodle description written in its editor
 * ({@code <p>Achieving Results<br></p>}): white space collapsed as a browser would, paragraphs and
 * line breaks as new lines, list items as {@code - } lines, tags dropped, entities decoded.
 * Descriptions in QI Pathways are plain text.
 */
public final class HtmlText {

    private static final Pattern BREAK = Pattern.compile("(?i)<br\\s*/?>");
    private static final Pattern BLOCK_END = Pattern.compile("(?i)</(p|div|li|h[1-6]|tr|ul|ol|blockquote)\\s*>");
    private static final Pattern ITEM = Pattern.compile("(?i)<li(\\s[^>]*)?>");
    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final Pattern ENTITY = Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]+);");
    private static final Map<String, String> NAMED = Map.of(
            "amp", "&", "lt", "<", "gt", ">", "quot", "\"", "apos", "'", "nbsp", " ",
            "ndash", "–", "mdash", "—", "rsquo", "’", "lsquo", "‘");

    private HtmlText() {
    }

    /** The fragment's text; {@code null} for {@code null}. */
    public static String of(String html) {
        if (html == null) {
            return null;
        }
        String s = html.replaceAll("\\s+", " ");
        s = BREAK.matcher(s).replaceAll("\n");
        s = BLOCK_END.matcher(s).replaceAll("\n");
        s = ITEM.matcher(s).replaceAll("- ");
        s = TAG.matcher(s).replaceAll("");
        s = decode(s);
        StringBuilder out = new StringBuilder();
        boolean blank = false;
        for (String line : s.split("\n", -1)) {
            String t = line.strip();
            if (t.isEmpty()) {
                blank = out.length() > 0;
                continue;
            }
            if (out.length() > 0) {
                out.append(blank ? "\n\n" : "\n");
            }
            out.append(t);
            blank = false;
        }
        return out.toString();
    }

    private static String decode(String s) {
        Matcher m = ENTITY.matcher(s);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String e = m.group(1);
            String replacement;
            if (e.startsWith("#x") || e.startsWith("#X")) {
                replacement = codePoint(Integer.parseInt(e.substring(2), 16), m.group());
            } else if (e.startsWith("#")) {
                replacement = codePoint(Integer.parseInt(e.substring(1)), m.group());
            } else {
                replacement = NAMED.getOrDefault(e, m.group());
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String codePoint(int cp, String asWritten) {
        return Character.isValidCodePoint(cp) ? new String(Character.toChars(cp)) : asWritten;
    }
}
