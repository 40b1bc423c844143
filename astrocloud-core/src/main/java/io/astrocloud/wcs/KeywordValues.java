package io.astrocloud.wcs;

import java.math.BigInteger;

/**
 * Typed reads of WCS keywords with the standard's defaults; a value of the wrong type, not finite,
 * or out of range is a reason ({@link InvalidWcs}) naming the keyword and the value.
 */
final class KeywordValues {
    private final WcsKeywords header;

    KeywordValues(WcsKeywords header) {
        this.header = header;
    }

    WcsKeywords header() {
        return header;
    }

    boolean has(String keyword) {
        return header.value(keyword) != null;
    }

    /** A real value, or {@code otherwise} when absent. */
    double real(String keyword, double otherwise) {
        Object value = header.value(keyword);
        if (value == null) {
            return otherwise;
        }
        if (!(value instanceof Number number)) {
            throw new InvalidWcs(keyword + " = " + quoted(value) + " is not a number");
        }
        double v = number.doubleValue();
        if (!Double.isFinite(v)) {
            throw new InvalidWcs(keyword + " = " + value + " is not a finite number");
        }
        return v;
    }

    /** An integer value (a real with no fraction is accepted, as astropy's {@code int()} does). */
    long integer(String keyword, long otherwise) {
        Object value = header.value(keyword);
        if (value == null) {
            return otherwise;
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short) {
            return ((Number) value).longValue();
        }
        if (value instanceof BigInteger big) {
            throw new InvalidWcs(keyword + " = " + big + " is out of range");
        }
        double v = real(keyword, 0.0);
        if (v != Math.rint(v) || Math.abs(v) > 1e15) {
            throw new InvalidWcs(keyword + " = " + value + " is not an integer");
        }
        return (long) v;
    }

    /** A string value without trailing blanks, or null when absent. */
    String text(String keyword) {
        Object value = header.value(keyword);
        if (value == null) {
            return null;
        }
        if (!(value instanceof String s)) {
            throw new InvalidWcs(keyword + " = " + quoted(value) + " is not a string");
        }
        return s.stripTrailing();
    }

    /** A value as a header shows it: strings quoted, a complex value as (re, im). */
    static String quoted(Object value) {
        if (value instanceof double[] complex && complex.length == 2) {
            return "(" + complex[0] + ", " + complex[1] + ")";
        }
        return value instanceof String ? "'" + value + "'" : String.valueOf(value);
    }
}
