package io.astrocloud.wcs;

import java.util.LinkedHashMap;
import java.util.Map;

/** Headers written inline for tests: keyword, value, keyword, value, ... */
final class TestHeaders {
    private TestHeaders() {
    }

    static WcsKeywords header(Object... keywordsAndValues) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < keywordsAndValues.length; i += 2) {
            values.put((String) keywordsAndValues[i], keywordsAndValues[i + 1]);
        }
        return WcsKeywords.of(values);
    }

    /** A 100 x 100 TAN image at (150, 30) with 1 arcsec pixels, followed by the given keywords (which win). */
    static WcsKeywords tanImage(Object... more) {
        Object[] base = {"NAXIS", 2L, "NAXIS1", 100L, "NAXIS2", 100L, "CTYPE1", "RA---TAN", "CTYPE2", "DEC--TAN",
            "CRVAL1", 150.0, "CRVAL2", 30.0, "CRPIX1", 50.5, "CRPIX2", 50.5, "CDELT1", -2.777777777777778e-4,
            "CDELT2", 2.777777777777778e-4};
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < base.length; i += 2) {
            values.put((String) base[i], base[i + 1]);
        }
        for (int i = 0; i < more.length; i += 2) {
            if (more[i + 1] == null) {
                values.remove((String) more[i]);
            } else {
                values.put((String) more[i], more[i + 1]);
            }
        }
        return WcsKeywords.of(values);
    }

    /** The reason a header has no celestial WCS; fails when it has one. */
    static String why(WcsKeywords header) {
        WcsResult<CelestialWcs> result = CelestialWcs.read(header);
        if (result instanceof WcsResult.Absent<CelestialWcs> absent) {
            return absent.why();
        }
        throw new AssertionError("expected no celestial WCS, got " + result);
    }
}
