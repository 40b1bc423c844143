package io.astrocloud.wcs;

/**
 * Trigonometry in degrees, exact at multiples of 90 degrees (so a pole or a right angle in a
 * header gives exact zeros and ones, as the WCS papers' special cases expect), and angle
 * normalisation.
 */
final class Angles {
    static final double R2D = 180.0 / Math.PI;
    static final double D2R = Math.PI / 180.0;

    private Angles() {
    }

    static double sind(double degrees) {
        if (degrees % 90.0 == 0.0) {
            return switch (quadrant(degrees)) {
                case 0, 2 -> 0.0;
                case 1 -> 1.0;
                default -> -1.0;
            };
        }
        return Math.sin(degrees * D2R);
    }

    static double cosd(double degrees) {
        if (degrees % 90.0 == 0.0) {
            return switch (quadrant(degrees)) {
                case 1, 3 -> 0.0;
                case 0 -> 1.0;
                default -> -1.0;
            };
        }
        return Math.cos(degrees * D2R);
    }

    static double atan2d(double y, double x) {
        return Math.atan2(y, x) * R2D;
    }

    static double asind(double v) {
        return Math.asin(v) * R2D;
    }

    static double acosd(double v) {
        return Math.acos(v) * R2D;
    }

    static double atand(double v) {
        return Math.atan(v) * R2D;
    }

    /** The angle in [0, 360). */
    static double wrap360(double degrees) {
        double a = degrees % 360.0;
        if (a < 0.0) {
            a += 360.0;
        }
        return a == 360.0 ? 0.0 : a;
    }

    /** The angle in [-180, 180]. */
    static double wrap180(double degrees) {
        double a = degrees % 360.0;
        if (a > 180.0) {
            a -= 360.0;
        } else if (a < -180.0) {
            a += 360.0;
        }
        return a;
    }

    private static int quadrant(double degrees) {
        return (int) Math.floorMod(Math.round(degrees / 90.0), 4L);
    }
}
