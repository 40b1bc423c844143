package io.astrocloud.wcs;

/**
 * The rotations between equatorial systems of different equinoxes that astropy's coordinate
 * frames use, so that a header's FK4, FK5 or ecliptic coordinates land in ICRS where astropy puts
 * them: IAU 2006 precession (Fukushima-Williams angles, as ERFA's {@code pfw06}, {@code bp06},
 * {@code obl06}), the ICRS frame bias of USNO Circular 179, the ecliptic of date without
 * nutation (ERFA's {@code ecm06}), Newcomb's precession between Besselian epochs, the FK4 to
 * FK5 matrix of Murray (1989) with its rotating-system correction, and the E-terms of aberration.
 * Angles in the polynomials are arcseconds; epochs are years (Julian for FK5 and the ecliptic,
 * Besselian for FK4) on the TT scale.
 */
final class Precession {
    private static final double ARCSEC = Math.PI / (180.0 * 3600.0);
    private static final double J2000_JD = 2451545.0;
    private static final double B1900_JD = 2415020.31352;
    private static final double TROPICAL_YEAR = 365.242198781;
    private static final double B1950_JD = besselianToJd(1950.0);

    /** ICRS to FK5 J2000: the frame bias (USNO Circular 179, as astropy's ICRS-FK5 transform). */
    static final double[][] ICRS_TO_FK5 = Vectors.product(Vectors.rx(19.9 / 3.6e6 * Angles.D2R),
        Vectors.ry(9.1 / 3.6e6 * Angles.D2R), Vectors.rz(-22.9 / 3.6e6 * Angles.D2R));

    /** FK4 B1950 (without E-terms) to FK5 J2000, Murray (1989) eq. 28. */
    private static final double[][] B1950_TO_J2000 = {
        {0.9999256794956877, -0.0111814832204662, -0.0048590038153592},
        {0.0111814832391717, +0.9999374848933135, -0.0000271625947142},
        {0.0048590037723143, -0.0000271702937440, +0.9999881946023742}};

    /** Murray (1989) eq. 29: FK4 is a rotating system; per Julian century from 1950, times 1e-6. */
    private static final double[][] FK4_ROTATION = {
        {-0.0026455262, -1.1539918689, +2.1111346190},
        {+1.1540628161, -0.0129042997, +0.0236021478},
        {-2.1112979048, -0.0056024448, +0.0102587734}};

    private Precession() {
    }

    /** Precession (without frame bias) from J2000 to the Julian epoch, IAU 2006 ({@code bp06}'s rp). */
    static double[][] fromJ2000(double julianEpoch) {
        return Vectors.times(biasPrecession(centuries(julianEpoch)), Vectors.transpose(biasPrecession(0.0)));
    }

    /** ICRS to the mean ecliptic and equinox of the Julian epoch, IAU 2006, no nutation ({@code ecm06}). */
    static double[][] icrsToEcliptic(double julianEpoch) {
        double t = centuries(julianEpoch);
        return Vectors.times(Vectors.rx(obliquity2006(t)), biasPrecession(t));
    }

    /** FK4 without E-terms, Besselian equinox {@code from} to {@code to} (Newcomb). */
    static double[][] newcomb(double from, double to) {
        double t1 = (from - 1850.0) / 1000.0;
        double dt = (to - 1850.0) / 1000.0 - t1;
        double zeta1 = 23035.545 + t1 * 139.720 + 0.060 * t1 * t1;
        double zeta = ((17.995 * dt + (30.240 - 0.27 * t1)) * dt + zeta1) * dt / 3600.0;
        double z = ((18.325 * dt + (109.480 + 0.39 * t1)) * dt + zeta1) * dt / 3600.0;
        double theta1 = 20051.12 - 85.29 * t1 - 0.37 * t1 * t1;
        double theta = ((-41.8 * dt + (-42.65 - 0.37 * t1)) * dt + theta1) * dt / 3600.0;
        return Vectors.product(Vectors.rz(-z * Angles.D2R), Vectors.ry(theta * Angles.D2R),
            Vectors.rz(-zeta * Angles.D2R));
    }

    /** FK4 B1950 without E-terms to FK5 J2000 for an observation at the Besselian epoch. */
    static double[][] fk4ToFk5(double besselianObservationEpoch) {
        double julianYear = 2000.0 + (besselianToJd(besselianObservationEpoch) - J2000_JD) / 365.25;
        double t = (julianYear - 1950.0) / 100.0;
        double[][] m = new double[3][3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                m[i][j] = B1950_TO_J2000[i][j] + FK4_ROTATION[i][j] * 1e-6 * t;
            }
        }
        return m;
    }

    /** The E-terms of aberration of a Besselian equinox, as a vector (astropy's {@code fk4_e_terms}). */
    static double[] eTerms(double besselianEquinox) {
        double jd = besselianToJd(besselianEquinox);
        double t = (jd - B1950_JD) / 36525.0;
        double e = 0.01673011 + (-0.00004193 + (-0.000000126) * t) * t;
        double g = (1015489.951 + (6190.67 + (1.65 + 0.012 * t) * t) * t) * ARCSEC;
        double o = obliquity1980((jd - J2000_JD) / 36525.0);
        double k = 0.0056932 * Angles.D2R;
        double ek = e * k;
        return new double[] {ek * Math.sin(g), -ek * Math.cos(g) * Math.cos(o), -ek * Math.cos(g) * Math.sin(o)};
    }

    private static double centuries(double julianEpoch) {
        return (julianEpoch - 2000.0) / 100.0;
    }

    private static double besselianToJd(double besselianEpoch) {
        return B1900_JD + (besselianEpoch - 1900.0) * TROPICAL_YEAR;
    }

    /** Frame bias and precession from ICRS to the mean equator of date ({@code pmat06}). */
    private static double[][] biasPrecession(double t) {
        double gamb = (-0.052928 + (10.556378 + (0.4932044 + (-0.00031238 + (-0.000002788 + 0.0000000260 * t) * t)
            * t) * t) * t) * ARCSEC;
        double phib = (84381.412819 + (-46.811016 + (0.0511268 + (0.00053289 + (-0.000000440 - 0.0000000176 * t) * t)
            * t) * t) * t) * ARCSEC;
        double psib = (-0.041775 + (5038.481484 + (1.5584175 + (-0.00018522 + (-0.000026452 - 0.0000000148 * t) * t)
            * t) * t) * t) * ARCSEC;
        double epsa = obliquity2006(t);
        return Vectors.product(Vectors.rx(-epsa), Vectors.rz(-psib), Vectors.rx(phib), Vectors.rz(gamb));
    }

    private static double obliquity2006(double t) {
        return (84381.406 + (-46.836769 + (-0.0001831 + (0.00200340 + (-0.000000576 - 0.0000000434 * t) * t) * t) * t)
            * t) * ARCSEC;
    }

    private static double obliquity1980(double t) {
        return (84381.448 + (-46.8150 + (-0.00059 + 0.001813 * t) * t) * t) * ARCSEC;
    }
}
