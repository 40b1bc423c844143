package io.astrocloud.healpix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The views of a cell set: one order, largest multi-order cells, order-29 ranges, ranges per coarse cell. */
class MocTest {
    private static final SkyPolygon TESS_CCD = SkyPolygon.ofRaDec(
            78.0, -11.2, 89.9, -10.9, 90.1, 0.6, 77.6, 0.4);

    @Test
    void multiOrderCellsAreTheLargestCellsAndHoldExactlyTheSameCells() {
        Moc moc = Coverage.inclusive(TESS_CCD, 10);
        List<Cell> cells = moc.cells();
        Moc.Builder rebuilt = Moc.builder(10);
        Set<Long> parentsOfFullSiblings = new HashSet<>();
        long previousEnd = -1;
        for (Cell cell : cells) {
            PixelRange range = cell.rangeAt(10);
            assertThat(range.start()).as("cells come in nested order, disjoint").isGreaterThanOrEqualTo(previousEnd);
            previousEnd = range.end();
            rebuilt.add(range.start(), range.end());
            if (cell.order() > 0) {
                Cell parent = cell.ancestor(cell.order() - 1);
                long siblingsIn = cells.stream().filter(c -> c.order() == cell.order() && parent.contains(c)).count();
                if (siblingsIn == 4) {
                    parentsOfFullSiblings.add(parent.uniq());
                }
            }
        }
        assertThat(rebuilt.build()).isEqualTo(moc);
        assertThat(parentsOfFullSiblings).as("four siblings are always merged into their parent").isEmpty();
        assertThat(cells.stream().mapToInt(Cell::order).min().orElseThrow()).isLessThan(8);
        assertThat((long) cells.size()).isLessThan(moc.cellCount() / 10);
    }

    @Test
    void rangesAtOrder29AreTheMoc2RangeForm() {
        Moc moc = Coverage.inclusive(SkyCircle.ofDegrees(359.95, 30, 0.2), 9);
        List<PixelRange> fine = moc.rangesAt(29);
        List<PixelRange> own = moc.ranges();
        assertThat(fine).hasSameSizeAs(own);
        for (int i = 0; i < own.size(); i++) {
            assertThat(fine.get(i).start()).isEqualTo(own.get(i).start() << 40);
            assertThat(fine.get(i).end()).isEqualTo(own.get(i).end() << 40);
            assertThat(fine.get(i).order()).isEqualTo(29);
        }
        assertThat(moc.atOrder(29).atOrder(9)).isEqualTo(moc);
    }

    @Test
    void rangesWithinCoarseCellsSplitWhereARangeCrossesOne() {
        Moc moc = Coverage.inclusive(TESS_CCD, 12);
        for (int coarse : new int[] {0, 3, 6, 12}) {
            List<CellRange> split = moc.rangesWithin(coarse);
            Moc.Builder rebuilt = Moc.builder(12);
            for (CellRange cr : split) {
                assertThat(cr.cell().order()).isEqualTo(coarse);
                assertThat(cr.cell().contains(new Cell(12, cr.range().start()))).isTrue();
                assertThat(cr.cell().contains(new Cell(12, cr.range().last()))).isTrue();
                rebuilt.add(cr.range().start(), cr.range().end());
            }
            assertThat(rebuilt.build()).isEqualTo(moc);
            assertThat(split.size()).isGreaterThanOrEqualTo(moc.rangeCount());
        }
        assertThat(moc.rangesWithin(12)).hasSize((int) moc.cellCount());
    }

    @Test
    void aCellIsOneRangeOfFinerIndicesForBetweenQueries() {
        Cell cell = new Cell(3, 5);
        PixelRange range = cell.rangeAt(10);
        assertThat(range.start()).isEqualTo(5L << 14);
        assertThat(range.last()).isEqualTo((6L << 14) - 1);
        assertThat(range.count()).isEqualTo(1L << 14);
        SplittableRandom random = new SplittableRandom(3);
        Healpix fine = Healpix.order(10);
        for (int i = 0; i < 1_000; i++) {
            Vector3 p = fine.pix2vec(random.nextLong(fine.npix()));
            long coarse = Healpix.order(3).vec2pix(p);
            assertThat(new Cell(3, coarse).rangeAt(10).contains(fine.vec2pix(p))).isTrue();
        }
    }

    @Test
    void uniqNumbersRoundTripAtEveryOrder() {
        SplittableRandom random = new SplittableRandom(5);
        for (int order = 0; order <= Healpix.MAX_ORDER; order++) {
            for (long pix : new long[] {0, Healpix.order(order).npix() - 1, random.nextLong(Healpix.order(order).npix())}) {
                Cell cell = new Cell(order, pix);
                assertThat(Cell.ofUniq(cell.uniq())).isEqualTo(cell);
            }
        }
        assertThat(new Cell(0, 0).uniq()).isEqualTo(4);
        assertThat(new Cell(1, 0).uniq()).isEqualTo(16);
        assertThatThrownBy(() -> Cell.ofUniq(3)).hasMessageContaining("NUNIQ 3");
    }

    @Test
    void aCoarserOrderKeepsEveryCellThatHoldsPartOfTheSet() {
        Moc fine = Coverage.inclusive(SkyCircle.ofDegrees(45, 41.8, 0.3), 11);
        Moc coarse = fine.atOrder(7);
        fine.pixels().forEach(p -> assertThat(coarse.contains(p >> 8)).isTrue());
        coarse.pixels().forEach(p -> assertThat(fine.pixels().anyMatch(f -> f >> 8 == p)).isTrue());
        assertThat(fine.atOrder(13).cellCount()).isEqualTo(fine.cellCount() * 16);
    }

    @Test
    void builderSortsAndMergesCellsAddedInAnyOrder() {
        Moc moc = Moc.builder(2).add(40).add(10, 12).add(5).add(11, 15).add(4).add(6).add(47).add(0, 0).build();
        assertThat(moc.ranges()).containsExactly(new PixelRange(2, 4, 7), new PixelRange(2, 10, 15),
                new PixelRange(2, 40, 41), new PixelRange(2, 47, 48));
        assertThat(moc).isEqualTo(Moc.ofPixels(2, 4, 5, 6, 10, 11, 12, 13, 14, 40, 47));
        Set<Long> members = new HashSet<>();
        moc.pixels().forEach(members::add);
        for (long p = 0; p < 192; p++) {
            assertThat(moc.contains(p)).as("cell %d", p).isEqualTo(members.contains(p));
        }
        Moc union = moc.union(Moc.ofPixels(3, 7 * 4, 150 * 4 + 1));
        assertThat(union.order()).isEqualTo(3);
        assertThat(union.cellCount()).isEqualTo(moc.cellCount() * 4 + 2);
        assertThatThrownBy(() -> Moc.builder(2).add(192)).hasMessageContaining("order 2 (0..192)");
    }
}
