package io.astrocloud.wcs;

/**
 * The cylindrical projections of Paper II section 5.2: fiducial point (phi0, theta0) = (0, 0)
 * on the native equator. Only CAR is implemented.
 */
abstract sealed class CylindricalProjection implements Projection permits CylindricalProjection.PlateCarree {

    /** CAR: plate carree, x = phi, y = theta. */
    static final class PlateCarree extends CylindricalProjection {
        @Override
        public String code() {
            return "CAR";
        }

        @Override
        public double[] toNative(double x, double y) {
            return Projection.checked(x, y);
        }

        @Override
        public double[] toPlane(double phi, double theta) {
            return new double[] {phi, theta};
        }
    }
}
