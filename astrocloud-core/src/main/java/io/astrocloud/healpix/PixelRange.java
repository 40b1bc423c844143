package io.astrocloud.healpix;

/**
 * The cells with nested indices {@code start} (included) to {@code end} (excluded) at one order: the
 * range form of an IVOA MOC (MOC 2.0 writes space ranges at order 29).
 */
public record PixelRange(int order, long start, long end) {

    /** Rejects empty ranges and indices outside the order's 0..12·4<sup>order</sup>. */
    public PixelRange {
        long npix = Healpix.order(order).npix();
        if (start < 0 || end > npix || start >= end) {
            throw new IllegalArgumentException("[" + start + ", " + end + ") is not a non-empty range of nested indices"
                    + " at order " + order + " (0.." + npix + ")");
        }
    }

    /** The number of cells. */
    public long count() {
        return end - start;
    }

    /** The last index, included: the upper bound of a {@code BETWEEN}. */
    public long last() {
        return end - 1;
    }

    /** True when the range holds the nested index {@code pix} of its order. */
    public boolean contains(long pix) {
        return pix >= start && pix < end;
    }

    /** The same cells at a finer (or the same) order, e.g. 29 for the MOC 2.0 range form. */
    public PixelRange atOrder(int finerOrder) {
        if (finerOrder < order || finerOrder > Healpix.MAX_ORDER) {
            throw new IllegalArgumentException("order " + finerOrder + " is not between " + order + " and "
                    + Healpix.MAX_ORDER);
        }
        int shift = 2 * (finerOrder - order);
        return new PixelRange(finerOrder, start << shift, end << shift);
    }
}
