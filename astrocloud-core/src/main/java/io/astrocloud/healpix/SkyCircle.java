package io.astrocloud.healpix;

/**
 * A circle on the sky (a cone, a spherical cap): the directions within {@code radius} radians of
 * {@code centre}. The radius runs from 0 to π (the whole sphere).
 */
public record SkyCircle(Vector3 centre, double radius) implements SkyRegion {

    /** Keeps the centre as a unit vector; rejects a radius outside [0, π]. */
    public SkyCircle {
        centre = centre.normalized();
        if (!(radius >= 0 && radius <= Math.PI)) {
            throw new IllegalArgumentException("circle radius " + radius + " rad is outside [0, π]");
        }
    }

    /** The circle of a centre and a radius, all in degrees. */
    public static SkyCircle ofDegrees(double raDegrees, double decDegrees, double radiusDegrees) {
        return new SkyCircle(Vector3.ofRaDec(raDegrees, decDegrees), Math.toRadians(radiusDegrees));
    }

    @Override
    public boolean contains(Vector3 point) {
        return centre.angleTo(point) <= radius;
    }

    @Override
    public double distanceTo(Vector3 point) {
        return Math.max(0, centre.angleTo(point) - radius);
    }
}
