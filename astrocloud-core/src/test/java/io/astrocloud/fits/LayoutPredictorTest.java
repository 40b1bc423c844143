package io.astrocloud.fits;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Guesses of where the next headers are, from the HDUs seen so far. */
class LayoutPredictorTest {
    private static final int BLOCK = DataSize.BLOCK;

    /** Builds HDUs end to end, as a walk would find them. */
    private static final class Layout {
        final LayoutPredictor predictor = new LayoutPredictor();
        final List<Hdu> hdus = new ArrayList<>();
        long next;

        Layout add(String type, String extname, int headerSize, long dataSize, Card... more) {
            List<Card> cards = new ArrayList<>(List.of(more));
            if (extname != null) {
                cards.add(new Card("EXTNAME", extname, ""));
            }
            Hdu hdu = new Hdu(hdus.size(), type, next, headerSize, dataSize, "mem://x", cards, true, new byte[0]);
            hdus.add(hdu);
            predictor.observe(hdu);
            next = hdu.end();
            return this;
        }
    }

    private static Layout hstLike(int reads, Card... primaryCards) {
        Layout l = new Layout().add("PRIMARY", null, 2 * BLOCK, 0, primaryCards);
        for (int i = 0; i < reads; i++) {
            l.add("IMAGE", "SCI", BLOCK, 1_000_000).add("IMAGE", "ERR", BLOCK, 1_000_000)
                    .add("IMAGE", "DQ", 2 * BLOCK, 500_000);
        }
        return l;
    }

    @Test
    void predictsNothingBeforeALayoutRepeats() {
        Layout l = hstLike(1);
        assertThat(l.predictor.predict(l.next, 32, -1)).isEmpty();
        assertThat(l.predictor.headerGuess()).as("the last extension's header").isEqualTo(2 * BLOCK);
        assertThat(new Layout().add("PRIMARY", null, BLOCK, 0).predictor.headerGuess()).isEqualTo(BLOCK);
    }

    @Test
    void predictsTheRepeatingPeriodWithItsOffsets() {
        Layout l = hstLike(2);
        List<long[]> predicted = l.predictor.predict(l.next, 4, -1);
        long sci = l.next;
        long err = sci + BLOCK + DataSize.padded(1_000_000);
        long dq = err + BLOCK + DataSize.padded(1_000_000);
        long sci2 = dq + 2 * BLOCK + DataSize.padded(500_000);
        assertThat(predicted).containsExactly(new long[] {sci, BLOCK, DataSize.padded(1_000_000)},
                new long[] {err, BLOCK, DataSize.padded(1_000_000)},
                new long[] {dq, 2 * BLOCK, DataSize.padded(500_000)},
                new long[] {sci2, BLOCK, DataSize.padded(1_000_000)});
        assertThat(l.predictor.headerGuess()).as("the repeat's next header").isEqualTo(BLOCK);
    }

    @Test
    void stopsAtTheExtensionCountThePrimaryDeclaresAndAtTheObjectsEnd() {
        Layout declared = hstLike(2, new Card("NEXTEND", 9L, ""));
        assertThat(declared.predictor.predict(declared.next, 32, -1)).hasSize(3);

        Layout sized = hstLike(2);
        long end = sized.next + BLOCK + DataSize.padded(1_000_000) + BLOCK;
        assertThat(sized.predictor.predict(sized.next, 32, end)).hasSize(2);
    }

    @Test
    void doesNotTakeAChangedShapeForARepeat() {
        Layout l = hstLike(1).add("IMAGE", "SCI", BLOCK, 1_000_000).add("IMAGE", "ERR", BLOCK, 999_999_999);
        assertThat(l.predictor.predict(l.next, 32, -1)).isEmpty();
    }
}
