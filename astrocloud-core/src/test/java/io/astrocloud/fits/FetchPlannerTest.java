package io.astrocloud.fits;

import static org.assertj.core.api.Assertions.assertThat;

import io.astrocloud.source.ObjectInfo;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How many bytes a walk asks for, decided apart from where the headers are. */
class FetchPlannerTest {
    private static final int BLOCK = DataSize.BLOCK;
    private static final WalkOptions OPTIONS = WalkOptions.DEFAULT;
    private static final int READ_AHEAD = OPTIONS.readAhead();

    private static Hdu hdu(int index, long offset, long dataSize) {
        return new Hdu(index, index == 0 ? "PRIMARY" : "IMAGE", offset, BLOCK, dataSize, "mem://x", List.of(), true,
                new byte[0]);
    }

    private static byte[] header(String... cards) {
        byte[] block = new byte[BLOCK];
        Arrays.fill(block, (byte) ' ');
        for (int i = 0; i < cards.length; i++) {
            byte[] card = cards[i].getBytes(StandardCharsets.US_ASCII);
            System.arraycopy(card, 0, block, i * 80, card.length);
        }
        return block;
    }

    @Test
    void asksForTheReadAheadFirstOrForAllOfASmallObjectAListingSized() {
        assertThat(new FetchPlanner(OPTIONS, ObjectInfo.UNKNOWN).headerStart(0, ObjectInfo.UNKNOWN))
                .isEqualTo(READ_AHEAD);
        assertThat(new FetchPlanner(OPTIONS, new ObjectInfo(30_000, "\"e\"")).headerStart(0, ObjectInfo.UNKNOWN))
                .isEqualTo(30_000);
        assertThat(new FetchPlanner(OPTIONS, new ObjectInfo(4L * READ_AHEAD + 1, null))
                .headerStart(0, ObjectInfo.UNKNOWN)).isEqualTo(READ_AHEAD);
    }

    @Test
    void asksForJustTheExpectedHeaderAfterJumpingOverLargeData() {
        FetchPlanner planner = new FetchPlanner(OPTIONS, ObjectInfo.UNKNOWN);
        planner.observe(hdu(0, 0, 0));
        assertThat(planner.headerStart(BLOCK, ObjectInfo.UNKNOWN)).as("after a small data segment")
                .isEqualTo(READ_AHEAD);
        planner.observe(hdu(1, BLOCK, 100_000_000));
        assertThat(planner.headerStart(BLOCK + DataSize.padded(100_000_000), ObjectInfo.UNKNOWN))
                .as("the last extension's header size").isEqualTo(BLOCK);
    }

    @Test
    void asksForAllTheRestOfAnObjectWhenLittleIsLeft() {
        FetchPlanner planner = new FetchPlanner(OPTIONS, ObjectInfo.UNKNOWN);
        ObjectInfo small = new ObjectInfo(3L * READ_AHEAD, "\"e\"");
        assertThat(planner.headerStart(0, small)).isEqualTo(3 * READ_AHEAD);
        ObjectInfo large = new ObjectInfo(100L * READ_AHEAD, "\"e\"");
        assertThat(planner.headerStart(0, large)).isEqualTo(READ_AHEAD);
    }

    @Test
    void sizesTheRestOfATableHeaderFromItsColumnCount() {
        FetchPlanner planner = new FetchPlanner(OPTIONS, ObjectInfo.UNKNOWN);
        byte[] table = header("XTENSION= 'BINTABLE'", "TFIELDS =                  100", "TTYPE1  = 'TIME    '",
                "TFORM1  = 'D       '", "TUNIT1  = 's       '");
        // 100 columns of three keywords each, and a dozen more cards: 312 cards, 24,960 bytes in all.
        assertThat(planner.moreHeader(0, table, BLOCK, ObjectInfo.UNKNOWN))
                .isEqualTo((int) DataSize.padded((12 + 3 * 100) * 80 - BLOCK));
        byte[] image = header("XTENSION= 'IMAGE   '", "NAXIS   =                    2");
        assertThat(planner.moreHeader(0, image, BLOCK, ObjectInfo.UNKNOWN)).as("as much again").isEqualTo(BLOCK);
        assertThat(planner.moreHeader(0, Arrays.copyOf(image, 4 * BLOCK), 4 * BLOCK, ObjectInfo.UNKNOWN))
                .isEqualTo(4 * BLOCK);
    }

    @Test
    void prefetchesNothingWithPrefetchOff() {
        FetchPlanner planner = new FetchPlanner(OPTIONS.withPrefetch(0), ObjectInfo.UNKNOWN);
        long at = 0;
        for (int i = 0; i < 6; i++) {
            Hdu h = hdu(i, at, i == 0 ? 0 : 10_000);
            planner.observe(h);
            at = h.end();
        }
        assertThat(planner.prefetch(at, ObjectInfo.UNKNOWN)).isEmpty();
        assertThat(new FetchPlanner(OPTIONS, ObjectInfo.UNKNOWN).prefetch(0, ObjectInfo.UNKNOWN)).isEmpty();
    }
}
