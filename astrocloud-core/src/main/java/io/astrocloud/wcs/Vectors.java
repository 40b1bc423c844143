package io.astrocloud.wcs;

/**
 * Unit vectors on the celestial sphere and 3 x 3 rotation matrices, in the conventions of the
 * SOFA/ERFA and astropy routines whose results the frames reproduce: {@link #rx}, {@link #ry} and
 * {@link #rz} rotate the coordinate system (passive), and a matrix times a vector takes the
 * vector into the rotated system.
 */
final class Vectors {
    private Vectors() {
    }

    /** The unit vector of a longitude and latitude in degrees. */
    static double[] of(double lonDeg, double latDeg) {
        double cosLat = Angles.cosd(latDeg);
        return new double[] {cosLat * Angles.cosd(lonDeg), cosLat * Angles.sind(lonDeg), Angles.sind(latDeg)};
    }

    /** Longitude in [0, 360) of a vector (0 at a pole). */
    static double longitude(double[] v) {
        return v[0] == 0.0 && v[1] == 0.0 ? 0.0 : Angles.wrap360(Angles.atan2d(v[1], v[0]));
    }

    /** Latitude of a vector of any length, accurate near the poles. */
    static double latitude(double[] v) {
        return Angles.atan2d(v[2], Math.hypot(v[0], v[1]));
    }

    static double dot(double[] a, double[] b) {
        return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
    }

    static double[] cross(double[] a, double[] b) {
        return new double[] {a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]};
    }

    static double[] plus(double[] a, double[] b) {
        return new double[] {a[0] + b[0], a[1] + b[1], a[2] + b[2]};
    }

    static double[] minus(double[] a, double[] b) {
        return new double[] {a[0] - b[0], a[1] - b[1], a[2] - b[2]};
    }

    static double[] scaled(double[] a, double s) {
        return new double[] {a[0] * s, a[1] * s, a[2] * s};
    }

    static double norm(double[] a) {
        return Math.sqrt(dot(a, a));
    }

    static double[] normalized(double[] a) {
        return scaled(a, 1.0 / norm(a));
    }

    /** The angle between two vectors in degrees, accurate for small and large angles alike. */
    static double separation(double[] a, double[] b) {
        return Angles.atan2d(norm(cross(a, b)), dot(a, b));
    }

    static double[] apply(double[][] m, double[] v) {
        return new double[] {
            m[0][0] * v[0] + m[0][1] * v[1] + m[0][2] * v[2],
            m[1][0] * v[0] + m[1][1] * v[1] + m[1][2] * v[2],
            m[2][0] * v[0] + m[2][1] * v[1] + m[2][2] * v[2]};
    }

    static double[][] times(double[][] a, double[][] b) {
        double[][] r = new double[3][3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                r[i][j] = a[i][0] * b[0][j] + a[i][1] * b[1][j] + a[i][2] * b[2][j];
            }
        }
        return r;
    }

    /** The product of the matrices, left to right: {@code product(a, b, c) = a b c}. */
    static double[][] product(double[][]... matrices) {
        double[][] r = matrices[0];
        for (int i = 1; i < matrices.length; i++) {
            r = times(r, matrices[i]);
        }
        return r;
    }

    static double[][] transpose(double[][] m) {
        return new double[][] {{m[0][0], m[1][0], m[2][0]}, {m[0][1], m[1][1], m[2][1]}, {m[0][2], m[1][2], m[2][2]}};
    }

    static double[][] rx(double radians) {
        double c = Math.cos(radians);
        double s = Math.sin(radians);
        return new double[][] {{1, 0, 0}, {0, c, s}, {0, -s, c}};
    }

    static double[][] ry(double radians) {
        double c = Math.cos(radians);
        double s = Math.sin(radians);
        return new double[][] {{c, 0, -s}, {0, 1, 0}, {s, 0, c}};
    }

    static double[][] rz(double radians) {
        double c = Math.cos(radians);
        double s = Math.sin(radians);
        return new double[][] {{c, s, 0}, {-s, c, 0}, {0, 0, 1}};
    }
}
