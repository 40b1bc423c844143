package io.astrocloud.healpix;

import static io.astrocloud.healpix.HealpixMath.HALF_PI;
import static io.astrocloud.healpix.HealpixMath.INV_HALF_PI;
import static io.astrocloud.healpix.HealpixMath.TWO_THIRDS;
import static io.astrocloud.healpix.HealpixMath.fmodulo;
import static io.astrocloud.healpix.HealpixMath.zPhiToVector;

import java.util.List;

/**
 * The HEALPix grid at one order (depth) in the NESTED scheme: nside = 2<sup>order</sup> cells along
 * each side of the 12 base pixels (faces), 12·nside² cells in all, numbered with 64-bit nested
 * indices. Orders 0 to {@value #MAX_ORDER}.
 *
 * <pre>{@code
 * Healpix grid = Healpix.order(10);
 * long pix = grid.ang2pix(83.63, 22.01);
 * long[] around = grid.neighbours(pix);
 * }</pre>
 */
public final class Healpix {
    /** The finest order: nside 2<sup>29</sup>, cells of about 0.4 milliarcseconds. */
    public static final int MAX_ORDER = 29;

    private static final int[] JRLL = {2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4};
    private static final int[] JPLL = {1, 3, 5, 7, 0, 2, 4, 6, 1, 3, 5, 7};
    private static final Healpix[] ORDERS = new Healpix[MAX_ORDER + 1];

    static {
        for (int order = 0; order <= MAX_ORDER; order++) {
            ORDERS[order] = new Healpix(order);
        }
    }

    private final int order;
    private final long nside;
    private final long npix;
    private final double fact1;
    private final double fact2;
    private final double maxPixrad;

    private Healpix(int order) {
        this.order = order;
        this.nside = 1L << order;
        this.npix = 12 * nside * nside;
        this.fact2 = 4.0 / npix;
        this.fact1 = (nside << 1) * fact2;
        this.maxPixrad = computeMaxPixrad();
    }

    /** The grid at an order (depth) from 0 to {@value #MAX_ORDER}. */
    public static Healpix order(int order) {
        if (order < 0 || order > MAX_ORDER) {
            throw new IllegalArgumentException("HEALPix order " + order + " is outside 0.." + MAX_ORDER);
        }
        return ORDERS[order];
    }

    /** The grid of an nside, a power of two from 1 to 2<sup>29</sup>. */
    public static Healpix ofNside(long nside) {
        if (nside <= 0 || Long.bitCount(nside) != 1 || nside > 1L << MAX_ORDER) {
            throw new IllegalArgumentException("nside " + nside + " is not a power of two from 1 to 2^" + MAX_ORDER);
        }
        return ORDERS[Long.numberOfTrailingZeros(nside)];
    }

    /** The order (depth). */
    public int order() {
        return order;
    }

    /** Cells along a side of a base pixel: 2<sup>order</sup>. */
    public long nside() {
        return nside;
    }

    /** The number of cells on the sphere: 12·nside². */
    public long npix() {
        return npix;
    }

    /** The largest angular distance, in radians, from a cell centre to its corners (healpy's {@code max_pixrad}). */
    public double maxPixrad() {
        return maxPixrad;
    }

    /** The cell holding a right ascension and declination in degrees (healpy {@code ang2pix(..., nest=True, lonlat=True)}). */
    public long ang2pix(double raDegrees, double decDegrees) {
        return ang2pix(Pointing.ofRaDec(raDegrees, decDegrees));
    }

    /** The cell holding a position. */
    public long ang2pix(Pointing position) {
        double theta = position.theta();
        return (theta < 0.01 || theta > 3.14159 - 0.01)
                ? loc2pix(Math.cos(theta), position.phi(), Math.sin(theta), true)
                : loc2pix(Math.cos(theta), position.phi(), 0, false);
    }

    /** The cell holding the direction of a vector of any non-zero length (healpy {@code vec2pix}). */
    public long vec2pix(Vector3 direction) {
        double x = direction.x();
        double y = direction.y();
        double inverseLength = 1 / direction.length();
        if (!Double.isFinite(inverseLength)) {
            throw new IllegalArgumentException("the zero vector has no direction");
        }
        double phi = (x == 0 && y == 0) ? 0 : Math.atan2(y, x);
        double z = direction.z() * inverseLength;
        return Math.abs(z) > 0.99
                ? loc2pix(z, phi, Math.sqrt(x * x + y * y) * inverseLength, true)
                : loc2pix(z, phi, 0, false);
    }

