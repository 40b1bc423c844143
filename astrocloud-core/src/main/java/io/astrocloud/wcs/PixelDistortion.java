package io.astrocloud.wcs;

/**
 * A distortion of pixel offsets from CRPIX applied before the linear transformation: offsets
 * (u, v) to corrected offsets (U, V). {@link #NONE} where a header has none.
 */
interface PixelDistortion {
    PixelDistortion NONE = new PixelDistortion() {
        @Override
        public double[] distort(double u, double v) {
            return new double[] {u, v};
        }

        @Override
        public double[] undistort(double u, double v) {
            return new double[] {u, v};
        }
    };

    double[] distort(double u, double v);

    /** The offsets that distort to (U, V), or null when none is found. */
    double[] undistort(double u, double v);
}
