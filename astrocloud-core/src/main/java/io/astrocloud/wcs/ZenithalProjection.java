package io.astrocloud.wcs;

/**
 * The zenithal projections of Paper II section 5.1: the fiducial point at the native pole
 * (phi0, theta0) = (0, 90), the plane radius R a function of theta alone, phi = arg(-y, x).
 */
abstract sealed class ZenithalProjection implements Projection
    permits ZenithalProjection.Gnomonic, ZenithalProjection.Orthographic, ZenithalProjection.Equidistant,
    ZenithalProjection.EqualArea, ZenithalProjection.Stereographic, ZenithalPolynomial {

    /** The radius of the generating sphere, 180/pi: plane coordinates come out in degrees. */
    static final double R0 = Angles.R2D;

    @Override
    public double theta0() {
        return 90.0;
    }

    /** R(theta) in degrees, or NaN where the projection has no image. */
    abstract double radius(double theta);

    /** theta(R) in degrees, or NaN outside the projection's domain. */
    abstract double theta(double radius);

    @Override
    public double[] toNative(double x, double y) {
        double r = Math.hypot(x, y);
        double theta = theta(r);
        if (Double.isNaN(theta)) {
            return null;
        }
        return Projection.checked(r == 0.0 ? 0.0 : Angles.atan2d(x, -y), theta);
    }

    @Override
    public double[] toPlane(double phi, double theta) {
        double r = radius(theta);
        if (Double.isNaN(r)) {
            return null;
        }
        return new double[] {r * Angles.sind(phi), -r * Angles.cosd(phi)};
    }

    /** cos(theta) computed from the zenith distance, accurate near the native pole. */
    static double cosTheta(double theta) {
        return Math.sin((90.0 - theta) * Angles.D2R);
    }

    /** TAN: gnomonic, R = r0 cot(theta); only the hemisphere theta &gt; 0 has an image. */
    static final class Gnomonic extends ZenithalProjection {
        @Override
        public String code() {
            return "TAN";
        }

        @Override
        double radius(double theta) {
            double s = Angles.sind(theta);
            return s > 0.0 ? R0 * cosTheta(theta) / s : Double.NaN;
        }

        @Override
        double theta(double radius) {
            return Angles.atan2d(R0, radius);
        }
    }

    /** ARC: zenithal equidistant, R = 90 - theta. */
    static final class Equidistant extends ZenithalProjection {
        @Override
        public String code() {
            return "ARC";
        }

        @Override
        double radius(double theta) {
            return 90.0 - theta;
        }

        @Override
        double theta(double radius) {
            return 90.0 - radius;
        }
    }

    /** ZEA: zenithal equal-area, R = 2 r0 sin((90 - theta) / 2). */
    static final class EqualArea extends ZenithalProjection {
        @Override
        public String code() {
            return "ZEA";
        }

        @Override
        double radius(double theta) {
            return 2.0 * R0 * Angles.sind((90.0 - theta) / 2.0);
        }

        @Override
        double theta(double radius) {
            double s = radius / (2.0 * R0);
            if (Math.abs(s) > 1.0) {
                if (Math.abs(s) > 1.0 + BOUNDS_TOLERANCE) {
                    return Double.NaN;
                }
                s = Math.copySign(1.0, s);
            }
            return 90.0 - 2.0 * Angles.asind(s);
        }
    }

    /** STG: stereographic, R = 2 r0 cos(theta) / (1 + sin(theta)); the native south pole has no image. */
    static final class Stereographic extends ZenithalProjection {
        @Override
        public String code() {
            return "STG";
        }

        @Override
        double radius(double theta) {
            double s = 1.0 + Angles.sind(theta);
            return s == 0.0 ? Double.NaN : 2.0 * R0 * cosTheta(theta) / s;
        }

        @Override
        double theta(double radius) {
            return 90.0 - 2.0 * Angles.atand(radius / (2.0 * R0));
        }
    }

    /**
     * SIN: orthographic, R = r0 cos(theta), and its slant generalisation by (xi, eta) = (PVi_1,
     * PVi_2) of the latitude axis (Paper II eqs. 38-45), which also serves AIPS' NCP.
     */
    static final class Orthographic extends ZenithalProjection {
        private static final double TOLERANCE = 1e-13;
        private final double xi;
        private final double eta;
        private final double slant;

        Orthographic(double xi, double eta) {
            this.xi = xi;
            this.eta = eta;
            this.slant = xi * xi + eta * eta;
        }

        @Override
        public String code() {
            return "SIN";
        }

        @Override
        double radius(double theta) {
            return theta < 0.0 ? Double.NaN : R0 * cosTheta(theta);
        }

        @Override
        double theta(double radius) {
            double r2 = (radius / R0) * (radius / R0);
            if (r2 < 0.5) {
                return Angles.acosd(Math.sqrt(r2));
            }
            return r2 <= 1.0 ? Angles.asind(Math.sqrt(1.0 - r2)) : Double.NaN;
        }

        @Override
        public double[] toPlane(double phi, double theta) {
            if (slant == 0.0) {
                return super.toPlane(phi, theta);
            }
            double sinPhi = Angles.sind(phi);
            double cosPhi = Angles.cosd(phi);
            if (theta < -Angles.atand(xi * sinPhi - eta * cosPhi)) {
                return null;
            }
            double r = R0 * cosTheta(theta);
            double z = R0 * oneMinusSinTheta(theta);
            return new double[] {r * sinPhi + xi * z, -r * cosPhi + eta * z};
        }

        @Override
        public double[] toNative(double x, double y) {
            if (slant == 0.0) {
                return super.toNative(x, y);
            }
            double x0 = x / R0;
            double y0 = y / R0;
            double r2 = x0 * x0 + y0 * y0;
            double xy = x0 * xi + y0 * eta;
            double theta;
            double z;
            if (r2 < 1.0e-10) {
                theta = 90.0 - Angles.R2D * Math.sqrt(r2 / (1.0 + xy));
                z = r2 / 2.0;
            } else {
                double sinTheta = sinTheta(r2, xy);
                if (Double.isNaN(sinTheta)) {
                    return null;
                }
                theta = Angles.asind(sinTheta);
                z = 1.0 - sinTheta;
            }
            double x1 = -y0 + eta * z;
            double y1 = x0 - xi * z;
            return Projection.checked(x1 == 0.0 && y1 == 0.0 ? 0.0 : Angles.atan2d(y1, x1), theta);
        }

        /** The root of the quadratic in sin(theta) nearest the fiducial point, or NaN. */
        private double sinTheta(double r2, double xy) {
            double a = slant + 1.0;
            double b = xy - slant;
            double c = r2 - xy - xy + slant - 1.0;
            double d = b * b - a * c;
            if (d < 0.0) {
                return Double.NaN;
            }
            d = Math.sqrt(d);
            double s1 = (-b + d) / a;
            double s2 = (-b - d) / a;
            double s = Math.max(s1, s2);
            if (s > 1.0) {
                s = s - 1.0 < TOLERANCE ? 1.0 : Math.min(s1, s2);
            }
            if (s < -1.0 && s + 1.0 > -TOLERANCE) {
                s = -1.0;
            }
            return s > 1.0 || s < -1.0 ? Double.NaN : s;
        }

        private static double oneMinusSinTheta(double theta) {
            double t = (90.0 - Math.abs(theta)) * Angles.D2R;
            if (t < 1.0e-5) {
                return theta > 0.0 ? t * t / 2.0 : 2.0 - t * t / 2.0;
            }
            return 1.0 - Angles.sind(theta);
        }
    }
}
