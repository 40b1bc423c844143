package io.astrocloud.wcs;

/**
 * A position on the sky in ICRS, in degrees.
 *
 * @param ra  right ascension; positions this package returns have it in [0, 360)
 * @param dec declination, in [-90, 90]
 */
public record SkyPosition(double ra, double dec) {
    /** @throws IllegalArgumentException when a coordinate is not finite or |dec| &gt; 90 */
    public SkyPosition {
        if (!Double.isFinite(ra) || !Double.isFinite(dec) || Math.abs(dec) > 90.0) {
            throw new IllegalArgumentException("not a sky position: ra " + ra + ", dec " + dec);
        }
    }
}
