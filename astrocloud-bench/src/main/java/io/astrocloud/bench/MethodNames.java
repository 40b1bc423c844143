package io.astrocloud.bench;

import io.astrocloud.settings.Defaults;
import java.util.Locale;

/** The names of the per-file methods, as the tables and the plot show them. */
final class MethodNames {
    /** astro-cloud with its defaults. */
    static final String DEFAULT = "astro-cloud";
    /** astro-cloud with its defaults but no layout prediction. */
    static final String NO_PREDICTION = "astro-cloud, no prediction";
    /** The original design. */
    static final String BLOCKS = "block by block";
    /** Download, then read locally. */
    static final String WHOLE_FILE = "whole-file GET";
    /** What users have. */
    static final String ASTROPY = "astropy+fsspec";
    /** astro-cloud's default over S3. */
    static final String S3 = "astro-cloud over S3";

    private MethodNames() {
    }

    private static final String READ_AHEAD = DEFAULT + ", read-ahead ";

    /** astro-cloud with another read-ahead. */
    static String readAhead(int bytes) {
        return String.format(Locale.ROOT, "%s%,d", READ_AHEAD, bytes);
    }

    /** The read-ahead of a method of the sweep. */
    static int readAheadOf(String method) {
        return method.equals(DEFAULT) ? Defaults.READ_AHEAD
                : Integer.parseInt(method.substring(READ_AHEAD.length()).replace(",", ""));
    }

    /** True for the default and the read-ahead variants: the methods of the read-ahead sweep. */
    static boolean inReadAheadSweep(String method) {
        return method.equals(DEFAULT) || method.startsWith(READ_AHEAD);
    }
}
