package io.astrocloud.testkit.fits;

import java.util.ArrayList;
import java.util.List;

/**
 * A generated TESS calibrated full-frame image ({@code *-s_ffic.fits}) of sector 14, camera 1,
 * CCD 1, laid out as SPOC writes them: a primary header without data, the calibrated image and its
 * uncertainty, each 2136 x 2078 float32 pixels (the 2048 x 2048 science pixels with their
 * collateral columns and rows) with a TAN-SIP WCS of about 21 arcsec per pixel, SIP polynomials of
 * order 4 (A, B) and their inverse (AP, BP), and times in BTJD (TDB, BJDREFI = 2457000). The
 * distortion reaches some 10 pixels at the corners; AP and BP were fitted to it over the whole
 * image (least squares on a 60 x 60 grid, residuals under 0.002 pixels). Data are zeros.
 */
public final class TessFullFrameImage {
    /** Image columns (NAXIS1). */
    public static final int COLUMNS = 2136;
    /** Image rows (NAXIS2). */
    public static final int ROWS = 2078;
    /** CRVAL1, CRVAL2: the sky position of the reference pixel, degrees (ICRS). */
    public static final double[] CRVAL = {278.8853, 35.5497};
    private static final double[][] CD = {{-0.005604, 0.001589}, {0.001562, 0.005617}};
    private static final String[] A = {"2_0", "1.87E-6", "1_1", "-3.04E-6", "0_2", "1.12E-6", "3_0", "-2.06E-10",
        "2_1", "8.35E-11", "1_2", "-2.12E-10", "0_3", "6.4E-11", "4_0", "3.9E-14", "3_1", "-1.1E-14",
        "2_2", "2.7E-14", "1_3", "-8.0E-15", "0_4", "1.6E-14"};
    private static final String[] B = {"2_0", "-1.05E-6", "1_1", "2.41E-6", "0_2", "-2.33E-6", "3_0", "5.8E-11",
        "2_1", "-2.21E-10", "1_2", "7.4E-11", "0_3", "-1.94E-10", "4_0", "1.4E-14", "3_1", "2.9E-14",
        "2_2", "-9.0E-15", "1_3", "3.3E-14", "0_4", "-1.2E-14"};
    private static final String[] AP = {"0_0", "-7.644901E-12", "0_1", "4.824262E-7", "0_2", "-1.119932E-6",
        "0_3", "-7.339996E-11", "0_4", "-1.74715E-14", "1_0", "-5.870255E-7", "1_1", "3.039916E-6",
        "1_2", "2.394625E-10", "1_3", "1.23542E-14", "2_0", "-1.869975E-6", "2_1", "-1.11971E-10",
        "2_2", "-3.237659E-14", "3_0", "2.173862E-10", "3_1", "1.594294E-14", "4_0", "-4.134574E-14"};
    private static final String[] BP = {"0_0", "2.208524E-11", "0_1", "-4.787465E-7", "0_2", "2.329926E-6",
        "0_3", "2.085083E-10", "0_4", "1.469482E-14", "1_0", "3.658764E-7", "1_1", "-2.409863E-6",
        "1_2", "-1.020822E-10", "1_3", "-3.74645E-14", "2_0", "1.050001E-6", "2_1", "2.438158E-10",
        "2_2", "1.451779E-14", "3_0", "-6.486728E-11", "3_1", "-3.289487E-14", "4_0", "-1.282416E-14"};

    private TessFullFrameImage() {
    }

    /** The three HDUs: primary, calibrated image, uncertainty. */
    public static List<HduSpec> hdus() {
        List<HduSpec> hdus = new ArrayList<>();
        hdus.add(new HduSpec(new HeaderText()
                .logical("SIMPLE", true, "conforms to FITS standards")
                .integer("BITPIX", 8, "array data type")
                .integer("NAXIS", 0, "number of array dimensions")
                .logical("EXTEND", true, "file contains extensions")
                .integer("NEXTEND", 2, "number of standard extensions")
                .string("EXTNAME", "PRIMARY", "name of extension")
                .string("ORIGIN", "NASA/Ames", "institution responsible for creating this file")
                .string("DATE", "2019-07-29", "file creation date.")
                .real("TSTART", 1683.35592, "observation start time in TJD")
                .real("TSTOP", 1683.37675, "observation stop time in TJD")
                .string("DATE-OBS", "2019-07-18T20:31:26.004", "TSTART as UTC calendar date")
                .string("DATE-END", "2019-07-18T21:01:25.916", "TSTOP as UTC calendar date")
                .string("TIMVERSN", "OGIP/93-003", "OGIP memo number for file format")
                .string("TELESCOP", "TESS", "telescope")
                .string("INSTRUME", "TESS Photometer", "detector type")
                .integer("DATA_REL", 10, "data release version number")
                .integer("SECTOR", 14, "Observing sector")
                .integer("CAMERA", 1, "Camera number")
                .integer("CCD", 1, "CCD chip number")
                .end(), 0));
        long pixels = 4L * COLUMNS * ROWS;
        hdus.add(new HduSpec(image("CAMERA.CCD 1.1 cal", "e-/s", "calibrated flux").end(), pixels));
        hdus.add(new HduSpec(image("CAMERA.CCD 1.1 uncert", "e-/s", "flux uncertainty").end(), pixels));
        return hdus;
    }

