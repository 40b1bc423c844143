package io.astrocloud.fits;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import nom.tam.fits.HeaderCard;
import nom.tam.util.ComplexValue;

/**
 * Cards that exist only in memory (the image view of a compressed image) written as 80-character
 * card images, by nom-tam-fits' {@link HeaderCard} (FITS fixed format, CONTINUE for long strings,
 * HIERARCH for long keywords); commentary text longer than a card continues on further cards of
 * the same keyword. A card nom-tam-fits refuses (a record-valued keyword such as
 * {@code DP1.AXIS.1}) is written as {@code KEYWORD = value / comment}, cut at 80 characters.
 */
final class CardImages {
    private static final int CARD = 80;
    private static final int TEXT = CARD - 8;

    private CardImages() {
    }

    /** The images of {@code cards}, one or more per card, then END. */
    static List<String> of(List<Card> cards) {
        List<String> images = new ArrayList<>(cards.size() + 1);
        for (Card c : cards) {
            String text = Card.isCommentary(c.keyword()) ? commentary(c) : valued(c);
            for (int at = 0; at < text.length(); at += CARD) {
                images.add(text.substring(at, at + CARD));
            }
        }
        images.add(pad("END"));
        return images;
    }

    private static String commentary(Card c) {
        String text = c.value() == null ? "" : c.value().toString();
        StringBuilder b = new StringBuilder();
        int at = 0;
        do {
            b.append(pad(String.format("%-8s", c.keyword()) + text.substring(at, Math.min(text.length(), at + TEXT))));
            at += TEXT;
        } while (at < text.length());
        return b.toString();
    }

    private static String valued(Card c) {
        String key = c.keyword().length() > 8 || c.keyword().contains(" ")
                ? "HIERARCH." + c.keyword().replace(' ', '.') : c.keyword();
        String comment = c.comment().isEmpty() ? null : c.comment();
        try {
            HeaderCard card;
            Object v = c.value();
            if (v instanceof Boolean) {
                card = new HeaderCard(key, (Boolean) v, comment);
            } else if (v instanceof Long || v instanceof BigInteger || v instanceof Double || v instanceof BigDecimal) {
                card = new HeaderCard(key, (Number) v, comment);
            } else if (v instanceof double[]) {
                double[] z = (double[]) v;
                card = new HeaderCard(key, new ComplexValue(z[0], z[1]), comment);
            } else {
                card = new HeaderCard(key, v == null ? null : v.toString(), comment);
            }
            String text = card.toString();
            return text.length() % CARD == 0 && !text.isEmpty() ? text : pad(text);
        } catch (RuntimeException refused) {
            // HeaderCardException and the IllegalArgumentExceptions of nom-tam-fits' checks.
            return pad(plain(c));
        }
    }

    private static String plain(Card c) {
        Object v = c.value();
        String value = v == null ? "" : v instanceof String ? "'" + ((String) v).replace("'", "''") + "'"
                : v instanceof Boolean ? ((Boolean) v ? "T" : "F") : v.toString();
        String text = String.format("%-8s= %s", c.keyword(), value)
                + (c.comment().isEmpty() ? "" : " / " + c.comment());
        return text.length() > CARD ? text.substring(0, CARD) : text;
    }

    private static String pad(String text) {
        return String.format("%-" + CARD + "s", text);
    }
}
