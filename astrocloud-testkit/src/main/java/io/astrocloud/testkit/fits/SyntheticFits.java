package io.astrocloud.testkit.fits;

import java.util.ArrayList;
import java.util.List;

/**
 * Layouts of generated FITS files modelled on real archive products: a TESS full-frame-image
 * cube (44 GB, three HDUs), an HST WFC3/IR MultiAccum file (SCI, ERR, DQ, SAMP, TIME per read),
 * small multi-extension files for throughput runs, a tile-compressed image and a binary table
 * with a large heap. Headers carry the keywords such products carry; data are zeros.
 */
public final class SyntheticFits {
    /** Frames in the generated TESS cube: with 2078 x 2136 pixels x 2 planes of float32, 44.0 GB. */
    public static final int TESS_FRAMES = 1240;
    /** Columns of the TESS cube's per-frame table. */
    public static final int TESS_TABLE_COLUMNS = 240;
    private static final int WFC3_IR_PIXELS = 1014;

    private SyntheticFits() {
    }

    /** A TESS FFI cube: primary header, a 4-D float32 image of 44 GB, a wide per-frame table. */
    public static List<HduSpec> tessCube() {
        List<HduSpec> hdus = new ArrayList<>();
        HeaderText primary = new HeaderText()
                .logical("SIMPLE", true, "conforms to FITS standard")
                .integer("BITPIX", 8, "array data type")
                .integer("NAXIS", 0, "number of array dimensions")
                .logical("EXTEND", true, "")
                .string("ORIGIN", "STScI/MAST", "institution responsible for creating this file")
                .string("DATE", "2020-03-05", "file creation date.")
                .string("TELESCOP", "TESS", "telescope")
                .string("INSTRUME", "TESS Photometer", "detector type")
                .integer("SECTOR", 22, "Observing sector")
                .integer("CAMERA", 4, "Camera number")
                .integer("CCD", 4, "CCD chip number")
                .string("DATE-OBS", "2020-02-19T02:52:51.553", "TSTART as UTC calendar date")
                .string("DATE-END", "2020-03-17T22:11:28.398", "TSTOP as UTC calendar date")
                .real("TSTART", 1898.6204628, "observation start time in TJD")
                .real("TSTOP", 1926.4929212, "observation stop time in TJD")
                .real("RA_NOM", 196.8939, "[deg] RA of the camera boresight")
                .real("DEC_NOM", 54.2447, "[deg] Dec of the camera boresight");
        for (int i = 1; primary.cards() < 100; i++) {
            primary.history("Cube assembled from full frame image " + i + " of sector 22 camera 4 ccd 4");
        }
        hdus.add(new HduSpec(primary.end(), 0));

        long frames = TESS_FRAMES;
        HeaderText image = new HeaderText()
                .string("XTENSION", "IMAGE", "Image extension")
                .integer("BITPIX", -32, "array data type")
                .integer("NAXIS", 4, "number of array dimensions")
                .integer("NAXIS1", 2, "flux and flux error")
                .integer("NAXIS2", frames, "frames")
                .integer("NAXIS3", 2078, "columns")
                .integer("NAXIS4", 2136, "rows")
                .integer("PCOUNT", 0, "number of parameters")
                .integer("GCOUNT", 1, "number of groups")
                .string("EXTNAME", "IMAGE", "")
                .string("BUNIT", "e-/s", "physical units of the calibrated pixels");
        hdus.add(new HduSpec(image.end(), 4L * 2 * frames * 2078 * 2136));

        HeaderText table = new HeaderText()
                .string("XTENSION", "BINTABLE", "binary table extension")
                .integer("BITPIX", 8, "array data type")
                .integer("NAXIS", 2, "number of array dimensions")
                .integer("NAXIS1", 8L * TESS_TABLE_COLUMNS, "length of dimension 1")
                .integer("NAXIS2", frames, "length of dimension 2")
                .integer("PCOUNT", 0, "number of group parameters")
                .integer("GCOUNT", 1, "number of groups")
                .integer("TFIELDS", TESS_TABLE_COLUMNS, "number of table fields");
        for (int c = 1; c <= TESS_TABLE_COLUMNS; c++) {
            table.string("TTYPE" + c, "FFIKEY" + c, "keyword of the frame header")
                    .string("TFORM" + c, "D", "")
                    .string("TUNIT" + c, "", "");
        }
        table.string("EXTNAME", "HEADERS", "").fillToBlocks(21);
        hdus.add(new HduSpec(table.end(), 8L * TESS_TABLE_COLUMNS * frames));
        return hdus;
    }

