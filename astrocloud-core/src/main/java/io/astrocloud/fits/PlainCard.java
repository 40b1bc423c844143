package io.astrocloud.fits;

/**
 * The fast path of {@link CardParser} for the cards that make up most headers: one 80-character
 * card whose value is a logical, a plain integer or real, or a string without doubled quotes or
 * ": " (which could make it a record-valued card), optionally followed by a comment. It gives
 * exactly what the regular-expression path gives (the golden tests hold both to astropy) and
 * returns null for anything else, which then takes the general path.
 */
final class PlainCard {
    private PlainCard() {
    }

    /** The card, or null when it is not one of the plain shapes. {@code rest} follows "= ". */
    static Card read(String keyword, String rest) {
        int n = rest.length();
        int i = skipSpaces(rest, 0);
        if (i == n) {
            return null;
        }
        char c = rest.charAt(i);
        Object value;
        int end;
        if (c == 'T' || c == 'F') {
            value = c == 'T';
            end = i + 1;
        } else if (c == '\'') {
            int close = rest.indexOf('\'', i + 1);
            if (close < 0 || close + 1 < n && rest.charAt(close + 1) == '\'') {
                return null;
            }
            String text = rest.substring(i + 1, close);
            if (text.contains(": ") || text.isEmpty()) {
                return null;
            }
            value = text.stripTrailing();
            end = close + 1;
            if (end < n && rest.charAt(end) != ' ' && rest.charAt(end) != '/') {
                return null;
            }
        } else {
            end = numberEnd(rest, i);
            if (end < 0) {
                return null;
            }
            value = CardParser.number(rest.substring(i, end));
            if (value == null) {
                return null;
            }
        }
        int j = skipSpaces(rest, end);
        if (j == n) {
            return new Card(keyword, value, "");
        }
        if (rest.charAt(j) != '/') {
            return null;
        }
        return new Card(keyword, value, rest.substring(j + 1).strip());
    }

    /** The end of a plain number at {@code i} (sign, digits, point, exponent), or -1 if it is not one. */
    private static int numberEnd(String s, int i) {
        int n = s.length();
        int k = i;
        if (k < n && (s.charAt(k) == '+' || s.charAt(k) == '-')) {
            k++;
        }
        int digits = 0;
        while (k < n && Character.isDigit(s.charAt(k))) {
            k++;
            digits++;
        }
        if (k < n && s.charAt(k) == '.') {
            k++;
            while (k < n && Character.isDigit(s.charAt(k))) {
                k++;
                digits++;
            }
        }
        if (digits == 0) {
            return -1;
        }
        if (k < n && "EeDd".indexOf(s.charAt(k)) >= 0) {
            k++;
            if (k < n && (s.charAt(k) == '+' || s.charAt(k) == '-')) {
                k++;
            }
            int exponent = 0;
            while (k < n && Character.isDigit(s.charAt(k))) {
                k++;
                exponent++;
            }
            if (exponent == 0) {
                return -1;
            }
        }
        return k == n || s.charAt(k) == ' ' || s.charAt(k) == '/' ? k : -1;
    }

    private static int skipSpaces(String s, int i) {
        while (i < s.length() && s.charAt(i) == ' ') {
            i++;
        }
        return i;
    }
}
