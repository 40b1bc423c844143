package io.astrocloud.healpix;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.stream.LongStream;

/**
 * A set of HEALPix cells at one order, the multi-order coverage (IVOA MOC 2.0) way: kept as sorted,
 * merged ranges [start, end) of nested indices at that order (its maximum order), and shown as
 * <ul>
 *   <li>cells of that one order ({@link #cellCount()}, {@link #pixels()}, {@link #contains(long)});</li>
 *   <li>the largest cells it holds, of any order ({@link #cells()}): four sibling cells become their
 *       parent, so a shape's interior takes few cells and only its boundary is at the maximum order;</li>
 *   <li>ranges at the maximum order or any finer one ({@link #rangesAt(int)}, order 29 as MOC 2.0
 *       writes them), and split by the cells of a coarser order ({@link #rangesWithin(int)}) for an
 *       index keyed by a coarse cell and a fine index.</li>
 * </ul>
 * Immutable.
 */
public final class Moc {
    private final int order;
    /** start0, end0, start1, end1, ...: sorted, disjoint and not touching. */
    private final long[] bounds;

    private Moc(int order, long[] bounds) {
        this.order = order;
        this.bounds = bounds;
    }

    /** A builder of a MOC at a (maximum) order; cells and ranges may be added in any order. */
    public static Builder builder(int order) {
        Healpix.order(order);
        return new Builder(order);
    }

    /** The MOC of the given cells of one order. */
    public static Moc ofPixels(int order, long... pixels) {
        Builder builder = builder(order);
        for (long pix : pixels) {
            builder.add(pix);
        }
        return builder.build();
    }

    /** The (maximum) order of the ranges. */
    public int order() {
        return order;
    }

    /** True when no cell is in the set. */
    public boolean isEmpty() {
        return bounds.length == 0;
    }

    /** The number of cells at the maximum order. */
    public long cellCount() {
        long count = 0;
        for (int i = 0; i < bounds.length; i += 2) {
            count += bounds[i + 1] - bounds[i];
        }
        return count;
    }

    /** The number of merged ranges. */
    public int rangeCount() {
        return bounds.length / 2;
    }

    /** The sorted, merged ranges at the maximum order. */
    public List<PixelRange> ranges() {
        return rangesAt(order);
    }

    /** The sorted, merged ranges at a finer (or the same) order: 29 gives the MOC 2.0 range form. */
    public List<PixelRange> rangesAt(int finerOrder) {
        List<PixelRange> out = new ArrayList<>(bounds.length / 2);
        for (int i = 0; i < bounds.length; i += 2) {
            out.add(new PixelRange(order, bounds[i], bounds[i + 1]).atOrder(finerOrder));
        }
        return Collections.unmodifiableList(out);
    }

    /** Every cell at the maximum order, ascending. */
    public LongStream pixels() {
        return LongStream.range(0, bounds.length / 2).flatMap(i -> LongStream.range(bounds[(int) (2 * i)],
                bounds[(int) (2 * i + 1)]));
    }

    /** True when the cell {@code pix} of the maximum order is in the set. */
    public boolean contains(long pix) {
        int i = Arrays.binarySearch(bounds, pix);
        // found: a start (even position) is inside, an end is not; not found: inside when it falls after a start
        return i >= 0 ? i % 2 == 0 : (-i - 1) % 2 == 1;
    }

    /**
     * The largest cells the set holds, of orders up to the maximum, in nested order: the MOC's
     * multi-order cells. Their number is what a store pays for when it keeps one item per cell.
     */
    public List<Cell> cells() {
        List<Cell> out = new ArrayList<>();
        for (int i = 0; i < bounds.length; i += 2) {
            long start = bounds[i];
            long end = bounds[i + 1];
            while (start < end) {
                int depth = Math.min(Long.numberOfTrailingZeros(start) / 2, order);
                while (start + (1L << (2 * depth)) > end) {
                    depth--;
                }
                out.add(new Cell(order - depth, start >> (2 * depth)));
                start += 1L << (2 * depth);
            }
        }
        return Collections.unmodifiableList(out);
    }

