package io.astrocloud.fits;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The fast path of the card parser: the plain shapes it reads (with the values astropy gives
 * them), and every other shape, which it leaves to the general path by answering null.
 */
class PlainCardTest {
    private static Card read(String rest) {
        return PlainCard.read("KEY", rest);
    }

    @Test
    void readsLogicalsIntegersRealsAndStringsWithTheirComments() {
        assertThat(read("                   T / a flag")).isEqualTo(new Card("KEY", true, "a flag"));
        assertThat(read("                   F")).isEqualTo(new Card("KEY", false, ""));
        assertThat(read("                  -42 / counts  ")).isEqualTo(new Card("KEY", -42L, "counts"));
        assertThat(read("              +1.5E-3")).isEqualTo(new Card("KEY", 1.5e-3, ""));
        assertThat(read("           2.000D+02 /")).isEqualTo(new Card("KEY", 200.0, ""));
        assertThat(read("'HST     '           / telescope")).isEqualTo(new Card("KEY", "HST", "telescope"));
        assertThat(read("'  lead'")).isEqualTo(new Card("KEY", "  lead", ""));
    }

    @Test
    void readsIntegersTooLongForALongAsAstropyDoes() {
        assertThat(read("99999999999999999999").value()).isEqualTo(new java.math.BigInteger("99999999999999999999"));
    }

    @Test
    void leavesEveryOtherShapeToTheGeneralPath() {
        assertThat(read("'it''s'")).as("doubled quote").isNull();
        assertThat(read("'AXIS.1: 1'")).as("record-valued").isNull();
        assertThat(read("''")).as("empty string").isNull();
        assertThat(read("'unclosed")).isNull();
        assertThat(read("'a'b")).as("text after the string").isNull();
        assertThat(read("(1.0, 2.0)")).as("complex").isNull();
        assertThat(read("1.2.3")).isNull();
        assertThat(read("1E")).as("exponent without digits").isNull();
        assertThat(read("T X")).as("text after the value").isNull();
        assertThat(read("TRUE")).isNull();
        assertThat(read("     ")).as("no value").isNull();
    }
}
