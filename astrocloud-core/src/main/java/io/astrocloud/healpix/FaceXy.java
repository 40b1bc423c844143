package io.astrocloud.healpix;

import static io.astrocloud.healpix.HealpixMath.compressBits;
import static io.astrocloud.healpix.HealpixMath.spreadBits;

/**
 * A cell as a base pixel (face, 0..11) and its column {@code ix} and row {@code iy} inside that face,
 * each in [0, nside). The nested index interleaves the bits of ix (even bits) and iy (odd bits)
 * below the face number.
 */
record FaceXy(int face, long ix, long iy) {

    static FaceXy ofNested(long pix, int order) {
        long inFace = pix & ((1L << (2 * order)) - 1);
        return new FaceXy((int) (pix >>> (2 * order)), compressBits(inFace), compressBits(inFace >>> 1));
    }

    static long nested(long ix, long iy, int face, int order) {
        return ((long) face << (2 * order)) + spreadBits(ix) + (spreadBits(iy) << 1);
    }
}
