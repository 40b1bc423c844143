package io.astrocloud.fits;

/**
 * One header card as astropy lists it: a long string and its CONTINUE cards are one card; a
 * HIERARCH keyword is the text after {@code HIERARCH } ({@code ESO DET CHIP NAME}); COMMENT,
 * HISTORY and blank-keyword cards carry their text as the value.
 *
 * @param keyword the keyword
 * @param value   Boolean, Long or BigInteger, Double or BigDecimal, String, double[]{re, im}
 *                for complex values, or null when the card has no value
 * @param comment the comment, or "" when none
 */
public record Card(String keyword, Object value, String comment) {
    /** Keywords whose cards hold free text rather than a value. */
    public static boolean isCommentary(String keyword) {
        return keyword.isEmpty() || keyword.equals("COMMENT") || keyword.equals("HISTORY");
    }
}
