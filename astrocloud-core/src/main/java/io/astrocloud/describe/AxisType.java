package io.astrocloud.describe;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What an image axis measures, from its CTYPE (WCS papers I-IV): the coordinate type is the
 * CTYPE up to the first hyphen of a {@code TTTT-AAA} form ({@code RA---TAN} is RA,
 * {@code FELO-HEL} is FELO), else the whole CTYPE.
 */
enum AxisType {
    /** A celestial or other spherical coordinate: RA, DEC, xLON/xLAT, xyLN/xyLT (GLON, HPLN, ...). */
    SPATIAL,
    /** A spectral coordinate of WCS paper III (FREQ, ENER, WAVN, VRAD, WAVE, VOPT, ZOPT, AWAV, VELO, BETA) or AIPS' FELO. */
    SPECTRAL,
    /** A time coordinate of WCS paper IV: TIME or a time scale (UTC, TT, TDB, ...). */
    TIME,
    /** STOKES, the polarization axis. */
    STOKES,
    /** COMPLEX, the real-imaginary-weight axis of random-groups visibilities (AIPS). */
    COMPLEX,
    /** No physical type stated: CTYPE absent or blank, PIXEL or LINEAR; counted as an image axis. */
    GENERIC,
    /** A CTYPE none of the above: the axis's meaning is not known here. */
    UNKNOWN;

    private static final Pattern SPHERICAL = Pattern.compile("RA|DEC|[A-Z]LON|[A-Z]LAT|[A-Z]{2}LN|[A-Z]{2}LT");
    private static final Set<String> SPECTRAL_TYPES = Set.of("FREQ", "ENER", "WAVN", "VRAD", "WAVE", "VOPT", "ZOPT",
            "AWAV", "VELO", "BETA", "FELO");
    private static final Set<String> TIME_TYPES = Set.of("TIME", "UTC", "TAI", "TT", "TDT", "ET", "IAT", "UT1", "GMT",
            "GPS", "TCG", "TCB", "TDB", "LOCAL");
    private static final Set<String> GENERIC_TYPES = Set.of("", "PIXEL", "LINEAR");

    /** The coordinate type of a CTYPE ({@code RA---TAN-SIP} gives RA). */
    static String coordinateType(String ctype) {
        String c = ctype.strip().toUpperCase(Locale.ROOT);
        if (c.length() > 4 && c.charAt(4) == '-') {
            c = c.substring(0, 4);
        }
        int hyphens = c.length();
        while (hyphens > 0 && c.charAt(hyphens - 1) == '-') {
            hyphens--;
        }
        return c.substring(0, hyphens);
    }

    /** The algorithm code of a CTYPE ({@code WAVE-F2W} gives F2W), or "" for a linear axis. */
    static String algorithm(String ctype) {
        String c = ctype.strip().toUpperCase(Locale.ROOT);
        return c.length() > 5 && c.charAt(4) == '-' ? c.substring(5) : "";
    }

    static AxisType of(String ctype) {
        String type = coordinateType(ctype);
        if (GENERIC_TYPES.contains(type)) {
            return GENERIC;
        }
        if (SPHERICAL.matcher(type).matches()) {
            return SPATIAL;
        }
        if (SPECTRAL_TYPES.contains(type)) {
            return SPECTRAL;
        }
        if (TIME_TYPES.contains(type)) {
            return TIME;
        }
        if (type.equals("STOKES")) {
            return STOKES;
        }
        return type.equals("COMPLEX") ? COMPLEX : UNKNOWN;
    }
}