    /**
     * An HST WFC3/IR MultiAccum file: a primary header and five image extensions per read (SCI
     * float32, ERR float32, DQ int16, SAMP int16, TIME float32), each 1014 x 1014, the SCI images
     * with a celestial WCS. Sixteen reads give 81 HDUs and 266 MB.
     */
    public static List<HduSpec> hstWfc3Ir(int reads) {
        List<HduSpec> hdus = new ArrayList<>();
        HeaderText primary = new HeaderText()
                .logical("SIMPLE", true, "data conform to FITS standard")
                .integer("BITPIX", 16, "bits per data value")
                .integer("NAXIS", 0, "number of data axes")
                .logical("EXTEND", true, "File may contain standard extensions")
                .integer("NEXTEND", 5L * reads, "Number of standard extensions")
                .string("FILENAME", "ibxl50clq_raw.fits", "name of file")
                .string("FILETYPE", "SCI", "type of data found in data file")
                .string("TELESCOP", "HST", "telescope used to acquire data")
                .string("INSTRUME", "WFC3", "identifier for instrument used to acquire data")
                .string("DETECTOR", "IR", "detector in use: UVIS or IR")
                .string("FILTER", "F160W", "element selected from filter wheel")
                .string("TARGNAME", "NGC-6397", "proposer's target name")
                .real("RA_TARG", 265.175375, "right ascension of the target (deg) (J2000)")
                .real("DEC_TARG", -53.674333, "declination of the target (deg) (J2000)")
                .string("DATE-OBS", "2010-04-28", "UT date of start of observation (yyyy-mm-dd)")
                .string("TIME-OBS", "05:23:54", "UT time of start of observation (hh:mm:ss)")
                .real("EXPTIME", 1102.937134, "exposure duration (seconds)--calculated")
                .integer("NSAMP", reads, "number of MULTIACCUM samples")
                .string("SAMP_SEQ", "SPARS100", "MultiAccum exposure time sequence name");
        for (int i = 1; primary.cards() < 290; i++) {
            primary.comment("Calibration switch and reference file keyword block entry " + i);
        }
        hdus.add(new HduSpec(primary.end(), 0));
        long pixels = (long) WFC3_IR_PIXELS * WFC3_IR_PIXELS;
        for (int read = 1; read <= reads; read++) {
            hdus.add(irExtension("SCI", -32, read, 4 * pixels, 30));
            hdus.add(irExtension("ERR", -32, read, 4 * pixels, 20));
            hdus.add(irExtension("DQ", 16, read, 2 * pixels, 20));
            hdus.add(irExtension("SAMP", 16, read, 2 * pixels, 14));
            hdus.add(irExtension("TIME", -32, read, 4 * pixels, 14));
        }
        return hdus;
    }

    private static HduSpec irExtension(String name, int bitpix, int read, long dataSize, int cards) {
        HeaderText h = new HeaderText()
                .string("XTENSION", "IMAGE", "extension type")
                .integer("BITPIX", bitpix, "bits per data value")
                .integer("NAXIS", 2, "number of data axes")
                .integer("NAXIS1", WFC3_IR_PIXELS, "length of first data axis")
                .integer("NAXIS2", WFC3_IR_PIXELS, "length of second data axis")
                .integer("PCOUNT", 0, "number of group parameters")
                .integer("GCOUNT", 1, "number of groups")
                .string("EXTNAME", name, "extension name")
                .integer("EXTVER", read, "extension version number")
                .string("ROOTNAME", "ibxl50clq", "rootname of the observation set")
                .real("SAMPTIME", 100.651947 * read, "total integration time (sec)");
        if (name.equals("SCI")) {
            // The science image's WCS, as a raw WFC3/IR file carries it: 0.135 arcsec pixels, no distortion terms.
            h.string("CTYPE1", "RA---TAN", "the coordinate type for the first axis")
                    .string("CTYPE2", "DEC--TAN", "the coordinate type for the second axis")
                    .real("CRPIX1", 507.0, "x-coordinate of reference pixel")
                    .real("CRPIX2", 507.0, "y-coordinate of reference pixel")
                    .real("CRVAL1", 265.175375, "first axis value at reference pixel")
                    .real("CRVAL2", -53.674333, "second axis value at reference pixel")
                    .real("CD1_1", -3.2476E-5, "partial of first axis coordinate w.r.t. x")
                    .real("CD1_2", 1.875E-5, "partial of first axis coordinate w.r.t. y")
                    .real("CD2_1", 1.875E-5, "partial of second axis coordinate w.r.t. x")
                    .real("CD2_2", 3.2476E-5, "partial of second axis coordinate w.r.t. y");
        }
        for (int i = 1; h.cards() < cards; i++) {
            h.real("CD" + (i % 2 + 1) + "_" + (i / 2 % 2 + 1) + "X" + i, 1.0e-5 * i, "partial of axis");
        }
        return new HduSpec(h.end(), dataSize);
    }

