package io.astrocloud.healpix;

/**
 * The angle between two positions on the sky, accurate at every separation (from
 * microarcseconds to antipodes): {@code atan2(|a × b|, a · b)} of their unit vectors, which is
 * Vincenty's formula for the sphere (astropy's {@code angular_separation}). For vectors use
 * {@link Vector3#angleTo}.
 */
public final class AngularDistance {

    private AngularDistance() {
    }

    /** The separation in degrees of two right ascension / declination pairs in degrees. */
    public static double degrees(double ra1, double dec1, double ra2, double dec2) {
        return Math.toDegrees(Vector3.ofRaDec(ra1, dec1).angleTo(Vector3.ofRaDec(ra2, dec2)));
    }
}
