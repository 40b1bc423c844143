package io.astrocloud.fits;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Predicts where the next headers are and how long they are, from the HDUs seen so far. Many
 * archive files repeat a layout (HST's SCI, ERR, DQ per read; JWST's extensions; mosaics of
 * identical images): once the last HDU has the same shape (type, EXTNAME, header and data size)
 * as one {@code p} HDUs earlier, the next HDUs are guessed to repeat that period. Guesses only
 * steer what is fetched early; the walker still reads every offset from the headers themselves.
 */
final class LayoutPredictor {
    private static final int MAX_PERIOD = 32;
    private final List<Shape> seen = new ArrayList<>();
    private long extensionsDeclared = -1;

    /** The shape of one HDU, for comparing HDUs. */
    private record Shape(String type, Object extname, int headerSize, long paddedData) {
    }

    void observe(Hdu hdu) {
        seen.add(new Shape(hdu.type(), hdu.value("EXTNAME"), hdu.headerSize(), hdu.paddedDataSize()));
        if (hdu.index() == 0 && hdu.value("NEXTEND") instanceof Long) {
            extensionsDeclared = (Long) hdu.value("NEXTEND");
        }
    }

    /** A guess at the next header's size: the repeat's, else the last extension header's, else a block. */
    int headerGuess() {
        int p = period();
        if (p > 0) {
            return seen.get(seen.size() - p).headerSize();
        }
        return seen.size() > 1 ? seen.get(seen.size() - 1).headerSize() : DataSize.BLOCK;
    }

    /**
     * Up to {@code max} predicted headers after the last HDU seen, as {@code [offset, headerSize,
     * paddedDataSize]}, the first starting at {@code nextOffset}; none when no repeat is seen.
     */
    List<long[]> predict(long nextOffset, int max, long objectSize) {
        List<long[]> out = new ArrayList<>();
        int p = period();
        if (p == 0) {
            return out;
        }
        long remaining = extensionsDeclared >= 0 ? extensionsDeclared - (seen.size() - 1) : Long.MAX_VALUE;
        long offset = nextOffset;
        int first = seen.size() - p;
        for (int j = 0; j < max && j < remaining; j++) {
            Shape template = seen.get(first + j % p);
            if (objectSize >= 0 && offset + template.headerSize() > objectSize) {
                break;
            }
            out.add(new long[] {offset, template.headerSize(), template.paddedData()});
            offset += template.headerSize() + template.paddedData();
        }
        return out;
    }

    /** The shortest period with which the last HDU repeats an earlier extension, or 0. */
    private int period() {
        int last = seen.size() - 1;
        for (int p = 1; p <= MAX_PERIOD && last - p >= 1; p++) {
            if (Objects.equals(seen.get(last), seen.get(last - p))) {
                return p;
            }
        }
        return 0;
    }
}