    private static HeaderText image(String name, String unit, String what) {
        HeaderText h = new HeaderText()
                .string("XTENSION", "IMAGE", "marks the beginning of a new HDU")
                .integer("BITPIX", -32, "array data type")
                .integer("NAXIS", 2, "number of array dimensions")
                .integer("NAXIS1", COLUMNS, "length of first array dimension")
                .integer("NAXIS2", ROWS, "length of second array dimension")
                .integer("PCOUNT", 0, "group parameter count (not used)")
                .integer("GCOUNT", 1, "group count (not used)")
                .logical("INHERIT", true, "inherit the primary header")
                .string("EXTNAME", name, "extension name")
                .string("BUNIT", unit, what)
                .string("TELESCOP", "TESS", "telescope")
                .string("INSTRUME", "TESS Photometer", "detector type")
                .integer("CAMERA", 1, "Camera number")
                .integer("CCD", 1, "CCD chip number")
                .string("TIMEREF", "SOLARSYSTEM", "barycentric correction applied to times")
                .string("TASSIGN", "SPACECRAFT", "where time is assigned")
                .string("TIMESYS", "TDB", "time system is Barycentric Dynamical Time (TDB)")
                .integer("BJDREFI", 2457000, "integer part of BTJD reference date")
                .real("BJDREFF", 0.0, "fraction of the day in BTJD reference date")
                .string("TIMEUNIT", "d", "time unit for TIME, TSTART and TSTOP")
                .real("TELAPSE", 0.0208333, "[d] TSTOP - TSTART")
                .real("LIVETIME", 0.0164977, "[d] TELAPSE multiplied by DEADC")
                .real("TSTART", 1683.35592, "observation start time in BTJD")
                .real("TSTOP", 1683.37675, "observation stop time in BTJD")
                .string("DATE-OBS", "2019-07-18T20:31:26.004", "TSTART as UTC calendar date")
                .string("DATE-END", "2019-07-18T21:01:25.916", "TSTOP as UTC calendar date")
                .real("DEADC", 0.792, "deadtime correction")
                .real("EXPOSURE", 0.0164977, "[d] time on source")
                .real("TIMEDEL", 0.0208333, "[d] time resolution of data")
                .real("INT_TIME", 1.98, "[s] photon accumulation time per frame")
                .integer("NUM_FRM", 900, "number of frames per time stamp")
                .string("RADESYS", "ICRS", "reference frame of celestial coordinates")
                .real("EQUINOX", 2000.0, "equinox of celestial coordinate system")
                .integer("WCSAXES", 2, "number of WCS axes")
                .string("CTYPE1", "RA---TAN-SIP", "Gnomonic projection + SIP distortions")
                .string("CTYPE2", "DEC--TAN-SIP", "Gnomonic projection + SIP distortions")
                .real("CRVAL1", CRVAL[0], "RA at CRPIX1, CRPIX2")
                .real("CRVAL2", CRVAL[1], "DEC at CRPIX1, CRPIX2")
                .real("CRPIX1", 1045.0, "X reference pixel")
                .real("CRPIX2", 1001.0, "Y reference pixel")
                .real("CD1_1", CD[0][0], "Transformation matrix")
                .real("CD1_2", CD[0][1], "Transformation matrix")
                .real("CD2_1", CD[1][0], "Transformation matrix")
                .real("CD2_2", CD[1][1], "Transformation matrix");
        polynomial(h, "A", A);
        polynomial(h, "B", B);
        polynomial(h, "AP", AP);
        polynomial(h, "BP", BP);
        return h;
    }

    private static void polynomial(HeaderText h, String name, String[] terms) {
        h.integer(name + "_ORDER", 4, "Polynomial order, axis " + (name.startsWith("A") ? 1 : 2));
        for (int i = 0; i < terms.length; i += 2) {
            h.card(String.format("%-8s= %20s", name + "_" + terms[i], terms[i + 1]));
        }
    }
}