    /** The centre of a cell (healpy {@code pix2ang}). */
    public Pointing pix2ang(long pix) {
        Location at = pix2loc(pix);
        return at.haveSinTheta()
                ? new Pointing(Math.atan2(at.sinTheta(), at.z()), at.phi())
                : new Pointing(Math.acos(at.z()), at.phi());
    }

    /** The unit vector to the centre of a cell (healpy {@code pix2vec}). */
    public Vector3 pix2vec(long pix) {
        return pix2loc(pix).toVector();
    }

    /** The four corners of a cell in the order north, west, south, east (healpy {@code boundaries(nside, pix, 1, nest=True)}). */
    public List<Vector3> boundaries(long pix) {
        return boundaries(pix, 1);
    }

    /**
     * {@code 4·step} points along the edges of a cell, starting at its north corner and going
     * west, south and east (healpy {@code boundaries(nside, pix, step, nest=True)}). The edges are
     * not great circles: more steps trace them more closely.
     */
    public List<Vector3> boundaries(long pix, int step) {
        if (step < 1) {
            throw new IllegalArgumentException("step " + step + " must be at least 1");
        }
        FaceXy cell = FaceXy.ofNested(checkPixel(pix), order);
        double dc = 0.5 / nside;
        double xc = (cell.ix() + 0.5) / nside;
        double yc = (cell.iy() + 0.5) / nside;
        double d = 1.0 / ((double) step * nside);
        Vector3[] out = new Vector3[4 * step];
        for (int i = 0; i < step; i++) {
            out[i] = xyf2loc(xc + dc - i * d, yc + dc, cell.face()).toVector();
            out[i + step] = xyf2loc(xc - dc, yc + dc - i * d, cell.face()).toVector();
            out[i + 2 * step] = xyf2loc(xc - dc + i * d, yc - dc, cell.face()).toVector();
            out[i + 3 * step] = xyf2loc(xc + dc, yc - dc + i * d, cell.face()).toVector();
        }
        return List.of(out);
    }

    /**
     * The eight cells around a cell in the order SW, W, NW, N, NE, E, SE, S, with -1 where there is
     * none (where three faces meet, one of the eight is missing), as healpy {@code get_all_neighbours(nside, pix, nest=True)}.
     */
    public long[] neighbours(long pix) {
        return FaceNeighbours.of(FaceXy.ofNested(checkPixel(pix), order), order);
    }

    @Override
    public String toString() {
        return "HEALPix order " + order + " (nside " + nside + ", NESTED)";
    }

    /** The cell centre's z = cos θ and φ, for the coverage's distance tests. */
    double[] pix2zphi(long pix) {
        Location at = pix2loc(pix);
        return new double[] {at.z(), at.phi()};
    }

    private long checkPixel(long pix) {
        if (pix < 0 || pix >= npix) {
            throw new IllegalArgumentException("cell " + pix + " does not exist at order " + order
                    + " (nested indices 0.." + (npix - 1) + ")");
        }
        return pix;
    }

    /** Górski et al. 2005, section 4: the equatorial belt (|z| ≤ 2/3) and the polar caps. */
    private long loc2pix(double z, double phi, double sinTheta, boolean haveSinTheta) {
        double za = Math.abs(z);
        double tt = fmodulo(phi * INV_HALF_PI, 4.0);
        if (za <= TWO_THIRDS) {
            double temp1 = nside * (0.5 + tt);
            double temp2 = nside * (z * 0.75);
            long jp = (long) (temp1 - temp2); // index of the ascending edge line
            long jm = (long) (temp1 + temp2); // index of the descending edge line
            long ifp = jp >> order;
            long ifm = jm >> order;
            int face = (int) (ifp == ifm ? (ifp | 4) : (ifp < ifm ? ifp : ifm + 8));
            long ix = jm & (nside - 1);
            long iy = nside - (jp & (nside - 1)) - 1;
            return FaceXy.nested(ix, iy, face, order);
        }
        int ntt = Math.min(3, (int) tt);
        double tp = tt - ntt;
        double tmp = (za < 0.99 || !haveSinTheta)
                ? nside * Math.sqrt(3 * (1 - za))
                : nside * sinTheta / Math.sqrt((1. + za) / 3.);
        long jp = Math.min((long) (tp * tmp), nside - 1);
        long jm = Math.min((long) ((1.0 - tp) * tmp), nside - 1);
        return z >= 0
                ? FaceXy.nested(nside - jm - 1, nside - jp - 1, ntt, order)
                : FaceXy.nested(jp, jm, ntt + 8, order);
    }

