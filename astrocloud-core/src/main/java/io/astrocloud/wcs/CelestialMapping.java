package io.astrocloud.wcs;

/**
 * Intermediate world coordinates (x, y) of the celestial axes, in degrees, to celestial
 * coordinates (longitude, latitude) in the header's frame, and back: a spherical projection and
 * rotation (Paper II), or, for axes typed without a projection code, a plain offset.
 */
sealed interface CelestialMapping {

    /** The projection's code, or "linear". */
    String projectionCode();

    /** {longitude in [0, 360), latitude}, or null outside the projection's domain. */
    double[] toCelestial(double x, double y);

    /** {x, y}, or null where the projection has no image of the position. */
    double[] toIntermediate(double lon, double lat);

    /**
     * Projection-plane coordinates to native spherical to celestial. With a fiducial offset
     * (PVi_0 of the longitude axis non-zero) the plane is shifted so that the fiducial point sits
     * at (x, y) = (0, 0), as Paper II section 2.5 and wcslib's {@code prjoff} have it.
     */
    record Projected(Projection projection, SphericalRotation rotation, double x0, double y0)
        implements CelestialMapping {

        @Override
        public String projectionCode() {
            return projection.code();
        }

        @Override
        public double[] toCelestial(double x, double y) {
            double[] nat = projection.toNative(x + x0, y + y0);
            return nat == null ? null : rotation.toCelestial(nat[0], nat[1]);
        }

        @Override
        public double[] toIntermediate(double lon, double lat) {
            double[] nat = rotation.toNative(lon, lat);
            double[] plane = projection.toPlane(nat[0], nat[1]);
            return plane == null ? null : new double[] {plane[0] - x0, plane[1] - y0};
        }
    }

    /** Celestial axes without a projection code: longitude = CRVAL + x, latitude = CRVAL + y. */
    record Linear(double lon0, double lat0) implements CelestialMapping {

        @Override
        public String projectionCode() {
            return "linear";
        }

        @Override
        public double[] toCelestial(double x, double y) {
            double lat = lat0 + y;
            return Math.abs(lat) <= 90.0 ? new double[] {Angles.wrap360(lon0 + x), lat} : null;
        }

        @Override
        public double[] toIntermediate(double lon, double lat) {
            return new double[] {Angles.wrap180(lon - lon0), lat - lat0};
        }
    }
}
