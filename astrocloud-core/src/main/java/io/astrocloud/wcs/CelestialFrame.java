package io.astrocloud.wcs;

import java.util.Locale;

/**
 * The celestial reference system of a header's celestial axes (RADESYS, EQUINOX; Paper II
 * section 3.1) and its way into ICRS, as astropy's coordinate frames take it: unit vectors in,
 * unit vectors out.
 */
sealed interface CelestialFrame {

    /** Name for messages and {@link CelestialWcs#frame()}: {@code ICRS}, {@code FK5 J1975.0}, ... */
    String name();

    double[] toIcrs(double[] v);

    double[] fromIcrs(double[] v);

    /** ICRS itself. */
    record Icrs() implements CelestialFrame {
        @Override
        public String name() {
            return "ICRS";
        }

        @Override
        public double[] toIcrs(double[] v) {
            return v;
        }

        @Override
        public double[] fromIcrs(double[] v) {
            return v;
        }
    }

    /** A frame that is a fixed rotation of ICRS: FK5 of any equinox, galactic, ecliptic. */
    record Rotated(String name, double[][] fromIcrsMatrix) implements CelestialFrame {
        static Rotated fk5(double julianEquinox) {
            double[][] icrsToEquinox = Vectors.times(Precession.fromJ2000(julianEquinox), Precession.ICRS_TO_FK5);
            return new Rotated(String.format(Locale.ROOT, "FK5 J%.1f", julianEquinox), icrsToEquinox);
        }

        /** IAU 1958 galactic coordinates with the FK5 J2000 pole and origin astropy uses. */
        static Rotated galactic() {
            double[][] fk5ToGalactic = Vectors.product(
                Vectors.rz((180.0 - 122.9319185680026) * Angles.D2R),
                Vectors.ry((90.0 - 27.12825118085622) * Angles.D2R),
                Vectors.rz(192.8594812065348 * Angles.D2R));
            return new Rotated("GALACTIC", Vectors.times(fk5ToGalactic, Precession.ICRS_TO_FK5));
        }

        /** Barycentric mean ecliptic and equinox of a Julian epoch. */
        static Rotated ecliptic(double julianEquinox) {
            return new Rotated(String.format(Locale.ROOT, "ECLIPTIC J%.1f", julianEquinox),
                Precession.icrsToEcliptic(julianEquinox));
        }

        @Override
        public double[] toIcrs(double[] v) {
            return Vectors.apply(Vectors.transpose(fromIcrsMatrix), v);
        }

        @Override
        public double[] fromIcrs(double[] v) {
            return Vectors.apply(fromIcrsMatrix, v);
        }
    }

    /**
     * FK4 of a Besselian equinox, observed at that epoch (astropy's default obstime), with or
     * without the E-terms of aberration folded into its positions (RADESYS FK4 or FK4-NO-E).
     */
    final class Fk4 implements CelestialFrame {
        private final String name;
        private final double[] eTerms;
        private final double[][] toFk5;
        private final double[][] fromFk5;

        Fk4(double besselianEquinox, boolean withETerms) {
            this.name = String.format(Locale.ROOT, withETerms ? "FK4 B%.1f" : "FK4-NO-E B%.1f", besselianEquinox);
            this.eTerms = withETerms ? Precession.eTerms(besselianEquinox) : null;
            double[][] rotating = Precession.fk4ToFk5(besselianEquinox);
            this.toFk5 = Vectors.times(rotating, Precession.newcomb(besselianEquinox, 1950.0));
            // astropy goes back with the transpose of the (not quite orthogonal) rotating-system matrix.
            this.fromFk5 = Vectors.times(Precession.newcomb(1950.0, besselianEquinox), Vectors.transpose(rotating));
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public double[] toIcrs(double[] v) {
            double[] noETerms = v;
            if (eTerms != null) {
                double[] removed = Vectors.plus(Vectors.minus(v, eTerms), Vectors.scaled(v, Vectors.dot(eTerms, v)));
                noETerms = Vectors.normalized(removed);
            }
            return Vectors.apply(Vectors.transpose(Precession.ICRS_TO_FK5), Vectors.apply(toFk5, noETerms));
        }

        @Override
        public double[] fromIcrs(double[] v) {
            double[] noETerms = Vectors.apply(fromFk5, Vectors.apply(Precession.ICRS_TO_FK5, v));
            if (eTerms == null) {
                return noETerms;
            }
            // astropy adds the E-terms back by ten fixed-point steps; the same steps give the same point.
            double[] r = noETerms;
            for (int i = 0; i < 10; i++) {
                r = Vectors.scaled(Vectors.plus(eTerms, noETerms), 1.0 / (1.0 + Vectors.dot(eTerms, r)));
            }
            return Vectors.normalized(r);
        }
    }
}
