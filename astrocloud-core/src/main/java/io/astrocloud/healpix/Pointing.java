package io.astrocloud.healpix;

/**
 * A position on the sphere as Górski et al. write it: colatitude θ (0 at the north pole, π at the
 * south pole) and longitude φ, both in radians. Right ascension is φ and declination is 90° − θ.
 *
 * <p>The conversions to and from degrees and vectors follow healpy's ({@code lonlat2thetaphi},
 * {@code ang2vec}, and HEALPix C++'s {@code pointing(vec3)}) operation for operation, so that a
 * position on a cell edge falls in the same cell as in healpy.
 */
public record Pointing(double theta, double phi) {
    private static final double TWO_PI = 2 * Math.PI;

    /** Rejects a colatitude outside [0, π] and a longitude that is not finite. */
    public Pointing {
        if (!(theta >= 0 && theta <= Math.PI)) {
            throw new IllegalArgumentException("colatitude " + theta + " rad is outside [0, π]");
        }
        if (!Double.isFinite(phi)) {
            throw new IllegalArgumentException("longitude " + phi + " rad is not a finite number");
        }
    }

    /** The position of a right ascension (any finite number of degrees) and a declination in [-90, 90]. */
    public static Pointing ofRaDec(double raDegrees, double decDegrees) {
        if (!(decDegrees >= -90 && decDegrees <= 90)) {
            throw new IllegalArgumentException("declination " + decDegrees + "° is outside [-90°, 90°]");
        }
        if (!Double.isFinite(raDegrees)) {
            throw new IllegalArgumentException("right ascension " + raDegrees + "° is not a finite number");
        }
        return new Pointing(Math.PI / 2 - Math.toRadians(decDegrees), Math.toRadians(raDegrees));
    }

    /** The direction of a vector of any non-zero length; φ in [0, 2π). */
    public static Pointing ofVector(Vector3 v) {
        double theta = Math.atan2(Math.sqrt(v.x() * v.x() + v.y() * v.y()), v.z());
        double phi = (v.x() == 0 && v.y() == 0) ? 0 : Math.atan2(v.y(), v.x());
        if (phi < 0) {
            phi += TWO_PI;
        }
        return new Pointing(theta, phi);
    }

    /** Right ascension in degrees, in [0, 360). */
    public double ra() {
        double ra = Math.toDegrees(HealpixMath.fmodulo(phi, TWO_PI));
        return ra >= 360 ? 0 : ra;
    }

    /** Declination in degrees. */
    public double dec() {
        return 90 - Math.toDegrees(theta);
    }

    /** The unit vector towards this position. */
    public Vector3 toVector() {
        double sinTheta = Math.sin(theta);
        return new Vector3(sinTheta * Math.cos(phi), sinTheta * Math.sin(phi), Math.cos(theta));
    }
}
