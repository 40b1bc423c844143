package io.astrocloud.testkit.fits;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Builds the text of a FITS header, one 80-character card at a time, as the FITS standard 4.0
 * lays cards out (fixed format: values right-justified to column 30, strings quoted from
 * column 11). Written independently of any FITS library so that generated files test the
 * reader rather than agree with it by construction.
 */
public final class HeaderText {
    /** Bytes in a FITS block. */
    public static final int BLOCK = 2880;
    /** Characters in a header card. */
    public static final int CARD = 80;

    private final StringBuilder text = new StringBuilder();

    /** Adds a card with a logical value. */
    public HeaderText logical(String keyword, boolean value, String comment) {
        return fixed(keyword, value ? "T" : "F", comment);
    }

    /** Adds a card with an integer value. */
    public HeaderText integer(String keyword, long value, String comment) {
        return fixed(keyword, Long.toString(value), comment);
    }

    /** Adds a card with a real value, written with an exponent where that is shorter. */
    public HeaderText real(String keyword, double value, String comment) {
        String formatted = Double.toString(value).toUpperCase(Locale.ROOT);
        return fixed(keyword, formatted, comment);
    }

    /** Adds a card with a string value (at most 68 characters, quotes doubled). */
    public HeaderText string(String keyword, String value, String comment) {
        String quoted = value.replace("'", "''");
        StringBuilder v = new StringBuilder("'").append(quoted);
        while (v.length() < 9) {
            v.append(' ');
        }
        v.append('\'');
        while (v.length() < 20) {
            v.append(' ');
        }
        return card(pad(keyword, 8) + "= " + v + commentPart(comment));
    }

    /** Adds a COMMENT card. */
    public HeaderText comment(String text) {
        return card("COMMENT " + text);
    }

    /** Adds a HISTORY card. */
    public HeaderText history(String text) {
        return card("HISTORY " + text);
    }

    /** Adds a card exactly as given (padded to 80 characters). */
    public HeaderText card(String image) {
        if (image.length() > CARD) {
            throw new IllegalArgumentException("card longer than 80 characters: " + image);
        }
        text.append(pad(image, CARD));
        return this;
    }

    /** The number of cards so far. */
    public int cards() {
        return text.length() / CARD;
    }

    /** Ends the header with END and pads it with blanks to a whole number of blocks. */
    public byte[] end() {
        StringBuilder copy = new StringBuilder(text).append(pad("END", CARD));
        while (copy.length() % BLOCK != 0) {
            copy.append(' ');
        }
        return copy.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** Pads the header with blank cards until END would fall in block {@code blocks}. */
    public HeaderText fillToBlocks(int blocks) {
        int cardsPerBlock = BLOCK / CARD;
        while (cards() + 1 <= (blocks - 1) * cardsPerBlock) {
            card("");
        }
        return this;
    }

    private HeaderText fixed(String keyword, String value, String comment) {
        return card(pad(keyword, 8) + "= " + leftPad(value, 20) + commentPart(comment));
    }

    private static String commentPart(String comment) {
        return comment == null || comment.isEmpty() ? "" : " / " + comment;
    }

    private static String pad(String s, int width) {
        StringBuilder b = new StringBuilder(s);
        while (b.length() < width) {
            b.append(' ');
        }
        return b.length() > CARD ? b.substring(0, CARD) : b.toString();
    }

    private static String leftPad(String s, int width) {
        StringBuilder b = new StringBuilder();
        while (b.length() + s.length() < width) {
            b.append(' ');
        }
        return b.append(s).toString();
    }
}
