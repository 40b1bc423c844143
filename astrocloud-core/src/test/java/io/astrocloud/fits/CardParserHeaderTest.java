package io.astrocloud.fits;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import nom.tam.fits.Header;
import org.junit.jupiter.api.Test;

/** Cards of a header built in memory with nom-tam-fits rather than read by the walker. */
class CardParserHeaderTest {
    @Test
    void cardImagesOfAHeaderBuiltInMemoryEndWithEndAndMatchTheParsedCards() throws Exception {
        Header header = new Header();
        header.addValue("SIMPLE", true, "conforms to FITS");
        header.addValue("BITPIX", 16, "bits per pixel");
        header.addValue("NAXIS", 0, "no data");
        header.addValue("EXPTIME", 1.5, "seconds");
        header.addValue("LONGSTR", "x".repeat(100), "a long string");

        List<String> images = CardParser.cardImages(header);

        assertThat(images).allSatisfy(image -> assertThat(image).hasSize(80));
        assertThat(images.get(0)).startsWith("SIMPLE  =                    T");
        assertThat(images.get(images.size() - 1)).isEqualTo(String.format("%-80s", "END"));
        assertThat(images).anySatisfy(image -> assertThat(image).startsWith("CONTINUE"));
        List<Card> cards = CardParser.parse(header);
        assertThat(cards).extracting(Card::keyword).containsExactly("SIMPLE", "BITPIX", "NAXIS", "EXPTIME", "LONGSTR");
        assertThat(cards.get(1).value()).isEqualTo(16L);
        assertThat(cards.get(3).value()).isEqualTo(1.5);
        assertThat(cards.get(4).value()).isEqualTo("x".repeat(100));
    }
}
