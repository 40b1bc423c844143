package io.astrocloud.wcs;

import static org.assertj.core.api.Assertions.assertThat;

import io.astrocloud.fits.Card;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Keywords taken from the cards the header walker lists. */
class WcsKeywordsTest {

    @Test
    void firstCardOfAKeywordWinsAndCommentaryIsLeftOut() {
        WcsKeywords keywords = WcsKeywords.of(List.of(new Card("CRVAL1", 10.0, ""), new Card("CRVAL1", 20.0, ""),
            new Card("COMMENT", "CRVAL1 = 30", ""), new Card("HISTORY", "x", "")));
        assertThat(keywords.value("CRVAL1")).isEqualTo(10.0);
        assertThat(keywords.keywords()).containsExactly("CRVAL1");
        assertThat(keywords.value("CRVAL2")).isNull();
    }

    @Test
    void cardsWithExactDecimalsAndIntegersReadAsNumbers() {
        List<Card> cards = List.of(new Card("NAXIS", 2L, ""), new Card("NAXIS1", 10L, ""), new Card("NAXIS2", 10L, ""),
            new Card("CTYPE1", "RA---TAN", ""), new Card("CTYPE2", "DEC--TAN", ""),
            new Card("CRVAL1", new BigDecimal("150.00000000000000000001"), ""), new Card("CRVAL2", 2L, ""),
            new Card("CRPIX1", 5L, ""), new Card("CRPIX2", 5L, ""), new Card("CDELT1", -1e-3, ""),
            new Card("CDELT2", 1e-3, ""));
        CelestialWcs wcs = CelestialWcs.read(WcsKeywords.of(cards)).orElseThrow();
        SkyPosition reference = wcs.pixelToSky(5, 5).orElseThrow();
        assertThat(reference.ra()).isEqualTo(150.0);
        assertThat(reference.dec()).isEqualTo(2.0);
    }
}
