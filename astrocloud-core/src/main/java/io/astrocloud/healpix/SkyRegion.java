package io.astrocloud.healpix;

/**
 * A region of the sky with exact tests: a circle (cone) or a convex polygon with great-circle edges.
 * {@link Coverage} gives the HEALPix cells that overlap one.
 */
public sealed interface SkyRegion permits SkyCircle, SkyPolygon {

    /** True when the direction lies inside the region or on its edge. */
    boolean contains(Vector3 point);

    /** True when the position (degrees) lies inside the region or on its edge. */
    default boolean contains(double raDegrees, double decDegrees) {
        return contains(Vector3.ofRaDec(raDegrees, decDegrees));
    }

    /** The angular distance in radians from a direction to the nearest point of the region; 0 inside. */
    double distanceTo(Vector3 point);

    /**
     * True when the region and the circle share at least one point: a footprint that only grazes a
     * cone overlaps it, whether or not it holds the cone's centre (and the other way round).
     */
    default boolean overlaps(SkyCircle circle) {
        return distanceTo(circle.centre()) <= circle.radius();
    }
}
