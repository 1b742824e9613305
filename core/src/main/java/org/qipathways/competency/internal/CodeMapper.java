package org.qipathways.competency.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.qipathways.competency.FrameworkImport.CodeMapping;
import org.qipathways.programme.Codes;

/**
 * Gives every competency of an imported framework a valid, unique code, keeping the file's own
 * code wherever it fits. Publishers write codes such as {@code CCSS.Math.Content.6.RP.A},
 * {@code level-1} or none at all; a QI Pathways code is upper case, 1-40 characters of
 * {@code [A-Z0-9._-]}.
 *
 * <p>The rules, applied in file order so that the same file always gives the same codes:
 * <ol>
 *   <li>a code that fits and is not yet taken is kept;</li>
 *   <li>otherwise its accents are dropped, it is put in capitals and every run of other characters
 *       becomes {@code -} ({@code CCSS.Math.Content.6.RP.A} → {@code CCSS.MATH.CONTENT.6.RP.A});</li>
 *   <li>if that is too long or taken, the first 33 characters are kept and {@code -} and six hex
 *       digits of the SHA-1 of the item's key (its CASE identifier) added, so that the code stays
 *       the same when the file is imported again;</li>
 *   <li>an item without a code gets {@code ITEM-} and eight hex digits of that hash.</li>
 * </ol>
 */
public final class CodeMapper {

    /** One code to assign. */
    public record Wanted(String path, String original, String key) {
    }

    /** The codes, in the order asked for, and the ones that differ from the original. */
    public record Result(List<String> codes, List<CodeMapping> mappings) {
    }

    /** Why a code the file gave was changed: it is not a code. */
    public static final String NOT_A_CODE = "not a valid code: a code is 1-40 of A-Z, 0-9, '.', '-' and '_', starting"
            + " with a letter or digit";

    private static final Pattern CODE = Pattern.compile(Codes.PATTERN);
    private static final Pattern OTHER = Pattern.compile("[^A-Z0-9._-]+");
    private static final int MAX = 40;
    private static final int KEEP_BEFORE_HASH = 33;

    private CodeMapper() {
    }

    /** Whether {@code code} is a valid QI Pathways code as it stands. */
    public static boolean fits(String code) {
        return code != null && CODE.matcher(code).matches();
    }

    /**
     * Codes for {@code wanted}.
     *
     * @param what what a code names, for the reasons ("competency", "framework")
     */
    public static Result assign(List<Wanted> wanted, String what) {
        String[] codes = new String[wanted.size()];
        Set<String> taken = new HashSet<>();
        Map<String, String> firstPath = new HashMap<>();
        String[] reasons = new String[wanted.size()];
        for (int i = 0; i < wanted.size(); i++) {
            String original = wanted.get(i).original();
            if (fits(original)) {
                if (taken.add(original)) {
                    codes[i] = original;
                    firstPath.put(original, wanted.get(i).path());
                } else {
                    reasons[i] = "also the code of " + firstPath.get(original) + "; " + what + " codes must be unique";
                }
            } else if (original == null || original.isBlank()) {
                reasons[i] = "no code given; made from its " + (wanted.get(i).key() == null ? "place" : "identifier");
            } else {
                reasons[i] = NOT_A_CODE;
            }
        }
        List<CodeMapping> mappings = new ArrayList<>();
        for (int i = 0; i < wanted.size(); i++) {
            if (codes[i] != null) {
                continue;
            }
            Wanted w = wanted.get(i);
            String code = fresh(w, taken);
            taken.add(code);
            codes[i] = code;
            mappings.add(new CodeMapping(w.path(), w.original() == null || w.original().isBlank() ? null : w.original(),
                    code, reasons[i]));
        }
        return new Result(List.of(codes), mappings);
    }

    /** {@code text} as a code, or {@code null} when nothing of it fits (e.g. only punctuation or CJK). */
    public static String normalise(String text) {
        if (text == null) {
            return null;
        }
        String plain = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
        String code = OTHER.matcher(plain.toUpperCase(Locale.ROOT)).replaceAll("-");
        code = code.replaceAll("^[._-]+", "").replaceAll("-+$", "");
        return code.isEmpty() ? null : code;
    }

    private static String fresh(Wanted w, Set<String> taken) {
        String base = normalise(w.original());
        String hash = sha1(w.key() != null ? w.key() : w.path());
        if (base == null) {
            for (int n = 8; n <= hash.length(); n += 2) {
                String code = "ITEM-" + hash.substring(0, n);
                if (code.length() <= MAX && !taken.contains(code)) {
                    return code;
                }
            }
        } else {
            if (base.length() <= MAX && fits(base) && !taken.contains(base)) {
                return base;
            }
            String stem = base.length() > KEEP_BEFORE_HASH ? base.substring(0, KEEP_BEFORE_HASH) : base;
            for (int n = 6; n <= MAX - 2; n += 2) {
                String cut = stem.length() + 1 + n <= MAX ? stem : stem.substring(0, MAX - 1 - n);
                String code = cut + "-" + hash.substring(0, n);
                if (fits(code) && !taken.contains(code)) {
                    return code;
                }
            }
        }
        // Forty hex digits of SHA-1 taken by other items is not going to happen; count up to be total.
        for (long n = 2; ; n++) {
            String code = "ITEM-" + hash.substring(0, 8) + "-" + n;
            if (!taken.contains(code)) {
                return code;
            }
        }
    }

    /** The first {@code digits} hex digits (upper case) of the SHA-1 of {@code key}. */
    public static String hash(String key, int digits) {
        return sha1(key).substring(0, digits);
    }

    private static String sha1(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().withUpperCase().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform must provide SHA-1", e);
        }
    }
}
