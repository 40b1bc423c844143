package io.astrocloud.wcs;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Pixel coordinates to intermediate world coordinates of the two celestial axes (Paper I eq. 1,
 * Paper II section 6.1): offsets from CRPIXj times the 2 x 2 block of the CDi_j matrix, or of
 * CDELTi PCi_j, or of the matrix AIPS' CROTA2 makes. As wcslib (and Paper I) decide: PCi_j is
 * used when any PCi_j keyword is present or no CDi_j and no CROTAi is; then CDi_j; then CROTAi of
 * the latitude axis with CDELTi. Defaults: CRPIXj 0, CDELTi 1, PCi_j the unit matrix, CDi_j 0
 * (once one is present), CROTAi 0. Rows are intermediate world coordinates (longitude, latitude)
 * in degrees; columns the two celestial pixel axes in header order.
 */
final class LinearTransformation {
    private static final Pattern MATRIX = Pattern.compile("(PC|CD)(\\d{1,3})_(\\d{1,3})");
    private static final Pattern CROTA = Pattern.compile("CROTA\\d{1,3}");
    private final double crpixFirst;
    private final double crpixSecond;
    private final double[][] m;
    private final double[][] inverse;

    private LinearTransformation(double crpixFirst, double crpixSecond, double[][] m) {
        this.crpixFirst = crpixFirst;
        this.crpixSecond = crpixSecond;
        this.m = m;
        double det = m[0][0] * m[1][1] - m[0][1] * m[1][0];
        double size = Math.max(Math.max(Math.abs(m[0][0]), Math.abs(m[0][1])),
            Math.max(Math.abs(m[1][0]), Math.abs(m[1][1])));
        if (!Double.isFinite(det) || Math.abs(det) <= 1e-15 * size * size) {
            throw new InvalidWcs(String.format(Locale.ROOT, "the linear transformation of the celestial axes is "
                + "singular (matrix [[%s, %s], [%s, %s]] in degrees per pixel)", m[0][0], m[0][1], m[1][0], m[1][1]));
        }
        this.inverse = new double[][] {{m[1][1] / det, -m[0][1] / det}, {-m[1][0] / det, m[0][0] / det}};
    }

    /**
     * @param lngScale degrees per unit of CUNIT of the longitude axis
     * @param latScale likewise for the latitude axis
     */
    static LinearTransformation read(KeywordValues values, int naxis, CelestialAxes axes, double lngScale,
                                     double latScale) {
        int[] rows = {axes.longitude(), axes.latitude()};
        double[] scale = {lngScale, latScale};
        int[] cols = {axes.firstPixelAxis(), axes.secondPixelAxis()};
        Form form = form(values.header().keywords());
        double[][] m = new double[2][2];
        for (int r = 0; r < 2; r++) {
            for (int c = 0; c < 2; c++) {
                m[r][c] = scale[r] * element(values, form, rows[r], cols[c], axes);
            }
            for (int k = 0; k < naxis; k++) {
                boolean other = k != cols[0] && k != cols[1];
                if (other && form != Form.CROTA && element(values, form, rows[r], k, axes) != 0.0) {
                    throw new InvalidWcs(String.format(Locale.ROOT, "%s%d_%d couples celestial axis %d with pixel "
                        + "axis %d: the sky position depends on that axis", form == Form.CD ? "CD" : "PC", rows[r] + 1,
                        k + 1, rows[r] + 1, k + 1));
                }
            }
        }
        double crpixFirst = values.real("CRPIX" + (cols[0] + 1), 0.0);
        return new LinearTransformation(crpixFirst, values.real("CRPIX" + (cols[1] + 1), 0.0), m);
    }

    private enum Form { PC, CD, CROTA }

    private static Form form(Set<String> keywords) {
        boolean pc = false;
        boolean cd = false;
        boolean crota = false;
        for (String keyword : keywords) {
            if (!WcsReader.indexedLike(keyword)) {
                continue;
            }
            Matcher matrix = MATRIX.matcher(keyword);
            if (matrix.matches()) {
                pc |= matrix.group(1).equals("PC");
                cd |= matrix.group(1).equals("CD");
            } else if (CROTA.matcher(keyword).matches()) {
                crota = true;
            }
        }
        return pc || !cd && !crota ? Form.PC : cd ? Form.CD : Form.CROTA;
    }

    /** Element (i, j) of CDELTi PCi_j, or CDi_j, 0-based axes. */
    private static double element(KeywordValues values, Form form, int i, int j, CelestialAxes axes) {
        String suffix = (i + 1) + "_" + (j + 1);
        return switch (form) {
            case CD -> values.real("CD" + suffix, 0.0);
            case PC -> values.real("CDELT" + (i + 1), 1.0) * values.real("PC" + suffix, i == j ? 1.0 : 0.0);
            case CROTA -> values.real("CDELT" + (i + 1), 1.0) * crotaPc(values, i, j, axes);
        };
    }

    /** The PCi_j of AIPS' CROTA of the latitude axis, as wcslib builds it. */
    private static double crotaPc(KeywordValues values, int i, int j, CelestialAxes axes) {
        int lng = axes.longitude();
        int lat = axes.latitude();
        double rho = values.real("CROTA" + (lat + 1), 0.0);
        double cdeltLng = values.real("CDELT" + (lng + 1), 1.0);
        if (cdeltLng == 0.0) {
            throw new InvalidWcs("CDELT" + (lng + 1) + " = 0: the linear transformation is singular");
        }
        double lambda = values.real("CDELT" + (lat + 1), 1.0) / cdeltLng;
        if (i == j) {
            return Angles.cosd(rho);
        }
        return i == lng ? -Angles.sind(rho) * lambda : Angles.sind(rho) / lambda;
    }

    /** {longitude, latitude} intermediate world coordinates (degrees) of offsets from CRPIX. */
    double[] toIntermediate(double u, double v) {
        return new double[] {m[0][0] * u + m[0][1] * v, m[1][0] * u + m[1][1] * v};
    }

    /** Offsets from CRPIX of intermediate world coordinates. */
    double[] toOffsets(double x, double y) {
        return new double[] {inverse[0][0] * x + inverse[0][1] * y, inverse[1][0] * x + inverse[1][1] * y};
    }

    double crpixFirst() {
        return crpixFirst;
    }

    double crpixSecond() {
        return crpixSecond;
    }

    /** Degrees per pixel: the square root of the pixel's area in intermediate world coordinates. */
    double pixelScale() {
        return Math.sqrt(Math.abs(m[0][0] * m[1][1] - m[0][1] * m[1][0]));
    }
}
