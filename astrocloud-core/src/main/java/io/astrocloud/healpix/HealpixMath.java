package io.astrocloud.healpix;

/**
 * Constants and small functions shared by the grid and the coverage code, with the values and
 * operations HEALPix C++ uses, so that results agree to the last bit where that decides a cell.
 */
final class HealpixMath {
    static final double HALF_PI = 1.570796326794896619231321691639751442099;
    static final double INV_HALF_PI = 0.6366197723675813430755350534900574;
    static final double TWO_THIRDS = 2.0 / 3.0;

    private HealpixMath() {
    }

    /** {@code v1} modulo {@code v2} in [0, v2), as HEALPix C++'s {@code fmodulo}. */
    static double fmodulo(double v1, double v2) {
        if (v1 >= 0) {
            return v1 < v2 ? v1 : v1 % v2;
        }
        double tmp = v1 % v2 + v2;
        return tmp == v2 ? 0 : tmp;
    }

    /** Spreads the low 32 bits of {@code v} to the even bits of a long (a Morton code's x part). */
    static long spreadBits(long v) {
        long x = v & 0xFFFFFFFFL;
        x = (x | (x << 16)) & 0x0000FFFF0000FFFFL;
        x = (x | (x << 8)) & 0x00FF00FF00FF00FFL;
        x = (x | (x << 4)) & 0x0F0F0F0F0F0F0F0FL;
        x = (x | (x << 2)) & 0x3333333333333333L;
        x = (x | (x << 1)) & 0x5555555555555555L;
        return x;
    }

    /** The inverse of {@link #spreadBits}: gathers the even bits of {@code v}. */
    static long compressBits(long v) {
        long x = v & 0x5555555555555555L;
        x = (x | (x >>> 1)) & 0x3333333333333333L;
        x = (x | (x >>> 2)) & 0x0F0F0F0F0F0F0F0FL;
        x = (x | (x >>> 4)) & 0x00FF00FF00FF00FFL;
        x = (x | (x >>> 8)) & 0x0000FFFF0000FFFFL;
        x = (x | (x >>> 16)) & 0x00000000FFFFFFFFL;
        return x;
    }

    /** The unit vector of {@code z = cos θ} and φ, as HEALPix C++'s {@code vec3::set_z_phi}. */
    static Vector3 zPhiToVector(double z, double phi) {
        double sinTheta = Math.sqrt((1 - z) * (1 + z));
        return new Vector3(sinTheta * Math.cos(phi), sinTheta * Math.sin(phi), z);
    }
}