    /**
     * The same area at another order: a finer order gives exactly the same cells; a coarser one
     * gives every cell that holds any of them (a superset, as inclusive coverage wants).
     */
    public Moc atOrder(int newOrder) {
        Builder builder = builder(newOrder);
        for (int i = 0; i < bounds.length; i += 2) {
            if (newOrder >= order) {
                int shift = 2 * (newOrder - order);
                builder.add(bounds[i] << shift, bounds[i + 1] << shift);
            } else {
                int shift = 2 * (order - newOrder);
                builder.add(bounds[i] >> shift, ((bounds[i + 1] - 1) >> shift) + 1);
            }
        }
        return builder.build();
    }

    /**
     * The ranges cut where they cross from one cell of a coarser order to the next: one
     * {@link CellRange} per coarse cell touched and range inside it. With the coarse cell as
     * partition key and the fine index as sort key, each is one {@code BETWEEN} query.
     */
    public List<CellRange> rangesWithin(int coarseOrder) {
        if (coarseOrder < 0 || coarseOrder > order) {
            throw new IllegalArgumentException("order " + coarseOrder + " is not between 0 and the MOC's order " + order);
        }
        int shift = 2 * (order - coarseOrder);
        List<CellRange> out = new ArrayList<>();
        for (int i = 0; i < bounds.length; i += 2) {
            long start = bounds[i];
            while (start < bounds[i + 1]) {
                long coarse = start >> shift;
                long end = Math.min(bounds[i + 1], (coarse + 1) << shift);
                out.add(new CellRange(new Cell(coarseOrder, coarse), new PixelRange(order, start, end)));
                start = end;
            }
        }
        return Collections.unmodifiableList(out);
    }

    /** The cells in either set, at the finer of the two orders. */
    public Moc union(Moc other) {
        int finer = Math.max(order, other.order);
        Builder builder = builder(finer);
        for (Moc moc : List.of(this.atOrder(finer), other.atOrder(finer))) {
            for (int i = 0; i < moc.bounds.length; i += 2) {
                builder.add(moc.bounds[i], moc.bounds[i + 1]);
            }
        }
        return builder.build();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Moc other && order == other.order && Arrays.equals(bounds, other.bounds);
    }

    @Override
    public int hashCode() {
        return 31 * order + Arrays.hashCode(bounds);
    }

    @Override
    public String toString() {
        return "Moc[order " + order + ", " + cellCount() + " cells in " + rangeCount() + " ranges]";
    }

    /** Collects cells and ranges of one order in any sequence; {@link #build()} sorts and merges them. */
    public static final class Builder {
        private final int order;
        private final long npix;
        private long[] pairs = new long[16];
        private int size;
        private boolean sorted = true;

        private Builder(int order) {
            this.order = order;
            this.npix = Healpix.order(order).npix();
        }

        /** Adds one cell. */
        public Builder add(long pix) {
            return add(pix, pix + 1);
        }

        /** Adds the cells start (included) to end (excluded); an empty range adds nothing. */
        public Builder add(long start, long end) {
            if (start < 0 || end > npix || start > end) {
                throw new IllegalArgumentException("[" + start + ", " + end + ") is not a range of nested indices at order "
                        + order + " (0.." + npix + ")");
            }
            if (start == end) {
                return this;
            }
            if (size > 0) {
                long lastStart = pairs[size - 2];
                long lastEnd = pairs[size - 1];
                if (start >= lastStart && start <= lastEnd) { // the common case: appending in order
                    pairs[size - 1] = Math.max(lastEnd, end);
                    return this;
                }
                sorted &= start > lastEnd;
            }
            if (size == pairs.length) {
                pairs = Arrays.copyOf(pairs, 2 * size);
            }
            pairs[size++] = start;
            pairs[size++] = end;
            return this;
        }

        /** The MOC of everything added. */
        public Moc build() {
            if (sorted) {
                return new Moc(order, Arrays.copyOf(pairs, size));
            }
            // The union of intervals depends only on the sorted starts and the sorted ends.
            int n = size / 2;
            long[] starts = new long[n];
            long[] ends = new long[n];
            for (int i = 0; i < n; i++) {
                starts[i] = pairs[2 * i];
                ends[i] = pairs[2 * i + 1];
            }
            Arrays.sort(starts);
            Arrays.sort(ends);
            long[] merged = new long[size];
            int m = 0;
            long start = starts[0];
            for (int i = 0; i < n; i++) {
                if (i + 1 == n || starts[i + 1] > ends[i]) {
                    merged[m++] = start;
                    merged[m++] = ends[i];
                    if (i + 1 < n) {
                        start = starts[i + 1];
                    }
                }
            }
            return new Moc(order, Arrays.copyOf(merged, m));
        }
    }
}
