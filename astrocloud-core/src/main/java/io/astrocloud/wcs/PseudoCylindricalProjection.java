package io.astrocloud.wcs;

/**
 * Mollweide's (MOL) and Hammer-Aitoff (AIT), the whole-sky projections of Paper II sections 5.3.3
 * and 5.3.4: fiducial point (0, 0), the sphere inside an ellipse, nothing outside it.
 */
abstract sealed class PseudoCylindricalProjection implements Projection
    permits PseudoCylindricalProjection.Mollweide, PseudoCylindricalProjection.HammerAitoff {
    static final double R0 = Angles.R2D;
    private static final double TOLERANCE = 1e-13;

    /** MOL: x = (2 sqrt 2 / pi) phi cos(gamma), y = sqrt 2 r0 sin(gamma), 2 gamma + sin 2 gamma = pi sin theta. */
    static final class Mollweide extends PseudoCylindricalProjection {
        private static final double EDGE_TOLERANCE = 1e-12;
        private static final double SQRT2_R0 = Math.sqrt(2.0) * R0;

        @Override
        public String code() {
            return "MOL";
        }

        @Override
        public double[] toNative(double x, double y) {
            double y0 = y / R0;
            double r = 2.0 - y0 * y0;
            double scale;
            if (r <= EDGE_TOLERANCE) {
                // At the top or bottom of the ellipse only its centre line belongs to the sphere.
                if (r < -EDGE_TOLERANCE || Math.abs(x) >= EDGE_TOLERANCE) {
                    return null;
                }
                r = 0.0;
                scale = 0.0;
            } else {
                r = Math.sqrt(r);
                scale = 1.0 / r;
            }
            double z = y / SQRT2_R0;
            if (Math.abs(z) > 1.0) {
                if (Math.abs(z) > 1.0 + EDGE_TOLERANCE) {
                    return null;
                }
                z = Math.copySign(1.0, z) + y0 * r / Math.PI;
            } else {
                z = Math.asin(z) * (2.0 / Math.PI) + y0 * r / Math.PI;
            }
            if (Math.abs(z) > 1.0) {
                if (Math.abs(z) > 1.0 + EDGE_TOLERANCE) {
                    return null;
                }
                z = Math.copySign(1.0, z);
            }
            double phi = (90.0 / R0) * x * scale;
            double theta = Angles.asind(z);
            if (!(Math.abs(phi) <= 180.0 + 1e-11) || !(Math.abs(theta) <= 90.0 + 1e-11)) {
                return null;
            }
            return new double[] {Math.max(-180.0, Math.min(180.0, phi)), Math.max(-90.0, Math.min(90.0, theta))};
        }

        @Override
        public double[] toPlane(double phi, double theta) {
            double xi;
            double eta;
            if (Math.abs(theta) == 90.0) {
                xi = 0.0;
                eta = Math.copySign(SQRT2_R0, theta);
            } else if (theta == 0.0) {
                xi = 1.0;
                eta = 0.0;
            } else {
                double gamma = auxiliaryAngle(Math.PI * Angles.sind(theta)) / 2.0;
                xi = Math.cos(gamma);
                eta = SQRT2_R0 * Math.sin(gamma);
            }
            return new double[] {SQRT2_R0 / 90.0 * phi * xi, eta};
        }

        /** The v in [-pi, pi] with v + sin v = u, by bisection (monotonic, at most 100 steps). */
        private static double auxiliaryAngle(double u) {
            double v0 = -Math.PI;
            double v1 = Math.PI;
            double v = u;
            for (int k = 0; k < 100; k++) {
                double resid = (v - u) + Math.sin(v);
                if (resid < 0.0) {
                    if (resid > -TOLERANCE) {
                        break;
                    }
                    v0 = v;
                } else {
                    if (resid < TOLERANCE) {
                        break;
                    }
                    v1 = v;
                }
                v = (v0 + v1) / 2.0;
            }
            return v;
        }
    }

    /** AIT: x = 2 g cos(theta) sin(phi / 2), y = g sin(theta), g = r0 sqrt(2 / (1 + cos(theta) cos(phi / 2))). */
    static final class HammerAitoff extends PseudoCylindricalProjection {
        @Override
        public String code() {
            return "AIT";
        }

        @Override
        public double[] toNative(double x, double y) {
            double s = 1.0 - x * x / (16.0 * R0 * R0) - y * y / (4.0 * R0 * R0);
            if (s < 0.5) {
                if (s < 0.5 - TOLERANCE) {
                    return null;
                }
                s = 0.5;
            }
            double z = Math.sqrt(s);
            double x0 = 2.0 * z * z - 1.0;
            double y0 = z * x / (2.0 * R0);
            double phi = x0 == 0.0 && y0 == 0.0 ? 0.0 : 2.0 * Angles.atan2d(y0, x0);
            double t = z * y / R0;
            double theta;
            if (Math.abs(t) > 1.0) {
                if (Math.abs(t) > 1.0 + TOLERANCE) {
                    return null;
                }
                theta = Math.copySign(90.0, t);
            } else {
                theta = Angles.asind(t);
            }
            return Projection.checked(phi, theta);
        }

        @Override
        public double[] toPlane(double phi, double theta) {
            double cosTheta = Angles.cosd(theta);
            double denominator = 1.0 + cosTheta * Angles.cosd(phi / 2.0);
            if (denominator <= 0.0) {
                return null;
            }
            double w = Math.sqrt(2.0 * R0 * R0 / denominator);
            return new double[] {2.0 * w * cosTheta * Angles.sind(phi / 2.0), w * Angles.sind(theta)};
        }
    }
}
