package io.astrocloud.wcs;

import io.astrocloud.fits.Card;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The keywords of one header as the WCS reads them: each keyword's value typed as astropy types
 * it (Boolean, Long or BigInteger, Double or BigDecimal, String). For a tile-compressed HDU, give
 * the image header's keywords (NAXISn of the image, not of the table).
 */
public interface WcsKeywords {

    /** The value of a keyword, or null when the header lacks it. */
    Object value(String keyword);

    /** Every keyword the header has (each once). */
    Set<String> keywords();

    /**
     * The keywords of a list of cards. A keyword that appears more than once has the value of its
     * first card, as astropy's {@code Header} gives it; commentary cards are left out.
     */
    static WcsKeywords of(List<Card> cards) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Card card : cards) {
            if (!Card.isCommentary(card.keyword()) && !values.containsKey(card.keyword())) {
                values.put(card.keyword(), card.value());
            }
        }
        return of(values);
    }

    /** The keywords of a keyword-to-value map. */
    static WcsKeywords of(Map<String, ?> values) {
        Map<String, ?> view = Collections.unmodifiableMap(values);
        return new WcsKeywords() {
            @Override
            public Object value(String keyword) {
                return view.get(keyword);
            }

            @Override
            public Set<String> keywords() {
                return view.keySet();
            }
        };
    }
}
