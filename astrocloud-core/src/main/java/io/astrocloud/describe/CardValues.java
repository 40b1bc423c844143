package io.astrocloud.describe;

import io.astrocloud.fits.Card;
import java.util.List;
import java.util.Optional;

/** Reading typed values out of card lists. */
final class CardValues {
    private CardValues() {
    }

    /** The first card of {@code keyword}, if any ({@code cards} may be null). */
    static Optional<Card> first(List<Card> cards, String keyword) {
        if (cards != null) {
            for (Card c : cards) {
                if (c.keyword().equals(keyword)) {
                    return Optional.of(c);
                }
            }
        }
        return Optional.empty();
    }

    /** The value of the first card of {@code keyword}, or null. */
    static Object value(List<Card> cards, String keyword) {
        return first(cards, keyword).map(Card::value).orElse(null);
    }

    /** A finite integer or real value as a double, or null. */
    static Double number(Object v) {
        if (v instanceof Long || v instanceof Double) {
            double d = ((Number) v).doubleValue();
            return Double.isFinite(d) ? d : null;
        }
        return null;
    }

    /** A finite integer or real value as a double, or {@code otherwise}. */
    static double number(Object v, double otherwise) {
        Double d = number(v);
        return d == null ? otherwise : d;
    }
}
