package io.astrocloud.wcs;

/**
 * The rotation between native spherical coordinates (phi, theta) and celestial coordinates
 * (alpha, delta) of Paper II section 2: Euler angles (alpha_p, delta_p, phi_p), the celestial
 * position of the native pole and the native longitude of the celestial pole. The celestial pole
 * is found from the reference point, the fiducial point, LONPOLE and LATPOLE as Paper II section
 * 2.4 (eqs. 8-10) and wcslib's {@code celset} do, including the case where two poles fit and
 * LATPOLE picks the nearer.
 */
final class SphericalRotation {
    private static final double TOLERANCE = 1e-10;
    private final double alphaP;
    private final double deltaP;
    private final double phiP;
    private final double sinDeltaP;
    private final double cosDeltaP;

    private SphericalRotation(double alphaP, double deltaP, double phiP) {
        this.alphaP = alphaP;
        this.deltaP = deltaP;
        this.phiP = phiP;
        this.sinDeltaP = Angles.sind(deltaP);
        this.cosDeltaP = Angles.cosd(deltaP);
    }

    /**
     * @param alpha0  celestial longitude of the reference point (CRVAL of the longitude axis)
     * @param delta0  celestial latitude of the reference point
     * @param phi0    native longitude of the fiducial point
     * @param theta0  native latitude of the fiducial point
     * @param lonpole LONPOLE, NaN when the header gives none (or 999)
     * @param latpole LATPOLE (default +90)
     * @throws InvalidWcs when no celestial pole fits these values
     */
    static SphericalRotation of(double alpha0, double delta0, double phi0, double theta0, double lonpole,
                                double latpole) {
        double phiP = lonpole;
        if (Double.isNaN(phiP) || phiP == 999.0) {
            phiP = Angles.wrap180((delta0 < theta0 ? 180.0 : 0.0) + phi0);
        }
        if (theta0 == 90.0) {
            return new SphericalRotation(alpha0, delta0, phiP);
        }
        double deltaP = poleLatitude(delta0, phi0, theta0, phiP, latpole);
        double alphaP = poleLongitude(alpha0, delta0, phi0, theta0, phiP, deltaP);
        return new SphericalRotation(alphaP, deltaP, phiP);
    }

    /** Paper II eq. 8: delta_p, choosing by LATPOLE between two solutions. */
    private static double poleLatitude(double delta0, double phi0, double theta0, double phiP, double latpole) {
        double sinDelta0 = Angles.sind(delta0);
        double u;
        double v;
        if (phiP == phi0) {
            u = theta0;
            v = 90.0 - delta0;
        } else {
            double x = Angles.cosd(theta0) * Angles.cosd(phiP - phi0);
            double y = Angles.sind(theta0);
            double z = Math.hypot(x, y);
            if (z == 0.0) {
                if (sinDelta0 != 0.0) {
                    throw new InvalidWcs("no celestial pole fits: with |LONPOLE - phi0| = 90 and theta0 = 0 the "
                        + "reference point must lie on the equator");
                }
                // The pole is then set by LATPOLE alone.
                return Math.max(-90.0, Math.min(90.0, latpole));
            }
            double slz = sinDelta0 / z;
            if (Math.abs(slz) > 1.0) {
                if (Math.abs(slz) - 1.0 >= TOLERANCE) {
                    throw new InvalidWcs(String.format(java.util.Locale.ROOT, "no celestial pole fits: the "
                        + "reference latitude %s needs |delta0| <= %.3f for these LONPOLE, phi0 and theta0", delta0,
                        Angles.asind(z)));
                }
                slz = Math.copySign(1.0, slz);
            }
            u = Angles.atan2d(y, x);
            v = Angles.acosd(slz);
        }
        double p1 = Angles.wrap180(u + v);
        double p2 = Angles.wrap180(u - v);
        double deltaP;
        if (Math.abs(latpole - p1) < Math.abs(latpole - p2)) {
            deltaP = Math.abs(p1) < 90.0 + TOLERANCE ? p1 : p2;
        } else {
            deltaP = Math.abs(p2) < 90.0 + TOLERANCE ? p2 : p1;
        }
        if (Math.abs(deltaP) >= 90.0 + TOLERANCE) {
            throw new InvalidWcs("no celestial pole fits these CRVAL, LONPOLE and LATPOLE (ill-conditioned)");
        }
        return Math.max(-90.0, Math.min(90.0, deltaP));
    }

    /** Paper II eq. 9 (and 10 at the poles): alpha_p, of the same sign as alpha0. */
    private static double poleLongitude(double alpha0, double delta0, double phi0, double theta0, double phiP,
                                        double deltaP) {
        double cosDelta0 = Angles.cosd(delta0);
        double z = Angles.cosd(deltaP) * cosDelta0;
        double alphaP;
        if (Math.abs(z) < TOLERANCE) {
            if (Math.abs(cosDelta0) < TOLERANCE) {
                alphaP = alpha0;
            } else if (deltaP > 0.0) {
                alphaP = alpha0 + phiP - phi0 - 180.0;
            } else {
                alphaP = alpha0 - phiP + phi0;
            }
        } else {
            double x = (Angles.sind(theta0) - Angles.sind(deltaP) * Angles.sind(delta0)) / z;
            double y = Angles.sind(phiP - phi0) * Angles.cosd(theta0) / cosDelta0;
            if (x == 0.0 && y == 0.0) {
                throw new InvalidWcs("no celestial pole fits these CRVAL, LONPOLE and LATPOLE");
            }
            alphaP = alpha0 - Angles.atan2d(y, x);
        }
        if (alpha0 >= 0.0) {
            alphaP = alphaP < 0.0 ? alphaP + 360.0 : alphaP > 360.0 ? alphaP - 360.0 : alphaP;
        } else {
            alphaP = alphaP > 0.0 ? alphaP - 360.0 : alphaP < -360.0 ? alphaP + 360.0 : alphaP;
        }
        return alphaP;
    }

    /** Celestial {longitude in [0, 360), latitude} of native (phi, theta), Paper II eq. 2. */
    double[] toCelestial(double phi, double theta) {
        double[] celestial = rotate(phi, theta, phiP, alphaP);
        celestial[0] = Angles.wrap360(celestial[0]);
        return celestial;
    }

    /** Native {phi in [-180, 180], theta} of celestial (longitude, latitude), Paper II eq. 5. */
    double[] toNative(double lon, double lat) {
        double[] nat = rotate(lon, lat, alphaP, phiP);
        nat[0] = Angles.wrap180(nat[0]);
        return nat;
    }

    /**
     * Eqs. 2 and 5 are one formula: the pole of the other system is at latitude delta_p, and at
     * longitude {@code poleHere} in this one; {@code poleThere} is this pole's longitude there.
     */
    private double[] rotate(double lon, double lat, double poleHere, double poleThere) {
        double dLon = lon - poleHere;
        double sinLat = Angles.sind(lat);
        double cosLat = Angles.cosd(lat);
        double cosDLon = Angles.cosd(dLon);
        double x = sinLat * cosDeltaP - cosLat * sinDeltaP * cosDLon;
        double y = -cosLat * Angles.sind(dLon);
        double z = sinLat * sinDeltaP + cosLat * cosDeltaP * cosDLon;
        double rotated = x == 0.0 && y == 0.0 ? poleThere : poleThere + Angles.atan2d(y, x);
        return new double[] {rotated, Angles.atan2d(z, Math.hypot(x, y))};
    }

    @Override
    public String toString() {
        return "alpha_p " + alphaP + ", delta_p " + deltaP + ", phi_p " + phiP;
    }
}
