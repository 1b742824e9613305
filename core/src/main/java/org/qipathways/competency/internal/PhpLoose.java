package org.qipathways.competency.internal;

import java.util.regex.Pattern;

/**
 * PHP's loose comparison ({@code ==}) of two strings, as far as a QI Pathways code can meet it: two
 * numeric strings compare as numbers, so {@code "1.1" == "1.10"}, {@code "01" == "1"} and
 * {@code "1E1" == "10"} are all true in PHP 7 and 8 ("Comparison Operators" in the PHP manual:
 * "If both operands are numeric strings ... the comparison is done numerically").
 *
 * <p>Moodle's competency importer builds the tree with such a comparison
 * ({@code admin/tool/lpimportcsv/classes/framework_importer.php}, {@code add_children}:
 * {@code if ($competency->parentidnumber == $parentidnumber)}), so a competency whose parent is
 * {@code 1.1} is also attached under {@code 1.10}.
 */
public final class PhpLoose {

    /**
     * A PHP numeric string a code can be: digits, an optional fraction, an optional exponent (PHP's
     * LNUM, DNUM and EXPONENT_DNUM). A code cannot start with a sign, a dot or white space, nor
     * hold a lower-case {@code e}, so those forms are not needed.
     */
    private static final Pattern NUMERIC = Pattern.compile("[0-9]+(\\.[0-9]*)?(E[+-]?[0-9]+)?");
    private static final Pattern INTEGER = Pattern.compile("[0-9]+");

    private PhpLoose() {
    }

    /** Whether PHP would take {@code code} as a number. */
    public static boolean isNumeric(String code) {
        return code != null && NUMERIC.matcher(code).matches();
    }

    /**
     * Whether {@code a == b} in PHP 8, as {@code zendi_smart_str_equals} (Zend/zend_operators.c)
     * decides it for two strings: integers within 64 bits compare exactly; anything else as
     * doubles, except that two integers both beyond 64 bits, or two doubles both infinite, compare
     * as text (a double comparison would lose the digits that tell them apart).
     */
    public static boolean equal(String a, String b) {
        if (a.equals(b)) {
            return true;
        }
        if (!isNumeric(a) || !isNumeric(b)) {
            return false;
        }
        Long longA = asLong(a);
        Long longB = asLong(b);
        boolean overflowA = longA == null && INTEGER.matcher(a).matches();
        boolean overflowB = longB == null && INTEGER.matcher(b).matches();
        double x = Double.parseDouble(a);
        double y = Double.parseDouble(b);
        if (overflowA && overflowB && x == y) {
            return false; // compared as text, and the texts differ
        }
        if (longA != null && longB != null) {
            return longA.longValue() == longB.longValue();
        }
        if (longA != null && overflowB || longB != null && overflowA) {
            return false;
        }
        if (x == y && Double.isInfinite(x)) {
            return false; // compared as text
        }
        return x == y;
    }

    private static Long asLong(String s) {
        if (!INTEGER.matcher(s).matches()) {
            return null;
        }
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException overflow) {
            return null;
        }
    }
}