    /**
     * A small multi-extension file: a primary header and {@code extensions} 16 x 16 int16 images,
     * with an OBJECT and a sequence number so that files differ.
     */
    public static List<HduSpec> smallMultiExtension(int sequence, int extensions) {
        List<HduSpec> hdus = new ArrayList<>();
        hdus.add(new HduSpec(new HeaderText()
                .logical("SIMPLE", true, "conforms to FITS standard")
                .integer("BITPIX", 8, "")
                .integer("NAXIS", 0, "")
                .logical("EXTEND", true, "")
                .string("OBJECT", "FIELD-" + sequence, "target")
                .string("TELESCOP", "SYNTH", "")
                .string("INSTRUME", "CAM" + (sequence % 3), "")
                .string("DATE-OBS", "2024-01-" + (10 + sequence % 20) + "T00:00:00", "")
                .integer("SEQNUM", sequence, "sequence number")
                .end(), 0));
        for (int e = 1; e <= extensions; e++) {
            hdus.add(new HduSpec(new HeaderText()
                    .string("XTENSION", "IMAGE", "")
                    .integer("BITPIX", 16, "")
                    .integer("NAXIS", 2, "")
                    .integer("NAXIS1", 16, "")
                    .integer("NAXIS2", 16, "")
                    .integer("PCOUNT", 0, "")
                    .integer("GCOUNT", 1, "")
                    .string("EXTNAME", "SCI", "")
                    .integer("EXTVER", e, "")
                    .end(), 2L * 16 * 16));
        }
        return hdus;
    }

    /**
     * A tile-compressed image (RICE_1): a BINTABLE whose heap holds the compressed tiles of a
     * 4096 x 4096 int16 image in tiles of one row (ZTILE2 left to its default, 1), with the WCS
     * (0.05 arcsec pixels) and observation keywords of an HST ACS image of M 51; the header fills
     * one block.
     */
    public static List<HduSpec> tileCompressedImage() {
        int rows = 4096;
        long heap = 48_000_000L;
        List<HduSpec> hdus = new ArrayList<>();
        hdus.add(new HduSpec(new HeaderText()
                .logical("SIMPLE", true, "").integer("BITPIX", 8, "").integer("NAXIS", 0, "")
                .logical("EXTEND", true, "").end(), 0));
        hdus.add(new HduSpec(new HeaderText()
                .string("XTENSION", "BINTABLE", "binary table extension")
                .integer("BITPIX", 8, "")
                .integer("NAXIS", 2, "")
                .integer("NAXIS1", 8, "width of table in bytes")
                .integer("NAXIS2", rows, "number of rows in table")
                .integer("PCOUNT", heap, "size of special data area")
                .integer("GCOUNT", 1, "")
                .integer("TFIELDS", 1, "")
                .string("TTYPE1", "COMPRESSED_DATA", "")
                .string("TFORM1", "1PB(11748)", "")
                .logical("ZIMAGE", true, "extension contains compressed image")
                .integer("ZBITPIX", 16, "")
                .integer("ZNAXIS", 2, "")
                .integer("ZNAXIS1", 4096, "")
                .integer("ZNAXIS2", 4096, "")
                .integer("ZTILE1", 4096, "")
                .string("ZCMPTYPE", "RICE_1", "")
                .string("ZNAME1", "BLOCKSIZE", "").integer("ZVAL1", 32, "")
                .string("ZNAME2", "BYTEPIX", "").integer("ZVAL2", 2, "")
                .string("EXTNAME", "SCI", "")
                .string("TELESCOP", "HST", "").string("INSTRUME", "ACS", "").string("TARGNAME", "NGC5194", "")
                .string("DATE-OBS", "2005-01-20T10:02:13", "").real("EXPTIME", 680.0, "")
                .string("CTYPE1", "RA---TAN", "").string("CTYPE2", "DEC--TAN", "")
                .real("CRPIX1", 2048.5, "").real("CRPIX2", 2048.5, "")
                .real("CRVAL1", 202.4696, "").real("CRVAL2", 47.1952, "")
                .real("CD1_1", -1.3889E-5, "").real("CD2_2", 1.3889E-5, "")
                .end(), 8L * rows + heap));
        return hdus;
    }

    /** A binary table with variable-length arrays: a gap before the heap (THEAP) and a large heap. */
    public static List<HduSpec> wideTableWithHeap() {
        int columns = 120;
        int rows = 100_000;
        long rowBytes = 8L * columns;
        long theap = rowBytes * rows + 2880 * 7;
        long heap = 300_000_000L;
        HeaderText h = new HeaderText()
                .string("XTENSION", "BINTABLE", "binary table extension")
                .integer("BITPIX", 8, "")
                .integer("NAXIS", 2, "")
                .integer("NAXIS1", rowBytes, "")
                .integer("NAXIS2", rows, "")
                .integer("PCOUNT", theap - rowBytes * rows + heap, "gap plus heap")
                .integer("GCOUNT", 1, "")
                .integer("TFIELDS", columns, "")
                .integer("THEAP", theap, "heap offset");
        for (int c = 1; c <= columns; c++) {
            h.string("TTYPE" + c, "SPECTRUM" + c, "").string("TFORM" + c, "1PE(2048)", "");
        }
        List<HduSpec> hdus = new ArrayList<>();
        hdus.add(new HduSpec(new HeaderText()
                .logical("SIMPLE", true, "").integer("BITPIX", 8, "").integer("NAXIS", 0, "")
                .logical("EXTEND", true, "").end(), 0));
        hdus.add(new HduSpec(h.end(), theap + heap));
        return hdus;
    }
}