    private Location pix2loc(long pix) {
        FaceXy cell = FaceXy.ofNested(checkPixel(pix), order);
        long jr = ((long) JRLL[cell.face()] << order) - cell.ix() - cell.iy() - 1; // ring number
        long nr;
        double z;
        double sinTheta = 0;
        boolean haveSinTheta = false;
        if (jr < nside) {
            nr = jr;
            double tmp = (nr * nr) * fact2;
            z = 1 - tmp;
            if (z > 0.99) {
                sinTheta = Math.sqrt(tmp * (2. - tmp));
                haveSinTheta = true;
            }
        } else if (jr > 3 * nside) {
            nr = nside * 4 - jr;
            double tmp = (nr * nr) * fact2;
            z = tmp - 1;
            if (z < -0.99) {
                sinTheta = Math.sqrt(tmp * (2. - tmp));
                haveSinTheta = true;
            }
        } else {
            nr = nside;
            z = (2 * nside - jr) * fact1;
        }
        long tmp = JPLL[cell.face()] * nr + cell.ix() - cell.iy();
        if (tmp < 0) {
            tmp += 8 * nr;
        }
        double phi = nr == nside ? 0.75 * HALF_PI * tmp * fact1 : (0.5 * HALF_PI * tmp) / nr;
        return new Location(z, phi, sinTheta, haveSinTheta);
    }

    /** A point at continuous face coordinates x, y in [0, 1] (for the cell boundaries). */
    private static Location xyf2loc(double x, double y, int face) {
        double jr = JRLL[face] - x - y;
        double nr;
        double z;
        double sinTheta = 0;
        boolean haveSinTheta = false;
        if (jr < 1) {
            nr = jr;
            double tmp = nr * nr / 3.;
            z = 1 - tmp;
            if (z > 0.99) {
                sinTheta = Math.sqrt(tmp * (2.0 - tmp));
                haveSinTheta = true;
            }
        } else if (jr > 3) {
            nr = 4 - jr;
            double tmp = nr * nr / 3.;
            z = tmp - 1;
            if (z < -0.99) {
                sinTheta = Math.sqrt(tmp * (2. - tmp));
                haveSinTheta = true;
            }
        } else {
            nr = 1;
            z = (2 - jr) * 2. / 3.;
        }
        double tmp = JPLL[face] * nr + x - y;
        if (tmp < 0) {
            tmp += 8;
        }
        if (tmp >= 8) {
            tmp -= 8;
        }
        double phi = nr < 1e-15 ? 0 : (0.5 * HALF_PI * tmp) / nr;
        return new Location(z, phi, sinTheta, haveSinTheta);
    }

    /** The worst case lies between a cell at the belt's edge and the cell above it (HEALPix C++ {@code max_pixrad}). */
    private double computeMaxPixrad() {
        Vector3 a = zPhiToVector(2. / 3., Math.PI / (4.0 * nside));
        double t1 = 1. - 1. / nside;
        t1 *= t1;
        Vector3 b = zPhiToVector(1 - t1 / 3, 0);
        return a.angleTo(b);
    }

    /** z = cos θ and φ, with sin θ kept where it is more accurate than √(1 − z²) (near the poles). */
    private record Location(double z, double phi, double sinTheta, boolean haveSinTheta) {
        Vector3 toVector() {
            return haveSinTheta
                    ? new Vector3(sinTheta * Math.cos(phi), sinTheta * Math.sin(phi), z)
                    : zPhiToVector(z, phi);
        }
    }
}
