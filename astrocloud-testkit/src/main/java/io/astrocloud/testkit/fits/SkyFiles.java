package io.astrocloud.testkit.fits;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The generated files whose headers carry a celestial WCS, by file name: the TESS full-frame image
 * (TAN-SIP with AP/BP), the HST WFC3/IR file (one read: its SCI image has a TAN WCS) and the
 * tile-compressed image (its WCS in the image header). {@code oracles/make_testkit_wcs_golden.py}
 * asks astropy about the files {@link #main} writes, and the tests hold the same files against its
 * answers.
 */
public final class SkyFiles {
    private SkyFiles() {
    }

    /** The files, by name. */
    public static Map<String, List<HduSpec>> all() {
        Map<String, List<HduSpec>> files = new LinkedHashMap<>();
        files.put("tess-ffi.fits", TessFullFrameImage.hdus());
        files.put("hst-wfc3-ir.fits", SyntheticFits.hstWfc3Ir(1));
        files.put("tile-compressed.fits.fz", SyntheticFits.tileCompressedImage());
        return files;
    }

    /** Writes the files (sparse) into the directory named by the first argument. */
    public static void main(String[] args) throws IOException {
        Path dir = Files.createDirectories(Path.of(args[0]));
        for (Map.Entry<String, List<HduSpec>> f : all().entrySet()) {
            SparseFitsWriter.write(dir.resolve(f.getKey()), f.getValue());
        }
    }
}
