package io.astrocloud.index.search;

/**
 * A circle on the sky, ICRS: an HDU matches when its footprint overlaps it (not only when its
 * centre lies inside).
 *
 * @param ra        right ascension of the centre, degrees
 * @param dec       declination of the centre, degrees, -90 to 90
 * @param radiusDeg radius, degrees, more than 0 and at most 180
 */
public record Cone(double ra, double dec, double radiusDeg) {
    /** Checks the ranges. */
    public Cone {
        if (!Double.isFinite(ra) || !Double.isFinite(dec) || Math.abs(dec) > 90) {
            throw new IllegalArgumentException("a cone's centre needs a finite RA and a Dec within +-90 degrees, not "
                    + ra + ", " + dec);
        }
        if (!(radiusDeg > 0 && radiusDeg <= 180)) {
            throw new IllegalArgumentException("a cone's radius must be more than 0 and at most 180 degrees, not "
                    + radiusDeg);
        }
        ra = ((ra % 360) + 360) % 360;
    }
}
