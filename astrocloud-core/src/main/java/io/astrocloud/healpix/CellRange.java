package io.astrocloud.healpix;

/**
 * A range of fine nested indices that lies inside one coarser cell: what an index keyed by a coarse
 * cell (partition) and a fine index (sort key) reads with one {@code BETWEEN} query.
 */
public record CellRange(Cell cell, PixelRange range) {

    /** Rejects a range that leaves the cell. */
    public CellRange {
        PixelRange whole = cell.rangeAt(range.order());
        if (range.start() < whole.start() || range.end() > whole.end()) {
            throw new IllegalArgumentException(range + " is not inside " + cell);
        }
    }
}
