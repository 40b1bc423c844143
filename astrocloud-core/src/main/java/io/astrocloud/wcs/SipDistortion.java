package io.astrocloud.wcs;

import java.util.Arrays;
import java.util.Locale;

/**
 * Simple Imaging Polynomial distortion (Shupe et al. 2005): U = u + sum A_p_q u^p v^q and
 * V = v + sum B_p_q u^p v^q, p + q &lt;= A_ORDER (B_ORDER), over offsets (u, v) from CRPIX1,
 * CRPIX2. The reverse direction starts from the AP/BP polynomials when the header has them (they
 * are fits, good to a fraction of a pixel) and refines by Newton's method on the forward
 * polynomials, so the answer is the pixel the forward direction maps back, as astropy's
 * {@code all_world2pix} finds it. Which keywords count follows astropy: A_ORDER &gt; 1 with
 * B_ORDER &gt; 1 (AP_ORDER, BP_ORDER likewise), applied whether or not CTYPE ends in -SIP.
 */
final class SipDistortion implements PixelDistortion {
    /** Highest order read: SIP fits in use stay far below; more is a hostile header. */
    static final int MAX_ORDER = 20;
    private static final int MAX_ITERATIONS = 50;
    private static final double CONVERGED = 1e-10;
    private final double[][] a;
    private final double[][] b;
    private final double[][] ap;
    private final double[][] bp;

    private SipDistortion(double[][] a, double[][] b, double[][] ap, double[][] bp) {
        this.a = a;
        this.b = b;
        this.ap = ap;
        this.bp = bp;
    }

    /** The header's SIP distortion, or {@link PixelDistortion#NONE}. */
    static PixelDistortion read(KeywordValues values, CelestialAxes axes) {
        double[][][] forward = pair(values, "A", "B");
        if (forward == null) {
            if (pair(values, "AP", "BP") != null) {
                throw new InvalidWcs("AP_ORDER/BP_ORDER without A_ORDER/B_ORDER: an inverse SIP without its "
                    + "distortion");
            }
            return NONE;
        }
        if (axes.firstPixelAxis() != 0 || axes.secondPixelAxis() != 1) {
            throw new InvalidWcs("SIP distortion (A_ORDER) applies to pixel axes 1 and 2, but the celestial axes are "
                + (axes.firstPixelAxis() + 1) + " and " + (axes.secondPixelAxis() + 1));
        }
        double[][][] inverse = pair(values, "AP", "BP");
        return new SipDistortion(forward[0], forward[1], inverse == null ? null : inverse[0],
            inverse == null ? null : inverse[1]);
    }

    /** {X, Y} coefficients of X_ORDER/Y_ORDER &gt; 1, or null when the header has none that count. */
    private static double[][][] pair(KeywordValues values, String x, String y) {
        long xOrder = order(values, x);
        long yOrder = order(values, y);
        if (xOrder <= 1) {
            if (yOrder > 1) {
                throw new InvalidWcs(y + "_ORDER = " + yOrder + " without " + x + "_ORDER");
            }
            return null;
        }
        if (!values.has(y + "_ORDER")) {
            throw new InvalidWcs(x + "_ORDER = " + xOrder + " without " + y + "_ORDER");
        }
        if (yOrder <= 1) {
            return null; // astropy drops both polynomials then
        }
        return new double[][][] {coefficients(values, x, (int) xOrder), coefficients(values, y, (int) yOrder)};
    }

    private static long order(KeywordValues values, String name) {
        long order = values.integer(name + "_ORDER", 0);
        if (order > MAX_ORDER) {
            throw new InvalidWcs(String.format(Locale.ROOT, "%s_ORDER = %d is beyond the %d this reader accepts",
                name, order, MAX_ORDER));
        }
        return order;
    }

    private static double[][] coefficients(KeywordValues values, String name, int order) {
        double[][] c = new double[order + 1][order + 1];
        for (int p = 0; p <= order; p++) {
            for (int q = 0; q <= order - p; q++) {
                c[p][q] = values.real(name + "_" + p + "_" + q, 0.0);
            }
        }
        return c;
    }

    @Override
    public double[] distort(double u, double v) {
        return new double[] {u + polynomial(a, u, v)[0], v + polynomial(b, u, v)[0]};
    }

    @Override
    public double[] undistort(double bigU, double bigV) {
        double u = bigU;
        double v = bigV;
        if (ap != null) {
            u += polynomial(ap, bigU, bigV)[0];
            v += polynomial(bp, bigU, bigV)[0];
        }
        double tolerance = CONVERGED * Math.max(1.0, Math.max(Math.abs(bigU), Math.abs(bigV)));
        for (int i = 0; i < MAX_ITERATIONS; i++) {
            double[] f = polynomial(a, u, v);
            double[] g = polynomial(b, u, v);
            double fu = u + f[0] - bigU;
            double fv = v + g[0] - bigV;
            if (Math.abs(fu) <= tolerance && Math.abs(fv) <= tolerance) {
                return new double[] {u, v};
            }
            double j11 = 1.0 + f[1];
            double j22 = 1.0 + g[2];
            double det = j11 * j22 - f[2] * g[1];
            if (!Double.isFinite(det) || det == 0.0) {
                return null;
            }
            u -= (j22 * fu - f[2] * fv) / det;
            v -= (j11 * fv - g[1] * fu) / det;
            if (!Double.isFinite(u) || !Double.isFinite(v)) {
                return null;
            }
        }
        return null;
    }

    /** {sum c_pq u^p v^q, its derivative by u, its derivative by v}, by Horner's rule in both variables. */
    private static double[] polynomial(double[][] c, double u, double v) {
        double value = 0.0;
        double byU = 0.0;
        double byV = 0.0;
        for (int p = c.length - 1; p >= 0; p--) {
            double row = 0.0;
            double rowByV = 0.0;
            for (int q = c.length - 1 - p; q >= 0; q--) {
                rowByV = rowByV * v + row;
                row = row * v + c[p][q];
            }
            byU = byU * u + value;
            value = value * u + row;
            byV = byV * u + rowByV;
        }
        return new double[] {value, byU, byV};
    }

    @Override
    public String toString() {
        return "SIP A" + Arrays.deepToString(a) + " B" + Arrays.deepToString(b);
    }
}
