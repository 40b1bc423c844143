package io.astrocloud.healpix;

/**
 * One HEALPix cell: an order (depth) and its nested index at that order. A cell of order o holds
 * the 4<sup>d</sup> cells of order o + d whose nested indices form one range (see {@link #rangeAt}).
 */
public record Cell(int order, long pix) {

    /** Rejects an order outside 0..29 and an index outside 0..12·4<sup>order</sup> − 1. */
    public Cell {
        long npix = Healpix.order(order).npix();
        if (pix < 0 || pix >= npix) {
            throw new IllegalArgumentException("cell " + pix + " does not exist at order " + order
                    + " (nested indices 0.." + (npix - 1) + ")");
        }
    }

    /** The cell of the IVOA MOC "NUNIQ" number {@code 4·4^order + pix}. */
    public static Cell ofUniq(long uniq) {
        if (uniq < 4) {
            throw new IllegalArgumentException("NUNIQ " + uniq + " is below 4, the first cell of order 0");
        }
        int order = (63 - Long.numberOfLeadingZeros(uniq)) / 2 - 1;
        return new Cell(order, uniq - (4L << (2 * order)));
    }

    /** The IVOA MOC "NUNIQ" number: {@code 4·4^order + pix}, one number for order and index. */
    public long uniq() {
        return (4L << (2 * order)) + pix;
    }

    /**
     * The nested indices, at a finer (or the same) order, of the cells inside this one: for a key
     * that stores fine indices, {@code BETWEEN range.start() AND range.last()} selects this cell.
     */
    public PixelRange rangeAt(int finerOrder) {
        int shift = shiftTo(finerOrder);
        return new PixelRange(finerOrder, pix << shift, (pix + 1) << shift);
    }

    /** The cell of a coarser (or the same) order that holds this one. */
    public Cell ancestor(int coarserOrder) {
        if (coarserOrder < 0 || coarserOrder > order) {
            throw new IllegalArgumentException("order " + coarserOrder + " is not between 0 and this cell's order " + order);
        }
        return new Cell(coarserOrder, pix >> (2 * (order - coarserOrder)));
    }

    /** True when {@code other} is this cell or lies inside it. */
    public boolean contains(Cell other) {
        return other.order >= order && other.pix >> (2 * (other.order - order)) == pix;
    }

    private int shiftTo(int finerOrder) {
        if (finerOrder < order || finerOrder > Healpix.MAX_ORDER) {
            throw new IllegalArgumentException("order " + finerOrder + " is not between this cell's order " + order
                    + " and " + Healpix.MAX_ORDER);
        }
        return 2 * (finerOrder - order);
    }
}
