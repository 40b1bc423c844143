package io.astrocloud.wcs;

import java.util.Arrays;

/**
 * ZPN: zenithal polynomial, R = r0 sum P_m (90 - theta)^m with the zenith distance in radians
 * and P_m = PVi_m of the latitude axis, m = 0..29 (Paper II eq. 68). Only the range where R
 * grows with the zenith distance is used: beyond its first turning point there is no image, as
 * in wcslib. The reverse direction solves the polynomial, by bracketing, in at most 100 steps.
 */
final class ZenithalPolynomial extends ZenithalProjection {
    /** Highest m of PVi_m: the 30 coefficients wcslib holds. */
    static final int MAX_DEGREE = 29;
    private static final double TOLERANCE = 1e-13;
    private final double[] p;
    private final int degree;
    private final double maxZenithDistance;
    private final double maxRadius;

    private ZenithalPolynomial(double[] p, int degree, double maxZenithDistance, double maxRadius) {
        this.p = p;
        this.degree = degree;
        this.maxZenithDistance = maxZenithDistance;
        this.maxRadius = maxRadius;
    }

    /** @param pv PVi_m of the latitude axis, NaN when absent (taken as 0) */
    static ZenithalPolynomial of(double[] pv) {
        double[] p = new double[MAX_DEGREE + 1];
        for (int m = 0; m <= MAX_DEGREE; m++) {
            p[m] = m < pv.length && !Double.isNaN(pv[m]) ? pv[m] : 0.0;
        }
        int degree = MAX_DEGREE;
        while (degree >= 0 && p[degree] == 0.0) {
            degree--;
        }
        if (degree < 0) {
            throw new InvalidWcs("projection ZPN has no non-zero coefficient PVi_m of the latitude axis");
        }
        if (degree < 2) {
            return new ZenithalPolynomial(p, degree, Math.PI, Double.NaN);
        }
        if (p[1] <= 0.0) {
            throw new InvalidWcs("projection ZPN needs a positive PVi_1 of the latitude axis, not " + p[1]);
        }
        double zd = turningPoint(p, degree);
        return new ZenithalPolynomial(p, degree, zd, polynomial(p, degree, zd));
    }

    /** The zenith distance (radians) where dR/dzd first reaches zero, or pi. */
    private static double turningPoint(double[] p, int degree) {
        double zd1 = 0.0;
        double d1 = p[1];
        double zd2 = 0.0;
        double d2 = 0.0;
        int j = 0;
        for (; j < 180; j++) {
            zd2 = j * Angles.D2R;
            d2 = derivative(p, degree, zd2);
            if (d2 <= 0.0) {
                break;
            }
            zd1 = zd2;
            d1 = d2;
        }
        if (j == 180) {
            return Math.PI;
        }
        double zd = zd1;
        for (int k = 0; k < 10; k++) {
            zd = zd1 - d1 * (zd2 - zd1) / (d2 - d1);
            double d = derivative(p, degree, zd);
            if (Math.abs(d) < TOLERANCE) {
                break;
            }
            if (d < 0.0) {
                zd2 = zd;
                d2 = d;
            } else {
                zd1 = zd;
                d1 = d;
            }
        }
        return zd;
    }

    private static double derivative(double[] p, int degree, double zd) {
        double d = 0.0;
        for (int m = degree; m > 0; m--) {
            d = d * zd + m * p[m];
        }
        return d;
    }

    private static double polynomial(double[] p, int degree, double zd) {
        double r = 0.0;
        for (int m = degree; m >= 0; m--) {
            r = r * zd + p[m];
        }
        return r;
    }

    @Override
    public String code() {
        return "ZPN";
    }

    @Override
    double radius(double theta) {
        double zd = (90.0 - theta) * Angles.D2R;
        return zd > maxZenithDistance ? Double.NaN : R0 * polynomial(p, degree, zd);
    }

    @Override
    double theta(double radius) {
        double r = radius / R0;
        double zd = switch (degree) {
            case 0 -> Double.NaN;
            case 1 -> (r - p[0]) / p[1];
            case 2 -> quadraticRoot(r);
            default -> bracketedRoot(r);
        };
        return Double.isNaN(zd) ? Double.NaN : 90.0 - zd * Angles.R2D;
    }

    private double quadraticRoot(double r) {
        double a = p[2];
        double b = p[1];
        double c = p[0] - r;
        double d = b * b - 4.0 * a * c;
        if (d < 0.0) {
            return Double.NaN;
        }
        d = Math.sqrt(d);
        double zd1 = (-b + d) / (2.0 * a);
        double zd2 = (-b - d) / (2.0 * a);
        double zd = Math.min(zd1, zd2);
        if (zd < -TOLERANCE) {
            zd = Math.max(zd1, zd2);
        }
        if (zd < -TOLERANCE || zd > Math.PI + TOLERANCE) {
            return Double.NaN;
        }
        return Math.max(0.0, Math.min(Math.PI, zd));
    }

    private double bracketedRoot(double r) {
        double zd1 = 0.0;
        double r1 = p[0];
        double zd2 = maxZenithDistance;
        double r2 = maxRadius;
        if (r < r1) {
            return r < r1 - TOLERANCE ? Double.NaN : zd1;
        }
        if (r > r2) {
            return r > r2 + TOLERANCE ? Double.NaN : zd2;
        }
        double zd = zd1;
        for (int j = 0; j < 100; j++) {
            double lambda = Math.max(0.1, Math.min(0.9, (r2 - r) / (r2 - r1)));
            zd = zd2 - lambda * (zd2 - zd1);
            double rt = polynomial(p, degree, zd);
            if (rt < r) {
                if (r - rt < TOLERANCE) {
                    break;
                }
                r1 = rt;
                zd1 = zd;
            } else {
                if (rt - r < TOLERANCE) {
                    break;
                }
                r2 = rt;
                zd2 = zd;
            }
            if (Math.abs(zd2 - zd1) < TOLERANCE) {
                break;
            }
        }
        return zd;
    }

    @Override
    public String toString() {
        return "ZPN" + Arrays.toString(Arrays.copyOf(p, degree + 1));
    }
}
