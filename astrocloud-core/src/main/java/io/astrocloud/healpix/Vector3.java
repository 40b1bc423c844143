package io.astrocloud.healpix;

/**
 * A direction in space as Cartesian components: x towards (RA 0°, Dec 0°), y towards (RA 90°, Dec 0°),
 * z towards the north pole. Positions on the sky are unit vectors; {@link #normalized()} makes one.
 */
public record Vector3(double x, double y, double z) {

    /** Rejects components that are not finite numbers. */
    public Vector3 {
        if (!Double.isFinite(x) || !Double.isFinite(y) || !Double.isFinite(z)) {
            throw new IllegalArgumentException("vector components must be finite: (" + x + ", " + y + ", " + z + ")");
        }
    }

    /** The unit vector towards a right ascension and declination in degrees. */
    public static Vector3 ofRaDec(double raDegrees, double decDegrees) {
        return Pointing.ofRaDec(raDegrees, decDegrees).toVector();
    }

    /** Right ascension in degrees, in [0, 360). */
    public double ra() {
        return Pointing.ofVector(this).ra();
    }

    /** Declination in degrees, in [-90, 90]. */
    public double dec() {
        return Pointing.ofVector(this).dec();
    }

    /** Scalar product. */
    public double dot(Vector3 o) {
        return x * o.x + y * o.y + z * o.z;
    }

    /** Vector product {@code this × o}. */
    public Vector3 cross(Vector3 o) {
        return new Vector3(y * o.z - z * o.y, z * o.x - x * o.z, x * o.y - y * o.x);
    }

    /** {@code this + o}. */
    public Vector3 plus(Vector3 o) {
        return new Vector3(x + o.x, y + o.y, z + o.z);
    }

    /** {@code this - o}. */
    public Vector3 minus(Vector3 o) {
        return new Vector3(x - o.x, y - o.y, z - o.z);
    }

    /** {@code this · factor}. */
    public Vector3 times(double factor) {
        return new Vector3(x * factor, y * factor, z * factor);
    }

    /** Euclidean length. */
    public double length() {
        return Math.sqrt(x * x + y * y + z * z);
    }

    /** This direction as a unit vector; the zero vector has none and is refused. */
    public Vector3 normalized() {
        double length = length();
        if (!(length > 0)) {
            throw new IllegalArgumentException("the zero vector has no direction");
        }
        double inverse = 1 / length;
        return new Vector3(x * inverse, y * inverse, z * inverse);
    }

    /**
     * The angle between two directions in radians, in [0, π]: {@code atan2(|a × b|, a · b)}, accurate
     * at every separation, tiny and near π alike (unlike {@code acos} of the dot product).
     */
    public double angleTo(Vector3 o) {
        return Math.atan2(cross(o).length(), dot(o));
    }
}
