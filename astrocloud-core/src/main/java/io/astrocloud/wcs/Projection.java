package io.astrocloud.wcs;

/**
 * A spherical projection of Paper II: between projection-plane coordinates (x, y), the
 * intermediate world coordinates of the celestial axes in degrees, and native spherical
 * coordinates (phi, theta) in degrees. Outside its domain a projection answers {@code null}
 * (astropy's NaN).
 */
sealed interface Projection permits ZenithalProjection, CylindricalProjection, PseudoCylindricalProjection {
    /** Tolerance for native coordinates that stray past their range by rounding, as wcslib's. */
    double BOUNDS_TOLERANCE = 1e-13;

    /** The three-letter code: TAN, SIN, ... */
    String code();

    /**
     * Native longitude of the fiducial point when the header sets none (PVi_1 of the longitude
     * axis): 0 for every projection here.
     */
    default double phi0() {
        return 0.0;
    }

    /**
     * Native latitude of the fiducial point when the header sets none (PVi_2 of the longitude
     * axis): 90 for zenithal projections, 0 for the others here.
     */
    default double theta0() {
        return 0.0;
    }

    /** {phi, theta} of a projection-plane point, or null outside the projection's domain. */
    double[] toNative(double x, double y);

    /** {x, y} of native spherical coordinates, or null where the projection has no image. */
    double[] toPlane(double phi, double theta);

    /**
     * The projection of a CTYPE code with the latitude axis' PVi_m parameters ({@code pv[m]}, NaN
     * when absent). NCP (AIPS) is SIN with (0, cot CRVAL2), as wcslib translates it.
     *
     * @throws InvalidWcs for a code not implemented here or parameters it cannot use
     */
    static Projection of(String code, double[] pv, double referenceLatitude) {
        return switch (code) {
            case "TAN" -> new ZenithalProjection.Gnomonic();
            case "SIN" -> new ZenithalProjection.Orthographic(defaulted(pv, 1), defaulted(pv, 2));
            case "NCP" -> {
                if (referenceLatitude == 0.0) {
                    throw new InvalidWcs("projection NCP is undefined with the reference point on the equator "
                        + "(CRVAL of the latitude axis = 0)");
                }
                double cot = Angles.cosd(referenceLatitude) / Angles.sind(referenceLatitude);
                yield new ZenithalProjection.Orthographic(0.0, cot);
            }
            case "ARC" -> new ZenithalProjection.Equidistant();
            case "ZEA" -> new ZenithalProjection.EqualArea();
            case "STG" -> new ZenithalProjection.Stereographic();
            case "ZPN" -> ZenithalPolynomial.of(pv);
            case "CAR" -> new CylindricalProjection.PlateCarree();
            case "MOL" -> new PseudoCylindricalProjection.Mollweide();
            case "AIT" -> new PseudoCylindricalProjection.HammerAitoff();
            default -> throw new InvalidWcs("projection " + code + " is not implemented (implemented: TAN, SIN, NCP, "
                + "ARC, ZEA, STG, ZPN, CAR, MOL, AIT)");
        };
    }

    private static double defaulted(double[] pv, int m) {
        return Double.isNaN(pv[m]) ? 0.0 : pv[m];
    }

    /**
     * Native coordinates within their range, nudged back when rounding took them just past it,
     * or null when they lie truly outside (wcslib's bounds check).
     */
    static double[] checked(double phi, double theta) {
        if (!(Math.abs(phi) <= 180.0 + BOUNDS_TOLERANCE) || !(Math.abs(theta) <= 90.0 + BOUNDS_TOLERANCE)) {
            return null;
        }
        return new double[] {Math.max(-180.0, Math.min(180.0, phi)), Math.max(-90.0, Math.min(90.0, theta))};
    }
}
